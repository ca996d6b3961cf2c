//! The IPC commands the window calls: thin wrappers that run the library off the UI thread.
//!
//! The front end owns the deck being edited (with its undo history) and sends it with
//! each command that needs it; the back end keeps the article it came from.

use std::path::{Path, PathBuf};

use distill::deck::SlideKind;
use distill::import::{Format, Source};
use distill::{Deck, Options};
use serde::{Deserialize, Serialize};
use tauri::ipc::Channel;
use tauri::State;

use crate::settings::{ui_language, Settings};
use crate::state::{AppState, Article};
use crate::store::{Autosave, Dirs, AUTOSAVE_VERSION};

/// What went wrong, as the front end sees it: `{"kind": "open", "message": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CmdError {
    /// Which step failed.
    pub kind: CmdErrorKind,
    /// One line for the status bar (the library's message names the file and the problem).
    pub message: String,
}

/// The step a [`CmdError`] comes from; serialised in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum CmdErrorKind {
    /// Reading or planning the article (or reading a project) failed.
    Open,
    /// Writing the PDF failed.
    Export,
    /// Writing a project, the autosave or the settings failed.
    Save,
    /// The settings name an unknown theme or aspect, or bullets out of range.
    Settings,
    /// Re-planning was asked for but the deck has no article (a project or restored deck).
    NoArticle,
    /// "Open"/"show in folder" was asked for before any export.
    NoExport,
    /// The system could not open the file or its folder.
    Opener,
    /// The background task died (a bug in Distill).
    Internal,
}

impl CmdError {
    /// An error of `kind` with a one-line message.
    pub fn new(kind: CmdErrorKind, message: impl Into<String>) -> Self {
        CmdError {
            kind,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for CmdError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CmdError {}

impl From<tokio::task::JoinError> for CmdError {
    fn from(err: tokio::task::JoinError) -> Self {
        CmdError::new(
            CmdErrorKind::Internal,
            format!("background task failed: {err}"),
        )
    }
}

/// A non-fatal problem shown in the status area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Warning {
    /// What kind: "boilerplate" (text the importer removed), "glyph" (a character no
    /// bundled font has), "image" (a picture that cannot be read).
    pub kind: String,
    /// One line for the user.
    pub message: String,
}

/// What opening an article or a project gives the window.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Opened {
    /// The planned (or saved) deck.
    pub deck: Deck,
    /// The decoded article text that the items' source byte ranges index into; `None`
    /// for a project file.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_text: Option<String>,
    /// The article file, `None` for pasted text and projects.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article_path: Option<String>,
    /// The project file, when a `.distill.json` / `.json` deck was opened.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_path: Option<String>,
    /// What the importer removed as boilerplate.
    pub warnings: Vec<Warning>,
    /// The recent-files list after this open.
    pub recent: Vec<String>,
}

/// Everything the window needs at start, in one call.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Startup {
    /// The article named on the command line, if any.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub initial_path: Option<String>,
    /// UI language, "en" or "zh" (see [`ui_language`]).
    pub lang: String,
    /// Saved settings (defaults on first run).
    pub settings: Settings,
    /// Recent files, most recent first.
    pub recent: Vec<String>,
    /// A deck autosaved by a run that did not close cleanly, to offer back.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub autosave: Option<Autosave>,
    /// `DISTILL_SAVE_PATH`, when set: Export writes there without a dialog.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub save_path: Option<String>,
}

/// One laid-out page of the deck as SVG.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Page {
    /// Index of the deck slide the page shows (a long slide continues on several pages).
    pub slide: usize,
    /// A standalone SVG document, width × height in PDF points.
    pub svg: String,
}

/// The deck laid out exactly as the PDF will be.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Rendered {
    /// Pages in order.
    pub pages: Vec<Page>,
    /// Characters without a glyph, pictures that cannot be read.
    pub warnings: Vec<Warning>,
}

/// Export progress sent through the command's channel: `done` of `total` steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ExportProgress {
    /// Steps finished.
    pub done: u32,
    /// All steps (layout, render, write).
    pub total: u32,
}

/// What an export wrote, for the status line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ExportSummary {
    /// Where the PDF was written.
    pub path: String,
    /// Number of pages.
    pub pages: usize,
    /// Size of the file in bytes.
    pub bytes: usize,
    /// Non-fatal problems (e.g. characters drawn as placeholders).
    pub warnings: Vec<String>,
}

