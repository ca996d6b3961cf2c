//! Export: frames → PDF bytes or SVG, and atomic file writes (temp file + rename).

pub mod pdf;
pub mod raster;
pub mod svg;

use std::io::Write;
use std::path::Path;

use crate::error::{Error, ErrorKind};

/// Writes `bytes` to `path` atomically: a temporary file in the same folder is written,
/// flushed to disk and renamed over `path`, so readers see the old file or the whole new
/// one, never a partial file. On error nothing is left behind.
///
/// Errors: [`ErrorKind::IsDirectory`] when `path` is a folder; [`ErrorKind::Io`] when the
/// folder is missing or not writable.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let err = |e: std::io::Error| {
        Error::new(
            path,
            ErrorKind::Io {
                action: "write",
                source: e,
            },
        )
    };
    if path.is_dir() {
        return Err(Error::new(path, ErrorKind::IsDirectory));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::new(
            path,
            ErrorKind::NoOutputFolder(dir.display().to_string()),
        ));
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".distill-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(err)?;
    tmp.write_all(bytes).map_err(err)?;
    // The temporary file is created private (0600); the output gets the permissions of
    // the file it replaces, or the usual 0644 for a new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode() & 0o7777)
            .unwrap_or(0o644);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(err)?;
    }
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}
