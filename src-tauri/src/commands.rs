//! The IPC commands the window calls: thin wrappers that run the library off the UI thread.

use std::path::PathBuf;

use distill::{Deck, Options};
use serde::Serialize;
use tauri::State;

use crate::state::AppState;

/// What went wrong, as the front end sees it: `{"kind": "open", "message": "..."}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CmdError {
    /// Which step failed.
    pub kind: CmdErrorKind,
    /// One line for the status bar (the library's message names the file and the problem).
    pub message: String,
}

/// The step a [`CmdError`] comes from; serialised in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CmdErrorKind {
    /// Reading or planning the article failed.
    Open,
    /// Writing the PDF failed.
    Export,
    /// Export was asked for before any article was opened.
    NoDeck,
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

/// What an export wrote, for the status line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// Reads the article at `path`, plans its deck, keeps it as the open deck and returns it.
#[tauri::command]
pub async fn open_article(path: String, state: State<'_, AppState>) -> Result<Deck, CmdError> {
    let path = PathBuf::from(path);
    let deck =
        tokio::task::spawn_blocking(move || distill::deck_from_path(&path, &Options::default()))
            .await?
            .map_err(|err| CmdError::new(CmdErrorKind::Open, err.to_string()))?;
    state.set_deck(deck.clone());
    Ok(deck)
}

/// Exports the open deck as a PDF to `path`.
#[tauri::command]
pub async fn export_pdf(
    path: String,
    state: State<'_, AppState>,
) -> Result<ExportSummary, CmdError> {
    let deck = state
        .deck()
        .ok_or_else(|| CmdError::new(CmdErrorKind::NoDeck, "Open an article before exporting."))?;
    let out = PathBuf::from(&path);
    let report =
        tokio::task::spawn_blocking(move || distill::export_pdf(&deck, &out, &Options::default()))
            .await?
            .map_err(|err| CmdError::new(CmdErrorKind::Export, err.to_string()))?;
    Ok(ExportSummary {
        path,
        pages: report.pages,
        bytes: report.bytes,
        warnings: report.warnings,
    })
}

/// The article named on the command line, for the window to open at start.
#[tauri::command]
pub fn initial_path(state: State<'_, AppState>) -> Option<String> {
    state
        .initial_path()
        .map(|path| path.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_serialises_as_kind_and_message() {
        let err = CmdError::new(CmdErrorKind::NoDeck, "Open an article before exporting.");
        let json = serde_json::to_value(&err).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"kind": "no_deck", "message": "Open an article before exporting."})
        );
    }
}
