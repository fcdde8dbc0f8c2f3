//! Metadata of saved pages: JSON-LD, OpenGraph, `<meta name=author>`, `<time>`,
//! the canonical link and the page language, each on its own and in precedence.

use onrecord::article::html::load;

const BODY: &str = "<article><p>The council voted on Tuesday to close the old bridge for repairs, \
    a decision that residents had asked for since the spring floods damaged its supports.</p></article>";

fn with_head(head: &str, body: &str) -> Vec<u8> {
    format!("<!doctype html><html lang=\"en-GB\"><head>{head}</head><body>{body}</body></html>")
        .into_bytes()
}

#[test]
fn json_ld_news_article() {
    let head = r#"<title>Bridge to close | The Daily Page</title>
        <script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"The Daily Page","url":"https://daily.example/"},
          {"@type":"NewsArticle","headline":"Bridge to close for &quot;urgent&quot; repairs",
           "datePublished":"2024-03-05T09:30:00Z",
           "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}],
           "mainEntityOfPage":{"@id":"https://daily.example/news/bridge"},
           "inLanguage":"en"}]}
        </script>"#;
    let a = load(&with_head(head, BODY)).article;
    assert_eq!(a.title, "Bridge to close for \"urgent\" repairs");
    assert_eq!(a.byline, ["Ann Lee", "Bo Chen"]);
    assert_eq!(a.date.as_deref(), Some("2024-03-05T09:30:00Z"));
    assert_eq!(a.url.as_deref(), Some("https://daily.example/news/bridge"));
    assert_eq!(a.language.as_deref(), Some("en"));
}

#[test]
fn broken_json_ld_is_ignored() {
    let head = r#"<title>Plain title</title><script type="application/ld+json">{"@type": "NewsArticle", </script>"#;
    let a = load(&with_head(head, BODY)).article;
    assert_eq!(a.title, "Plain title");
    assert!(a.body.starts_with("The council voted"));
}

#[test]
fn opengraph_and_article_properties() {
    let head = r#"<title>ignored | Site</title>
        <meta property="og:title" content="Bridge closes">
        <meta property="og:url" content="https://og.example/bridge">
        <meta property="og:locale" content="fr_FR">
        <meta property="article:published_time" content="2024-04-01">
        <meta property="article:author" content="https://og.example/staff/ann">
        <meta property="article:author" content="Claire Dubois">"#;
    let a = load(&with_head(head, BODY)).article;
    assert_eq!(a.title, "Bridge closes");
    assert_eq!(a.url.as_deref(), Some("https://og.example/bridge"));
    assert_eq!(a.date.as_deref(), Some("2024-04-01"));
    assert_eq!(a.byline, ["Claire Dubois"], "profile URLs are not names");
    assert_eq!(a.language.as_deref(), Some("fr-FR"));
}

#[test]
fn meta_author_time_canonical_and_lang() {
    let head = r#"<title>The bridge</title>
        <meta name="author" content="By Dana Smith and Eli Jones">
        <link rel="canonical" href="https://canon.example/a/1">"#;
    let body = format!("<header><time datetime=\"2023-12-24T08:00\">Dec 24</time></header>{BODY}");
    let a = load(&with_head(head, &body)).article;
    assert_eq!(a.title, "The bridge");
    assert_eq!(a.byline, ["Dana Smith", "Eli Jones"]);
    assert_eq!(a.date.as_deref(), Some("2023-12-24T08:00"));
    assert_eq!(a.url.as_deref(), Some("https://canon.example/a/1"));
    assert_eq!(a.language.as_deref(), Some("en-GB"));
}

#[test]
fn json_ld_beats_opengraph_beats_meta_and_markup() {
    let head = r#"<title>Markup title</title>
        <meta name="author" content="Meta Name">
        <meta property="og:title" content="OG title">
        <meta property="article:published_time" content="2020-01-01">
        <script type="application/ld+json">{"@type":"BlogPosting","headline":"LD title","author":"Ld Author"}</script>"#;
    let body = format!("<time datetime=\"1999-01-01\">old</time>{BODY}");
    let a = load(&with_head(head, &body)).article;
    assert_eq!(a.title, "LD title");
    assert_eq!(a.byline, ["Ld Author"]);
    assert_eq!(
        a.date.as_deref(),
        Some("2020-01-01"),
        "OpenGraph date before <time>"
    );
}

#[test]
fn no_metadata_at_all() {
    let a = load(&with_head("", BODY)).article;
    assert_eq!(a.title, "");
    assert!(a.byline.is_empty() && a.date.is_none() && a.url.is_none());
    assert_eq!(a.language.as_deref(), Some("en-GB"));
}

