//! The bundled sample library and its hand-labelled expected results agree with each other
//! and with what the loaders produce.

use onrecord::article::load;
use onrecord::sample;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

fn expected_of(name: &str) -> Value {
    let json = sample::expected(name).unwrap_or_else(|| panic!("no expected file for {name}"));
    serde_json::from_str(json).unwrap_or_else(|e| panic!("{name}: bad JSON: {e}"))
}

fn names(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} is not a list"))
        .iter()
        .flat_map(|e| {
            let mut all = vec![e["name"].as_str().unwrap().to_string()];
            all.extend(
                e["aliases"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| a.as_str().unwrap().to_string()),
            );
            all
        })
        .collect()
}

#[test]
fn every_expected_quote_is_in_the_loaded_body() {
    let articles: HashMap<String, _> = sample::articles()
        .into_iter()
        .map(|(p, a)| (p.file_name().unwrap().to_string_lossy().to_string(), a))
        .collect();
    for (name, _) in sample::FILES {
        let article = &articles[*name];
        let exp = expected_of(name);
        let quotes = exp["quotes"].as_array().unwrap();
        assert!(quotes.len() >= 8, "{name}: only {} quotes", quotes.len());
        for q in quotes {
            let text = q["text"].as_str().unwrap();
            assert!(
                article.body.contains(text),
                "{name}: quote not in body: {text:?}\n--- body:\n{}",
                article.body
            );
            let kind = q["kind"].as_str().unwrap();
            assert!(
                ["direct", "partial", "indirect"].contains(&kind),
                "{name}: kind {kind}"
            );
        }
        for n in exp["nonquotes"].as_array().unwrap() {
            let text = n.as_str().unwrap();
            assert!(
                article.body.contains(text),
                "{name}: nonquote not in body: {text:?}"
            );
        }
    }
}

#[test]
fn speakers_are_listed_entities_and_names_occur_in_the_file() {
    for (name, bytes) in sample::FILES {
        let raw = String::from_utf8_lossy(bytes);
        let exp = expected_of(name);
        let people = names(&exp, "people");
        let orgs = names(&exp, "organizations");
        for n in people.iter().chain(&orgs).chain(&names(&exp, "places")) {
            assert!(raw.contains(n.as_str()), "{name}: entity {n:?} not in file");
        }
        for q in exp["quotes"].as_array().unwrap() {
            let speaker = q["speaker"].as_str().unwrap_or("");
            match q["speaker_kind"].as_str().unwrap() {
                "person" => assert!(
                    people.iter().any(|p| p == speaker),
                    "{name}: speaker {speaker:?} is not a listed person"
                ),
                "organization" => assert!(
                    orgs.iter().any(|o| o == speaker) || raw.contains(speaker),
                    "{name}: organization speaker {speaker:?} unknown"
                ),
                "group" | "document" => assert!(
                    raw.to_lowercase().contains(&speaker.to_lowercase()),
                    "{name}: source phrase {speaker:?} not in file"
                ),
                other => panic!("{name}: speaker_kind {other}"),
            }
        }
    }
}

/// The library is one connected world: the same people recur across articles, as the
/// reader's "speakers across the library" view needs.
#[test]
fn speakers_recur_across_articles() {
    let mut articles_per_speaker: HashMap<String, BTreeSet<&str>> = HashMap::new();
    for (name, _) in sample::FILES {
        for q in expected_of(name)["quotes"].as_array().unwrap() {
            if q["speaker_kind"] == "person" {
                articles_per_speaker
                    .entry(q["speaker"].as_str().unwrap().to_string())
                    .or_default()
                    .insert(name);
            }
        }
    }
    let recurring = articles_per_speaker
        .values()
        .filter(|a| a.len() >= 3)
        .count();
    assert!(
        recurring >= 3,
        "speakers quoted in 3+ articles: {recurring}"
    );
    assert!(articles_per_speaker["Elena Varga"].len() >= 8);
}

/// Every format the loaders support is represented, with both front-matter styles.
#[test]
fn sample_covers_every_format() {
    let mut formats = BTreeSet::new();
    let (mut yaml, mut toml) = (false, false);
    for (name, bytes) in sample::FILES {
        formats.insert(format!("{:?}", load::format_of(Path::new(name)).unwrap()));
        yaml |= bytes.starts_with(b"---\n");
        toml |= bytes.starts_with(b"+++\n");
    }
    assert_eq!(formats.len(), 3, "{formats:?}");
    assert!(yaml && toml);
}
