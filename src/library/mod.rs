//! The library: scanning folders of articles and the on-disk index.

pub mod scan;
