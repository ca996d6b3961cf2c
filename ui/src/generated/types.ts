// provisional
export type Deck = { version: number, meta: DeckMeta, slides: Array<Slide>, };
export type DeckMeta = { title: string, byline: string | null, source: string | null, language: string | null, source_file: string | null, };
export type Slide = { kind: SlideKind, title: string, subtitle: string | null, items: Array<Item>, notes: string, image?: string, };
export type SlideKind = "title" | "agenda" | "bullets" | "quote" | "figures" | "chart" | "takeaways" | "sources" | "image";
export type Item = { text: string, source: Array<[number, number]>, label?: string, value?: number, };
export type Settings = { theme: string, aspect: string, max_bullets: number, quotes: boolean, figures: boolean, charts: boolean, lang?: string, };
export type Autosave = { version: number, deck: Deck, article?: string, project?: string, };
export type Startup = { initial_path?: string, lang: string, settings: Settings, recent: Array<string>, autosave?: Autosave, save_path?: string, };
export type Opened = { deck: Deck, article_text?: string, article_path?: string, project_path?: string, warnings: Array<Warning>, recent: Array<string>, };
export type Warning = { kind: string, message: string, };
export type Rendered = { pages: Array<Page>, warnings: Array<Warning>, };
export type Page = { slide: number, svg: string, };
export type ExportProgress = { done: number, total: number, };
export type ExportSummary = { path: string, pages: number, bytes: number, warnings: Array<string>, };
export type PasteFormat = "html" | "text";
