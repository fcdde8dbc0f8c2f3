//! Both readers on the same sentences: the name finder's words and sentence starts, and the
//! quote finder's sentences, where abbreviations, initials, decimals, ellipses and closing
//! quotation marks meet the shared rules.

use crate::extract::entities::tokens::tokenize;
use crate::extract::quotes::marks::find_spans;
use crate::extract::quotes::text::Doc;

/// The name finder's words, a `^` before each that starts a sentence.
fn name_words(body: &str) -> Vec<String> {
    tokenize(body)
        .iter()
        .filter(|t| t.is_word())
        .map(|t| {
            let w = t.text(body);
            if t.sent_start {
                format!("^{w}")
            } else {
                w.to_string()
            }
        })
        .collect()
}

/// The quote finder's sentences.
fn sentences(body: &str) -> Vec<&str> {
    let spans = find_spans(body);
    let doc = Doc::new(body, &spans);
    doc.sents
        .iter()
        .map(|r| &body[doc.bytes(r.clone())])
        .collect()
}

#[test]
fn titles_parties_and_dates() {
    let body = "Sen. Rand Paul, R-Ky., spoke on Jan. 5 in the U.S. Capitol. He left.";
    // The name finder leaves the period after `R-Ky` apart and starts a clause after it;
    // the quote finder reads `R-Ky.` as an abbreviation.
    assert_eq!(
        name_words(body),
        [
            "^Sen.", "Rand", "Paul", "R-Ky", "^spoke", "on", "Jan.", "5", "in", "the", "U.S.",
            "Capitol", "^He", "left"
        ]
    );
    assert_eq!(
        sentences(body),
        [
            "Sen. Rand Paul, R-Ky., spoke on Jan. 5 in the U.S. Capitol.",
            "He left."
        ]
    );
}

#[test]
fn initials_stay_in_the_sentence() {
    let body = "J. R. Smith and Mary K. Ito met. They talked.";
    assert_eq!(
        name_words(body),
        [
            "^J.", "R.", "Smith", "and", "Mary", "K.", "Ito", "met", "^They", "talked"
        ]
    );
    assert_eq!(
        sentences(body),
        ["J. R. Smith and Mary K. Ito met.", "They talked."]
    );
}

#[test]
fn decimals_and_ellipses() {
    let body = "Growth was 3.5 percent… Then it fell to 2.1.";
    // A number of short dotted parts takes a final period as `U.S.` does.
    assert_eq!(
        name_words(body),
        [
            "^Growth", "was", "3.5", "percent", "^Then", "it", "fell", "to", "2.1."
        ]
    );
    assert_eq!(sentences(body), [body]);
}

#[test]
fn quotation_marks_close_sentences() {
    let body = "“We won.” She left. He said: “It is over.”\n\nNext came Ana.";
    assert_eq!(
        name_words(body),
        [
            "^We", "won", "^She", "left", "^He", "said", "^It", "is", "over", "^Next", "came",
            "Ana"
        ]
    );
    assert_eq!(
        sentences(body),
        [
            "“We won.”",
            "She left.",
            "He said: “It is over.”",
            "Next came Ana."
        ]
    );
}

#[test]
fn an_abbreviation_ending_a_sentence() {
    // The name finder keeps the period on `U.S.` and starts a sentence at the function
    // word after it; the quote finder reads `U.S.` as an abbreviation and goes on.
    let body = "They met in the U.S. The talks ended.";
    assert_eq!(
        name_words(body),
        [
            "^They", "met", "in", "the", "U.S.", "^The", "talks", "ended"
        ]
    );
    assert_eq!(sentences(body), [body]);
}
