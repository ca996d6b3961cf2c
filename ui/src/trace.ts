// Traceability: cut the article text around an item's source byte ranges (UTF-8 offsets) for highlighting.

/** A run of article text, highlighted when it is part of the item's source. */
export interface Segment {
  text: string;
  highlight: boolean;
}

/**
 * Splits `text` into segments at the UTF-8 byte ranges `[start, end)` of `ranges`
 * (sorted and merged; ranges past the end are clipped). Offsets inside a character
 * move to its start so no character is cut.
 */
export function segments(text: string, ranges: Array<[number, number]>): Segment[] {
  const bytes = new TextEncoder().encode(text);
  const n = bytes.length;
  // Snap to a UTF-8 boundary (continuation bytes are 10xxxxxx).
  const snap = (i: number) => {
    let j = Math.max(0, Math.min(i, n));
    while (j > 0 && j < n && (bytes[j] & 0xc0) === 0x80) j--;
    return j;
  };
  const sorted = ranges
    .map(([s, e]) => [snap(s), snap(e)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const dec = new TextDecoder();
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of merged) {
    if (s > pos) out.push({ text: dec.decode(bytes.subarray(pos, s)), highlight: false });
    out.push({ text: dec.decode(bytes.subarray(s, e)), highlight: true });
    pos = e;
  }
  if (pos < n) out.push({ text: dec.decode(bytes.subarray(pos)), highlight: false });
  return out;
}
