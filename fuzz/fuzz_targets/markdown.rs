//! Fuzz target `markdown`: see `run_markdown` in `src/check.rs` for what is checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    onrecord_fuzz::check::run_markdown(data);
});
