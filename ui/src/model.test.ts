import { describe, expect, it } from "vitest";
import type { Deck } from "./generated/types";
import {
  History,
  addItem,
  addSlide,
  deleteSlide,
  duplicateSlide,
  moveSlide,
  replaceItems,
  setItemText,
  setKind,
  setTitle,
} from "./model";

function deck(): Deck {
  return {
    version: 1,
    meta: { title: "Tides", byline: null, source: null, language: "en", source_file: null },
    slides: [
      { kind: "title", title: "Tides", subtitle: null, items: [], notes: "" },
      {
        kind: "bullets",
        title: "Why",
        subtitle: null,
        items: [
          { text: "The moon pulls.", source: [[0, 15]] },
          { text: "The sun pulls less.", source: [[16, 35]] },
        ],
        notes: "",
      },
      { kind: "quote", title: "Voices", subtitle: null, items: [{ text: "Time and tide.", source: [], label: "Proverb" }], notes: "" },
    ],
  };
}

describe("History", () => {
  it("undoes and redoes every edit in order", () => {
    const h = new History(deck());
    expect(h.apply(setItemText(1, 0, "  The moon pulls hardest. "))).toBe(true);
    expect(h.apply(setTitle(1, "Why tides turn"))).toBe(true);
    expect(h.current.slides[1].items[0].text).toBe("The moon pulls hardest.");
    expect(h.current.slides[1].title).toBe("Why tides turn");

    expect(h.undo()).toBe(true);
    expect(h.current.slides[1].title).toBe("Why");
    expect(h.current.slides[1].items[0].text).toBe("The moon pulls hardest.");
    expect(h.undo()).toBe(true);
    expect(h.current.slides[1].items[0].text).toBe("The moon pulls.");
    expect(h.undo()).toBe(false);

    expect(h.redo()).toBe(true);
    expect(h.redo()).toBe(true);
    expect(h.current.slides[1].title).toBe("Why tides turn");
    expect(h.redo()).toBe(false);
  });

  it("records nothing for an edit that changes nothing, and a new edit clears redo", () => {
    const h = new History(deck());
    expect(h.apply(setItemText(1, 0, "The moon pulls."))).toBe(false);
    expect(h.apply(moveSlide(0, -1))).toBe(false);
    expect(h.apply(setTitle(1, "   "))).toBe(false);
    expect(h.canUndo).toBe(false);
    h.apply(setTitle(2, "Sayings"));
    h.undo();
    expect(h.canRedo).toBe(true);
    h.apply(setTitle(2, "Proverbs"));
    expect(h.canRedo).toBe(false);
  });

  it("never lets an edit change the deck it was given or an earlier state", () => {
    const original = deck();
    const h = new History(original);
    h.apply(setItemText(1, 1, "changed"));
    expect(original.slides[1].items[1].text).toBe("The sun pulls less.");
    h.undo();
    expect(h.current.slides[1].items[1].text).toBe("The sun pulls less.");
  });

  it("keeps at most `limit` undo steps", () => {
    const h = new History(deck(), 3);
    for (let i = 0; i < 5; i++) h.apply(setTitle(1, `T${i}`));
    let steps = 0;
    while (h.undo()) steps++;
    expect(steps).toBe(3);
    expect(h.current.slides[1].title).toBe("T1");
  });
});

describe("edits", () => {
  it("moves, duplicates, adds and deletes slides", () => {
    const h = new History(deck());
    h.apply(moveSlide(2, 0));
    expect(h.current.slides.map((s) => s.kind)).toEqual(["quote", "title", "bullets"]);
    h.apply(duplicateSlide(2));
    expect(h.current.slides.length).toBe(4);
    expect(h.current.slides[3]).toEqual(h.current.slides[2]);
    h.apply(addSlide(0, "New slide", "New point"));
    expect(h.current.slides[1]).toMatchObject({ kind: "bullets", title: "New slide", items: [{ text: "New point", source: [] }] });
    h.apply(deleteSlide(1));
    expect(h.current.slides.length).toBe(4);
  });

  it("refuses to delete the last slide", () => {
    const h = new History({ ...deck(), slides: [deck().slides[1]] });
    expect(h.apply(deleteSlide(0))).toBe(false);
    expect(h.current.slides.length).toBe(1);
  });

  it("an empty item text deletes the item; added items have no source", () => {
    const h = new History(deck());
    h.apply(setItemText(1, 0, ""));
    expect(h.current.slides[1].items.map((i) => i.text)).toEqual(["The sun pulls less."]);
    h.apply(addItem(1, 0, "Hand-written"));
    expect(h.current.slides[1].items[1]).toEqual({ text: "Hand-written", source: [] });
  });

  it("changes a kind only to one that fits", () => {
    const h = new History(deck());
    expect(h.apply(setKind(1, "takeaways"))).toBe(true);
    expect(h.apply(setKind(1, "quote"))).toBe(false); // two items
    expect(h.apply(setKind(1, "chart"))).toBe(false); // no values
    expect(h.apply(setKind(2, "bullets"))).toBe(true);
    expect(h.current.slides.map((s) => s.kind)).toEqual(["title", "takeaways", "bullets"]);
  });

  it("renaming the title slide renames the deck", () => {
    const h = new History(deck());
    h.apply(setTitle(0, "Ocean tides"));
    expect(h.current.meta.title).toBe("Ocean tides");
  });

  it("replaces one slide's items and nothing else", () => {
    const h = new History(deck());
    h.apply(setTitle(2, "Edited elsewhere"));
    h.apply(replaceItems(1, [{ text: "Fresh", source: [[0, 5]] }]));
    expect(h.current.slides[1].items).toEqual([{ text: "Fresh", source: [[0, 5]] }]);
    expect(h.current.slides[2].title).toBe("Edited elsewhere");
  });
});
