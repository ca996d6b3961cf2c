//! Batch conversion planning: which entries of a folder are articles, and where each one's deck goes.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind};

/// File extensions (lower case) read as articles in a batch; `json` is a deck file.
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
        } else if is_article(&entry) {
            let stem = entry
                .file_stem()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let full = entry
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            named.push((entry, stem, full));
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
