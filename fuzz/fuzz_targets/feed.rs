//! Fuzz target `feed`: a saved RSS or Atom feed. Whatever the bytes, splitting never
//! panics, every key is one clean line without `#`, keys are unique within the file and the
//! same when the bytes are split again, and each item loads as `load_and_check` in
//! `src/check.rs` requires (or is refused), also with what its file says of it.
#![no_main]

use onrecord::article::{Format, load};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    onrecord_fuzz::check::run_items(data, |d| load::split_items(d, Format::Feed));
});