/// Format of pasted text, as the clipboard gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum PasteFormat {
    /// `text/html`.
    Html,
    /// `text/plain` (Markdown is recognised from its syntax).
    Text,
}

fn dirs(state: &AppState) -> Result<&Dirs, CmdError> {
    state
        .dirs()
        .ok_or_else(|| CmdError::new(CmdErrorKind::Internal, "the app's folders are not set"))
}

fn open_err(err: impl ToString) -> CmdError {
    CmdError::new(CmdErrorKind::Open, err.to_string())
}

/// True for a project file: `*.distill.json` or any `*.json` (a deck JSON).
pub fn is_project_path(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// Longest removed text quoted in a boilerplate warning, in characters.
const QUOTE_CHARS: usize = 60;

/// Parses, analyses and plans `source`; returns the deck and the warnings: boilerplate
/// removed, pictures not used (remote, missing, outside the article's folder).
fn plan_source(source: &Source, opts: &Options) -> Result<(Deck, Vec<Warning>), CmdError> {
    let doc = distill::document::parse(source)
        .map_err(|kind| open_err(distill::Error::new(&source.path, kind)))?;
    let analysis = distill::analyse::analyse(&doc, &source.text);
    let deck = distill::deck::plan::plan(&doc, &analysis, source, opts);
    let warnings = doc
        .dropped
        .iter()
        .map(|d| {
            let mut text: String = d.text.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.chars().count() > QUOTE_CHARS {
                text = text.chars().take(QUOTE_CHARS).collect::<String>() + "…";
            }
            Warning {
                kind: "boilerplate".into(),
                message: format!("{}: “{text}”", d.reason),
            }
        })
        .chain(doc.warnings.iter().map(|w| Warning {
            kind: "image".into(),
            message: w.clone(),
        }))
        .collect();
    Ok((deck, warnings))
}

/// Pictures on image slides that are not readable files.
fn image_warnings(deck: &Deck) -> Vec<Warning> {
    deck.slides
        .iter()
        .filter(|s| s.kind == SlideKind::Image)
        .filter_map(|s| s.image.as_deref())
        .filter(|p| !distill::picture::is_data_uri(p) && !Path::new(p).is_file())
        .map(|p| Warning {
            kind: "image".into(),
            message: format!("{p}: picture not found; the slide shows its caption only"),
        })
        .collect()
}

/// Everything the window needs at start: command-line article, language, settings,
/// recent files, an autosave to offer back, the export-path override.
#[tauri::command]
pub fn startup(state: State<'_, AppState>) -> Result<Startup, CmdError> {
    let dirs = dirs(&state)?;
    let settings = dirs.read_settings();
    let lang = ui_language(|k| std::env::var(k).ok(), settings.lang.as_deref());
    Ok(Startup {
        initial_path: state
            .initial_path()
            .map(|p| p.to_string_lossy().into_owned()),
        lang: lang.into(),
        recent: dirs.read_recent(),
        autosave: dirs.read_autosave(),
        save_path: state
            .save_path_override()
            .map(|p| p.to_string_lossy().into_owned()),
        settings,
    })
}

/// Opens the file at `path`: a project (`.json`) as saved, anything else as an article
/// planned with `settings`. Adds it to the recent files.
#[tauri::command]
pub async fn open_file(
    path: String,
    settings: Settings,
    state: State<'_, AppState>,
) -> Result<Opened, CmdError> {
    let opts = settings.options()?;
    let file = PathBuf::from(&path);
    let project = is_project_path(&file);
    let (deck, article, warnings) = tokio::task::spawn_blocking(move || {
        if project {
            let deck = Deck::load(&file).map_err(open_err)?;
            Ok::<_, CmdError>((deck, None, Vec::new()))
        } else {
            let source = distill::import::read_source(&file).map_err(open_err)?;
            let (deck, warnings) = plan_source(&source, &opts)?;
            Ok((deck, Some(source), warnings))
        }
    })
    .await??;
    let article_text = article.as_ref().map(|s| s.text.clone());
    state.set_article(article.map(|source| Article {
        source,
        pasted: false,
    }));
    let recent = dirs(&state)?.push_recent(&path).unwrap_or_default();
    Ok(Opened {
        deck,
        article_text,
        article_path: (!project).then(|| path.clone()),
        project_path: project.then_some(path),
        warnings,
        recent,
    })
}

/// Makes a deck from pasted text or HTML (the window was empty).
#[tauri::command]
pub async fn open_pasted(
    text: String,
    format: PasteFormat,
    settings: Settings,
    state: State<'_, AppState>,
) -> Result<Opened, CmdError> {
    let opts = settings.options()?;
    let (deck, source, warnings) = tokio::task::spawn_blocking(move || {
        let source = source_from_text(text, format);
        let (deck, warnings) = plan_source(&source, &opts)?;
        Ok::<_, CmdError>((deck, source, warnings))
    })
    .await??;
    let article_text = Some(source.text.clone());
    state.set_article(Some(Article {
        source,
        pasted: true,
    }));
    Ok(Opened {
        deck,
        article_text,
        article_path: None,
        project_path: None,
        warnings,
        recent: dirs(&state)?.read_recent(),
    })
}

/// A source for pasted text: LF line endings, no BOM, format from the clipboard type
/// (plain text that reads as Markdown is Markdown).
pub fn source_from_text(text: String, format: PasteFormat) -> Source {
    let text = text
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let path = PathBuf::from(match format {
        PasteFormat::Html => "pasted.html",
        // No extension: the format is sniffed from the text (Markdown marks or plain).
        PasteFormat::Text => "pasted",
    });
    let format = match format {
        PasteFormat::Html => Format::Html,
        PasteFormat::Text => distill::import::detect_format(&path, &text),
    };
    Source {
        text,
        format,
        path,
        encoding: "UTF-8",
    }
}

/// Re-reads the article at `path` as the open deck's article (after restoring an
/// autosave) and returns its text; the deck is not re-planned.
#[tauri::command]
pub async fn attach_article(path: String, state: State<'_, AppState>) -> Result<String, CmdError> {
    let file = PathBuf::from(path);
    let source = tokio::task::spawn_blocking(move || distill::import::read_source(&file))
        .await?
        .map_err(open_err)?;
    let text = source.text.clone();
    state.set_article(Some(Article {
        source,
        pasted: false,
    }));
    Ok(text)
}

/// Plans the open deck's article again with `settings` (bullets per slide, extras).
///
/// Errors: [`CmdErrorKind::NoArticle`] when the deck has no article (a project).
#[tauri::command]
pub async fn replan(settings: Settings, state: State<'_, AppState>) -> Result<Deck, CmdError> {
    let opts = settings.options()?;
    let article = state.article().ok_or_else(|| {
        CmdError::new(
            CmdErrorKind::NoArticle,
            "this deck has no article to plan again (open the article itself)",
        )
    })?;
    let (deck, _) =
        tokio::task::spawn_blocking(move || plan_source(&article.source, &opts)).await??;
    Ok(deck)
}

/// Lays `deck` out with `settings` and returns every page as SVG (the same frames as the PDF).
#[tauri::command]
pub async fn render_deck(deck: Deck, settings: Settings) -> Result<Rendered, CmdError> {
    let opts = settings.options()?;
    let rendered = tokio::task::spawn_blocking(move || render(&deck, &opts)).await?;
    Ok(rendered)
}

/// [`render_deck`]'s work: layout, then one SVG per frame.
pub fn render(deck: &Deck, opts: &Options) -> Rendered {
    let fonts = distill::layout::fonts::FontSet::bundled();
    let laid = distill::layout::layout_deck(deck, fonts, &opts.layout);
    let pages = laid
        .frames
        .iter()
        .zip(&laid.slide_of_frame)
        .map(|(frame, &slide)| Page {
            slide,
            svg: distill::export::svg::frame_to_svg(frame, fonts),
        })
        .collect();
    let mut warnings: Vec<Warning> = laid
        .warnings
        .into_iter()
        .map(|message| Warning {
            kind: "glyph".into(),
            message,
        })
        .collect();
    warnings.extend(image_warnings(deck));
    Rendered { pages, warnings }
}

/// Exports `deck` with `settings` as a PDF to `path` (atomically), reporting progress
/// (layout, render, write) on `on_progress`.
#[tauri::command]
pub async fn export_pdf(
    deck: Deck,
    settings: Settings,
    path: String,
    on_progress: Channel<ExportProgress>,
    state: State<'_, AppState>,
) -> Result<ExportSummary, CmdError> {
    let opts = settings.options()?;
    let mut out = PathBuf::from(&path);
    if !out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
    {
        out.set_extension("pdf");
    }
    let target = out.clone();
    let report = tokio::task::spawn_blocking(move || {
        let step = |done| {
            let _ = on_progress.send(ExportProgress { done, total: 3 });
        };
        step(0);
        let (bytes, report) = distill::render_pdf(&deck, &opts);
        step(2);
        distill::export::write_atomic(&target, &bytes)
            .map_err(|e| CmdError::new(CmdErrorKind::Export, e.to_string()))?;
        step(3);
        Ok::<_, CmdError>(report)
    })
    .await??;
    state.set_last_export(out.clone());
    Ok(ExportSummary {
        path: out.to_string_lossy().into_owned(),
        pages: report.pages,
        bytes: report.bytes,
        warnings: report.warnings,
    })
}

fn last_export(state: &AppState) -> Result<PathBuf, CmdError> {
    state
        .last_export()
        .ok_or_else(|| CmdError::new(CmdErrorKind::NoExport, "nothing has been exported yet"))
}

/// What the opener does with the last exported PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenAction {
    /// Open it in the system's PDF viewer.
    Open,
    /// Show it in the system's file manager.
    Reveal,
}

