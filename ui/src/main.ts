// The Distill window: open an article, edit its deck with undo, see the exact slides, export the PDF.
// Article text reaches the page only as text nodes (textContent), never as HTML; slide
// previews are our own SVG shown through <img> from blob: URLs, where no script runs.

import { Channel, invoke } from "@tauri-apps/api/core";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { open as openDialog, save as saveDialog } from "@tauri-apps/plugin-dialog";
import "./style.css";
import type {
  Autosave,
  Deck,
  ExportProgress,
  ExportSummary,
  Opened,
  PasteFormat,
  Rendered,
  Settings,
  SlideKind,
  Startup,
  Warning,
} from "./generated/types";
import { type Key, type Lang, normalizeLang, translate } from "./i18n";
import { compatibleKinds } from "./kinds";
import {
  History,
  addItem,
  cloneDeck,
  addSlide,
  deleteItem,
  deleteSlide,
  duplicateSlide,
  moveSlide,
  replaceDeck,
  replaceItems,
  setItemText,
  setKind,
  setTitle,
} from "./model";
import { regeneratedItems } from "./regen";
import { carryEdits } from "./replan";
import { type Baseline, baseline, closeAction, isDirty } from "./session";
import { segments } from "./trace";

type AppStateName = "empty" | "loading" | "loaded" | "exporting" | "exported" | "error" | "closing";

const ARTICLE_FILTERS = [
  { name: "Articles and projects", extensions: ["md", "markdown", "txt", "html", "htm", "json"] },
];
const PDF_FILTERS = [{ name: "PDF", extensions: ["pdf"] }];
const PROJECT_FILTERS = [{ name: "Distill project", extensions: ["json"] }];

function $(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (!node) throw new Error(`missing #${id}`);
  return node;
}

const el = {
  openBtn: $("open-btn") as HTMLButtonElement,
  saveBtn: $("save-btn") as HTMLButtonElement,
  undoBtn: $("undo-btn") as HTMLButtonElement,
  redoBtn: $("redo-btn") as HTMLButtonElement,
  exportBtn: $("export-btn") as HTMLButtonElement,
  theme: $("theme-select") as HTMLSelectElement,
  aspect: $("aspect-select") as HTMLSelectElement,
  bullets: $("bullets-select") as HTMLSelectElement,
  quotes: $("quotes-check") as HTMLInputElement,
  figures: $("figures-check") as HTMLInputElement,
  charts: $("charts-check") as HTMLInputElement,
  lang: $("lang-select") as HTMLSelectElement,
  docName: $("doc-name"),
  banner: $("restore-banner"),
  restoreAccept: $("restore-accept") as HTMLButtonElement,
  restoreDismiss: $("restore-dismiss") as HTMLButtonElement,
  empty: $("empty"),
  emptyOpen: $("empty-open") as HTMLButtonElement,
  recent: $("recent"),
  recentList: $("recent-list"),
  workspace: $("workspace"),
  addSlide: $("add-slide") as HTMLButtonElement,
  slideCount: $("slide-count"),
  slideList: $("slide-list"),
  preview: $("preview"),
  previewCaption: $("preview-caption"),
  previewBusy: $("preview-busy"),
  thumbnails: $("thumbnails"),
  source: $("source"),
  warnings: $("warnings"),
  warningCount: $("warning-count"),
  dropZone: $("drop-zone"),
  status: $("status"),
  progress: $("progress") as HTMLProgressElement,
  exportActions: $("export-actions"),
  openPdf: $("open-pdf") as HTMLButtonElement,
  revealPdf: $("reveal-pdf") as HTMLButtonElement,
  closeDialog: $("close-dialog") as HTMLDialogElement,
  closeText: $("close-text"),
  closeSave: $("close-save") as HTMLButtonElement,
  closeDiscard: $("close-discard") as HTMLButtonElement,
  closeCancel: $("close-cancel") as HTMLButtonElement,
};

/** Everything the window knows. The deck itself lives in `history`. */
const app = {
  lang: "en" as Lang,
  settings: null as Settings | null,
  history: null as History | null,
  selected: 0,
  articleText: null as string | null,
  articlePath: null as string | null,
  projectPath: null as string | null,
  importWarnings: [] as Warning[],
  renderWarnings: [] as Warning[],
  pages: [] as Array<{ slide: number; url: string }>,
  savePath: null as string | null,
  recent: [] as string[],
  pendingAutosave: null as Autosave | null,
  busy: false,
  renderSeq: 0,
  /** The deck as last opened or saved as a project (`null`: never saved, e.g. restored). */
  saved: null as Baseline,
  /** The plan the deck's edits started from (re-planning carries them onto a fresh plan). */
  planBase: null as Deck | null,
  traced: null as { slide: number; item: number } | null,
};

// ---------- small helpers ----------

