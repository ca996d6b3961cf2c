//! Fuzz target: bytes of a .txt file → decoded source → document; errors are fine, panics are not.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let path = std::path::Path::new("fuzz.txt");
    if let Ok(source) = distill::import::source_from_bytes(path, data) {
        let _ = distill::document::parse(&source);
    }
});
