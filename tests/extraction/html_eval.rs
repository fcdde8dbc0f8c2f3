//! Regression guard on the shared dev set of saved pages (`../shared/eval/html`): the
//! article-body F1 of the public benchmark metric (4-gram word shingles, per-page precision
//! and recall averaged over pages) must stay at or above 0.97. Skips when the set is absent,
//! fails when it is absent under CI (`tests/support/shared_data.rs`).

use crate::shared_data;

use std::collections::HashMap;

fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut out = HashMap::new();
    if words.is_empty() {
        return out;
    }
    let n = 4.min(words.len());
    for i in 0..=(words.len() - n) {
        *out.entry(words[i..i + n].to_vec()).or_insert(0) += 1;
    }
    out
}

/// (tp, fp, fn) normalized to sum 1, as the scorer does.
fn counts(truth: &str, pred: &str) -> (f64, f64, f64) {
    let (a, b) = (shingles(truth), shingles(pred));
    let mut tp = 0;
    let mut fp = 0;
    let mut fnn = 0;
    for (k, &na) in &a {
        let nb = b.get(k).copied().unwrap_or(0);
        tp += na.min(nb);
        fnn += na.saturating_sub(nb);
    }
    for (k, &nb) in &b {
        fp += nb.saturating_sub(a.get(k).copied().unwrap_or(0));
    }
    let s = (tp + fp + fnn) as f64;
    if s == 0.0 {
        return (0.0, 0.0, 0.0);
    }
    (tp as f64 / s, fp as f64 / s, fnn as f64 / s)
}

#[test]
fn dev_pages_f1_stays_above_target() {
    let Some(dir) = shared_data::dir("eval/html") else {
        return;
    };
    let truth = std::fs::read_to_string(dir.join("ground-truth.json")).unwrap();
    let truth: serde_json::Value = serde_json::from_str(&truth).unwrap();
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    for (key, v) in truth.as_object().unwrap() {
        let gold = v["articleBody"].as_str().unwrap_or("");
        let path = dir.join(format!("{key}.html"));
        let body = onrecord::article::load::load_file(&path, 16 << 20)
            .map(|l| l.article.body)
            .unwrap_or_default();
        let (tp, fp, fnn) = counts(gold, &body);
        if tp + fp > 0.0 {
            ps.push(if fp == 0.0 && fnn == 0.0 {
                1.0
            } else {
                tp / (tp + fp)
            });
        }
        if tp + fnn > 0.0 {
            rs.push(if fp == 0.0 && fnn == 0.0 {
                1.0
            } else {
                tp / (tp + fnn)
            });
        }
    }
    let p = ps.iter().sum::<f64>() / ps.len().max(1) as f64;
    let r = rs.iter().sum::<f64>() / rs.len().max(1) as f64;
    let f1 = 2.0 * p * r / (p + r);
    eprintln!(
        "html dev set: {} pages, F1 {f1:.3}, precision {p:.3}, recall {r:.3}",
        truth.as_object().unwrap().len()
    );
    assert!(
        f1 >= 0.97,
        "F1 {f1:.3} below 0.97 (precision {p:.3}, recall {r:.3})"
    );
}
