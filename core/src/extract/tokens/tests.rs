//! Both readers on the same sentences: the name finder's words and sentence starts, and the
//! quote finder's sentences, where abbreviations, initials, decimals, ellipses and closing
//! quotation marks meet the shared rules.

use super::stream::{Break, TokenStream};
use crate::extract::entities::tokens::tokenize;
use crate::extract::quotes::text::Doc;
use crate::extract::tokens::marks::find_spans;

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
    // The name finder leaves the period after `R-Ky` apart; both read `R-Ky.` as an
    // abbreviation, so nothing starts after it.
    assert_eq!(
        name_words(body),
        [
            "^Sen.", "Rand", "Paul", "R-Ky", "spoke", "on", "Jan.", "5", "in", "the", "U.S.",
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
fn a_capital_letter_after_a_lowercase_word_may_end_the_sentence() {
    assert_eq!(
        sentences("One user posted on X. Another wrote back. It was low in vitamin D. The end."),
        [
            "One user posted on X.",
            "Another wrote back.",
            "It was low in vitamin D.",
            "The end."
        ]
    );
    // Before a name, the letter is an initial.
    assert_eq!(
        sentences("The letter was signed by J. Smith on Monday. It came late."),
        [
            "The letter was signed by J. Smith on Monday.",
            "It came late."
        ]
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

#[test]
fn a_title_abbreviation_keeps_the_sentence_open() {
    let body = "“It is a waste,” said Del. Rosa Vane of Guam. Amb. Li Wei agreed.";
    assert_eq!(
        sentences(body),
        [
            "“It is a waste,” said Del. Rosa Vane of Guam.",
            "Amb. Li Wei agreed."
        ]
    );
    // The name finder reads the same sentences: `Rosa` and `Li` do not start one.
    assert_eq!(
        name_words(body),
        [
            "^It", "is", "a", "waste", "said", "Del.", "Rosa", "Vane", "of", "Guam", "^Amb.", "Li",
            "Wei", "agreed"
        ]
    );
}

/// The break after each token of the one splitter, as `(token text, break)` for those
/// that are not [`Break::None`].
fn breaks(body: &str) -> Vec<(&str, Break)> {
    let spans = find_spans(body);
    let stream = TokenStream::new(body, &spans);
    assert_eq!(stream.breaks.len(), stream.toks.len());
    stream
        .toks
        .iter()
        .zip(&stream.breaks)
        .filter(|(_, b)| **b != Break::None)
        .map(|(t, b)| (&body[t.start..t.end], *b))
        .collect()
}

#[test]
fn one_splitter_tells_sentences_from_clauses() {
    use Break::{Clause, Sentence};
    let body =
        "Ola Berg said: “We won. Now we rest,” and left; (Rita agreed). Vexo Inc. Shares rose.";
    assert_eq!(
        breaks(body),
        [
            (":", Clause),
            ("“", Clause),
            (".", Clause),
            (";", Clause),
            ("(", Clause),
            (".", Sentence),
            (".", Clause),
            (".", Sentence)
        ]
    );
    // The quote finder's sentences are the tokens up to each `Sentence` break.
    assert_eq!(
        sentences(body),
        [
            "Ola Berg said: “We won. Now we rest,” and left; (Rita agreed).",
            "Vexo Inc. Shares rose."
        ]
    );
}

#[test]
fn handles_and_numbers_are_one_word_of_the_stream() {
    let body = "Kai Moss (@kai_moss) counted 4,000 votes for Director_Ana Lund.";
    let spans = find_spans(body);
    let doc = Doc::new(body, &spans);
    let stream_words: Vec<&str> = (0..doc.toks.len())
        .filter(|&i| doc.toks[i].is_word())
        .map(|i| doc.text(i))
        .collect();
    assert_eq!(
        stream_words,
        [
            "Kai",
            "Moss",
            "kai_moss",
            "counted",
            "4,000",
            "votes",
            "for",
            "Director_Ana",
            "Lund"
        ]
    );
    // To the name finder an underscore parts two words; a number stays whole.
    assert_eq!(
        name_words(body),
        [
            "^Kai", "Moss", "^kai", "moss", "counted", "4,000", "votes", "for", "Director", "Ana",
            "Lund"
        ]
    );
}

/// What every token stream and its name view hold, whatever the text.
fn check_stream(body: &str) {
    let spans = find_spans(body);
    let stream = TokenStream::new(body, &spans);
    // Every character that is not white space is in exactly one token, in order.
    let mut at = 0;
    for t in &stream.toks {
        assert!(t.start < t.end && t.end <= body.len(), "{t:?}");
        assert!(body.is_char_boundary(t.start) && body.is_char_boundary(t.end));
        assert!(body[at..t.start].chars().all(char::is_whitespace), "{t:?}");
        assert_eq!(body[t.start..].chars().next(), Some(t.ch));
        at = t.end;
    }
    assert!(body[at..].chars().all(char::is_whitespace));
    // One break per token; the sentences cover the tokens in order and end where the
    // splitter says a sentence ends.
    assert_eq!(stream.breaks.len(), stream.toks.len());
    assert_eq!(stream.sents.len(), stream.sent_para.len());
    let mut next = 0;
    for s in &stream.sents {
        assert_eq!(s.start, next);
        assert!(s.end > s.start);
        assert_eq!(stream.breaks[s.end - 1], Break::Sentence);
        next = s.end;
    }
    assert_eq!(next, stream.toks.len());
    assert_eq!(
        stream
            .breaks
            .iter()
            .filter(|b| **b == Break::Sentence)
            .count(),
        stream.sents.len()
    );
    // The name finder's tokens lie inside the stream's, in order, without overlap.
    let names = crate::extract::entities::tokens::from_stream(body, &stream);
    let mut at = 0;
    for t in &names {
        assert!(
            t.start >= at && t.start < t.end && t.end <= body.len(),
            "{t:?}"
        );
        assert!(body.is_char_boundary(t.start) && body.is_char_boundary(t.end));
        let inside = stream
            .toks
            .iter()
            .any(|s| s.start <= t.start && (t.end <= s.end || t.end == s.end + 1));
        assert!(inside, "{t:?} is not a token of the stream");
        at = t.end;
    }
    assert_eq!(names.len(), tokenize(body).len());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

    #[test]
    fn any_text_makes_a_whole_stream(s in "\\PC{0,300}") {
        check_stream(&s);
    }

    #[test]
    fn marks_abbreviations_and_joins_make_a_whole_stream(parts in proptest::collection::vec(
        proptest::sample::select(vec![
            "Sen.", "R-Ky.", "U.S.", "Fr.", "Inc.", "The", "said", "“", "”", "\"", "'", "''",
            "’", "’s", "Forces’", "4,000", "user_name", "_", ",", ".", "?", "!", ";", ":", "…",
            "(", ")", "\n", "\n\n", "Ana", "E!", "News", "London-based", "é", " ",
        ]),
        0..80,
    )) {
        check_stream(&parts.join(" "));
        check_stream(&parts.concat());
    }
}
