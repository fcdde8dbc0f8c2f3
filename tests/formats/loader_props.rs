//! Properties of the text and Markdown loaders on arbitrary input: they never panic, and
//! what they produce is clean text with the paragraph layout the rest of the crate relies on.

use onrecord::article::load::load_bytes;
use onrecord::article::{Article, Format, PARAGRAPH_BREAK};
use proptest::prelude::*;

fn check_clean(a: &Article) -> Result<(), TestCaseError> {
    for s in [&a.title, &a.body]
        .into_iter()
        .chain(a.byline.iter())
        .chain(a.extra.iter())
    {
        prop_assert!(
            !s.chars().any(|c| c.is_control() && c != '\n'),
            "control char in {:?}",
            s
        );
    }
    prop_assert!(!a.title.contains('\n'));
    prop_assert_eq!(a.body.trim(), a.body.as_str());
    prop_assert!(!a.body.contains("\n\n\n"));
    for r in a.paragraph_ranges() {
        let p = &a.body[r];
        prop_assert!(!p.is_empty() && !p.contains(PARAGRAPH_BREAK));
        prop_assert_eq!(p.trim(), p);
    }
    Ok(())
}

fn has_binary_bytes(s: &str) -> bool {
    s.bytes()
        .any(|b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
}

/// Text built from pieces that matter to the loaders: headlines, bylines, dates, quotes,
/// furniture, front matter fences, Markdown marks, escapes and odd whitespace.
fn article_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Council votes to close bridge".to_string()),
        Just("By Ada Mensah and Tom Reyes".to_string()),
        Just("March 3, 2026".to_string()),
        Just("SEOUL (Reuters) \u{2013} ".to_string()),
        Just("\u{201C}It is fair,\u{201D} she said.".to_string()),
        Just("(Reporting by Ada Mensah; Editing by Li Wei)".to_string()),
        Just("Leave A Reply".to_string()),
        Just("---".to_string()),
        Just("+++".to_string()),
        Just("title: x".to_string()),
        Just("# Heading".to_string()),
        Just("> quoted".to_string()),
        Just("- item".to_string()),
        Just("[link](http://x)".to_string()),
        Just("```".to_string()),
        Just("<!--".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{1b}]0;t\u{7}".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("\t".to_string()),
        Just("\u{202E}".to_string()),
        "[a-zA-Z ,.]{0,30}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.join("\n"))
}

// Past failures are replayed first from `tests/proptest-regressions/loader_props.txt`: the
// file proptest reads for a test whose binary's `main.rs` is in `tests/formats/`.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn text_loader_is_total_and_clean(s in article_like()) {
        match load_bytes(s.as_bytes(), Format::Text) {
            Ok(l) => check_clean(&l.article)?,
            // refused as binary only when it has NUL or other control bytes
            Err(_) => prop_assert!(has_binary_bytes(&s)),
        }
    }

    #[test]
    fn markdown_loader_is_total_and_clean(s in article_like()) {
        match load_bytes(s.as_bytes(), Format::Markdown) {
            Ok(l) => check_clean(&l.article)?,
            // refused as binary only when it has NUL or other control bytes
            Err(_) => prop_assert!(has_binary_bytes(&s)),
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(b in prop::collection::vec(any::<u8>(), 0..2000)) {
        for f in [Format::Text, Format::Markdown] {
            if let Ok(l) = load_bytes(&b, f) {
                check_clean(&l.article)?;
            }
        }
    }

    /// Plain paragraphs with no headline, header or furniture come through unchanged.
    #[test]
    fn plain_paragraphs_are_kept_verbatim(
        paras in prop::collection::vec("[A-Z][a-z]{1,8}( [a-z]{1,8}){2,12}\\.", 2..8)
    ) {
        let text = paras.join("\n\n");
        let a = load_bytes(text.as_bytes(), Format::Text).unwrap().article;
        prop_assert_eq!(a.title, "");
        prop_assert_eq!(a.body, text);
    }
}
