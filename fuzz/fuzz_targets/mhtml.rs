//! Fuzz target `mhtml`: a web page saved as one MIME file. Whatever the bytes, loading
//! never panics, a loaded page holds clean text and valid spans (`load_and_check` in
//! `src/check.rs`), and a refusal is one clean line.
#![no_main]

use onrecord::article::Format;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    onrecord_fuzz::check::load_or_refuse(data, Format::Mhtml);
});
