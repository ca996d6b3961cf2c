import { describe, expect, it } from "vitest";
import type { Deck } from "./generated/types";
import { History, setItemText, setTitle } from "./model";
import { baseline, closeAction, isDirty } from "./session";

const deck = (): Deck => ({
  version: 1,
  meta: { title: "Rivers", byline: null, source: null, language: null, source_file: null },
  slides: [
    { kind: "title", title: "Rivers", subtitle: null, items: [], notes: "" },
    { kind: "bullets", title: "Source", subtitle: null, items: [{ text: "It rises north.", source: [[10, 25]] }], notes: "" },
  ],
});

describe("isDirty / closeAction", () => {
  it("a freshly opened deck closes without asking", () => {
    const h = new History(deck());
    const saved = baseline(h.current);
    expect(isDirty(h.current, saved)).toBe(false);
    expect(closeAction(h.current, saved)).toBe("close");
    expect(closeAction(null, null)).toBe("close");
  });

  it("an edit asks; undoing it back to the saved deck closes again", () => {
    const h = new History(deck());
    const saved = baseline(h.current);
    expect(h.apply(setItemText(1, 0, "Edited bullet"))).toBe(true);
    expect(isDirty(h.current, saved)).toBe(true);
    expect(closeAction(h.current, saved)).toBe("ask");
    h.undo();
    expect(closeAction(h.current, saved)).toBe("close");
  });

  it("saving makes the edited deck the baseline; exporting does not", () => {
    const h = new History(deck());
    let saved = baseline(h.current);
    h.apply(setTitle(1, "Where it starts"));
    const exported = h.current; // export reads the deck but leaves the baseline alone
    expect(closeAction(exported, saved)).toBe("ask");
    saved = baseline(h.current); // Save project
    expect(closeAction(h.current, saved)).toBe("close");
  });

  it("a restored autosave (never saved anywhere) asks even unedited", () => {
    expect(isDirty(deck(), null)).toBe(true);
    expect(closeAction(deck(), null)).toBe("ask");
  });
});