function t(key: Key, params: Record<string, string | number> = {}): string {
  return translate(app.lang, key, params);
}

/** An element with a class and text content (text only, never HTML). */
function make<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(label: string, title: string, onClick: () => void, className = "icon small"): HTMLButtonElement {
  const b = make("button", className, label);
  b.type = "button";
  b.title = title;
  b.setAttribute("aria-label", title);
  b.addEventListener("click", (e) => {
    e.stopPropagation();
    onClick();
  });
  return b;
}

function setState(state: AppStateName): void {
  document.body.dataset.state = state;
}

function setStatus(message: string, kind: "info" | "ok" | "error" = "info"): void {
  el.status.textContent = message;
  el.status.dataset.kind = kind;
}

function errorText(err: unknown): string {
  if (err && typeof err === "object" && "message" in err) return String((err as { message: unknown }).message);
  return String(err);
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** Same folder and stem as `path`, with extension `ext` (".pdf", ".distill.json"). */
function siblingPath(path: string, ext: string): string {
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  let stem = path;
  if (stem.toLowerCase().endsWith(".distill.json")) stem = stem.slice(0, -".distill.json".length);
  else {
    const dot = stem.lastIndexOf(".");
    if (dot > slash + 1) stem = stem.slice(0, dot);
  }
  return stem + ext;
}

function deck(): Deck | null {
  return app.history ? app.history.current : null;
}

// ---------- language ----------

function applyLanguage(lang: Lang): void {
  app.lang = lang;
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  el.lang.value = lang;
  for (const node of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
    node.textContent = t(node.dataset.i18n as Key);
  }
  for (const node of document.querySelectorAll<HTMLElement>("[data-i18n-title]")) {
    const text = t(node.dataset.i18nTitle as Key);
    node.title = text;
    node.setAttribute("aria-label", text);
  }
  if (deck()) {
    renderOutline();
    renderCaption();
    renderWarnings();
    renderSource();
  }
  renderRecent();
}

// ---------- settings ----------

function readSettingsFromForm(): Settings {
  const base = app.settings as Settings;
  return {
    ...base,
    theme: el.theme.value,
    aspect: el.aspect.value,
    max_bullets: Number(el.bullets.value),
    quotes: el.quotes.checked,
    figures: el.figures.checked,
    charts: el.charts.checked,
  };
}

function writeSettingsToForm(s: Settings): void {
  el.theme.value = s.theme;
  el.aspect.value = s.aspect;
  el.bullets.value = String(s.max_bullets);
  el.quotes.checked = s.quotes;
  el.figures.checked = s.figures;
  el.charts.checked = s.charts;
}

async function persistSettings(): Promise<void> {
  try {
    await invoke<string>("save_settings", { settings: app.settings });
  } catch (err) {
    setStatus(t("status.saveFailed", { message: errorText(err) }), "error");
  }
}

/** Theme or aspect changed: only the layout changes. */
async function onLayoutSetting(): Promise<void> {
  app.settings = readSettingsFromForm();
  await persistSettings();
  schedulePreview();
}

/**
 * Bullets per slide or extras changed: plan the article again and carry the user's edits
 * onto the new plan (see replan.ts), as one undoable edit.
 */
async function onPlanSetting(): Promise<void> {
  const before = app.settings as Settings;
  app.settings = readSettingsFromForm();
  const d = deck();
  const replan = d !== null && app.articleText !== null;
  if (replan) setState("loading");
  await persistSettings();
  if (!replan) return;
  try {
    // A restored deck has no recorded plan: the article planned with the previous settings.
    const base = app.planBase ?? (await invoke<Deck>("replan", { settings: before }));
    const fresh = await invoke<Deck>("replan", { settings: app.settings });
    const current = deck() ?? d;
    const merged = carryEdits(base, current, fresh);
    const kept = JSON.stringify(current) !== JSON.stringify(base);
    app.planBase = fresh;
    edit(replaceDeck(merged), { structural: true });
    app.selected = Math.min(app.selected, merged.slides.length - 1);
    setState("loaded");
    setStatus(t(kept ? "status.replannedKept" : "status.replanned"), "ok");
  } catch (err) {
    setState("loaded");
    setStatus(t("status.replanFailed", { message: errorText(err) }), "error");
  }
}

// ---------- editing ----------

/**
 * Applies an edit to the deck, records it for undo, autosaves and re-renders.
 * `structural` edits rebuild the outline; in-place text edits keep it (the DOM already
 * shows the new text and rebuilding would steal focus from the next field).
 */
function edit(fn: (deck: Deck) => void, opts: { structural: boolean }): boolean {
  if (!app.history) return false;
  const changed = app.history.apply(fn);
  if (!changed) {
    if (opts.structural) renderOutline();
    return false;
  }
  afterChange(opts.structural);
  return true;
}

function afterChange(structural: boolean): void {
  const d = deck();
  if (!d) return;
  app.selected = Math.max(0, Math.min(app.selected, d.slides.length - 1));
  if (structural) renderOutline();
  else renderOutlineMeta();
  updateButtons();
  void autosave();
  schedulePreview();
  if (document.body.dataset.state !== "loading") setState("loaded");
}

async function autosave(): Promise<void> {
  const d = deck();
  if (!d) return;
  try {
    await invoke("autosave", { deck: d, article: app.articlePath, project: app.projectPath });
  } catch (err) {
    setStatus(t("status.autosaveFailed", { message: errorText(err) }), "error");
  }
}

function undo(): void {
  if (!app.history) return;
  if (app.history.undo()) {
    afterChange(true);
    setStatus(t("status.undo"));
  } else setStatus(t("status.nothingToUndo"));
}

function redo(): void {
  if (!app.history) return;
  if (app.history.redo()) {
    afterChange(true);
    setStatus(t("status.redo"));
  } else setStatus(t("status.nothingToRedo"));
}

async function regenerate(index: number): Promise<void> {
  const d = deck();
  if (!d || !app.settings) return;
  try {
    const fresh = await invoke<Deck>("replan", { settings: app.settings });
    const items = regeneratedItems(d, index, fresh);
    if (!items) {
      setStatus(t("status.regenerateNone", { n: index + 1 }), "error");
      return;
    }
    edit(replaceItems(index, items), { structural: true });
    setStatus(t("status.regenerated", { n: index + 1 }), "ok");
  } catch (err) {
    setStatus(t("status.replanFailed", { message: errorText(err) }), "error");
  }
}

// ---------- outline ----------

/**
 * Makes `node` an in-place editor of one text: Enter or blur commits through `commit`,
 * Escape reverts. Plain text only.
 */
function editable(node: HTMLElement, text0: string, commit: (text: string) => void): void {
  let original = text0;
  try {
    node.contentEditable = "plaintext-only";
  } catch {
    node.contentEditable = "true"; // engines without plaintext-only; pastes are made plain below
  }
  node.spellcheck = false;
  node.textContent = original;
  node.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      node.blur();
    } else if (e.key === "Escape") {
      node.textContent = original;
      node.blur();
    }
  });
  node.addEventListener("blur", () => {
    const text = (node.textContent ?? "").replace(/\s+/g, " ").trim();
    if (text !== original) {
      original = text; // the field now shows the model's text (a refused edit re-renders it)
      commit(text);
    } else node.textContent = original;
  });
  // Pasting into a field keeps text only.
  node.addEventListener("paste", (e) => {
    e.stopPropagation();
    const text = e.clipboardData?.getData("text/plain");
    if (text === undefined) return;
    e.preventDefault();
    document.execCommand("insertText", false, text.replace(/\s+/g, " "));
  });
}

