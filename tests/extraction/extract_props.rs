//! Property tests: `analyze` never panics and every span it returns is well formed.

use onrecord::article::Article;
use onrecord::extract::analyze;
use proptest::prelude::*;

fn article(body: &str) -> Article {
    let mut a = Article::default();
    a.set_paragraphs(body.split("\n\n"));
    a
}

/// Text rich in quote marks, apostrophes, cue words, names and paragraph breaks.
fn quoteish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        Just("‹".to_string()),
        Just("›".to_string()),
        Just("「".to_string()),
        Just("」".to_string()),
        Just(" said ".to_string()),
        Just(", according to ".to_string()),
        Just(" told reporters that ".to_string()),
        Just(" Maj. Ann Poe".to_string()),
        Just(" he ".to_string()),
        Just(" the spokeswoman ".to_string()),
        Just(" officials ".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just(": ".to_string()),
        Just("\n\n".to_string()),
        Just(" don’t ".to_string()),
        Just(" the ’90s ".to_string()),
        Just("é".to_string()),
        Just("漢字".to_string()),
        Just("🙂".to_string()),
        "[A-Za-z]{1,8}",
        "[ a-z]{1,12}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn check(body: &str) {
    let a = article(body);
    let out = analyze(&a);
    let body = &a.body;
    let mut last = 0;
    for q in &out.quotes {
        assert!(q.span.start < q.span.end, "{q:?}");
        assert!(q.span.end <= body.len(), "{q:?}");
        assert!(body.is_char_boundary(q.span.start) && body.is_char_boundary(q.span.end));
        assert!(q.span.start >= last, "quotes not sorted: {:?}", out.quotes);
        last = q.span.start;
        if let Some(s) = &q.speaker_span {
            assert!(s.end <= body.len());
            assert!(body.is_char_boundary(s.start) && body.is_char_boundary(s.end));
        }
        if let Some(e) = q.speaker_entity {
            assert!(e < out.entities.len());
        }
    }
    for e in &out.entities {
        for m in &e.mentions {
            assert!(m.end <= body.len());
            assert!(body.is_char_boundary(m.start) && body.is_char_boundary(m.end));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_arbitrary_text(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn spans_are_well_formed_with_many_quote_marks(s in quoteish()) {
        check(&s);
    }

    #[test]
    fn analysis_is_deterministic(s in quoteish()) {
        let a = article(&s);
        prop_assert_eq!(analyze(&a), analyze(&a));
    }
}

#[test]
fn unbalanced_marks_only_affect_their_paragraph() {
    let tail = "“We are ready,” said Ann Poe.";
    for junk in ["“", "”", "\"", "‘", "«", "„", "“ “ “", "” ” ”", "'tis ' '"] {
        let body = format!("It began {junk} and went on.\n\n{tail}");
        let a = article(&body);
        let out = analyze(&a);
        let found = out.quotes.iter().any(|q| {
            &a.body[q.span.clone()] == "We are ready," && q.speaker.as_deref() == Some("Ann Poe")
        });
        assert!(found, "{junk}: {:?}", out.quotes);
    }
}
