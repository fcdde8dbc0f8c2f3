//! The user's seed article: every gold person, organization and place is found once, with
//! no extra entity of those kinds.
//!
//! Reads `../shared/seed/` next to the project when it exists (the evaluation data is
//! never copied into the project); skips with a message otherwise. An entity matches when
//! its name or one of its aliases equals the gold name or one of the gold aliases, once
//! titles and a possessive are set aside (people: the name without title).

use crate::seed_support;

use onrecord::extract::EntityKind;
use serde_json::Value;

fn forms(v: &Value) -> Vec<String> {
    let mut out = vec![v["name"].as_str().unwrap_or_default().to_string()];
    if let Some(a) = v["aliases"].as_array() {
        out.extend(a.iter().filter_map(|x| x.as_str()).map(str::to_string));
    }
    out
}

#[test]
fn seed_article_entities() {
    let Some(cases) = seed_support::cases() else {
        return;
    };
    let mut checked = 0;
    for seed_support::Case {
        stem,
        gold,
        article: _,
        analysis,
    } in &cases
    {
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