function kindLabel(kind: SlideKind): string {
  return t(`kind.${kind}` as Key);
}

let dragFrom: number | null = null;

function renderSlideItem(index: number): HTMLLIElement {
  const d = deck() as Deck;
  const slide = d.slides[index];
  const li = make("li", "slide-item");
  li.dataset.testid = "slide-item";
  li.dataset.kind = slide.kind;
  li.dataset.index = String(index);
  li.tabIndex = 0;
  li.classList.toggle("selected", index === app.selected);
  li.draggable = true;

  const head = make("div", "slide-head");
  const num = make("span", "slide-num", String(index + 1));
  const kind = make("select", "kind-select");
  kind.title = t("outline.kind");
  for (const k of compatibleKinds(slide)) {
    const opt = make("option", undefined, kindLabel(k));
    opt.value = k;
    kind.append(opt);
  }
  kind.value = slide.kind;
  kind.disabled = kind.options.length < 2;
  kind.addEventListener("change", () => edit(setKind(index, kind.value as SlideKind), { structural: true }));
  kind.addEventListener("click", (e) => e.stopPropagation());

  const actions = make("span", "slide-actions");
  actions.append(
    button("↑", t("outline.up"), () => move(index, index - 1)),
    button("↓", t("outline.down"), () => move(index, index + 1)),
    button("⧉", t("outline.duplicate"), () => {
      if (edit(duplicateSlide(index), { structural: true })) select(index + 1);
    }),
  );
  if (app.articleText !== null && slide.items.some((i) => i.source.length > 0)) {
    actions.append(button("⟳", t("outline.regenerate"), () => void regenerate(index)));
  }
  actions.append(button("✕", t("outline.delete"), () => removeSlide(index), "icon small danger"));
  head.append(num, kind, actions);

  const title = make("div", "slide-title");
  title.dataset.testid = "slide-title";
  editable(title, slide.title, (text) => edit(setTitle(index, text), { structural: text === "" }));
  li.append(head, title);

  if (slide.subtitle) li.append(make("div", "slide-subtitle", slide.subtitle));

  if (slide.items.length > 0 || slide.kind !== "title") {
    const ul = make("ul", "slide-bullets");
    slide.items.forEach((item, j) => {
      const row = make("li", "bullet-row");
      const text = make("span", "slide-bullet");
      text.dataset.testid = "slide-bullet";
      editable(text, item.text, (value) => edit(setItemText(index, j, value), { structural: value === "" }));
      text.addEventListener("focus", () => traceItem(index, j));
      text.addEventListener("click", () => traceItem(index, j));
      row.append(text);
      const extra = [item.label, typeof item.value === "number" ? String(item.value) : null].filter(Boolean);
      if (extra.length > 0) row.append(make("span", "item-extra", extra.join(" · ")));
      row.append(button("−", t("outline.deleteItem"), () => edit(deleteItem(index, j), { structural: true }), "icon small row-del"));
      ul.append(row);
    });
    li.append(ul);
    const add = make("button", "link small", `+ ${t("outline.addItem")}`);
    add.type = "button";
    add.addEventListener("click", (e) => {
      e.stopPropagation();
      if (edit(addItem(index, slide.items.length - 1, t("outline.newItem")), { structural: true })) {
        focusField(index, "bullet", slide.items.length);
      }
    });
    li.append(add);
  }

  li.addEventListener("click", () => select(index));
  li.addEventListener("keydown", (e) => {
    if (e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
      e.preventDefault();
      const active = document.activeElement as HTMLElement | null;
      active?.blur(); // commit a field being edited first
      move(index, e.key === "ArrowUp" ? index - 1 : index + 1);
    } else if (e.key === "Delete" && e.target === li) {
      e.preventDefault();
      removeSlide(index);
    }
  });
  li.addEventListener("dragstart", (e) => {
    dragFrom = index;
    e.dataTransfer?.setData("text/plain", String(index));
    li.classList.add("dragging");
  });
  li.addEventListener("dragend", () => {
    dragFrom = null;
    li.classList.remove("dragging");
  });
  li.addEventListener("dragover", (e) => {
    if (dragFrom === null) return;
    e.preventDefault();
    li.classList.add("drag-target");
  });
  li.addEventListener("dragleave", () => li.classList.remove("drag-target"));
  li.addEventListener("drop", (e) => {
    li.classList.remove("drag-target");
    if (dragFrom === null) return;
    e.preventDefault();
    move(dragFrom, index);
  });
  return li;
}