impl OpenAction {
    /// The word written to the opener log: `open` or `reveal`.
    pub fn word(self) -> &'static str {
        match self {
            OpenAction::Open => "open",
            OpenAction::Reveal => "reveal",
        }
    }
}

/// Appends `"<action> <path>\n"` to `log` (the `DISTILL_OPENER_LOG` test hook), creating it.
///
/// Errors: the log cannot be opened or written (message names the log file).
pub fn log_open(log: &Path, action: OpenAction, path: &Path) -> Result<(), CmdError> {
    use std::io::Write;
    let line = format!("{} {}\n", action.word(), path.display());
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .and_then(|mut f| f.write_all(line.as_bytes()))
        .map_err(|e| CmdError::new(CmdErrorKind::Opener, format!("{}: {e}", log.display())))
}

/// Opens (or reveals) the last exported PDF, or logs it when `DISTILL_OPENER_LOG` is set.
fn open_last_export(state: &AppState, action: OpenAction) -> Result<(), CmdError> {
    let path = last_export(state)?;
    if let Some(log) = state.opener_log() {
        return log_open(log, action, &path);
    }
    match action {
        OpenAction::Open => tauri_plugin_opener::open_path(&path, None::<&str>),
        OpenAction::Reveal => tauri_plugin_opener::reveal_item_in_dir(&path),
    }
    .map_err(|e| CmdError::new(CmdErrorKind::Opener, format!("{}: {e}", path.display())))
}

