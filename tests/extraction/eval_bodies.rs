//! The loaders on the shared evaluation articles (`../shared`, read at run time; skipped
//! with a message when it is missing): every labelled quote must be an exact substring of
//! the loaded body, and no paragraph of the file may be lost.

use crate::shared_data;

use onrecord::article::load::{DEFAULT_MAX_BYTES, load_file};
use std::path::{Path, PathBuf};

fn shared() -> Option<PathBuf> {
    shared_data::dir("eval").and_then(|eval| eval.parent().map(Path::to_path_buf))
}

/// (article, gold) pairs of the quote set and the seed.
fn gold_pairs(shared: &Path) -> Vec<(PathBuf, PathBuf)> {
    let mut pairs = Vec::new();
    for dir in [shared.join("eval/quotes"), shared.join("seed")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries.flatten() {
            let gold = e.path();
            let name = gold.file_name().unwrap().to_string_lossy().to_string();
            if let Some(stem) = name.strip_suffix(".gold.json") {
                pairs.push((dir.join(format!("{stem}.txt")), gold));
            }
        }
    }
    pairs.sort();
    pairs
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn every_gold_quote_is_in_the_loaded_body() {
    let Some(shared) = shared() else { return };
    let pairs = gold_pairs(&shared);
    assert!(pairs.len() >= 20, "found only {} gold files", pairs.len());
    let mut checked = 0;
    for (article, gold) in pairs {
        let loaded = load_file(&article, DEFAULT_MAX_BYTES)
            .unwrap_or_else(|e| panic!("{}: {e}", article.display()));
        let body = &loaded.article.body;
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&gold).unwrap()).unwrap();
        for q in gold["quotes"].as_array().unwrap() {
            let text = q["text"].as_str().unwrap();
            assert!(
                body.contains(text),
                "{}: gold quote not in body: {text:?}",
                article.display()
            );
            checked += 1;
        }
        for n in gold["nonquotes"].as_array().into_iter().flatten() {
            let text = n.as_str().unwrap();
            assert!(body.contains(text), "{}: {text:?}", article.display());
        }
    }
    assert!(checked > 300, "only {checked} quotes checked");
}

/// Every paragraph of the file ends up in the title, the byline/date header, the body or
/// the extra lines: nothing is silently dropped.
#[test]
fn no_paragraph_is_lost() {
    let Some(shared) = shared() else { return };
    for (article, _) in gold_pairs(&shared) {
        let raw = std::fs::read_to_string(&article)
            .unwrap()
            .replace("\r\n", "\n");
        let a = load_file(&article, DEFAULT_MAX_BYTES).unwrap().article;
        let body = squash(&a.body);
        for para in raw.split("\n\n").map(squash).filter(|p| !p.is_empty()) {
            let placed = body.contains(&para)
                || para == a.title
                || a.extra.iter().any(|x| squash(x) == para)
                || a.date.as_deref() == Some(para.as_str())
                || a.byline.iter().any(|n| para.contains(n.as_str()));
            assert!(placed, "{}: paragraph lost: {para:?}", article.display());
        }
    }
}

/// Eval articles start straight with the body: no first line is taken for a title
/// unless it is a headline (one short line not ending like a sentence).
#[test]
fn first_paragraph_stays_body_when_it_is_not_a_headline() {
    let Some(shared) = shared() else { return };
    for (article, _) in gold_pairs(&shared) {
        let raw = std::fs::read_to_string(&article).unwrap();
        let first = squash(raw.trim_start().split("\n\n").next().unwrap());
        let a = load_file(&article, DEFAULT_MAX_BYTES).unwrap().article;
        if a.title == first {
            assert!(
                first.split_whitespace().count() <= 30 && !first.ends_with('.'),
                "{}: a sentence was taken as the title: {first:?}",
                article.display()
            );
        } else {
            assert!(
                squash(&a.body).starts_with(&first),
                "{}: body does not start with the first paragraph",
                article.display()
            );
        }
    }
}

#[test]
fn seed_article_metadata_and_clean_body() {
    let Some(shared) = shared() else { return };
    let path = shared.join("seed/space-force-missile-tracking.txt");
    let a = load_file(&path, DEFAULT_MAX_BYTES).unwrap().article;
    assert_eq!(
        a.title,
        "The US Space Force is looking to boost allies\u{2019} tracking of North Korean missiles"
    );
    assert_eq!(a.byline, vec!["Josh Smith"]);
    assert_eq!(a.dateline.as_deref(), Some("SEOUL (Reuters)"));
    assert!(
        a.body
            .starts_with("SEOUL (Reuters) \u{2013} The U.S. and South Korean")
    );
    assert!(a.body.ends_with("he said at a news conference in Seoul."));
    for junk in [
        "Leave A Reply",
        "Your email address",
        "Reporting by",
        "Written by",
    ] {
        assert!(!a.body.contains(junk), "body has {junk:?}");
    }
    assert_eq!(
        a.extra,
        vec![
            "(Reporting by Josh Smith. Editing by Jerry Doyle)",
            "Leave A Reply",
            "Your email address will not be published."
        ]
    );
}
