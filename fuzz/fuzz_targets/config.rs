//! Fuzz target `config`: see `run_config` in `src/check.rs` for what is checked.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    onrecord_fuzz::check::run_config(data);
});
