//! The TypeScript declarations of the deck model and the IPC types (`ui/src/generated/types.ts`), generated with ts-rs so the two sides cannot drift.

use distill::deck::{Deck, DeckMeta, Item, Slide, SlideKind};
use ts_rs::{Config, TS};

use crate::commands::{
    CmdError, CmdErrorKind, ExportProgress, ExportSummary, Opened, Page, PasteFormat, Rendered,
    Startup, Warning,
};
use crate::settings::Settings;
use crate::store::Autosave;

/// Path of the generated file, relative to the desktop crate's folder.
pub const TYPES_PATH: &str = "../ui/src/generated/types.ts";

/// The whole generated file: a header, then one `export type` per Rust type, in a fixed order.
pub fn typescript() -> String {
    let cfg = Config::new();
    let decls = [
        Deck::decl(&cfg),
        DeckMeta::decl(&cfg),
        Slide::decl(&cfg),
        SlideKind::decl(&cfg),
        Item::decl(&cfg),
        Settings::decl(&cfg),
        Autosave::decl(&cfg),
        Startup::decl(&cfg),
        Opened::decl(&cfg),
        Warning::decl(&cfg),
        Rendered::decl(&cfg),
        Page::decl(&cfg),
        ExportProgress::decl(&cfg),
        ExportSummary::decl(&cfg),
        PasteFormat::decl(&cfg),
        CmdError::decl(&cfg),
        CmdErrorKind::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by ts-rs; do not edit.\n\
         // Regenerate: DISTILL_UPDATE_TYPES=1 cargo test -p distill-desktop generated_types\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(decl.trim());
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_types_are_current() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(TYPES_PATH);
        let want = typescript();
        if std::env::var_os("DISTILL_UPDATE_TYPES").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "{} is stale; regenerate it with DISTILL_UPDATE_TYPES=1 cargo test -p distill-desktop generated_types",
            path.display()
        );
        assert!(want.contains("export type SlideKind ="), "{want}");
    }
}
