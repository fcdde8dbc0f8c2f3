//! Helpers shared by the library tests: a small, predictable analyzer (so the tests do not
//! depend on the real extractor's quality), article writing, library snapshots.
#![allow(dead_code)]

use onrecord::article::Article;
use onrecord::extract::{Analysis, Entity, EntityKind, Quote, QuoteKind, SpeakerKind};
use onrecord::library::indexer::{Analyzer, IndexOptions};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

fn name_at_start(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace())
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    let name = words.join(" ");
    let name = name.trim_end_matches(['.', ',', ':', ';']).to_string();
    (!name.is_empty()).then_some(name)
}

/// Finds `“...”` quotes in each paragraph, attributed by `” said Name.` or `” Name said.`;
/// `Name said that ...` paragraphs give indirect quotes. Every speaker with two or more
/// words is a person entity whose surname is an alias.
pub fn simple_analyze(article: &Article) -> Analysis {
    let body = &article.body;
    let mut quotes = Vec::new();
    let mut people: BTreeMap<String, ()> = BTreeMap::new();
    for range in article.paragraph_ranges() {
        let para = &body[range.clone()];
        if let Some(open) = para.find('\u{201C}')
            && let Some(close_rel) = para[open..].find('\u{201D}')
        {
            let start = range.start + open + '\u{201C}'.len_utf8();
            let end = range.start + open + close_rel;
            let after = para[open + close_rel + '\u{201D}'.len_utf8()..].trim_start();
            let speaker = if let Some(rest) = after.strip_prefix("said ") {
                name_at_start(rest)
            } else {
                after.find(" said").and_then(|i| name_at_start(&after[..i]))
            };
            quotes.push((start..end, QuoteKind::Direct, speaker));
        } else if let Some(i) = para.find(" said that ") {
            let speaker = name_at_start(&para[..i]);
            let start = range.start + i + " said that ".len();
            let end = range.start + para.trim_end_matches('.').len();
            quotes.push((start..end, QuoteKind::Indirect, speaker));
        }
    }
    for (_, _, s) in &quotes {
        if let Some(s) = s
            && s.contains(' ')
        {
            people.insert(s.clone(), ());
        }
    }
    let entities: Vec<Entity> = people
        .keys()
        .map(|n| Entity {
            kind: EntityKind::Person,
            name: n.clone(),
            aliases: n
                .rsplit(' ')
                .next()
                .map(|s| vec![s.to_string()])
                .unwrap_or_default(),
            mentions: vec![],
            other_mentions: 0,
            role: None,
        })
        .collect();
    let quotes = quotes
        .into_iter()
        .map(|(span, kind, speaker)| Quote {
            kind,
            span,
            speaker_kind: if speaker.is_some() {
                SpeakerKind::Person
            } else {
                SpeakerKind::Unknown
            },
            speaker,
            speaker_entity: None,
            cue: Some("said".into()),
            speaker_span: None,
            continues: false,
            rule: onrecord::extract::Rule::QuotationMarks,
            speaker_rule: onrecord::extract::Rule::CueAfter,
        })
        .collect();
    Analysis { quotes, entities }
}

/// Options with [`simple_analyze`], a version stamp, and a call counter.
pub fn options(version: u32) -> (IndexOptions, Arc<AtomicUsize>) {
    let calls = Arc::new(AtomicUsize::new(0));
    let c = calls.clone();
    let analyzer: Analyzer = Arc::new(move |a: &Article| {
        c.fetch_add(1, Ordering::SeqCst);
        simple_analyze(a)
    });
    let opts = IndexOptions {
        extractor_version: version,
        analyzer,
        batch_size: 7,
        ..IndexOptions::default()
    };
    (opts, calls)
}

/// Writes a text article (title + paragraphs).
pub fn write(dir: &Path, rel: &str, title: &str, paragraphs: &[&str]) -> PathBuf {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut text = format!("{title}\n\n");
    for p in paragraphs {
        text.push_str(p);
        text.push_str("\n\n");
    }
    std::fs::write(&path, text).unwrap();
    path
}

/// Every entry under `dir` with its size, mtime and content hash (files) — to prove that
/// nothing in a library changed.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (u64, std::time::SystemTime, String)> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let meta = std::fs::symlink_metadata(&d).unwrap();
        if meta.is_dir() {
            out.insert(d.clone(), (0, meta.modified().unwrap(), String::new()));
            for e in std::fs::read_dir(&d).unwrap() {
                stack.push(e.unwrap().path());
            }
        } else {
            let bytes = std::fs::read(&d).unwrap();
            out.insert(
                d.clone(),
                (
                    meta.len(),
                    meta.modified().unwrap(),
                    blake3::hash(&bytes).to_hex().to_string(),
                ),
            );
        }
    }
    out
}