function focusField(index: number, what: "title" | "bullet", item = 0): void {
  const li = el.slideList.children[index] as HTMLElement | undefined;
  const node =
    what === "title"
      ? li?.querySelector<HTMLElement>('[data-testid="slide-title"]')
      : li?.querySelectorAll<HTMLElement>('[data-testid="slide-bullet"]')[item];
  if (!node) return;
  node.focus();
  const range = document.createRange();
  range.selectNodeContents(node);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}

function move(from: number, to: number): void {
  if (edit(moveSlide(from, to), { structural: true })) {
    select(to);
    (el.slideList.children[to] as HTMLElement | undefined)?.focus();
  }
}

function removeSlide(index: number): void {
  const d = deck();
  if (!d) return;
  if (d.slides.length <= 1) {
    setStatus(t("status.lastSlide"), "error");
    return;
  }
  edit(deleteSlide(index), { structural: true });
}

function renderOutline(): void {
  const d = deck();
  if (!d) return;
  const items = d.slides.map((_, i) => renderSlideItem(i));
  el.slideList.replaceChildren(...items);
  renderOutlineMeta();
}

function renderOutlineMeta(): void {
  const d = deck();
  if (!d) return;
  el.slideCount.textContent = t("count.slides", { count: d.slides.length });
  const name = app.projectPath ?? app.articlePath;
  const dirty = isDirty(d, app.saved);
  el.docName.textContent = `${d.meta.title}${name ? ` — ${baseName(name)}` : ""}${dirty ? " •" : ""}`;
  document.title = `${dirty ? "• " : ""}${d.meta.title} — Distill`;
}

function select(index: number): void {
  const d = deck();
  if (!d) return;
  app.selected = Math.max(0, Math.min(index, d.slides.length - 1));
  for (const [i, node] of Array.from(el.slideList.children).entries()) {
    node.classList.toggle("selected", i === app.selected);
  }
  renderPreview();
}

// ---------- preview ----------

let previewTimer: number | undefined;

function schedulePreview(): void {
  window.clearTimeout(previewTimer);
  previewTimer = window.setTimeout(() => void refreshPreview(), 120);
}

