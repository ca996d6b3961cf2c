// Generated from the Rust types by ts-rs; do not edit.
// Regenerate: DISTILL_UPDATE_TYPES=1 cargo test -p distill-desktop generated_types

export type Deck = { 
/**
 * Format version; [`DECK_VERSION`] for decks written by this build.
 */
version: number, 
/**
 * Title, byline and source shown on the title slide and in the PDF info.
 */
meta: DeckMeta, 
/**
 * Slides in presentation order.
 */
slides: Array<Slide>, };

export type DeckMeta = { 
/**
 * Deck title (the article's title, or one made from its keyphrases).
 */
title: string, 
/**
 * Authors and other credits, one display line (e.g. "作者: itsukun · 编辑: 张铃媛").
 */
byline: string | null, 
/**
 * The publisher or the source the article was reprinted from.
 */
source: string | null, 
/**
 * BCP 47-ish language tag guessed from the text ("zh", "en").
 */
language: string | null, 
/**
 * File name of the article the deck was made from.
 */
source_file: string | null, };

export type Slide = { 
/**
 * Template to lay the slide out with.
 */
kind: SlideKind, 
/**
 * Slide title (for a title slide, the deck title).
 */
title: string, 
/**
 * Subtitle line under the title (the byline on a title slide).
 */
subtitle: string | null, 
/**
 * Bullets, in article order.
 */
items: Array<Item>, 
/**
 * Speaker notes (plain text).
 */
notes: string, 
/**
 * The picture of an [`SlideKind::Image`] slide, or one drawn beside the bullets of a
 * [`SlideKind::Bullets`] slide: the path of a local PNG, JPEG, GIF, WebP or SVG file,
 * absolute or (in a saved deck file) relative to the deck file's folder;
 * [`Deck::load`] makes relative paths absolute. `None` on other slides.
 */
image?: string, };

export type SlideKind = "title" | "agenda" | "bullets" | "quote" | "figures" | "chart" | "takeaways" | "sources" | "image";

export type Item = { 
/**
 * The item's text, plain (no markup).
 */
text: string, 
/**
 * Byte ranges `[start, end)` in the decoded source text; empty for user-written items.
 */
source: Array<[number, number]>, 
/**
 * Secondary text: a quote's speaker, a figure's label.
 */
label?: string, 
/**
 * A chart bar's value (in the unit named by the slide's subtitle).
 */
value?: number, };

export type Settings = { 
/**
 * Built-in theme name: "light", "dark" or "warm".
 */
theme: string, 
/**
 * Page shape: "16:9" or "4:3".
 */
aspect: string, 
/**
 * Most bullets on one slide (2–8) before a section continues on another slide.
 */
max_bullets: number, 
/**
 * Whether the planner may make quote slides.
 */
quotes: boolean, 
/**
 * Whether the planner may make key-figures slides.
 */
figures: boolean, 
/**
 * Whether the planner may make chart slides.
 */
charts: boolean, 
/**
 * UI language chosen in the settings ("en", "zh"); `None` follows the system locale.
 */
lang?: string, };

export type Autosave = { 
/**
 * [`AUTOSAVE_VERSION`].
 */
version: number, 
/**
 * The deck as last edited.
 */
deck: Deck, 
/**
 * The article the deck was planned from, if any (for traceability after restore).
 */
article?: string, 
/**
 * The project file the deck was opened from or last saved to, if any.
 */
project?: string, };

export type Startup = { 
/**
 * The article named on the command line, if any.
 */
initial_path?: string, 
/**
 * UI language, "en" or "zh" (see [`ui_language`]).
 */
lang: string, 
/**
 * Saved settings (defaults on first run).
 */
settings: Settings, 
/**
 * Recent files, most recent first.
 */
recent: Array<string>, 
/**
 * A deck autosaved by a run that did not close cleanly, to offer back.
 */
autosave?: Autosave, 
/**
 * `DISTILL_SAVE_PATH`, when set: Export writes there without a dialog.
 */
save_path?: string, };

export type Opened = { 
/**
 * The planned (or saved) deck.
 */
deck: Deck, 
/**
 * The decoded article text that the items' source byte ranges index into; `None`
 * for a project file.
 */
article_text?: string, 
/**
 * The article file, `None` for pasted text and projects.
 */
article_path?: string, 
/**
 * The project file, when a `.distill.json` / `.json` deck was opened.
 */
project_path?: string, 
/**
 * What the importer removed as boilerplate.
 */
warnings: Array<Warning>, 
/**
 * The recent-files list after this open.
 */
recent: Array<string>, };

export type Warning = { 
/**
 * What kind: "boilerplate" (text the importer removed), "glyph" (a character no
 * bundled font has), "image" (a picture that cannot be read).
 */
kind: string, 
/**
 * One line for the user.
 */
message: string, };

export type Rendered = { 
/**
 * Pages in order.
 */
pages: Array<Page>, 
/**
 * Characters without a glyph, pictures that cannot be read.
 */
warnings: Array<Warning>, };

export type Page = { 
/**
 * Index of the deck slide the page shows (a long slide continues on several pages).
 */
slide: number, 
/**
 * A standalone SVG document, width × height in PDF points.
 */
svg: string, };

export type ExportProgress = { 
/**
 * Steps finished.
 */
done: number, 
/**
 * All steps (layout, render, write).
 */
total: number, };

export type ExportSummary = { 
/**
 * Where the PDF was written.
 */
path: string, 
/**
 * Number of pages.
 */
pages: number, 
/**
 * Size of the file in bytes.
 */
bytes: number, 
/**
 * Non-fatal problems (e.g. characters drawn as placeholders).
 */
warnings: Array<string>, };

export type PasteFormat = "html" | "text";

export type CmdError = { 
/**
 * Which step failed.
 */
kind: CmdErrorKind, 
/**
 * One line for the status bar (the library's message names the file and the problem).
 */
message: string, };

export type CmdErrorKind = "open" | "export" | "save" | "settings" | "no_article" | "no_export" | "opener" | "internal";
