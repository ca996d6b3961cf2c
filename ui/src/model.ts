// The deck being edited and its undo history; every edit is a pure function of the deck.
import type { Deck, Item, Slide, SlideKind } from "./generated/types";
import { fits } from "./kinds";

/** Most undo steps kept. */
export const HISTORY_LIMIT = 200;

/** A deep copy (decks are plain JSON). */
export function cloneDeck(deck: Deck): Deck {
  return JSON.parse(JSON.stringify(deck)) as Deck;
}

/** A deck with its undo and redo stacks. */
export class History {
  private past: Deck[] = [];
  private future: Deck[] = [];
  private deck: Deck;

  constructor(deck: Deck, private readonly limit = HISTORY_LIMIT) {
    this.deck = cloneDeck(deck);
  }

  /** The current deck (do not mutate; edit through `apply`). */
  get current(): Deck {
    return this.deck;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /**
   * Applies `edit` to a copy of the current deck. Returns false (and records nothing)
   * when the edit throws `NoChange` or leaves the deck as it was.
   */
  apply(edit: (deck: Deck) => void): boolean {
    const next = cloneDeck(this.deck);
    try {
      edit(next);
    } catch (err) {
      if (err instanceof NoChange) return false;
      throw err;
    }
    if (JSON.stringify(next) === JSON.stringify(this.deck)) return false;
    this.past.push(this.deck);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
    this.deck = next;
    return true;
  }

  /** Steps back one edit; false when there is none. */
  undo(): boolean {
    const prev = this.past.pop();
    if (!prev) return false;
    this.future.push(this.deck);
    this.deck = prev;
    return true;
  }

  /** Steps forward one undone edit; false when there is none. */
  redo(): boolean {
    const next = this.future.pop();
    if (!next) return false;
    this.past.push(this.deck);
    this.deck = next;
    return true;
  }
}

/** Thrown by an edit that does not apply (e.g. moving the first slide up). */
export class NoChange extends Error {}

function slideAt(deck: Deck, index: number): Slide {
  const slide = deck.slides[index];
  if (!slide) throw new NoChange(`no slide ${index}`);
  return slide;
}

/** Sets a slide's title (trimmed; an empty title is refused). */
export const setTitle = (index: number, text: string) => (deck: Deck) => {
  const t = text.trim();
  if (t === "") throw new NoChange("empty title");
  slideAt(deck, index).title = t;
  if (index === 0 && deck.slides[0].kind === "title") deck.meta.title = t;
};

/** Sets an item's text; an empty text deletes the item. */
export const setItemText = (index: number, item: number, text: string) => (deck: Deck) => {
  const slide = slideAt(deck, index);
  if (!slide.items[item]) throw new NoChange("no item");
  const t = text.trim();
  if (t === "") slide.items.splice(item, 1);
  else slide.items[item].text = t;
};

/** Adds a hand-written item (no source) after `after` (-1: first). */
export const addItem = (index: number, after: number, text: string) => (deck: Deck) => {
  const slide = slideAt(deck, index);
  const item: Item = { text, source: [] };
  slide.items.splice(Math.min(after + 1, slide.items.length), 0, item);
};

/** Removes one item. */
export const deleteItem = (index: number, item: number) => (deck: Deck) => {
  const slide = slideAt(deck, index);
  if (!slide.items[item]) throw new NoChange("no item");
  slide.items.splice(item, 1);
};

/** Moves a slide from `from` to position `to` (both indices in the current deck). */
export const moveSlide = (from: number, to: number) => (deck: Deck) => {
  if (from === to || to < 0 || to >= deck.slides.length) throw new NoChange("no move");
  const [slide] = deck.slides.splice(from, 1);
  if (!slide) throw new NoChange("no slide");
  deck.slides.splice(to, 0, slide);
};

/** Deletes a slide; the last slide cannot be deleted (a deck has at least one). */
export const deleteSlide = (index: number) => (deck: Deck) => {
  slideAt(deck, index);
  if (deck.slides.length <= 1) throw new NoChange("last slide");
  deck.slides.splice(index, 1);
};

/** Inserts a copy of a slide right after it. */
export const duplicateSlide = (index: number) => (deck: Deck) => {
  const copy = JSON.parse(JSON.stringify(slideAt(deck, index))) as Slide;
  deck.slides.splice(index + 1, 0, copy);
};

/** Inserts a new bullets slide with one hand-written item after `after`. */
export const addSlide = (after: number, title: string, item: string) => (deck: Deck) => {
  const slide: Slide = {
    kind: "bullets",
    title,
    subtitle: null,
    items: [{ text: item, source: [] }],
    notes: "",
  };
  deck.slides.splice(Math.min(after + 1, deck.slides.length), 0, slide);
};

/** Changes a slide's kind, if the kind fits its content (see kinds.ts). */
export const setKind = (index: number, kind: SlideKind) => (deck: Deck) => {
  const slide = slideAt(deck, index);
  if (slide.kind === kind || !fits(slide, kind)) throw new NoChange("kind does not fit");
  slide.kind = kind;
};

/** Replaces a slide's items (regenerated bullets), leaving everything else as it is. */
export const replaceItems = (index: number, items: Item[]) => (deck: Deck) => {
  slideAt(deck, index).items = JSON.parse(JSON.stringify(items)) as Item[];
};

/** Replaces the whole deck (re-planned with new settings). */
export const replaceDeck = (fresh: Deck) => (deck: Deck) => {
  deck.version = fresh.version;
  deck.meta = cloneDeck(fresh).meta;
  deck.slides = cloneDeck(fresh).slides;
};
