//! Quote, speaker and entity extraction: the seed articles, the shared evaluation sets, the
//! bundled sample library, property tests, and the inputs the fuzzers crashed on. One test
//! binary; each file is a module.

mod seed_support;
#[path = "../support/shared_data.rs"]
mod shared_data;

mod eval_bodies;
mod extract_props;
mod html_eval;
mod regressions;
mod sample_library;
mod seed;
mod seed_entities;