/** Lays the deck out in the back end and shows the pages (SVG through blob: URLs). */
async function refreshPreview(): Promise<void> {
  const d = deck();
  if (!d || !app.settings) return;
  const seq = ++app.renderSeq;
  el.previewBusy.hidden = false;
  try {
    const rendered = await invoke<Rendered>("render_deck", { deck: d, settings: app.settings });
    if (seq !== app.renderSeq) return; // a newer render is on its way
    for (const page of app.pages) URL.revokeObjectURL(page.url);
    app.pages = rendered.pages.map((p) => ({
      slide: p.slide,
      url: URL.createObjectURL(new Blob([p.svg], { type: "image/svg+xml" })),
    }));
    app.renderWarnings = rendered.warnings;
    renderPreview();
    renderThumbnails();
    renderWarnings();
  } catch (err) {
    setStatus(t("status.renderFailed", { message: errorText(err) }), "error");
  } finally {
    if (seq === app.renderSeq) el.previewBusy.hidden = true;
  }
}

function slideImage(url: string, alt: string): HTMLImageElement {
  const img = make("img");
  img.src = url;
  img.alt = alt;
  img.draggable = false;
  return img;
}

function renderCaption(): void {
  const d = deck();
  if (!d) return;
  el.previewCaption.textContent = t("preview.title", { n: app.selected + 1, total: d.slides.length });
}

function renderPreview(): void {
  const d = deck();
  if (!d) return;
  renderCaption();
  const pages = app.pages.filter((p) => p.slide === app.selected);
  const nodes = pages.map((p) => slideImage(p.url, d.slides[app.selected]?.title ?? ""));
  el.preview.replaceChildren(...nodes);
  el.preview.dataset.aspect = app.settings?.aspect ?? "16:9";
  for (const [i, node] of Array.from(el.thumbnails.children).entries()) {
    node.classList.toggle("selected", i === app.selected);
  }
}

function renderThumbnails(): void {
  const d = deck();
  if (!d) return;
  const thumbs = d.slides.map((slide, i) => {
    const page = app.pages.find((p) => p.slide === i);
    const b = make("button", "thumb");
    b.type = "button";
    b.title = `${i + 1}. ${slide.title}`;
    if (page) b.append(slideImage(page.url, slide.title));
    b.append(make("span", "thumb-num", String(i + 1)));
    b.classList.toggle("selected", i === app.selected);
    b.addEventListener("click", () => {
      select(i);
      (el.slideList.children[i] as HTMLElement | undefined)?.scrollIntoView({ block: "nearest" });
    });
    return b;
  });
  el.thumbnails.replaceChildren(...thumbs);
}

// ---------- warnings and source ----------

function renderWarnings(): void {
  const all = [...app.renderWarnings, ...app.importWarnings];
  if (all.length === 0) {
    el.warnings.replaceChildren(make("li", "muted small", t("warnings.none")));
  } else {
    el.warnings.replaceChildren(
      ...all.map((w) => {
        const li = make("li", `warning warning-${w.kind}`);
        li.append(make("span", "warning-kind", w.kind), make("span", undefined, w.message));
        return li;
      }),
    );
  }
  el.warningCount.hidden = all.length === 0;
  el.warningCount.textContent = String(all.length);
}

function traceItem(slide: number, item: number): void {
  app.traced = { slide, item };
  if (app.selected !== slide) select(slide);
  renderSource();
}

/** The article with the traced item's source sentence highlighted (text nodes only). */
function renderSource(): void {
  const d = deck();
  const traced = app.traced;
  if (!d || !traced) {
    el.source.replaceChildren(make("p", "muted small", t("source.hint")));
    return;
  }
  const item = d.slides[traced.slide]?.items[traced.item];
  if (!item) {
    el.source.replaceChildren(make("p", "muted small", t("source.hint")));
    return;
  }
  if (app.articleText === null) {
    el.source.replaceChildren(make("p", "muted small", t("source.noArticle")));
    return;
  }
  if (item.source.length === 0) {
    el.source.replaceChildren(make("p", "muted small", t("source.none")));
    return;
  }
  const article = make("div", "article-text");
  let first: HTMLElement | null = null;
  for (const seg of segments(app.articleText, item.source)) {
    if (seg.highlight) {
      const mark = make("mark", undefined, seg.text);
      first ??= mark;
      article.append(mark);
    } else article.append(document.createTextNode(seg.text));
  }
  el.source.replaceChildren(article);
  // Scroll the source panel only (scrollIntoView would scroll the whole side pane too,
  // hiding the settings above it).
  if (first) {
    const offset = first.getBoundingClientRect().top - el.source.getBoundingClientRect().top;
    el.source.scrollTop += offset - el.source.clientHeight / 2;
  }
}

// ---------- open, paste, restore ----------

function setBusy(value: boolean): void {
  app.busy = value;
  document.body.classList.toggle("busy", value);
  updateButtons();
}

