//! Shared checks for the fuzz targets. `check.rs` is also compiled into the regression
//! tests (`tests/regressions.rs`), so a crash input found here is checked the same way there.

#[path = "check.rs"]
pub mod check;
