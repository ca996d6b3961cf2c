//! Typed errors that name the file and the problem.

use std::fmt;
use std::path::{Path, PathBuf};

/// An error that stops a conversion: which file, and what is wrong with it.
///
/// `Display` gives one line, e.g. `article.md: the file is empty`.
#[derive(Debug)]
pub struct Error {
    /// The file the problem is about (input or output).
    pub path: PathBuf,
    /// What went wrong.
    pub kind: ErrorKind,
}

/// What went wrong; new kinds may be added.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The path does not exist.
    #[error("no such file")]
    NotFound,
    /// The path is a directory, not a file.
    #[error("is a directory, not an article file")]
    IsDirectory,
    /// The path is a pipe, socket or device: reading it could wait forever or never end.
    #[error("is not a regular file (a pipe, socket or device); save the article to a file first")]
    NotRegularFile,
    /// The OS refused to read or write the file.
    #[error("cannot {action}: {source}")]
    Io {
        /// "read" or "write".
        action: &'static str,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The file has no bytes, or only whitespace.
    #[error("the file is empty")]
    Empty,
    /// The bytes are not text (binary data, or not valid UTF-8).
    #[error("not a text document ({0})")]
    NotText(String),
    /// The input is larger than the limit.
    #[error("the file is {size} bytes, over the {limit}-byte limit")]
    TooLarge {
        /// Size of the input in bytes.
        size: u64,
        /// The limit in bytes ([`crate::import::MAX_INPUT_BYTES`]).
        limit: u64,
    },
    /// The document has more blocks than [`crate::limits::MAX_BLOCKS`].
    #[error("the article has {count} blocks and headings, over the {limit} limit")]
    TooManyBlocks {
        /// Blocks plus section headings found (counting stops a little past the limit).
        count: usize,
        /// The limit ([`crate::limits::MAX_BLOCKS`]).
        limit: usize,
    },
    /// An HTML page nests elements deeper than [`crate::limits::MAX_NESTING_DEPTH`].
    #[error("the page nests elements {depth} levels deep, over the {limit}-level limit")]
    TooDeep {
        /// Deepest nesting found.
        depth: usize,
        /// The limit ([`crate::limits::MAX_NESTING_DEPTH`]).
        limit: usize,
    },
    /// A subfolder given to a batch holds several article files, so which one is the
    /// article is unclear.
    #[error("the folder holds {0} article files; a folder article needs exactly one")]
    AmbiguousFolder(usize),
    /// Parsing found no paragraph text to make slides from.
    #[error("no article text found")]
    NoContent,
    /// The output path is the input path; writing would destroy the article.
    #[error("the output path is the input file; choose another output path")]
    OutputIsInput,
    /// A path that must be a folder (SVG output, batch input or output) names a file.
    #[error("is a file, not a folder")]
    NotADirectory,
    /// The folder an output file should go in does not exist.
    #[error("the folder {0} does not exist")]
    NoOutputFolder(String),
    /// A deck JSON file is not a deck this build can read.
    #[error("not a Distill deck: {0}")]
    BadDeck(String),
    /// A theme file is not valid theme JSON.
    #[error("not a valid theme: {0}")]
    BadTheme(String),
    /// The output file name has an extension Distill cannot write.
    #[error("unknown output format (use .pdf or .json, or --format svg with a folder)")]
    UnknownOutputFormat,
}

impl ErrorKind {
    /// The kind for an I/O error met while doing `action` ("read", "write" …) on a file:
    /// [`ErrorKind::NotFound`] for a missing file, [`ErrorKind::Io`] otherwise.
    pub fn from_io(e: std::io::Error, action: &'static str) -> Self {
        match e.kind() {
            std::io::ErrorKind::NotFound => ErrorKind::NotFound,
            _ => ErrorKind::Io { action, source: e },
        }
    }
}

impl Error {
    /// Makes an error about `path`.
    pub fn new(path: &Path, kind: ErrorKind) -> Self {
        Error {
            path: path.to_path_buf(),
            kind,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.kind)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
