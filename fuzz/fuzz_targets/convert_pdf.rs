//! Fuzz target: the whole conversion, bytes → deck → PDF bytes in memory.
//!
//! The first byte picks the file name (.md, .txt or .html), the rest is the article.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, body)) = data.split_first() else {
        return;
    };
    // Keep runs fast: the bad-input tests cover big inputs.
    if body.len() > 64 * 1024 {
        return;
    }
    let name = ["fuzz.md", "fuzz.txt", "fuzz.html"][pick as usize % 3];
    let opts = distill::Options::default();
    let Ok(source) = distill::import::source_from_bytes(std::path::Path::new(name), body) else {
        return;
    };
    if let Ok(deck) = distill::deck_from_source(&source, &opts) {
        let (pdf, report) = distill::render_pdf(&deck, &opts);
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(report.pages >= deck.slides.len());
    }
});
