//! Trains the name tagger (`core/src/extract/entities/tagger.rs`) on the GUM corpus and writes
//! its weights file.
//!
//! ```text
//! cargo run --release --example train_tagger -- GUM_DIR OUT [--epochs N] [--seed S]
//!     [--runs R] [--bits B] [--genres ccby|all] [--eval] [--tune MAX]
//! ```
//!
//! `GUM_DIR` holds `dep/*.conllu`, `dev.txt` and `test.txt`. Training uses the documents
//! in neither list (by default of the CC BY genres only: news, interview, academic, court),
//! and prints the entity-level scores on the dev documents; `--eval` also prints them on the
//! test documents, `--tune MAX` prints dev scores after 1..=MAX epochs and writes nothing.
//! The weights are the average of `--runs` perceptrons trained on different document orders
//! (seeds `S`, `S + 1`, …; defaults: 1 epoch, 16 runs, seed 1, the tuned setting).
//!
//! A name is a GUM mention of type person, organization or place whose words are proper
//! nouns (after dropping a leading article and, for people, a title); of nested names the
//! outermost is kept. Gold spans are projected onto the project's own tokenizer so that
//! training sees exactly the tokens the reader tags.

use onrecord::extract::entities::lexicon::lex;
use onrecord::extract::entities::tagger::{self, Model, TrainDoc};
use onrecord::extract::entities::tagger_features::{B_LOC, B_ORG, B_PER, O, TAG_NAMES};
use onrecord::extract::entities::tokens::tokenize;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

const CC_BY: &[&str] = &["news", "interview", "academic", "court"];

struct Word {
    span: Range<usize>,
    upos: String,
}

struct GumDoc {
    id: String,
    genre: String,
    text: String,
    words: Vec<Word>,
    /// `(first word, last word, type)`.
    mentions: Vec<(usize, usize, String)>,
}

/// Opens and closes of `Entity=` annotations: `(1-person-...`, `1)`, `(2-place-...)`.
fn entity_events(v: &str) -> Vec<(bool, String, String)> {
    let mut out = Vec::new();
    let b = v.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'(' {
            let j = v[i + 1..].find(['(', ')']).map_or(v.len(), |x| x + i + 1);
            let spec = &v[i + 1..j];
            let mut parts = spec.split('-');
            let id = parts.next().unwrap_or("").to_string();
            let ty = parts.next().unwrap_or("").to_string();
            out.push((true, id.clone(), ty));
            if j < b.len() && b[j] == b')' {
                out.push((false, id, String::new()));
                i = j + 1;
            } else {
                i = j;
            }
        } else {
            let j = v[i..].find(')').map_or(v.len(), |x| x + i);
            out.push((false, v[i..j].to_string(), String::new()));
            i = j + 1;
        }
    }
    out
}

fn read_conllu(path: &Path) -> Vec<GumDoc> {
    let data = std::fs::read_to_string(path).expect("cannot read a CoNLL-U file");
    let mut docs: Vec<GumDoc> = Vec::new();
    let mut newpar = false;
    let mut open: HashMap<String, Vec<(usize, String)>> = HashMap::new();
    let mut range_end = 0usize;
    let mut range_span = 0..0;
    for line in data.lines() {
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            docs.push(GumDoc {
                id: id.trim().to_string(),
                genre: String::new(),
                text: String::new(),
                words: Vec::new(),
                mentions: Vec::new(),
            });
            open.clear();
            continue;
        }
        let Some(doc) = docs.last_mut() else { continue };
        if let Some(g) = line.strip_prefix("# meta::genre = ") {
            doc.genre = g.trim().to_string();
        } else if line == "# newpar" {
            newpar = true;
        } else if line.starts_with("# sent_id") {
            if !doc.text.is_empty() {
                doc.text.push_str(if newpar { "\n\n" } else { " " });
            }
            newpar = false;
        } else if !line.starts_with('#') && !line.is_empty() {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 10 || cols[0].contains('.') {
                continue;
            }
            let space_after = !cols[9].split('|').any(|m| m == "SpaceAfter=No");
            if let Some((_, b)) = cols[0].split_once('-') {
                // A multiword token: its form is the text, its words share its span.
                let start = doc.text.len();
                doc.text.push_str(cols[1]);
                range_span = start..doc.text.len();
                range_end = b.parse().unwrap_or(0);
                if space_after {
                    doc.text.push(' ');
                }
                continue;
            }
            let n: usize = cols[0].parse().unwrap_or(0);
            let span = if n <= range_end && n > 0 && !range_span.is_empty() {
                range_span.clone()
            } else {
                range_end = 0;
                let start = doc.text.len();
                doc.text.push_str(cols[1]);
                let s = start..doc.text.len();
                if space_after {
                    doc.text.push(' ');
                }
                s
            };
            let w = doc.words.len();
            doc.words.push(Word {
                span,
                upos: cols[3].to_string(),
            });
            for m in cols[9].split('|') {
                let Some(v) = m.strip_prefix("Entity=") else {
                    continue;
                };
                for (is_open, id, ty) in entity_events(v) {
                    if is_open {
                        open.entry(id).or_default().push((w, ty));
                    } else if let Some((s, ty)) = open.get_mut(&id).and_then(Vec::pop) {
                        doc.mentions.push((s, w, ty));
                    }
                }
            }
        }
    }
    for d in &mut docs {
        let t = d.text.trim_end().len();
        d.text.truncate(t);
    }
    docs
}

