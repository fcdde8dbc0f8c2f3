//! Fuzz target `mbox`: many messages in one file. Whatever the bytes, splitting never
//! panics, every key is one clean line without `#`, keys are unique within the file and the
//! same when the bytes are split again, and each item loads as `load_and_check` in
//! `src/check.rs` requires (or is refused), also with what its file says of it.
//!
//! Its `[[bin]]` entry in `fuzz/Cargo.toml`: name = "mbox", path =
//! "fuzz_targets/mbox.rs", test = false, doc = false, bench = false.
#![no_main]

use onrecord::article::{Format, load};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Ok(items) = load::split_items(data, Format::Mbox) else {
        return;
    };
    let again = load::split_items(data, Format::Mbox).expect("splits twice");
    let mut keys = std::collections::HashSet::new();
    for (item, same) in items.iter().zip(&again) {
        assert_eq!(item.key, same.key, "keys are stable");
        assert!(!item.key.is_empty() && !item.key.contains('#'), "{:?}", item.key);
        onrecord_fuzz::check::check_clean("key", &item.key, false);
        assert!(keys.insert(item.key.clone()), "duplicate key {:?}", item.key);
        onrecord_fuzz::check::load_and_check(&item.bytes, item.format);
        if let Ok(loaded) = load::load_item(item) {
            onrecord_fuzz::check::check_article(&loaded.article);
            if let Some(outlet) = &loaded.article.outlet {
                onrecord_fuzz::check::check_clean("outlet", outlet, false);
            }
        }
    }
});
