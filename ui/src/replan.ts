// Re-planning with new settings keeps the user's edits: the fresh plan's content, with every edit made since the last plan carried onto it.
//
// Three decks of the same article: `base` (the plan the user started from), `current` (base
// plus the user's edits) and `fresh` (the article planned again with new settings). Slides
// are matched across decks by the article sentences their items come from (an item's
// `source` byte ranges), and slides without sourced items (title, agenda) by kind and rank.
// The result follows `current`'s slide order; each matched slide takes the fresh slide's
// items, with the user's edits applied: changed titles, kinds and item texts, deleted and
// hand-written items. Hand-written slides stay where they were; slides the user deleted
// stay deleted; slides only the fresh plan has (e.g. quote slides switched on) are
// inserted after the fresh slide before them; slides the fresh plan dropped go, unless the
// user edited them.
import type { Deck, Item, Slide } from "./generated/types";
import { cloneDeck } from "./model";
import { fits } from "./kinds";

/** An item's identity across plans: the byte ranges of its source sentence ("" when hand-written). */
function itemKey(item: Item): string {
  return item.source.length === 0 ? "" : JSON.stringify(item.source);
}

function sourcedKeys(slide: Slide): Set<string> {
  return new Set(slide.items.map(itemKey).filter((k) => k !== ""));
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Index in `to` of the slide that is `from.slides[index]`, or -1. A slide with sourced
 * items matches the slide sharing one of them, of the same kind if there is one (the
 * takeaways slide repeats bullet sentences); a slide without is the n-th such slide of its
 * kind in both decks.
 */
export function matchSlide(from: Deck, index: number, to: Deck): number {
  const slide = from.slides[index];
  const keys = sourcedKeys(slide);
  if (keys.size > 0) {
    const shares = (s: Slide) => s.items.some((i) => keys.has(itemKey(i)));
    const same = to.slides.findIndex((s) => s.kind === slide.kind && shares(s));
    return same >= 0 ? same : to.slides.findIndex(shares);
  }
  const unsourced = (s: Slide) => s.kind === slide.kind && sourcedKeys(s).size === 0;
  const rank = from.slides.slice(0, index).filter(unsourced).length;
  const candidates = to.slides.flatMap((s, i) => (unsourced(s) ? [i] : []));
  return candidates[rank] ?? -1;
}

/** The fresh slide `f` with the edits that turned `b` into `c`. */
function mergeSlide(b: Slide, c: Slide, f: Slide): Slide {
  const out = copy(f);
  if (c.title !== b.title) out.title = c.title;
  if (c.subtitle !== b.subtitle) out.subtitle = c.subtitle;
  const baseText = new Map(b.items.map((i) => [itemKey(i), i.text] as const));
  const freshItem = new Map(f.items.map((i) => [itemKey(i), i] as const));
  // Items in the user's order: fresh versions of unedited ones, the user's edited and
  // hand-written ones; base items the user deleted are left out.
  const items: Item[] = [];
  for (const item of c.items) {
    const key = itemKey(item);
    const planned = key === "" ? undefined : baseText.get(key);
    const fresh = key === "" ? undefined : freshItem.get(key);
    if (planned === undefined) items.push(copy(item)); // hand-written (or unknown): the user's
    else if (planned !== item.text) items.push(fresh ? { ...copy(fresh), text: item.text } : copy(item));
    else if (fresh) items.push(copy(fresh)); // unedited and still planned
    // unedited and no longer planned (fewer bullets per slide): dropped
  }
  // Items only the fresh plan has (more bullets per slide), in article order.
  for (const item of f.items) {
    const key = itemKey(item);
    if (key === "" || baseText.has(key)) continue;
    const start = item.source[0][0];
    let at = items.length;
    for (let i = items.length - 1; i >= 0; i--) {
      const s = items[i].source[0]?.[0];
      if (s !== undefined && s < start) {
        at = i + 1;
        break;
      }
      if (s !== undefined) at = i;
    }
    items.splice(at, 0, copy(item));
  }
  out.items = items;
  if (c.kind !== b.kind && fits(out, c.kind)) out.kind = c.kind;
  else if (!fits(out, out.kind)) out.kind = "bullets";
  return out;
}

/** True when the user changed `c` from `b` (title, subtitle, kind or items). */
function edited(b: Slide, c: Slide): boolean {
  return JSON.stringify(b) !== JSON.stringify(c);
}

/** `fresh` with the edits that turned `base` into `current`; see the module comment. */
export function carryEdits(base: Deck, current: Deck, fresh: Deck): Deck {
  const out = cloneDeck(fresh);
  const slides: Slide[] = [];
  // Output position of each fresh slide placed so far.
  const placed = new Map<number, number>();
  const baseUsed = new Set<number>();
  for (let ci = 0; ci < current.slides.length; ci++) {
    const c = current.slides[ci];
    const bi = matchSlide(current, ci, base);
    if (bi < 0) {
      slides.push(copy(c)); // hand-written or changed beyond recognition: the user's
      continue;
    }
    baseUsed.add(bi);
    const b = base.slides[bi];
    const fi = matchSlide(base, bi, fresh);
    if (fi < 0) {
      if (edited(b, c)) slides.push(copy(c)); // the new plan drops it, but the user worked on it
      continue;
    }
    if (!placed.has(fi)) placed.set(fi, slides.length);
    slides.push(mergeSlide(b, c, fresh.slides[fi]));
  }
  // Fresh slides the user never had: new ones go after the fresh slide before them;
  // those of base slides the user deleted stay deleted.
  const deleted = new Set<number>();
  base.slides.forEach((_, bi) => {
    if (baseUsed.has(bi)) return;
    const fi = matchSlide(base, bi, fresh);
    if (fi >= 0) deleted.add(fi);
  });
  // New slides, grouped by the output slide they follow (-1: before the first).
  const after = new Map<number, Slide[]>();
  fresh.slides.forEach((f, fi) => {
    if (placed.has(fi) || deleted.has(fi)) return;
    let prev = -1;
    for (let j = fi - 1; j >= 0; j--) {
      if (placed.has(j)) {
        prev = placed.get(j) as number;
        break;
      }
    }
    after.set(prev, [...(after.get(prev) ?? []), copy(f)]);
  });
  const merged: Slide[] = [...(after.get(-1) ?? [])];
  slides.forEach((s, i) => merged.push(s, ...(after.get(i) ?? [])));
  slides.splice(0, slides.length, ...merged);
  out.slides = slides.length > 0 ? slides : out.slides;
  if (out.slides[0]?.kind === "title") out.meta.title = out.slides[0].title;
  return out;
}
