// Which slide kinds fit a slide's content (the kind menu offers only these).
import type { Slide, SlideKind } from "./generated/types";

/** All kinds, in menu order. */
export const ALL_KINDS: SlideKind[] = [
  "title",
  "agenda",
  "bullets",
  "takeaways",
  "quote",
  "figures",
  "chart",
  "image",
  "sources",
];

/** True when `kind` can show `slide`'s content without losing or inventing any of it. */
export function fits(slide: Slide, kind: SlideKind): boolean {
  const items = slide.items;
  switch (kind) {
    case "bullets":
    case "takeaways":
    case "agenda":
    case "sources":
      return true;
    case "title":
      return items.length === 0;
    case "quote":
      return items.length === 1 && items[0].text.trim() !== "";
    case "figures":
      return items.length >= 2 && items.length <= 4 && items.every((i) => (i.label ?? "").trim() !== "");
    case "chart":
      return items.length >= 2 && items.every((i) => typeof i.value === "number" && Number.isFinite(i.value));
    case "image":
      return typeof slide.image === "string" && slide.image !== "";
  }
}

/** The kinds `slide` may take, its own kind always included, in menu order. */
export function compatibleKinds(slide: Slide): SlideKind[] {
  return ALL_KINDS.filter((k) => k === slide.kind || fits(slide, k));
}
