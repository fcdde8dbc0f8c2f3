//! Fuzz target `index`: see `run_index` in `src/check.rs` for what is checked. Run it with
//! `RAYON_NUM_THREADS=1`: the indexer analyses on rayon's pool, one thread per core.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    onrecord_fuzz::check::run_index(data);
});
