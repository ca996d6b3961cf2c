//! What the window has open: the deck shown in the outline and exported to PDF.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use distill::Deck;

/// State shared by the commands, managed by Tauri.
#[derive(Debug, Default)]
pub struct AppState {
    /// The open deck; `None` until an article has been opened.
    deck: Mutex<Option<Arc<Deck>>>,
    /// The article named on the command line, opened by the front end at start.
    initial_path: Option<PathBuf>,
}

impl AppState {
    /// Empty state; `initial_path` is the article given on the command line, if any.
    pub fn new(initial_path: Option<PathBuf>) -> Self {
        AppState {
            deck: Mutex::new(None),
            initial_path,
        }
    }

    /// The article given on the command line, if any.
    pub fn initial_path(&self) -> Option<&Path> {
        self.initial_path.as_deref()
    }

    /// The open deck, if any (a cheap shared handle, so export can run off the lock).
    pub fn deck(&self) -> Option<Arc<Deck>> {
        self.lock().clone()
    }

    /// Replaces the open deck.
    pub fn set_deck(&self, deck: Deck) {
        *self.lock() = Some(Arc::new(deck));
    }

    /// The deck slot; a poisoned lock still holds a whole deck (it is only ever replaced), so use it.
    fn lock(&self) -> MutexGuard<'_, Option<Arc<Deck>>> {
        self.deck
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
