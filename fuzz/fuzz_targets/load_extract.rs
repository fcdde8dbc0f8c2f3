//! Fuzz target `load_extract`: see `run_load_extract` in `src/check.rs` for what is checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    onrecord_fuzz::check::run_load_extract(data);
});