/// Opens the last exported PDF in the system's viewer (`DISTILL_OPENER_LOG`: logs it instead).
#[tauri::command]
pub fn open_export(state: State<'_, AppState>) -> Result<(), CmdError> {
    open_last_export(&state, OpenAction::Open)
}

/// Shows the last exported PDF in the system's file manager (`DISTILL_OPENER_LOG`: logs it
/// instead).
#[tauri::command]
pub fn reveal_export(state: State<'_, AppState>) -> Result<(), CmdError> {
    open_last_export(&state, OpenAction::Reveal)
}

/// Saves `deck` as a project at `path` (`.distill.json` added when the name has no
/// `.json`), atomically; clears the autosave and adds the project to the recent files.
/// Returns the path written.
#[tauri::command]
pub async fn save_project(
    deck: Deck,
    path: String,
    state: State<'_, AppState>,
) -> Result<String, CmdError> {
    let mut out = path;
    if !is_project_path(Path::new(&out)) {
        out.push_str(".distill.json");
    }
    let target = PathBuf::from(&out);
    tokio::task::spawn_blocking(move || distill::export_json(&deck, &target))
        .await?
        .map_err(|e| CmdError::new(CmdErrorKind::Save, e.to_string()))?;
    let dirs = dirs(&state)?;
    dirs.clear_autosave();
    let _ = dirs.push_recent(&out);
    Ok(out)
}

