//! Pipeline tests on sentences written for them.

use super::*;

fn quotes(body: &str) -> Vec<(QuoteKind, String, Option<String>)> {
    extract(body, &Known::default())
        .into_iter()
        .map(|q| (q.kind, body[q.span].to_string(), q.speaker))
        .collect()
}

#[test]
fn smoke() {
    let q = quotes("“We will win,” said Jane Roe.");
    assert_eq!(q.len(), 1);
}
