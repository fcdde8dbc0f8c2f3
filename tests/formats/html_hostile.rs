//! Hostile HTML: deep nesting, huge attributes, broken markup, control characters and
//! arbitrary bytes must load without a panic or stack overflow.

use onrecord::article::html::load;
use proptest::prelude::*;

const TEXT: &str = "Deeply nested text that is still the article, and it should be found.";

fn no_controls(s: &str) -> bool {
    !s.chars().any(|c| c.is_control() && c != '\n')
}

#[test]
fn hundred_thousand_nested_divs() {
    let n = 100_000;
    let page = "<div>".repeat(n) + TEXT + &"</div>".repeat(n);
    let l = load(page.as_bytes());
    assert_eq!(l.article.body, TEXT);
    assert!(l.warnings.iter().any(|w| w.0.contains("nests deeper")));
}

#[test]
fn hundred_thousand_unclosed_mixed_tags() {
    let page = "<div><span><b><blockquote><ul><li><table><tr><td><a href=x>".repeat(12_500) + TEXT;
    let l = load(page.as_bytes());
    assert!(
        l.article.body.contains("Deeply nested text"),
        "{:.200}",
        l.article.body
    );
}

#[test]
fn hundred_thousand_nested_spans_and_formatting() {
    for tag in ["span", "b", "i", "p", "font", "section"] {
        let page = format!("<{tag}>").repeat(100_000) + TEXT;
        let l = load(page.as_bytes());
        assert!(l.article.body.contains("Deeply nested text"), "{tag}");
    }
}

#[test]
fn ten_megabyte_attribute() {
    let big = "x".repeat(10 * 1024 * 1024);
    let page = format!(
        "<html><body><div class=\"{big}\" id=\"{big}\" style=\"{big}\"><p>{TEXT}</p></div><img src=\"data:{big}\"></body></html>"
    );
    let l = load(page.as_bytes());
    assert_eq!(l.article.body, TEXT);
}

#[test]
fn unterminated_attribute_and_comment() {
    let l = load(format!("<p>{TEXT}</p><div class=\"never closed>more").as_bytes());
    assert!(l.article.body.contains(TEXT));
    let l = load(format!("<p>{TEXT}</p><!-- an endless comment <p>hidden").as_bytes());
    assert_eq!(l.article.body, TEXT);
    let l = load(format!("<p>{TEXT}</p><script>never closed <p>code").as_bytes());
    assert_eq!(l.article.body, TEXT);
}

#[test]
fn broken_markup_still_reads() {
    let page = format!(
        "<html><body><p>{TEXT}<p>Second <b>bold <i>both</b> italic</i> paragraph that has enough words.\
         </td></tr></table></body></html></html><p>After the end of the document, still text."
    );
    let body = load(page.as_bytes()).article.body;
    assert!(body.contains(TEXT));
    assert!(body.contains("Second bold both italic paragraph"));
    assert!(body.contains("After the end of the document"));
}

#[test]
fn control_characters_and_escapes_never_reach_the_body() {
    let page = format!(
        "<p>{TEXT} \u{1b}[2J\u{1b}]0;pwned\u{7} \u{9b}31m bell\u{7} nul&#0; esc&#27; c1&#x9b; &#x202e;rtl</p>"
    );
    let l = load(page.as_bytes());
    assert!(l.article.body.contains("Deeply nested"));
    assert!(no_controls(&l.article.body), "{:?}", l.article.body);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let l = load(&bytes);
        prop_assert!(no_controls(&l.article.body));
        prop_assert!(no_controls(&l.article.title));
    }

    #[test]
    fn tag_soup_never_panics(parts in proptest::collection::vec(
        prop_oneof![
            Just("<div>".to_string()), Just("</div>".to_string()), Just("<p>".to_string()),
            Just("<table><tr><td>".to_string()), Just("</a>".to_string()), Just("<a href=x>".to_string()),
            Just("<script>".to_string()), Just("</script>".to_string()), Just("<!--".to_string()),
            Just("-->".to_string()), Just("<svg>".to_string()), Just("<meta charset=shift_jis>".to_string()),
            Just("<li>".to_string()), Just("<h1>".to_string()), Just("\"".to_string()),
            "[a-zA-Z ,.\u{e9}\u{4e00}]{0,40}",
        ],
        0..200,
    )) {
        let page = parts.concat();
        let l = load(page.as_bytes());
        prop_assert!(no_controls(&l.article.body));
    }
}

#[test]
fn megabyte_metadata_is_clipped() {
    let big = "Ab ".repeat(1_000_000);
    let page = format!(
        "<html><head><meta property=og:title content=\"{big}\"><meta name=author content=\"{big}\">\
         <meta property=article:published_time content=\"{big}\"><link rel=canonical href=\"https://x.example/{big}\">\
         </head><body><p>{TEXT}</p></body></html>"
    );
    let a = load(page.as_bytes()).article;
    assert!(a.title.len() <= 1000, "{}", a.title.len());
    assert!(a.date.is_none_or(|d| d.len() <= 100));
    assert!(a.url.is_none_or(|u| u.len() <= 4096));
    assert!(a.byline.iter().all(|b| b.len() <= 200));
    assert_eq!(a.body, TEXT);
}
