//! The app's own files: the autosaved deck (data folder), settings and recent files (config folder), all written atomically.

use std::path::{Path, PathBuf};

use distill::export::write_atomic;
use distill::Deck;
use serde::{Deserialize, Serialize};

use crate::settings::Settings;

/// Most entries kept in the recent-files list.
pub const MAX_RECENT: usize = 8;

/// Version of the autosave file format.
pub const AUTOSAVE_VERSION: u32 = 1;

/// Where the app keeps its files: `$XDG_DATA_HOME/org.distill.desktop` and
/// `$XDG_CONFIG_HOME/org.distill.desktop` on Linux (Tauri's app data / config folders).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirs {
    /// Autosave lives here.
    pub data: PathBuf,
    /// Settings and recent files live here.
    pub config: PathBuf,
}

/// The deck being edited, written after every edit until it is saved or the app closes cleanly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct Autosave {
    /// [`AUTOSAVE_VERSION`].
    pub version: u32,
    /// The deck as last edited.
    pub deck: Deck,
    /// The article the deck was planned from, if any (for traceability after restore).
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// The project file the deck was opened from or last saved to, if any.
    #[ts(optional)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<String>,
}

impl Dirs {
    /// The autosave file.
    pub fn autosave_path(&self) -> PathBuf {
        self.data.join("autosave.distill.json")
    }

    fn settings_path(&self) -> PathBuf {
        self.config.join("settings.json")
    }

    fn recent_path(&self) -> PathBuf {
        self.config.join("recent.json")
    }

    /// Writes the autosave atomically (temp file + rename), creating the data folder.
    ///
    /// Errors: the folder cannot be created or written (message names the path).
    pub fn write_autosave(&self, autosave: &Autosave) -> Result<(), String> {
        write_json(&self.autosave_path(), autosave)
    }

    /// The autosave left by an earlier run, if it exists and reads as one; an unreadable
    /// or foreign file is ignored (it is replaced at the next edit).
    pub fn read_autosave(&self) -> Option<Autosave> {
        let text = std::fs::read_to_string(self.autosave_path()).ok()?;
        let value: serde_json::Value = serde_json::from_str(&text).ok()?;
        if value.get("version")?.as_u64()? != u64::from(AUTOSAVE_VERSION) {
            return None;
        }
        // Through Deck::from_json so a deck of another version is refused, not misread.
        let deck = Deck::from_json(&value.get("deck")?.to_string()).ok()?;
        let text_field = |k: &str| value.get(k).and_then(|v| v.as_str()).map(str::to_owned);
        Some(Autosave {
            version: AUTOSAVE_VERSION,
            deck,
            article: text_field("article"),
            project: text_field("project"),
        })
    }

    /// Removes the autosave (the deck was saved, the app closed cleanly, or the user dismissed it).
    pub fn clear_autosave(&self) {
        let _ = std::fs::remove_file(self.autosave_path());
    }

    /// The saved settings, or the defaults when there are none or they do not read.
    pub fn read_settings(&self) -> Settings {
        std::fs::read_to_string(self.settings_path())
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// Saves the settings atomically.
    ///
    /// Errors: as [`Dirs::write_autosave`].
    pub fn write_settings(&self, settings: &Settings) -> Result<(), String> {
        write_json(&self.settings_path(), settings)
    }

    /// Recent files, most recent first; entries whose file is gone are left out.
    pub fn read_recent(&self) -> Vec<String> {
        let list: Vec<String> = std::fs::read_to_string(self.recent_path())
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        list.into_iter()
            .filter(|p| Path::new(p).is_file())
            .take(MAX_RECENT)
            .collect()
    }

    /// Puts `path` first in the recent list (once), keeping at most [`MAX_RECENT`]; returns the list.
    ///
    /// Errors: as [`Dirs::write_autosave`].
    pub fn push_recent(&self, path: &str) -> Result<Vec<String>, String> {
        let mut list = self.read_recent();
        list.retain(|p| p != path);
        list.insert(0, path.to_owned());
        list.truncate(MAX_RECENT);
        write_json(&self.recent_path(), &list)?;
        Ok(list)
    }
}

/// Writes `value` as pretty JSON to `path` atomically, creating the parent folder.
pub fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("{}: cannot create folder: {e}", dir.display()))?;
    }
    let mut json = serde_json::to_vec_pretty(value).map_err(|e| e.to_string())?;
    json.push(b'\n');
    write_atomic(path, &json).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use distill::deck::{DeckMeta, Item, Slide, SlideKind, DECK_VERSION};

    pub(crate) fn tiny_deck() -> Deck {
        Deck {
            version: DECK_VERSION,
            meta: DeckMeta {
                title: "Tides".into(),
                ..DeckMeta::default()
            },
            slides: vec![Slide {
                kind: SlideKind::Bullets,
                title: "Why tides turn".into(),
                subtitle: None,
                items: vec![Item::bullet("The moon pulls the sea.", vec![(0, 23)])],
                notes: String::new(),
                image: None,
            }],
        }
    }

    #[test]
    fn autosave_round_trips_and_clears() {
        let tmp = tempfile::tempdir().unwrap();
        let dirs = Dirs {
            data: tmp.path().join("data"),
            config: tmp.path().join("config"),
        };
        assert_eq!(dirs.read_autosave(), None);
        let save = Autosave {
            version: AUTOSAVE_VERSION,
            deck: tiny_deck(),
            article: Some("/a/b.md".into()),
            project: None,
        };
        dirs.write_autosave(&save).unwrap();
        assert_eq!(dirs.read_autosave(), Some(save));
        dirs.clear_autosave();
        assert_eq!(dirs.read_autosave(), None);

        std::fs::write(dirs.autosave_path(), "{not json").unwrap();
        assert_eq!(dirs.read_autosave(), None);
    }

    #[test]
    fn recent_list_is_most_recent_first_without_duplicates_or_missing_files() {
        let tmp = tempfile::tempdir().unwrap();
        let dirs = Dirs {
            data: tmp.path().join("data"),
            config: tmp.path().join("config"),
        };
        let files: Vec<String> = (0..10)
            .map(|i| {
                let p = tmp.path().join(format!("a{i}.md"));
                std::fs::write(&p, "x").unwrap();
                p.to_string_lossy().into_owned()
            })
            .collect();
        for f in &files {
            dirs.push_recent(f).unwrap();
        }
        let list = dirs.push_recent(&files[5]).unwrap();
        assert_eq!(list.len(), MAX_RECENT);
        assert_eq!(list[0], files[5]);
        assert_eq!(list[1], files[9]);
        assert_eq!(list.iter().filter(|p| **p == files[5]).count(), 1);
        std::fs::remove_file(&files[9]).unwrap();
        assert!(!dirs.read_recent().contains(&files[9]));
    }
}