function updateButtons(): void {
  const has = deck() !== null;
  el.openBtn.disabled = app.busy;
  el.exportBtn.disabled = app.busy || !has;
  el.saveBtn.disabled = app.busy || !has;
  el.undoBtn.disabled = !app.history?.canUndo;
  el.redoBtn.disabled = !app.history?.canRedo;
  el.addSlide.disabled = !has;
}

/** Shows a freshly opened deck (not an edit: the history starts here). */
function showDeck(d: Deck): void {
  app.history = new History(d);
  app.selected = 0;
  app.traced = null;
  app.saved = baseline(d);
  for (const page of app.pages) URL.revokeObjectURL(page.url);
  app.pages = [];
  el.empty.hidden = true;
  el.workspace.hidden = false;
  el.preview.replaceChildren();
  el.thumbnails.replaceChildren();
  renderOutline();
  renderWarnings();
  renderSource();
  updateButtons();
  void refreshPreview();
}

function acceptOpened(opened: Opened): void {
  app.articleText = opened.article_text ?? null;
  app.articlePath = opened.article_path ?? null;
  app.projectPath = opened.project_path ?? null;
  app.importWarnings = opened.warnings;
  app.renderWarnings = [];
  app.recent = opened.recent;
  renderRecent();
  showDeck(opened.deck);
  app.planBase = app.articleText === null ? null : cloneDeck(opened.deck);
}

async function openPath(path: string): Promise<void> {
  if (app.busy || !path || !app.settings) return;
  setBusy(true);
  setState("loading");
  setStatus(t("status.opening", { name: baseName(path) }));
  try {
    const opened = await invoke<Opened>("open_file", { path, settings: app.settings });
    acceptOpened(opened);
    setState("loaded");
    setStatus(t("status.opened", { name: baseName(path), count: opened.deck.slides.length }), "ok");
  } catch (err) {
    setState("error");
    setStatus(t("status.openFailed", { message: errorText(err) }), "error");
  } finally {
    setBusy(false);
  }
}

async function openPasted(text: string, format: PasteFormat): Promise<void> {
  if (app.busy || !app.settings || text.trim() === "") return;
  setBusy(true);
  setState("loading");
  setStatus(t("status.pasting"));
  try {
    const opened = await invoke<Opened>("open_pasted", { text, format, settings: app.settings });
    acceptOpened(opened);
    setState("loaded");
    setStatus(t("status.pasted", { count: opened.deck.slides.length }), "ok");
  } catch (err) {
    setState("error");
    setStatus(t("status.openFailed", { message: errorText(err) }), "error");
  } finally {
    setBusy(false);
  }
}

async function chooseAndOpen(): Promise<void> {
  if (app.busy) return;
  try {
    const path = await openDialog({ multiple: false, directory: false, filters: ARTICLE_FILTERS });
    if (typeof path === "string") await openPath(path);
  } catch (err) {
    setStatus(t("status.dialogFailed", { message: errorText(err) }), "error");
  }
}

function renderRecent(): void {
  el.recent.hidden = app.recent.length === 0;
  el.recentList.replaceChildren(
    ...app.recent.map((path) => {
      const li = make("li");
      const b = make("button", "link recent-item");
      b.type = "button";
      b.title = path;
      b.append(make("span", "recent-name", baseName(path)), make("span", "recent-path muted small", path));
      b.addEventListener("click", () => void openPath(path));
      li.append(b);
      return li;
    }),
  );
}

async function acceptRestore(): Promise<void> {
  const save = app.pendingAutosave;
  el.banner.hidden = true;
  if (!save) return;
  app.pendingAutosave = null;
  app.articlePath = save.article ?? null;
  app.projectPath = save.project ?? null;
  app.articleText = null;
  app.importWarnings = [];
  app.renderWarnings = [];
  if (save.article) {
    try {
      app.articleText = await invoke<string>("attach_article", { path: save.article });
    } catch {
      app.articleText = null; // the article moved: the deck still restores, without traceability
    }
  }
  showDeck(save.deck);
  app.saved = null; // never saved anywhere: closing asks
  app.planBase = null;
  renderOutlineMeta();
  void autosave();
  setState("loaded");
  setStatus(t("status.restored"), "ok");
}

async function dismissRestore(): Promise<void> {
  el.banner.hidden = true;
  app.pendingAutosave = null;
  try {
    await invoke("discard_autosave");
  } catch {
    // Nothing to do: it is replaced at the next edit anyway.
  }
}

// ---------- save and export ----------

