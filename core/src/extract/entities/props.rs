//! Property tests: the recognizer never panics and every span it reports is a char-aligned
//! range inside the body.

use super::*;
use proptest::prelude::*;

fn check(body: &str) {
    let article = Article {
        body: body.to_string(),
        ..Article::default()
    };
    let t = recognize(&article);
    assert_eq!(t.genders.len(), t.entities.len());
    let mut last = 0;
    for m in &t.mentions {
        assert!(m.span.start <= m.span.end && m.span.end <= body.len());
        assert!(body.is_char_boundary(m.span.start) && body.is_char_boundary(m.span.end));
        assert!(m.entity < t.entities.len());
        assert!(m.span.start >= last, "mentions sorted");
        last = m.span.start;
    }
    for e in &t.entities {
        assert!(!e.name.is_empty());
        for s in &e.mentions {
            assert!(body.get(s.clone()).is_some());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text(s in "\\PC{0,300}") {
        check(&s);
    }

    #[test]
    fn name_like_text(words in prop::collection::vec(
        prop::sample::select(vec![
            "Maj.", "Ana", "Ruiz", "U.S.", "of", "the", "Institute", "(", "ABC", ")", ",",
            "said", ".", "’s", "Oslo", "and", "Mr.", "\u{201C}", "\n\n", "van", "Jr.", "Kim",
            "Jong-ha", "Air", "Base", "County", "Norway", "SEOUL", "a", "expert", "é", "Ω",
        ]),
        0..60,
    )) {
        check(&words.join(" "));
        check(&words.concat());
    }
}