/// Gold names of a document as character spans with their `B-` tag.
fn gold_names(d: &GumDoc) -> Vec<(Range<usize>, u8)> {
    let lx = lex();
    let mut cands: Vec<(usize, usize, u8)> = Vec::new();
    for (s, e, ty) in &d.mentions {
        let tag = match ty.as_str() {
            "person" => B_PER,
            "organization" => B_ORG,
            "place" => B_LOC,
            _ => continue,
        };
        let (mut s, mut e) = (*s, *e);
        let text = |k: usize| &d.text[d.words[k].span.clone()];
        while s < e && matches!(d.words[s].upos.as_str(), "DET" | "PUNCT") {
            s += 1;
        }
        while e > s && matches!(d.words[e].upos.as_str(), "PUNCT" | "PART") {
            e -= 1;
        }
        if tag == B_PER
            && let Some(t) = (s..e).rev().find(|&k| lx.titles.contains(text(k)))
        {
            s = t + 1;
        }
        let propn = |k: usize| d.words[k].upos == "PROPN";
        let inner_ok = (s..=e).all(|k| {
            propn(k)
                || (k != s
                    && k != e
                    && matches!(
                        d.words[k].upos.as_str(),
                        "ADP" | "CCONJ" | "DET" | "PUNCT" | "PART"
                    ))
        });
        if inner_ok {
            cands.push((s, e, tag));
        }
    }
    // Outermost first; nested names inside a kept one are dropped.
    cands.sort_by_key(|&(s, e, _)| (std::cmp::Reverse(e - s), s));
    let mut taken = vec![false; d.words.len()];
    let mut out = Vec::new();
    for (s, e, tag) in cands {
        if (s..=e).any(|k| taken[k]) {
            continue;
        }
        taken[s..=e].iter_mut().for_each(|t| *t = true);
        out.push((d.words[s].span.start..d.words[e].span.end, tag));
    }
    out
}

fn to_train(d: &GumDoc) -> TrainDoc {
    let toks = tokenize(&d.text);
    let mut gold = vec![O; toks.len()];
    for (span, tag) in gold_names(d) {
        let mut first = true;
        for (k, t) in toks.iter().enumerate() {
            if t.start >= span.start && t.start < span.end {
                gold[k] = if first { tag } else { tag + 1 };
                first = false;
            }
        }
    }
    TrainDoc {
        body: d.text.clone(),
        toks,
        gold,
    }
}

/// Per-type `(true positives, predicted, gold)`, exact spans.
fn score(m: &Model, docs: &[TrainDoc]) -> [(usize, usize, usize); 3] {
    let mut s = [(0, 0, 0); 3];
    for d in docs {
        let pred = tagger::tag_document(m, &d.body, &d.toks);
        let p = tagger::spans(&pred);
        let g = tagger::spans(&d.gold);
        for (span, ty) in &p {
            let k = usize::from(ty / 2);
            s[k].1 += 1;
            if g.contains(&(span.clone(), *ty)) {
                s[k].0 += 1;
            }
        }
        for (_, ty) in &g {
            s[usize::from(ty / 2)].2 += 1;
        }
    }
    s
}

fn prf(tp: usize, p: usize, g: usize) -> (f64, f64, f64) {
    let pr = if p == 0 { 0.0 } else { tp as f64 / p as f64 };
    let rc = if g == 0 { 0.0 } else { tp as f64 / g as f64 };
    let f = if pr + rc == 0.0 {
        0.0
    } else {
        2.0 * pr * rc / (pr + rc)
    };
    (pr, rc, f)
}

