//! The user's seed article: every gold quote is found with its kind and speaker.
//!
//! Reads `../shared/seed/` next to the project when it exists (the evaluation data is
//! never copied into the project); skips with a message otherwise.

use onrecord::article::{Format, load};
use onrecord::extract::{QuoteKind, analyze};
use serde_json::Value;
use std::path::PathBuf;

fn seed_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed");
    dir.is_dir().then_some(dir)
}

fn kind_name(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Partial => "partial",
        QuoteKind::Indirect => "indirect",
    }
}

#[test]
fn seed_article_quotes_and_speakers() {
    let Some(dir) = seed_dir() else {
        eprintln!("skipping: ../shared/seed not found");
        return;
    };
    let mut checked = 0;
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
        let loaded = load::load_bytes(&text, Format::Text).expect("load");
        let article = loaded.article;
        let analysis = analyze(&article);
        let found: Vec<(&str, &str, Option<&str>)> = analysis
            .quotes
            .iter()
            .map(|q| {
                (
                    kind_name(q.kind),
                    &article.body[q.span.clone()],
                    q.speaker.as_deref(),
                )
            })
            .collect();
        let golds = gold["quotes"].as_array().expect("quotes");
        for g in golds {
            let kind = g["kind"].as_str().unwrap_or_default();
            let text = g["text"].as_str().unwrap_or_default();
            let speaker = g["speaker"].as_str();
            let hit = found.iter().find(|(k, t, _)| {
                *k == kind && t.trim_end_matches(['.', ',']) == text.trim_end_matches(['.', ','])
            });
            let Some((_, _, got)) = hit else {
                panic!("{stem}: missing {kind} quote {text:?}\nfound: {found:#?}");
            };
            assert_eq!(*got, speaker, "{stem}: speaker of {text:?}");
            checked += 1;
        }
        assert_eq!(
            found.len(),
            golds.len(),
            "{stem}: extra quotes in {found:#?}"
        );
    }
    assert!(checked > 0, "no gold quotes checked");
}
