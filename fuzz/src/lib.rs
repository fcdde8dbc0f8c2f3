//! Shared checks for the fuzz targets: the `onrecord-testkit` crate's, also run by the tests
//! that replay crash inputs (`tests/extraction/regressions.rs`), so a crash input found here
//! is checked the same way there.

pub use onrecord_testkit::check;
