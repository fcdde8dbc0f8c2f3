//! Fuzz target `email`: one e-mail message (`.eml`, a Maildir file). Whatever the bytes,
//! loading never panics, a loaded message holds clean text and valid spans
//! (`load_and_check` in `src/check.rs`) and a clean outlet, and a refusal is one clean line.
//!
//! Its `[[bin]]` entry in `fuzz/Cargo.toml`: name = "email", path =
//! "fuzz_targets/email.rs", test = false, doc = false, bench = false.
#![no_main]

use onrecord::article::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    match onrecord_fuzz::check::load_and_check(data, Format::Email) {
        Some((loaded, _)) => {
            if let Some(outlet) = &loaded.article.outlet {
                onrecord_fuzz::check::check_clean("outlet", outlet, false);
            }
        }
        None => {
            let err = onrecord::article::load::load_bytes(data, Format::Email)
                .expect_err("load_and_check gave nothing, so loading failed");
            onrecord_fuzz::check::check_clean("refusal", &err.to_string(), false);
        }
    }
});
