//! What the app holds between commands: its folders, the article the deck came from (for re-planning and traceability), the last export.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};

use distill::import::Source;

use crate::store::Dirs;

/// The article the open deck was planned from: its decoded text (item source ranges
/// index into it) and what the document step removed.
#[derive(Debug, Clone)]
pub struct Article {
    /// The decoded source (its `path` is a placeholder name for pasted text).
    pub source: Source,
    /// True when the text was pasted rather than read from a file.
    pub pasted: bool,
}

/// State shared by the commands, managed by Tauri.
#[derive(Debug, Default)]
pub struct AppState {
    /// The article named on the command line, opened by the front end at start.
    initial_path: Option<PathBuf>,
    /// `DISTILL_SAVE_PATH`: export writes here without a dialog (for tests).
    save_path_override: Option<PathBuf>,
    /// `DISTILL_OPENER_LOG`: "open" and "show in folder" append to this file instead of
    /// starting a program (for tests).
    opener_log: Option<PathBuf>,
    /// The app's data and config folders, set once at start.
    dirs: OnceLock<Dirs>,
    /// The article of the open deck; `None` before one is opened or for a project file.
    article: Mutex<Option<Arc<Article>>>,
    /// The last PDF written, for "open" and "show in folder".
    last_export: Mutex<Option<PathBuf>>,
}

/// Locks a mutex; a poisoned lock still holds a whole value (values are only replaced), so use it.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl AppState {
    /// Empty state; `initial_path` is the article given on the command line, if any.
    pub fn new(initial_path: Option<PathBuf>) -> Self {
        AppState {
            initial_path,
            ..AppState::default()
        }
    }

    /// Sets where Export writes without asking (`DISTILL_SAVE_PATH`).
    pub fn with_save_path_override(mut self, path: Option<PathBuf>) -> Self {
        self.save_path_override = path;
        self
    }

    /// Sets the file "open" and "show in folder" log to instead of starting a program
    /// (`DISTILL_OPENER_LOG`).
    pub fn with_opener_log(mut self, path: Option<PathBuf>) -> Self {
        self.opener_log = path;
        self
    }

    /// The opener log file, if set.
    pub fn opener_log(&self) -> Option<&Path> {
        self.opener_log.as_deref()
    }

    /// Sets the app's folders; only the first call has an effect.
    pub fn with_dirs(self, dirs: Dirs) -> Self {
        let _ = self.dirs.set(dirs);
        self
    }

    /// Sets the app's folders if not set yet (called from the app's setup hook).
    pub fn init_dirs(&self, dirs: Dirs) {
        let _ = self.dirs.set(dirs);
    }

    /// The app's folders, once set.
    pub fn dirs(&self) -> Option<&Dirs> {
        self.dirs.get()
    }

    /// The article given on the command line, if any.
    pub fn initial_path(&self) -> Option<&Path> {
        self.initial_path.as_deref()
    }

    /// Where Export writes without a dialog, if set.
    pub fn save_path_override(&self) -> Option<&Path> {
        self.save_path_override.as_deref()
    }

    /// The open deck's article, if any (a cheap shared handle).
    pub fn article(&self) -> Option<Arc<Article>> {
        lock(&self.article).clone()
    }

    /// Replaces (or clears) the open deck's article.
    pub fn set_article(&self, article: Option<Article>) {
        *lock(&self.article) = article.map(Arc::new);
    }

    /// The last PDF written, if any.
    pub fn last_export(&self) -> Option<PathBuf> {
        lock(&self.last_export).clone()
    }

    /// Records the last PDF written.
    pub fn set_last_export(&self, path: PathBuf) {
        *lock(&self.last_export) = Some(path);
    }
}
