//! Fuzz target `mhtml`: a web page saved as one MIME file. Whatever the bytes, loading
//! never panics, a loaded page holds clean text and valid spans (`load_and_check` in
//! `src/check.rs`), and a refusal is one clean line.
//!
//! Its `[[bin]]` entry in `fuzz/Cargo.toml`: name = "mhtml", path =
//! "fuzz_targets/mhtml.rs", test = false, doc = false, bench = false.
#![no_main]

use onrecord::article::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if onrecord_fuzz::check::load_and_check(data, Format::Mhtml).is_none() {
        let err = onrecord::article::load::load_bytes(data, Format::Mhtml)
            .expect_err("load_and_check gave nothing, so loading failed");
        onrecord_fuzz::check::check_clean("refusal", &err.to_string(), false);
    }
});
