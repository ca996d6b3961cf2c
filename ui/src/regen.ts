// Regenerating one slide's bullets: find the freshly planned slide that covers the same part of the article.
import type { Deck, Item, Slide } from "./generated/types";

/** Bytes of overlap between two sets of `[start, end)` ranges. */
export function overlap(a: Array<[number, number]>, b: Array<[number, number]>): number {
  let total = 0;
  for (const [s1, e1] of a) {
    for (const [s2, e2] of b) total += Math.max(0, Math.min(e1, e2) - Math.max(s1, s2));
  }
  return total;
}

function ranges(slide: Slide): Array<[number, number]> {
  return slide.items.flatMap((i) => i.source);
}

/** Base title without a "(cont.)" style suffix, for matching. */
function baseTitle(title: string): string {
  return title.replace(/\s*[（(][^（()）]*[)）]\s*$/, "").trim();
}

/**
 * The items of the slide of `fresh` that best matches `deck.slides[index]`: among
 * slides of the same kind, the one whose items' source ranges overlap the most with the
 * slide's; without any overlap, the first with the same title. `null` when none matches.
 */
export function regeneratedItems(deck: Deck, index: number, fresh: Deck): Item[] | null {
  const slide = deck.slides[index];
  if (!slide) return null;
  const mine = ranges(slide);
  let best: Slide | null = null;
  let bestScore = 0;
  for (const candidate of fresh.slides) {
    if (candidate.kind !== slide.kind) continue;
    const score = overlap(mine, ranges(candidate));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  if (!best) {
    best = fresh.slides.find((c) => c.kind === slide.kind && baseTitle(c.title) === baseTitle(slide.title)) ?? null;
  }
  return best ? best.items : null;
}