/** Saves the deck as a project (asking where unless it has one); true once written. */
async function saveProject(saveAs: boolean): Promise<boolean> {
  const d = deck();
  if (!d || app.busy) return false;
  let path = saveAs ? null : app.projectPath;
  if (!path) {
    const from = app.projectPath ?? app.articlePath;
    try {
      path = await saveDialog({
        defaultPath: from ? siblingPath(from, ".distill.json") : "deck.distill.json",
        filters: PROJECT_FILTERS,
      });
    } catch (err) {
      setStatus(t("status.dialogFailed", { message: errorText(err) }), "error");
      return false;
    }
  }
  if (!path) return false;
  try {
    const written = await invoke<string>("save_project", { deck: d, path });
    app.projectPath = written;
    app.saved = baseline(d);
    renderOutlineMeta();
    setStatus(t("status.saved", { path: written }), "ok");
    return true;
  } catch (err) {
    setStatus(t("status.saveFailed", { message: errorText(err) }), "error");
    return false;
  }
}

async function exportPdf(): Promise<void> {
  const d = deck();
  if (!d || app.busy || !app.settings) return;
  let path = app.savePath;
  if (!path) {
    const from = app.projectPath ?? app.articlePath;
    try {
      path = await saveDialog({
        defaultPath: from ? siblingPath(from, ".pdf") : "deck.pdf",
        filters: PDF_FILTERS,
      });
    } catch (err) {
      setStatus(t("status.dialogFailed", { message: errorText(err) }), "error");
      return;
    }
  }
  if (!path) return;
  setBusy(true);
  setState("exporting");
  el.exportActions.hidden = true;
  el.progress.hidden = false;
  el.progress.value = 0;
  setStatus(t("status.exporting"));
  const onProgress = new Channel<ExportProgress>();
  onProgress.onmessage = (p) => {
    el.progress.max = p.total;
    el.progress.value = p.done;
  };
  try {
    const summary = await invoke<ExportSummary>("export_pdf", { deck: d, settings: app.settings, path, onProgress });
    setStatus(t("status.exported", { pages: summary.pages, path: summary.path }), "ok");
    el.exportActions.hidden = false;
    setState("exported");
  } catch (err) {
    setStatus(t("status.exportFailed", { message: errorText(err) }), "error");
    setState("error");
  } finally {
    el.progress.hidden = true;
    setBusy(false);
  }
}

// ---------- closing ----------

/** State before the close dialog opened, restored when the user cancels. */
let stateBeforeClose: AppStateName = "loaded";
/** Set once the user chose to close: later close requests go through. */
let closing = false;

/**
 * The window's close button (or the window manager's close): closes at once when nothing
 * is unsaved, else keeps the window and asks "save, discard or cancel". The autosave stays
 * until the user saves or discards, so even a crash during the question loses nothing.
 */
async function onCloseRequested(event: { preventDefault(): void }): Promise<void> {
  if (closing) return;
  (document.activeElement as HTMLElement | null)?.blur(); // commits a field being edited
  if (closeAction(deck(), app.saved) === "close") return;
  event.preventDefault();
  showCloseDialog();
}

function showCloseDialog(): void {
  const d = deck();
  // The deck's title in bold, as a text node like all article text.
  const [before, after = ""] = t("close.text", { title: "\u0000" }).split("\u0000");
  el.closeText.replaceChildren(before, make("strong", undefined, d?.meta.title ?? ""), after);
  el.closeSave.textContent = t(app.projectPath ? "close.saveExisting" : "close.save");
  if (!el.closeDialog.open) {
    const now = document.body.dataset.state as AppStateName;
    stateBeforeClose = now === "closing" ? stateBeforeClose : now;
    el.closeDialog.showModal();
  }
  setState("closing");
  el.closeSave.focus();
}

function hideCloseDialog(): void {
  if (el.closeDialog.open) el.closeDialog.close();
  if (document.body.dataset.state === "closing") setState(stateBeforeClose);
}

async function closeWindow(): Promise<void> {
  closing = true;
  try {
    await getCurrentWindow().destroy();
  } catch (err) {
    closing = false;
    setStatus(errorText(err), "error");
  }
}

async function closeDiscarding(): Promise<void> {
  hideCloseDialog();
  try {
    await invoke("discard_autosave");
  } catch {
    // The clean exit removes it as well.
  }
  await closeWindow();
}

async function closeSaving(): Promise<void> {
  hideCloseDialog();
  if (await saveProject(false)) await closeWindow();
  else setStatus(t("close.notSaved"), "error");
}

// ---------- drops, keys, paste ----------

function showDropZone(visible: boolean): void {
  el.dropZone.hidden = !visible;
  document.body.classList.toggle("dragging-file", visible);
}

async function listenForDrops(): Promise<void> {
  await getCurrentWebview().onDragDropEvent((event) => {
    const p = event.payload;
    if (dragFrom !== null) return; // reordering slides, not a file drop
    if (p.type === "enter" || p.type === "over") showDropZone(true);
    else if (p.type === "leave") showDropZone(false);
    else if (p.type === "drop") {
      showDropZone(false);
      if (p.paths.length > 0) void openPath(p.paths[0]);
    }
  });
}

