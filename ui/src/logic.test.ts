import { describe, expect, it } from "vitest";
import type { Deck, Slide } from "./generated/types";
import { KEYS, normalizeLang, table, translate } from "./i18n";
import { compatibleKinds } from "./kinds";
import { overlap, regeneratedItems } from "./regen";
import { segments } from "./trace";

const slide = (over: Partial<Slide>): Slide => ({ kind: "bullets", title: "S", subtitle: null, items: [], notes: "", ...over });

describe("compatibleKinds", () => {
  it("offers only kinds that fit the content", () => {
    expect(compatibleKinds(slide({ items: [{ text: "a", source: [] }, { text: "b", source: [] }] }))).toEqual([
      "agenda",
      "bullets",
      "takeaways",
      "sources",
    ]);
    expect(compatibleKinds(slide({ items: [{ text: "one", source: [] }] }))).toContain("quote");
    const figures = slide({
      kind: "figures",
      items: [
        { text: "5 m", source: [], label: "height" },
        { text: "3 t", source: [], label: "weight" },
      ],
    });
    expect(compatibleKinds(figures)).toContain("figures");
    expect(compatibleKinds(figures)).not.toContain("chart");
    const chart = slide({
      kind: "chart",
      items: [
        { text: "A", source: [], value: 3 },
        { text: "B", source: [], value: 5 },
      ],
    });
    expect(compatibleKinds(chart)).toContain("chart");
    expect(compatibleKinds(slide({}))).toContain("title");
    expect(compatibleKinds(slide({ kind: "image", image: "/p.png" }))).toContain("image");
    expect(compatibleKinds(slide({}))).not.toContain("image");
  });
});

describe("regeneratedItems", () => {
  const mk = (slides: Slide[]): Deck => ({
    version: 1,
    meta: { title: "T", byline: null, source: null, language: null, source_file: null },
    slides,
  });
  it("picks the fresh slide covering the same source bytes", () => {
    const current = mk([
      slide({ title: "Renamed by hand", items: [{ text: "edited", source: [[100, 150]] }] }),
    ]);
    const fresh = mk([
      slide({ title: "Intro", items: [{ text: "x", source: [[0, 90]] }] }),
      slide({ title: "Body", items: [{ text: "y1", source: [[95, 140]] }, { text: "y2", source: [[141, 200]] }] }),
    ]);
    expect(regeneratedItems(current, 0, fresh)?.map((i) => i.text)).toEqual(["y1", "y2"]);
    expect(overlap([[100, 150]], [[95, 140], [141, 200]])).toBe(49);
  });
  it("falls back to the title, and gives null without a match", () => {
    const current = mk([slide({ title: "Body (cont.)", items: [] })]);
    const fresh = mk([slide({ title: "Body", items: [{ text: "z", source: [[1, 2]] }] })]);
    expect(regeneratedItems(current, 0, fresh)?.[0].text).toBe("z");
    expect(regeneratedItems(mk([slide({ title: "Other" })]), 0, fresh)).toBeNull();
  });
});

describe("segments", () => {
  it("cuts at UTF-8 byte offsets, not UTF-16 indices", () => {
    const text = "前言。关键句子在这里。结尾";
    const start = new TextEncoder().encode("前言。").length;
    const end = start + new TextEncoder().encode("关键句子在这里。").length;
    expect(segments(text, [[start, end]])).toEqual([
      { text: "前言。", highlight: false },
      { text: "关键句子在这里。", highlight: true },
      { text: "结尾", highlight: false },
    ]);
  });
  it("merges overlapping ranges, clips past the end and never splits a character", () => {
    const text = "ab中cd";
    // 3 is inside 中 (bytes 2..5): it snaps back to 2.
    expect(segments(text, [[3, 6], [5, 99]])).toEqual([
      { text: "ab", highlight: false },
      { text: "中cd", highlight: true },
    ]);
    expect(segments("abc", [])).toEqual([{ text: "abc", highlight: false }]);
  });
});

describe("i18n", () => {
  it("has every key in both languages, with the same {slots}", () => {
    const slots = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(",");
    for (const key of KEYS) {
      expect(table("zh")[key], key).toBeTruthy();
      expect(slots(table("zh")[key]), key).toBe(slots(table("en")[key]));
    }
    expect(Object.keys(table("zh")).sort()).toEqual([...KEYS].sort());
  });
  it("fills slots and picks the language from a locale tag", () => {
    expect(translate("en", "status.opened", { name: "a.md", count: 7 })).toBe("Opened a.md: 7 slides.");
    expect(translate("zh", "preview.title", { n: 2, total: 9 })).toBe("第 2 张，共 9 张");
    expect(normalizeLang("zh-CN")).toBe("zh");
    expect(normalizeLang("en_US")).toBe("en");
    expect(normalizeLang(undefined)).toBe("en");
  });
});
