//! Reported speech in its many forms, on sentences written for each rule.

use crate::article::Article;
use crate::extract::{QuoteKind, Rule};

/// (kind, text, speaker, rule) of every quote, with the entity recognizer's help.
fn quotes(body: &str) -> Vec<(QuoteKind, String, Option<String>, Rule)> {
    let mut a = Article::default();
    a.set_paragraphs(body.split("\n\n"));
    let body = a.body.clone();
    crate::extract::analyze(&a)
        .quotes
        .into_iter()
        .map(|q| (q.kind, body[q.span].to_string(), q.speaker, q.rule))
        .collect()
}

fn indirect(body: &str) -> Vec<(String, Option<String>)> {
    quotes(body)
        .into_iter()
        .filter(|q| q.0 == QuoteKind::Indirect)
        .map(|q| (q.1, q.2))
        .collect()
}

#[test]
fn an_accusation_with_an_object_is_no_clause() {
    let body = "On Monday, the label issued a statement after Ada Quist scolded it, accusing \
                the company of preventing her from performing her songs at the gala.";
    assert_eq!(indirect(body), vec![]);
}
