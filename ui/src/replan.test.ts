import { describe, expect, it } from "vitest";
import type { Deck, Item, Slide } from "./generated/types";
import { carryEdits, matchSlide } from "./replan";

const item = (text: string, at: number): Item => ({ text, source: [[at, at + 5]] });
const slide = (kind: Slide["kind"], title: string, items: Item[]): Slide => ({
  kind,
  title,
  subtitle: null,
  items,
  notes: "",
});
const mk = (slides: Slide[]): Deck => ({
  version: 1,
  meta: { title: slides[0]?.title ?? "", byline: null, source: null, language: null, source_file: null },
  slides,
});
const titles = (d: Deck) => d.slides.map((s) => s.title);
const texts = (d: Deck, i: number) => d.slides[i].items.map((x) => x.text);

// The article planned with 3 bullets per slide, and again with 2.
const base = () =>
  mk([
    slide("title", "Rivers", []),
    slide("bullets", "Source", [item("a1", 10), item("a2", 20), item("a3", 30)]),
    slide("bullets", "Future", [item("b1", 50), item("b2", 60), item("b3", 70)]),
    slide("takeaways", "Takeaways", [item("a1", 10), item("b1", 50)]),
  ]);
const fresh2 = () =>
  mk([
    slide("title", "Rivers", []),
    slide("bullets", "Source", [item("a1", 10), item("a3", 30)]),
    slide("bullets", "Future", [item("b1", 50), item("b2", 60)]),
    slide("takeaways", "Takeaways", [item("a1", 10), item("b1", 50)]),
  ]);

describe("carryEdits", () => {
  it("without edits gives the fresh plan", () => {
    expect(carryEdits(base(), base(), fresh2())).toEqual(fresh2());
  });

  it("keeps an edited bullet and an edited title on the fresh slides", () => {
    const current = base();
    current.slides[1].items[0].text = "Edited a1";
    current.slides[2].title = "What comes next";
    const out = carryEdits(base(), current, fresh2());
    expect(titles(out)).toEqual(["Rivers", "Source", "What comes next", "Takeaways"]);
    expect(texts(out, 1)).toEqual(["Edited a1", "a3"]);
    expect(texts(out, 2)).toEqual(["b1", "b2"]);
    // The takeaways slide repeats a1's sentence, but the user edited the bullet only.
    expect(texts(out, 3)).toEqual(["a1", "b1"]);
  });

  it("keeps an edited bullet the fresh plan would drop", () => {
    const current = base();
    current.slides[1].items[1].text = "Edited a2";
    expect(texts(carryEdits(base(), current, fresh2()), 1)).toEqual(["a1", "Edited a2", "a3"]);
  });

  it("keeps deletions, hand-written items and slides, and the user's slide order", () => {
    const current = base();
    current.slides[2].items.splice(0, 1); // delete b1
    current.slides[1].items.push({ text: "my own point", source: [] });
    const [future] = current.slides.splice(2, 1);
    current.slides.splice(1, 0, future); // Future before Source
    current.slides.push(slide("bullets", "Questions?", [{ text: "ask", source: [] }]));
    const out = carryEdits(base(), current, fresh2());
    expect(titles(out)).toEqual(["Rivers", "Future", "Source", "Takeaways", "Questions?"]);
    expect(texts(out, 1)).toEqual(["b2"]);
    expect(texts(out, 2)).toEqual(["a1", "a3", "my own point"]);
  });

  it("keeps deleted slides deleted and adds the fresh plan's new slides after their neighbour", () => {
    const current = base();
    current.slides.splice(3, 1); // no takeaways
    const fresh = fresh2();
    fresh.slides.splice(2, 0, slide("quote", "Source", [item("a quote", 40)]));
    fresh.slides[1].items.push(item("a4", 35)); // more bullets now
    const out = carryEdits(base(), current, fresh);
    expect(titles(out)).toEqual(["Rivers", "Source", "Source", "Future"]);
    expect(out.slides.map((s) => s.kind)).toEqual(["title", "bullets", "quote", "bullets"]);
    expect(texts(out, 1)).toEqual(["a1", "a3", "a4"]);
  });

  it("an edited deck title stays, in the meta too", () => {
    const current = base();
    current.slides[0].title = "Northern rivers";
    current.meta.title = "Northern rivers";
    const out = carryEdits(base(), current, fresh2());
    expect(out.slides[0].title).toBe("Northern rivers");
    expect(out.meta.title).toBe("Northern rivers");
  });

  it("matches slides by their sentences, and unsourced slides by kind and rank", () => {
    const b = base();
    expect(matchSlide(b, 3, fresh2())).toBe(3); // takeaways to takeaways, not to Source
    expect(matchSlide(b, 0, fresh2())).toBe(0);
    expect(matchSlide(b, 2, mk([slide("title", "x", [])]))).toBe(-1);
  });
});
