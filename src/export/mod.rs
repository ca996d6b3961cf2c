//! Export: frames → PDF bytes or SVG, and atomic file writes (temp file + rename).

pub mod pdf;
pub mod raster;
pub mod svg;

use std::io::Write;
use std::path::Path;

use crate::error::{Error, ErrorKind};

/// `e` without the temporary file's path that `tempfile` adds to its errors (the user
/// knows only the output path, which the error names already): the OS error itself, or
/// an error of the same kind ("permission denied").
fn without_temp_path(e: std::io::Error) -> std::io::Error {
    match e.raw_os_error() {
        Some(code) => std::io::Error::from_raw_os_error(code),
        None if e.get_ref().is_some() => {
            // "No such file or directory (os error 2) at path \"/x/.distill-…\"": the
            // OS's words stay, the temporary path goes.
            let text = e.to_string();
            let os = text.split(" at path ").next().unwrap_or(&text).trim();
            std::io::Error::new(e.kind(), os.to_string())
        }
        None => e,
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder is written,
/// flushed to disk and renamed over `path`, so readers see the old file or the whole new
/// one, never a partial file. On error nothing is left behind. A symbolic link at `path`
/// is followed (the file it points to is replaced, the link stays a link).
///
/// Errors: [`ErrorKind::IsDirectory`] when `path` is a folder; [`ErrorKind::Io`] when the
/// folder is missing or not writable, or when `path` is a device, pipe or socket (renaming
/// over it would replace, say, a copy of `/dev/null` by a regular file).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let link_target;
    let path = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            link_target = match std::fs::canonicalize(path) {
                Ok(t) => t,
                // A dangling link: write the file it names.
                Err(_) => match std::fs::read_link(path) {
                    Ok(t) if t.is_absolute() => t,
                    Ok(t) => path.parent().unwrap_or(Path::new(".")).join(t),
                    Err(e) => return Err(Error::new(path, ErrorKind::from_io(e, "write"))),
                },
            };
            link_target.as_path()
        }
        _ => path,
    };
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
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return Err(err(std::io::Error::other(
            "not a regular file (a device, pipe or socket); give a file path",
        )));
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
        .map_err(|e| err(without_temp_path(e)))?;
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
