//! Batch conversion planning: which entries of a folder are articles, and where each one's deck goes.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind};

/// File extensions (lower case) read as articles in a batch; `json` is a deck file when
/// [`is_deck_file`] says so, and skipped otherwise.
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "md", "markdown", "mdown", "mkd", "txt", "text", "html", "htm", "xhtml", "json",
];

/// One conversion of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The article file (for a folder article, the one article file inside it).
    pub input: PathBuf,
    /// The output file in the output folder.
    pub output: PathBuf,
}

/// What a batch over a folder will do.
#[derive(Debug, Default)]
pub struct Plan {
    /// Conversions, in file-name order.
    pub jobs: Vec<Job>,
    /// Entries that cannot be converted (e.g. a subfolder with several article files),
    /// reported as failures.
    pub problems: Vec<Error>,
    /// Files skipped because their extension is not an article's (pictures, PDFs …).
    pub skipped: Vec<PathBuf>,
    /// JSON files skipped because they are not Distill decks (`package.json`, a data
    /// file), each with the reason, to be reported one line each.
    pub not_decks: Vec<(PathBuf, String)>,
}

/// The file-name ending of a saved Distill project (a deck JSON file).
pub const PROJECT_SUFFIX: &str = ".distill.json";

fn is_json(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// Whether a `.json` file is a Distill deck (a saved project or `distill convert -o
/// deck.json`): `Ok(())` when it is, else why not.
///
/// A file named `*.distill.json` is always a deck (a damaged one is reported as a
/// failure when it is loaded). Another `.json` file is a deck when its top level is an
/// object with both a `"version"` and a `"slides"` key, the shape every deck has; a file
/// that is not valid JSON counts as a (damaged) deck only when it mentions `"slides"`.
/// A file over [`crate::limits::MAX_INPUT_BYTES`] is not read and not a deck.
pub fn is_deck_file(path: &Path) -> Result<(), String> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if name.ends_with(PROJECT_SUFFIX) {
        return Ok(());
    }
    let limit = crate::limits::MAX_INPUT_BYTES;
    if std::fs::metadata(path).is_ok_and(|m| m.len() > limit) {
        return Err(format!("JSON over the {limit}-byte limit, not read"));
    }
    let text = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        // Unreadable: let loading it report the error.
        Err(_) => return Ok(()),
    };
    #[derive(serde::Deserialize)]
    struct Probe {
        version: Option<serde::de::IgnoredAny>,
        slides: Option<serde::de::IgnoredAny>,
    }
    match serde_json::from_str::<Probe>(&text) {
        Ok(Probe {
            version: Some(_),
            slides: Some(_),
        }) => Ok(()),
        Ok(_) => Err("JSON without the \"version\" and \"slides\" of a deck".to_string()),
        Err(e) if e.classify() == serde_json::error::Category::Data => Err(
            "JSON that is not an object with the \"version\" and \"slides\" of a deck".to_string(),
        ),
        Err(_) if text.contains("\"slides\"") => Ok(()),
        Err(_) => Err("not valid JSON and not a deck".to_string()),
    }
}

fn is_article(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some(e) => ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()),
        None => true,
    }
}

fn hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// Lists the conversions for every article in `input_dir` (not recursive beyond one
/// level), each written to `out_dir` as `<name>.<ext>`:
///
/// - a file with an article extension ([`ARTICLE_EXTENSIONS`]) or none is one article,
///   named by its file stem (by its whole file name when two articles share a stem);
/// - a subfolder holding exactly one article file at its top level (e.g. `index.md`
///   beside its pictures) is one article, named by the folder; a subfolder with none is
///   skipped, one with several is a problem;
/// - a `.json` file is a deck only when [`is_deck_file`] says so; other JSON
///   (`package.json`, a data file) is skipped and listed in [`Plan::not_decks`] (inside
///   a folder article it is ignored, like its pictures);
/// - hidden entries, other files, and `out_dir` itself are skipped.
///
/// Errors: `input_dir` is missing, not a folder, or unreadable.
pub fn plan(input_dir: &Path, out_dir: &Path, ext: &str) -> Result<Plan, Error> {
    let io = |e: std::io::Error| Error::new(input_dir, ErrorKind::from_io(e, "read"));
    let meta = std::fs::metadata(input_dir).map_err(io)?;
    if !meta.is_dir() {
        return Err(Error::new(input_dir, ErrorKind::NotADirectory));
    }
    let out_canon = out_dir.canonicalize().ok();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(input_dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !hidden(p))
        .filter(|p| out_canon.is_none() || p.canonicalize().ok() != out_canon)
        .collect();
    entries.sort();
    let mut plan = Plan::default();
    let mut named: Vec<(PathBuf, String, String)> = Vec::new();
    for entry in entries {
        if entry.is_dir() {
            let mut inside: Vec<PathBuf> = match std::fs::read_dir(&entry) {
                Ok(rd) => rd
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.is_file() && !hidden(p) && is_article(p))
                    .filter(|p| !is_json(p) || is_deck_file(p).is_ok())
                    .collect(),
                Err(e) => {
                    plan.problems.push(Error::new(
                        &entry,
                        ErrorKind::Io {
                            action: "read",
                            source: e,
                        },
                    ));
                    continue;
                }
            };
            inside.sort();
            let name = entry
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            match inside.len() {
                0 => plan.skipped.push(entry),
                1 => named.push((inside.remove(0), name.clone(), name)),
                n => plan
                    .problems
                    .push(Error::new(&entry, ErrorKind::AmbiguousFolder(n))),
            }
        } else if is_json(&entry) && is_article(&entry) {
            if let Err(why) = is_deck_file(&entry) {
                plan.not_decks.push((entry, why));
                continue;
            }
            push_named(&mut named, entry);
        } else if is_article(&entry) {
            push_named(&mut named, entry);
        } else {
            plan.skipped.push(entry);
        }
    }
    let mut stems: HashSet<&str> = HashSet::new();
    let mut dup: HashSet<String> = HashSet::new();
    for (_, stem, _) in &named {
        if !stems.insert(stem.as_str()) {
            dup.insert(stem.clone());
        }
    }
    for (input, stem, full) in &named {
        let name = if dup.contains(stem) { full } else { stem };
        plan.jobs.push(Job {
            input: input.clone(),
            output: out_dir.join(format!("{name}.{ext}")),
        });
    }
    Ok(plan)
}

/// Adds a top-level article file, named by its stem (`talk` for `talk.distill.json`)
/// and its whole file name.
fn push_named(named: &mut Vec<(PathBuf, String, String)>, entry: PathBuf) {
    let full = entry
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let cut = full.len().saturating_sub(PROJECT_SUFFIX.len());
    let project = cut > 0
        && full
            .get(cut..)
            .is_some_and(|s| s.eq_ignore_ascii_case(PROJECT_SUFFIX));
    let stem = if project {
        full[..cut].to_string()
    } else {
        entry
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    named.push((entry, stem, full));
}
