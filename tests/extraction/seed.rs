//! The user's seed article: every gold quote is found with its kind and speaker.
//!
//! Reads `../shared/seed/` next to the project when it exists (the evaluation data is
//! never copied into the project); skips with a message otherwise.

use crate::seed_support;

#[test]
fn seed_article_quotes_and_speakers() {
    let Some(cases) = seed_support::cases() else {
        return;
    };
    let mut checked = 0;
    for seed_support::Case {
        stem,
        gold,
        article,
        analysis,
    } in &cases
    {
        let found: Vec<(&str, &str, Option<&str>)> = analysis
            .quotes
            .iter()
            .map(|q| {
                (
                    q.kind.as_str(),
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
