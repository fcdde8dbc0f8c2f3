//! The user's seed articles with their gold labels, for the seed tests.
//!
//! Reads `../shared/seed/` next to the project when it exists (the evaluation data is never
//! copied into the project).
#![allow(dead_code)] // each test uses part of it

use onrecord::article::{Article, Format, load};
use onrecord::extract::{Analysis, analyze};
use serde_json::Value;

/// One seed article: its name, gold labels, the loaded article and its analysis.
pub struct Case {
    pub stem: String,
    pub gold: Value,
    pub article: Article,
    pub analysis: Analysis,
}

/// Every `<stem>.gold.json` with its `<stem>.txt`, loaded and analyzed; `None` (with a
/// message) when `../shared/seed` is absent.
pub fn cases() -> Option<Vec<Case>> {
    let dir = super::shared_data::dir("seed")?;
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("read seed dir") {
        let path = entry.expect("entry").path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stem) = name.strip_suffix(".gold.json") else {
            continue;
        };
        let gold: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("gold")).expect("json");
        let text = std::fs::read(dir.join(format!("{stem}.txt"))).expect("seed text");
        let article = load::load_bytes(&text, Format::Text).expect("load").article;
        let analysis = analyze(&article);
        out.push(Case {
            stem: stem.to_string(),
            gold,
            article,
            analysis,
        });
    }
    Some(out)
}