/// Writes the autosave (the deck after an edit, with its article and project paths).
#[tauri::command]
pub fn autosave(
    deck: Deck,
    article: Option<String>,
    project: Option<String>,
    state: State<'_, AppState>,
) -> Result<(), CmdError> {
    let save = Autosave {
        version: AUTOSAVE_VERSION,
        deck,
        article,
        project,
    };
    dirs(&state)?
        .write_autosave(&save)
        .map_err(|m| CmdError::new(CmdErrorKind::Save, m))
}

/// Removes the autosave (the user dismissed the restore offer, or the deck is saved).
#[tauri::command]
pub fn discard_autosave(state: State<'_, AppState>) -> Result<(), CmdError> {
    dirs(&state)?.clear_autosave();
    Ok(())
}

/// Saves the settings; returns the UI language they give.
#[tauri::command]
pub fn save_settings(settings: Settings, state: State<'_, AppState>) -> Result<String, CmdError> {
    settings.options()?;
    dirs(&state)?
        .write_settings(&settings)
        .map_err(|m| CmdError::new(CmdErrorKind::Save, m))?;
    Ok(ui_language(|k| std::env::var(k).ok(), settings.lang.as_deref()).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_serialises_as_kind_and_message() {
        let err = CmdError::new(CmdErrorKind::NoArticle, "no article");
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "no_article", "message": "no article"})
        );
    }

    #[test]
    fn pasted_text_gets_lf_line_endings_and_its_format() {
        let s = source_from_text(
            "\u{feff}# Title\r\n\r\nBody.\r\n## Part\rMore.".into(),
            PasteFormat::Text,
        );
        assert_eq!(s.text, "# Title\n\nBody.\n## Part\nMore.");
        assert_eq!(s.format, Format::Markdown);
        let h = source_from_text("<p>Hi</p>".into(), PasteFormat::Html);
        assert_eq!(h.format, Format::Html);
    }

    #[test]
    fn opener_log_gets_one_line_per_request_and_nothing_is_launched() {
        let tmp = tempfile::tempdir().unwrap();
        let log = tmp.path().join("opener.log");
        let state = AppState::new(None).with_opener_log(Some(log.clone()));
        let err = open_last_export(&state, OpenAction::Open).unwrap_err();
        assert_eq!(err.kind, CmdErrorKind::NoExport);
        assert!(!log.exists(), "nothing exported, nothing logged");
        let pdf = tmp.path().join("deck one.pdf");
        state.set_last_export(pdf.clone());
        open_last_export(&state, OpenAction::Open).unwrap();
        open_last_export(&state, OpenAction::Reveal).unwrap();
        assert_eq!(
            std::fs::read_to_string(&log).unwrap(),
            format!("open {0}\nreveal {0}\n", pdf.display())
        );
        let bad = AppState::new(None).with_opener_log(Some(tmp.path().join("no/such/dir/log")));
        bad.set_last_export(pdf);
        let err = open_last_export(&bad, OpenAction::Reveal).unwrap_err();
        assert_eq!(err.kind, CmdErrorKind::Opener);
        assert!(err.message.contains("no/such/dir/log"), "{}", err.message);
    }

    #[test]
    fn pictures_the_deck_cannot_use_are_warnings() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("post.md");
        let text = "# Harbour\n\nThe harbour reopened after a long winter of repairs to the sea wall.\n\n![Boats](https://example.com/boats.jpg)\n\n![Pier](pier.png)\n\nFishing boats came back the same week and the market reopened.\n";
        std::fs::write(&path, text).unwrap();
        let source = distill::import::read_source(&path).unwrap();
        let (_, warnings) = plan_source(&source, &Options::default()).unwrap();
        let images: Vec<&str> = warnings
            .iter()
            .filter(|w| w.kind == "image")
            .map(|w| w.message.as_str())
            .collect();
        assert_eq!(
            images,
            [
                "picture pier.png: file not found",
                "picture https://example.com/boats.jpg: remote, not fetched (Distill works offline)"
            ]
        );
    }

    #[test]
    fn project_paths_are_json_files() {
        assert!(is_project_path(Path::new("/a/talk.distill.json")));
        assert!(is_project_path(Path::new("deck.JSON")));
        assert!(!is_project_path(Path::new("article.md")));
        assert!(!is_project_path(Path::new("json")));
    }
}
