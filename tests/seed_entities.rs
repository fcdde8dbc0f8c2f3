//! The user's seed article: every gold person, organization and place is found once, with
//! no extra entity of those kinds.
//!
//! Reads `../shared/seed/` next to the project when it exists (the evaluation data is
//! never copied into the project); skips with a message otherwise. An entity matches when
//! its name or one of its aliases equals the gold name or one of the gold aliases, once
//! titles and a possessive are set aside (people: the name without title).

use onrecord::article::{Format, load};
use onrecord::extract::{EntityKind, analyze};
use serde_json::Value;
use std::path::PathBuf;

fn seed_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seed");
    dir.is_dir().then_some(dir)
}

fn forms(v: &Value) -> Vec<String> {
    let mut out = vec![v["name"].as_str().unwrap_or_default().to_string()];
    if let Some(a) = v["aliases"].as_array() {
        out.extend(a.iter().filter_map(|x| x.as_str()).map(str::to_string));
    }
    out
}

#[test]
fn seed_article_entities() {
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
        let article = load::load_bytes(&text, Format::Text).expect("load").article;
        let analysis = analyze(&article);
        for (key, kind) in [
            ("people", EntityKind::Person),
            ("organizations", EntityKind::Organization),
            ("places", EntityKind::Place),
        ] {
            let ours: Vec<_> = analysis
                .entities
                .iter()
                .filter(|e| e.kind == kind)
                .collect();
            let golds = gold[key].as_array().expect("gold entity list");
            for g in golds {
                let gf = forms(g);
                let hits = ours
                    .iter()
                    .filter(|e| {
                        std::iter::once(&e.name)
                            .chain(&e.aliases)
                            .any(|f| gf.iter().any(|x| x == f))
                    })
                    .count();
                assert_eq!(
                    hits, 1,
                    "{stem}: {key} {gf:?} matched {hits} times in {ours:#?}"
                );
                checked += 1;
            }
            assert_eq!(
                ours.len(),
                golds.len(),
                "{stem}: {key} found {:?}",
                ours.iter().map(|e| &e.name).collect::<Vec<_>>()
            );
        }
    }
    assert!(checked > 0, "no gold entities checked");
}