#[test]
fn relative_canonical_is_not_a_source_url() {
    let a = load(&with_head(r#"<link rel="canonical" href="/a/1">"#, BODY)).article;
    assert_eq!(a.url, None);
}

#[test]
fn metadata_has_no_control_characters() {
    let head = "<title>Bad\u{1b}[31m title\u{7}</title><meta name=author content=\"Ann\u{1b}]0;x\u{7} Lee\">";
    let a = load(&with_head(head, BODY)).article;
    assert!(!a.title.chars().any(char::is_control), "{:?}", a.title);
    assert!(
        a.byline.iter().all(|b| !b.chars().any(char::is_control)),
        "{:?}",
        a.byline
    );
}

#[test]
fn visible_byline_when_no_meta_names_the_author() {
    let body = format!(
        "<div class=story><h1>The bridge</h1><div class=info>By Rosa Diaz and Tom Berg | March 3, 2024</div>{BODY}</div>"
    );
    let a = load(&with_head(
        "<title>The bridge – Riverside News</title>",
        &body,
    ))
    .article;
    assert_eq!(a.byline, ["Rosa Diaz", "Tom Berg"]);
    let body = format!("<span class=\"article-author\"><a href=/p>Lena Park</a></span>{BODY}");
    assert_eq!(load(&with_head("", &body)).article.byline, ["Lena Park"]);
}

#[test]
fn title_without_the_site_name() {
    // From the page's own headline when <title> contains it ...
    let body = format!("<article><h1>Bridge closes - for now</h1>{BODY}</article>");
    let a = load(&with_head(
        "<title>Bridge closes - for now | Riverside News</title>",
        &body,
    ))
    .article;
    assert_eq!(a.title, "Bridge closes - for now");
    assert!(
        !a.body.contains("Bridge closes"),
        "headline repeated in body"
    );
    // ... else by cutting a shorter trailing part.
    let a = load(&with_head(
        "<title>Old bridge to close for repairs – Riverside</title>",
        BODY,
    ))
    .article;
    assert_eq!(a.title, "Old bridge to close for repairs");
}

#[test]
fn site_name_is_cut_from_the_headline() {
    let head = r#"<meta property="og:site_name" content="Riverside News">
        <meta property="og:title" content="Bridge closes for repairs - Riverside News">"#;
    assert_eq!(
        load(&with_head(head, BODY)).article.title,
        "Bridge closes for repairs"
    );
    let head = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Riverside News | Ferry fares rise &#8216;again&#8217;","publisher":{"name":"Riverside News"}}</script>"#;
    assert_eq!(
        load(&with_head(head, BODY)).article.title,
        "Ferry fares rise \u{2018}again\u{2019}"
    );
}

#[test]
fn json_ld_author_given_by_reference() {
    let head = r#"<title>Bridge to close</title>
        <script type="application/ld+json">
        {"@context":"https://schema.org","@graph":[
          {"@type":"Article","@id":"https://daily.example/bridge#article","headline":"Bridge to close",
           "author":{"@id":"https://daily.example/#/schema/person/7f3a"},
           "datePublished":"2024-03-05"},
          {"@type":"Person","@id":"https://daily.example/#/schema/person/7f3a","name":"Ann Lee"}]}
        </script>"#;
    let a = load(&with_head(head, BODY)).article;
    assert_eq!(a.byline, ["Ann Lee"]);
    assert_eq!(a.date.as_deref(), Some("2024-03-05"));
    // the site's "admin" account is no byline
    let a = load(&with_head(&head.replace("Ann Lee", "admin"), BODY)).article;
    assert!(a.byline.is_empty(), "{:?}", a.byline);
}

#[test]
fn time_of_a_related_story_or_comment_is_not_the_date() {
    let body = r#"<aside class="sidebar"><a href="/x">Older story</a> <time datetime="2019-01-01">1 Jan 2019</time></aside>
        <article><p>The council voted on Tuesday to close the old bridge for repairs, a decision that residents had asked for since the spring floods damaged its supports.</p>
        <p>Posted <time datetime="2024-06-02T08:00:00Z">2 June</time></p></article>
        <section class="comments"><time datetime="2024-06-03">3 June</time></section>"#;
    let a = load(&with_head("<title>T</title>", body)).article;
    assert_eq!(a.date.as_deref(), Some("2024-06-02T08:00:00Z"));
}

/// A page with no metadata at all shows its byline as "By" and a link, and its date in
/// an element beside it; an author card (a hover card of `<div>`s) in the byline neither
/// glues its lines into one name nor adds any.
#[test]
fn a_visible_byline_with_a_linked_name_and_a_date_beside_it() {
    let body = format!(
        r#"<div class="x1"><h1>Council backs harbour wall</h1>
        <div class="x2"><span class="x3">By <a href="/staff/jane-doe">Jane Doe</a></span><div class="x4"><div>Jane Q. Doe</div><div>State Senator</div></div><span class="x5">March 2, 2026</span></div>
        {BODY}</div>"#
    );
    let a = load(&with_head(
        "<title>Council backs harbour wall</title>",
        &body,
    ))
    .article;
    assert_eq!(a.byline, ["Jane Doe"]);
    assert_eq!(a.date.as_deref(), Some("March 2, 2026"));
}

/// "By Ann Lee on Monday, March 3 …": the name ends at the first word in lower case that
/// is not a particle of names.
#[test]
fn a_byline_name_ends_before_the_words_after_it() {
    for (line, want) in [
        (
            r#"<p>By <a href="/a">Ann Lee</a>, <a href="/b">Bo Chen</a> <span>on Monday, November 18th, 2019 at 11:08 a.m.</span></p>"#,
            vec!["Ann Lee", "Bo Chen"],
        ),
        (
            r#"<p>By <a href="/l">Ludwig van Dam</a> for the Daily Page</p>"#,
            vec!["Ludwig van Dam"],
        ),
    ] {
        let body = format!("<h1>Bridge to close</h1>{line}{BODY}");
        let a = load(&with_head("<title>Bridge to close</title>", &body)).article;
        assert_eq!(a.byline, want, "{line}");
    }
}

/// A date beside the byline is taken only from a short element that is a full date: a
/// month alone, or a sentence with a date in it, is not the page's date.
#[test]
fn only_a_full_date_beside_the_byline_is_the_date() {
    for beside in [
        "<span>March 2026</span>",
        "<span>Updated after the council met on March 2, 2026 to vote on the plan</span>",
    ] {
        let body = format!(
            r#"<h1>Bridge</h1><div><span>By <a href="/j">Jane Doe</a></span>{beside}</div>{BODY}"#
        );
        let a = load(&with_head("<title>Bridge</title>", &body)).article;
        assert_eq!(a.byline, ["Jane Doe"]);
        assert_eq!(a.date, None, "{beside}");
    }
}