function isEditing(): boolean {
  const a = document.activeElement as HTMLElement | null;
  return !!a && (a.isContentEditable || a.tagName === "INPUT" || a.tagName === "TEXTAREA");
}

function onKey(e: KeyboardEvent): void {
  if (el.closeDialog.open) return; // the dialog's buttons only
  const mod = e.ctrlKey || e.metaKey;
  if (!mod) return;
  const key = e.key.toLowerCase();
  if (key === "o") {
    e.preventDefault();
    void chooseAndOpen();
  } else if (key === "e") {
    e.preventDefault();
    (document.activeElement as HTMLElement | null)?.blur();
    void exportPdf();
  } else if (key === "s") {
    e.preventDefault();
    (document.activeElement as HTMLElement | null)?.blur();
    void saveProject(e.shiftKey);
  } else if ((key === "z" && e.shiftKey) || key === "y") {
    if (isEditing()) return; // the field's own redo while typing
    e.preventDefault();
    redo();
  } else if (key === "z") {
    if (isEditing()) {
      // A field with uncommitted typing undoes its typing; otherwise undo the last edit.
      const a = document.activeElement as HTMLElement;
      if (a.dataset.dirty === "1") return;
      a.blur();
    }
    e.preventDefault();
    undo();
  }
}

function onPaste(e: ClipboardEvent): void {
  if (el.closeDialog.open || deck() || app.busy || isEditing()) return;
  const data = e.clipboardData;
  if (!data) return;
  const html = data.getData("text/html");
  const text = data.getData("text/plain");
  e.preventDefault();
  if (html.trim() !== "") void openPasted(html, "html");
  else void openPasted(text, "text");
}

// ---------- start ----------

async function start(): Promise<void> {
  setState("empty");
  el.openBtn.addEventListener("click", () => void chooseAndOpen());
  el.emptyOpen.addEventListener("click", () => void chooseAndOpen());
  el.saveBtn.addEventListener("click", () => void saveProject(false));
  el.exportBtn.addEventListener("click", () => void exportPdf());
  el.undoBtn.addEventListener("click", undo);
  el.redoBtn.addEventListener("click", redo);
  el.addSlide.addEventListener("click", () => {
    if (edit(addSlide(app.selected, t("outline.newSlide"), t("outline.newItem")), { structural: true })) {
      select(app.selected + 1);
      focusField(app.selected, "title");
    }
  });
  el.theme.addEventListener("change", () => void onLayoutSetting());
  el.aspect.addEventListener("change", () => void onLayoutSetting());
  for (const node of [el.bullets, el.quotes, el.figures, el.charts]) {
    node.addEventListener("change", () => void onPlanSetting());
  }
  el.lang.addEventListener("change", () => {
    const lang = normalizeLang(el.lang.value);
    app.settings = { ...(app.settings as Settings), lang };
    applyLanguage(lang);
    void persistSettings();
  });
  el.restoreAccept.addEventListener("click", () => void acceptRestore());
  el.restoreDismiss.addEventListener("click", () => void dismissRestore());
  el.openPdf.addEventListener("click", () =>
    invoke("open_export").catch((err) => setStatus(errorText(err), "error")),
  );
  el.revealPdf.addEventListener("click", () =>
    invoke("reveal_export").catch((err) => setStatus(errorText(err), "error")),
  );
  // Mark fields with uncommitted typing, so Ctrl+Z undoes the typing first.
  document.addEventListener("input", (e) => {
    (e.target as HTMLElement).dataset.dirty = "1";
  });
  document.addEventListener("focusin", (e) => {
    (e.target as HTMLElement).dataset.dirty = "0";
  });
  document.addEventListener("keydown", onKey);
  document.addEventListener("paste", onPaste);
  el.closeSave.addEventListener("click", () => void closeSaving());
  el.closeDiscard.addEventListener("click", () => void closeDiscarding());
  el.closeCancel.addEventListener("click", hideCloseDialog);
  // Escape in the dialog is Cancel.
  el.closeDialog.addEventListener("cancel", (e) => {
    e.preventDefault();
    hideCloseDialog();
  });

  const startup = await invoke<Startup>("startup");
  app.settings = startup.settings;
  app.savePath = startup.save_path ?? null;
  app.recent = startup.recent;
  writeSettingsToForm(startup.settings);
  applyLanguage(normalizeLang(startup.lang));
  setStatus(t("status.ready"));
  updateButtons();

  try {
    await listenForDrops();
    await getCurrentWindow().onCloseRequested(onCloseRequested);
  } catch (err) {
    setStatus(errorText(err), "error");
  }

  if (startup.autosave) {
    app.pendingAutosave = startup.autosave;
    el.banner.hidden = false;
  }
  if (startup.initial_path) await openPath(startup.initial_path);
}

start().catch((err) => {
  setState("error");
  setStatus(errorText(err), "error");
});
