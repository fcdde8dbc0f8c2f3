//! What onrecord's tests, examples and fuzz targets share (a dev-only crate, never shipped):
//!
//! - [`check`]: the invariants every loaded article and every analysis must hold, asserted
//!   by the fuzz targets and by the tests that replay their inputs;
//! - [`corpus`]: a deterministic generator of synthetic news libraries, for the library
//!   tests, `examples/gen_corpus.rs` and `examples/libbench.rs`.

pub mod check;
pub mod corpus;
