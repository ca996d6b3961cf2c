// Distill window: open an article, show its slide outline, export the PDF.
// Article text reaches the page only through textContent / text nodes, never as HTML.

const { invoke } = window.__TAURI__.core;
const { getCurrentWebview } = window.__TAURI__.webview;
const dialog = window.__TAURI__.dialog;

const ARTICLE_FILTERS = [{ name: "Articles", extensions: ["md", "markdown", "txt"] }];
const PDF_FILTERS = [{ name: "PDF", extensions: ["pdf"] }];

const el = {
  openBtn: document.getElementById("open-btn"),
  exportBtn: document.getElementById("export-btn"),
  empty: document.getElementById("empty"),
  deck: document.getElementById("deck"),
  title: document.getElementById("deck-title"),
  byline: document.getElementById("deck-byline"),
  meta: document.getElementById("deck-meta"),
  slides: document.getElementById("slides"),
  overlay: document.getElementById("drop-overlay"),
  status: document.getElementById("status"),
};

/** Path of the article whose deck is shown, or null. */
let articlePath = null;
/** True while a command runs; further opens and exports wait. */
let busy = false;

/** Creates an element with a class and text content (text only, never HTML). */
function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** Shows a one-line message; kind is "info", "ok" or "error". */
function setStatus(message, kind = "info") {
  el.status.textContent = message;
  el.status.dataset.kind = kind;
}

/** The message of an error from invoke ({kind, message}) or anything else thrown. */
function errorText(err) {
  if (err && typeof err === "object" && "message" in err) return String(err.message);
  return String(err);
}

function setBusy(value) {
  busy = value;
  el.openBtn.disabled = value;
  el.exportBtn.disabled = value || articlePath === null;
  document.body.classList.toggle("busy", value);
}

/** Last path component, for both / and \ separators. */
function baseName(path) {
  return path.split(/[\\/]/).pop() || path;
}

/** The default PDF path for an article: same folder, same stem, .pdf. */
function pdfPathFor(path) {
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  const dot = path.lastIndexOf(".");
  const stem = dot > slash + 1 ? path.slice(0, dot) : path;
  return `${stem}.pdf`;
}

/** One item: its text, then its label (speaker, what a figure counts) and chart value, muted. */
function renderItem(item) {
  const li = make("li", null, item.text);
  const extra = [];
  if (item.label) extra.push(item.label);
  if (typeof item.value === "number") extra.push(String(item.value));
  if (extra.length > 0) li.append(make("span", "item-extra", ` — ${extra.join(" · ")}`));
  return li;
}

function renderDeck(deck) {
  el.title.textContent = deck.meta.title;
  el.byline.textContent = deck.meta.byline ?? "";
  el.byline.hidden = !deck.meta.byline;

  const facts = [`${deck.slides.length} slide${deck.slides.length === 1 ? "" : "s"}`];
  if (deck.meta.source) facts.push(deck.meta.source);
  if (deck.meta.language) facts.push(deck.meta.language);
  if (deck.meta.source_file) facts.push(deck.meta.source_file);
  el.meta.textContent = facts.join(" · ");

  const items = deck.slides.map((slide, index) => {
    const li = make("li", `slide slide-${slide.kind}`);
    const head = make("div", "slide-head");
    head.append(
      make("span", "slide-num", String(index + 1)),
      make("span", "slide-kind", slide.kind),
      make("span", "slide-title", slide.title),
    );
    li.append(head);
    if (slide.subtitle) li.append(make("p", "slide-subtitle", slide.subtitle));
    if (slide.items.length > 0) {
      const ul = make("ul", "slide-items");
      for (const item of slide.items) ul.append(renderItem(item));
      li.append(ul);
    }
    return li;
  });
  el.slides.replaceChildren(...items);

  el.empty.hidden = true;
  el.deck.hidden = false;
}

async function openPath(path) {
  if (busy || !path) return;
  setBusy(true);
  setStatus(`Opening ${baseName(path)}…`);
  try {
    const deck = await invoke("open_article", { path });
    articlePath = path;
    renderDeck(deck);
    setStatus(`Opened ${path} — ${deck.slides.length} slides`, "ok");
  } catch (err) {
    setStatus(`Could not open: ${errorText(err)}`, "error");
  } finally {
    setBusy(false);
  }
}

async function chooseAndOpen() {
  if (busy) return;
  try {
    const path = await dialog.open({ multiple: false, directory: false, filters: ARTICLE_FILTERS });
    if (typeof path === "string") await openPath(path);
  } catch (err) {
    setStatus(`Could not show the open dialog: ${errorText(err)}`, "error");
  }
}

async function chooseAndExport() {
  if (busy || articlePath === null) return;
  let path;
  try {
    path = await dialog.save({ defaultPath: pdfPathFor(articlePath), filters: PDF_FILTERS });
  } catch (err) {
    setStatus(`Could not show the save dialog: ${errorText(err)}`, "error");
    return;
  }
  if (typeof path !== "string" || path === "") return;
  if (!/\.pdf$/i.test(path)) path += ".pdf";

  setBusy(true);
  setStatus(`Exporting to ${path}…`);
  try {
    const summary = await invoke("export_pdf", { path });
    let message = `Exported ${summary.pages} page${summary.pages === 1 ? "" : "s"} to ${summary.path}`;
    if (summary.warnings.length > 0) {
      message += ` (${summary.warnings.length} warning${summary.warnings.length === 1 ? "" : "s"}: ${summary.warnings[0]})`;
    }
    setStatus(message, summary.warnings.length > 0 ? "info" : "ok");
  } catch (err) {
    setStatus(`Could not export: ${errorText(err)}`, "error");
  } finally {
    setBusy(false);
  }
}

function showOverlay(visible) {
  el.overlay.hidden = !visible;
}

async function listenForDrops() {
  await getCurrentWebview().onDragDropEvent((event) => {
    const payload = event.payload;
    switch (payload.type) {
      case "enter":
      case "over":
        showOverlay(true);
        break;
      case "leave":
        showOverlay(false);
        break;
      case "drop":
        showOverlay(false);
        if (payload.paths && payload.paths.length > 0) openPath(payload.paths[0]);
        break;
    }
  });
}

async function start() {
  el.openBtn.addEventListener("click", chooseAndOpen);
  el.exportBtn.addEventListener("click", chooseAndExport);
  try {
    await listenForDrops();
  } catch (err) {
    setStatus(`File drops are unavailable: ${errorText(err)}`, "error");
  }
  const initial = await invoke("initial_path");
  if (initial) await openPath(initial);
}

start().catch((err) => setStatus(`Start-up failed: ${errorText(err)}`, "error"));
