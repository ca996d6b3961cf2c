//! Nothing lost: the input is never written (bytes and modification time unchanged), a
//! failed conversion leaves an existing output untouched, and outputs go through a
//! temporary file that never outlives the write.

mod common;

use std::path::Path;
use std::time::SystemTime;

fn stamp(p: &Path) -> (Vec<u8>, SystemTime) {
    (
        std::fs::read(p).unwrap(),
        std::fs::metadata(p).unwrap().modified().unwrap(),
    )
}

fn convert(input: &Path, out: &Path) -> std::process::Output {
    common::distill(&common::io_args("convert", input, out, &[]))
}

fn temp_files(dir: &Path) -> Vec<String> {
    common::file_names(dir)
        .into_iter()
        .filter(|n| n.starts_with(".distill-") || n.ends_with(".tmp"))
        .collect()
}

const ARTICLE: &str = "# A bridge closes\n\nThe council closed the old bridge on Tuesday. \
    Engineers found cracks in two piers. Trucks must take the ring road.\n\n## Detour\n\n\
    Buses keep their routes. The mayor promised a timetable by the end of the month.\n";

#[test]
fn inputs_keep_their_bytes_and_modification_time() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("a.md");
    std::fs::write(&md, ARTICLE).unwrap();
    let html = dir.path().join("a.html");
    std::fs::write(
        &html,
        format!("<!doctype html><html><body><article><p>{ARTICLE}</p></article></body></html>"),
    )
    .unwrap();
    // Modification times must not move: make them old enough that any write would show.
    let old = SystemTime::now() - std::time::Duration::from_secs(3600);
    for p in [&md, &html] {
        std::fs::File::options()
            .write(true)
            .open(p)
            .unwrap()
            .set_modified(old)
            .unwrap();
    }
    let deck = dir.path().join("deck.json");
    let o = convert(&md, &deck);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::File::options()
        .write(true)
        .open(&deck)
        .unwrap()
        .set_modified(old)
        .unwrap();
    for input in [&md, &html, &deck] {
        let before = stamp(input);
        for ext in ["pdf", "json"] {
            let out = dir
                .path()
                .join(format!("out-{}.{ext}", input.display().to_string().len()));
            let o = convert(input, &out);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        }
        assert_eq!(stamp(input), before, "{} changed", input.display());
    }
    // Failing runs do not touch it either (output = input is refused before any write).
    let before = stamp(&md);
    let o = convert(&md, &md);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stamp(&md), before);
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn a_failed_conversion_leaves_the_existing_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.md");
    std::fs::write(&good, ARTICLE).unwrap();
    let out = dir.path().join("deck.pdf");
    let o = convert(&good, &out);
    assert!(o.status.success());
    let before = stamp(&out);
    assert!(before.0.starts_with(b"%PDF-"));

    // Inputs that fail at each stage: reading, decoding, parsing, loading a deck.
    let bad: [(&str, &[u8]); 4] = [
        ("empty.md", b""),
        ("binary.txt", b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0"),
        ("headings.md", b"# Only\n\n## Headings\n"),
        ("deck.json", b"{\"version\": 99}"),
    ];
    for (name, bytes) in bad {
        let input = dir.path().join(name);
        std::fs::write(&input, bytes).unwrap();
        let o = convert(&input, &out);
        assert_eq!(o.status.code(), Some(1), "{name}");
        assert_eq!(stamp(&out), before, "{name}: the existing deck changed");
        assert!(temp_files(dir.path()).is_empty(), "{name}");
    }
    // A bad theme fails before anything is written.
    let o = common::distill(&[
        "convert".as_ref(),
        good.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
        "--theme".as_ref(),
        "no-such-theme".as_ref(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stamp(&out), before);
    // The message names the built-in themes.
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("built-in: light, dark, warm"), "{err}");
}

#[test]
fn atomic_writes_replace_whole_files_and_leave_no_temporaries() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("x.bin");
    std::fs::write(&target, b"old contents").unwrap();
    let big = vec![7u8; 3 << 20];
    distill::export::write_atomic(&target, &big).unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), big);
    assert!(temp_files(dir.path()).is_empty());

    // A failed write (the target is a folder; the folder is missing) leaves nothing.
    let folder = dir.path().join("folder.pdf");
    std::fs::create_dir(&folder).unwrap();
    let e = distill::export::write_atomic(&folder, b"x").unwrap_err();
    assert!(matches!(e.kind, distill::ErrorKind::IsDirectory), "{e}");
    let e = distill::export::write_atomic(&dir.path().join("nope/x.pdf"), b"x").unwrap_err();
    assert!(
        matches!(e.kind, distill::ErrorKind::NoOutputFolder(_)),
        "{e}"
    );
    assert!(temp_files(dir.path()).is_empty());
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
}

/// The write goes through a temporary file in the same folder that is renamed into place:
/// while the old file is open, it keeps its contents (a rename, not an overwrite).
#[cfg(unix)]
#[test]
fn the_output_is_renamed_into_place_not_overwritten() {
    use std::io::Read;
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("deck.pdf");
    std::fs::write(&target, b"previous deck").unwrap();
    let inode = std::fs::metadata(&target).unwrap().ino();
    let mut reader = std::fs::File::open(&target).unwrap();
    distill::export::write_atomic(&target, b"%PDF-new").unwrap();
    let mut old = String::new();
    reader.read_to_string(&mut old).unwrap();
    assert_eq!(
        old, "previous deck",
        "the old file was overwritten in place"
    );
    assert_ne!(std::fs::metadata(&target).unwrap().ino(), inode);
    assert_eq!(std::fs::read(&target).unwrap(), b"%PDF-new");
}

#[test]
fn a_symlink_output_replaces_its_target_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.pdf");
    std::fs::write(&target, b"previous deck").unwrap();
    let link = dir.path().join("link.pdf");
    std::os::unix::fs::symlink("real.pdf", &link).unwrap();
    distill::export::write_atomic(&link, b"%PDF-new").unwrap();
    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(
        meta.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    assert_eq!(std::fs::read(&target).unwrap(), b"%PDF-new");
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn a_device_or_pipe_output_is_refused_and_left_alone() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.pdf");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipping: mkfifo is not available");
        return;
    }
    let input = dir.path().join("a.md");
    std::fs::write(&input, ARTICLE).unwrap();
    let o = convert(&input, &fifo);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("out.pdf") && err.contains("not a regular file"),
        "{err}"
    );
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "the pipe was replaced");
    assert!(temp_files(dir.path()).is_empty());
}