fn print_table(label: &str, s: &[(usize, usize, usize); 3]) {
    println!("{label}: type  P      R      F1     (gold)");
    let mut all = (0, 0, 0);
    for (k, (tp, p, g)) in s.iter().enumerate() {
        let (pr, rc, f) = prf(*tp, *p, *g);
        let name = &TAG_NAMES[2 * k + 1][2..];
        println!("  {name:<6}    {pr:.3}  {rc:.3}  {f:.3}  ({g})");
        all = (all.0 + tp, all.1 + p, all.2 + g);
    }
    let (pr, rc, f) = prf(all.0, all.1, all.2);
    println!("  all       {pr:.3}  {rc:.3}  {f:.3}  ({})", all.2);
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().position(|a| a == name);
    let value = |name: &str| flag(name).and_then(|i| args.get(i + 1)).cloned();
    let pos: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            !a.starts_with("--")
                && (*i == 0 || !args[i - 1].starts_with("--") || args[i - 1] == "--eval")
        })
        .map(|(_, a)| a)
        .collect();
    if pos.len() < 2 {
        eprintln!(
            "usage: train_tagger GUM_DIR OUT [--epochs N] [--seed S] [--runs R] [--bits B] [--genres ccby|all] [--eval] [--tune MAX]"
        );
        std::process::exit(2);
    }
    let gum = Path::new(pos[0]);
    let out = Path::new(pos[1]);
    let epochs: u32 = value("--epochs").map_or(1, |v| v.parse().expect("--epochs N"));
    let seed: u64 = value("--seed").map_or(1, |v| v.parse().expect("--seed S"));
    let runs: u32 = value("--runs").map_or(16, |v| v.parse().expect("--runs N"));
    let bits: u32 = value("--bits").map_or(18, |v| v.parse().expect("--bits B"));
    let genres = value("--genres").unwrap_or_else(|| "ccby".into());
    let list = |f: &str| -> Vec<String> {
        std::fs::read_to_string(gum.join(f))
            .expect("cannot read a split list")
            .lines()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect()
    };
    let (dev_ids, test_ids) = (list("dev.txt"), list("test.txt"));
    let mut files: Vec<_> = std::fs::read_dir(gum.join("dep"))
        .expect("cannot list GUM_DIR/dep")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    let (mut train, mut dev, mut test) = (Vec::new(), Vec::new(), Vec::new());
    for f in &files {
        for d in read_conllu(f) {
            if dev_ids.contains(&d.id) {
                dev.push(to_train(&d));
            } else if test_ids.contains(&d.id) {
                test.push(to_train(&d));
            } else if genres == "all" || CC_BY.contains(&d.genre.as_str()) {
                train.push(to_train(&d));
            }
        }
    }
    let ntok: usize = train.iter().map(|d| d.toks.len()).sum();
    println!(
        "training on {} documents ({ntok} tokens, genres: {genres}); dev {}, test {}",
        train.len(),
        dev.len(),
        test.len()
    );
    if let Some(max) = value("--tune") {
        let max: u32 = max.parse().expect("--tune MAX");
        for e in 1..=max {
            let w = tagger::train_runs(&train, e, seed, runs, bits);
            let m = Model::parse(&w).expect("fresh weights parse");
            print_table(&format!("dev after {e} epochs"), &score(&m, &dev));
        }
        return;
    }
    let w = tagger::train_runs(&train, epochs, seed, runs, bits);
    std::fs::write(out, &w).expect("cannot write the weights");
    println!(
        "wrote {} ({} bytes, {epochs} epochs, {runs} runs from seed {seed})",
        out.display(),
        w.len()
    );
    let m = Model::parse(&w).expect("fresh weights parse");
    if let Some(k) = value("--show") {
        // Gold and predicted names of one dev document, for error analysis.
        let d = &dev[k.parse::<usize>().expect("--show K")];
        let show = |tags: &[u8]| {
            tagger::spans(tags)
                .into_iter()
                .map(|(r, ty)| {
                    let text = &d.body[d.toks[r.start].start..d.toks[r.end - 1].end];
                    format!("{}:{text}", &TAG_NAMES[usize::from(ty)][2..])
                })
                .collect::<Vec<_>>()
                .join(" | ")
        };
        println!("gold: {}", show(&d.gold));
        println!(
            "pred: {}",
            show(&tagger::tag_document(&m, &d.body, &d.toks))
        );
    }
    print_table("dev (GUM dev.txt)", &score(&m, &dev));
    if flag("--eval").is_some() {
        print_table("test (GUM test.txt)", &score(&m, &test));
    }
}
