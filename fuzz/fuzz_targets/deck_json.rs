//! Fuzz target: deck JSON loading (a project file is untrusted); a deck that loads is
//! also laid out and rendered to PDF bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(deck) = distill::Deck::from_json(json) {
        let opts = distill::Options::default();
        let (pdf, _) = distill::render_pdf(&deck, &opts);
        assert!(pdf.starts_with(b"%PDF-"));
    }
});
