//! Main-content extraction on pages written for these tests: boilerplate dropped,
//! structure kept, non-article pages still readable.

use onrecord::article::html::load;

const P1: &str = "The city council voted on Tuesday to close the old river bridge for repairs, a decision residents had demanded since the spring floods damaged its supports.";
const P2: &str = "“We cannot wait for another winter,” said Mayor Ana Ruiz, who added that the work would take at least six months and cost about two million euros.";
const P3: &str = "Engineers found cracks in three of the five pillars, according to a report published by the regional transport office last week.";
const P4: &str = "Ferries will run every twenty minutes while the bridge is closed, and cyclists may use the railway footpath, officials said.";

fn news_page() -> String {
    format!(
        r##"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Old bridge to close | Riverside News</title>
<meta property="og:title" content="Old bridge to close for repairs"></head>
<body>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience on our website. By continuing you accept our policy.</p><button>Accept all</button></div>
<header class="site-header"><a href="/">Riverside News</a>
  <nav><ul><li><a href="/local">Local</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<div class="layout">
 <main>
  <article>
   <h1>Old bridge to close for repairs</h1>
   <div class="byline">By <a href="/staff/kim">Kim Osei</a>, Local reporter</div>
   <div class="article-body">
    <p>{P1}</p>
    <div class="share-tools"><a href="https://social.example/share">Share on social</a> <a href="mailto:?">Email this article to a friend</a></div>
    <p>{P2}</p>
    <h2>What the report found</h2>
    <p>{P3}</p>
    <ul><li>Three pillars cracked</li><li>Railings corroded</li></ul>
    <blockquote><p>The structure is safe for pedestrians for now, but not for heavy traffic.</p></blockquote>
    <div class="ad-slot"><span>Advertisement</span></div>
    <p>{P4}</p>
   </div>
  </article>
  <section class="related-stories"><h3>Related stories</h3><ul>
    <li><a href="/a">New ferry timetable announced for the summer season on the river</a></li>
    <li><a href="/b">Council budget approved after a long and heated debate on Monday</a></li>
    <li><a href="/c">Flood defences to be upgraded along the northern riverbank</a></li></ul></section>
  <section id="comments" class="comments-area"><h3>3 comments</h3>
    <div class="comment"><p>About time! I have been complaining about that bridge for years and nobody listened to us.</p></div>
    <div class="comment"><p>Six months is far too long; the ferries cannot cope with the morning traffic as it is.</p></div></section>
 </main>
 <aside class="sidebar"><h3>Most read</h3><ol><li><a href="/x">Storm warning for the weekend across the whole region</a></li></ol></aside>
</div>
<footer><p>© 2024 Riverside News. All rights reserved. Contact us at the newsroom for corrections.</p></footer>
</body></html>"##
    )
}

#[test]
fn article_paragraphs_kept_and_boilerplate_dropped() {
    let l = load(news_page().as_bytes());
    let body = &l.article.body;
    for p in [P1, P2, P3, P4] {
        assert!(body.contains(p), "missing {p:?} in\n{body}");
    }
    for junk in [
        "cookies",
        "Accept all",
        "Sport",
        "Share on social",
        "Email this article",
        "Advertisement",
        "Related stories",
        "ferry timetable",
        "comments",
        "About time",
        "Most read",
        "Storm warning",
        "All rights reserved",
        "Kim Osei",
    ] {
        assert!(!body.contains(junk), "{junk:?} leaked into\n{body}");
    }
    assert_eq!(l.article.title, "Old bridge to close for repairs");
}

#[test]
fn structure_is_kept_as_paragraphs() {
    let l = load(news_page().as_bytes());
    let paras: Vec<&str> = l.article.body.split("\n\n").collect();
    assert_eq!(
        paras,
        [
            P1,
            P2,
            "What the report found",
            P3,
            "\u{2022} Three pillars cracked",
            "\u{2022} Railings corroded",
            "The structure is safe for pedestrians for now, but not for heavy traffic.",
            P4
        ]
    );
    // The headline is the title, not repeated as the first paragraph.
    assert!(!l.article.body.contains("Old bridge to close"));
}

#[test]
fn ordered_lists_are_numbered() {
    let page = format!(
        "<html><body><article><p>{P1}</p><ol><li>First step</li><li>Second step</li></ol><p>{P3}</p></article></body></html>"
    );
    let body = load(page.as_bytes()).article.body;
    assert!(
        body.contains("\n\n1. First step\n\n2. Second step\n\n"),
        "{body}"
    );
}

#[test]
fn article_split_around_ads_is_joined() {
    let page = format!(
        r#"<html><body><div class="page"><div class="story-chunk"><p>{P1}</p><p>{P2}</p></div>
        <div class="promo-box"><a href="/sub">Subscribe now for unlimited access</a></div>
        <div class="story-chunk"><p>{P3}</p><p>{P4}</p></div></div></body></html>"#
    );
    let body = load(page.as_bytes()).article.body;
    assert_eq!(body, [P1, P2, P3, P4].join("\n\n"));
}

#[test]
fn page_without_an_article_gives_its_readable_text() {
    let page = r#"<html><head><title>Opening hours</title></head><body>
        <nav><a href="/">Home</a> <a href="/about">About</a></nav>
        <table><tr><th>Day</th><th>Hours</th></tr><tr><td>Monday</td><td>9–17</td></tr><tr><td>Saturday</td><td>10–14</td></tr></table>
        <div>Closed on public holidays.</div></body></html>"#;
    let body = load(page.as_bytes()).article.body;
    for t in ["Monday", "9–17", "Saturday", "Closed on public holidays."] {
        assert!(body.contains(t), "{t:?} missing in {body:?}");
    }
}

#[test]
fn other_languages_are_extracted() {
    let ps = [
        "Городской совет во вторник проголосовал за закрытие старого моста на ремонт, сообщили в администрации.",
        "По словам мэра, работы займут не менее шести месяцев и обойдутся примерно в два миллиона евро.",
        "Инженеры обнаружили трещины в трёх из пяти опор, говорится в докладе транспортного управления.",
    ];
    let page = format!(
        "<html lang=ru><body><ul class=menu><li><a href=/>Главная</a></li></ul><div class=content>{}</div></body></html>",
        ps.iter().map(|p| format!("<p>{p}</p>")).collect::<String>()
    );
    let l = load(page.as_bytes());
    assert_eq!(l.article.body, ps.join("\n\n"));
    assert_eq!(l.article.language.as_deref(), Some("ru"));
}

#[test]
fn empty_and_script_only_pages_give_an_empty_body_with_a_warning() {
    for page in [
        "",
        "<html><head><script>var a = 1;</script></head><body></body></html>",
    ] {
        let l = load(page.as_bytes());
        assert_eq!(l.article.body, "");
        assert!(!l.warnings.is_empty());
    }
}

#[test]
fn line_broken_text_and_layout_tables() {
    let page = format!(
        "<html><body><table><tr><td class=nav><a href=/>Home</a><br><a href=/b>Blog</a></td>\
         <td>{P1}<br><br>{P2}<br><br>{P3}</td></tr></table></body></html>"
    );
    let body = load(page.as_bytes()).article.body;
    assert_eq!(body, [P1, P2, P3].join("\n\n"));
}

#[test]
fn hidden_elements_are_not_text() {
    let page = format!(
        "<html><body><article><p>{P1}</p><p style=\"display: none\">Hidden by style sheet rules.</p>\
         <div hidden>Hidden by attribute, never shown to readers.</div><p>{P2}</p></article></body></html>"
    );
    assert_eq!(load(page.as_bytes()).article.body, [P1, P2].join("\n\n"));
}

#[test]
fn listing_page_gives_all_its_sections() {
    let sections: Vec<String> = (1..=5)
        .map(|i| {
            format!(
                "<section><h2>Section {i}</h2><div><p>First summary of section {i}, which \
                 tells a whole short story about the harbour, the ferries and the weather this week.</p>\
                 <p>Second summary of section {i}, with more words about the council, the budget and \
                 the schools in the northern district.</p></div></section>"
            )
        })
        .collect();
    let page = format!(
        "<html><body><div class=home>{}</div></body></html>",
        sections.concat()
    );
    let body = load(page.as_bytes()).article.body;
    for i in 1..=5 {
        assert!(
            body.contains(&format!("First summary of section {i},")),
            "section {i} missing:\n{body}"
        );
    }
}

#[test]
fn byline_and_date_lines_at_the_top_of_the_article_are_metadata() {
    let page = format!(
        r#"<html><head><title>Old bridge to close</title></head><body><article>
<h1>Old bridge to close</h1>
<p>By Kim Osei and Lars Berg</p>
<p><time datetime="2024-05-02">May 2, 2024</time></p>
<p>{P1}</p><p>{P2}</p><p>{P3}</p>
<p>March 3, 2024</p>
<p>{P4}</p></article></body></html>"#
    );
    let a = load(page.as_bytes()).article;
    assert_eq!(a.byline, vec!["Kim Osei", "Lars Berg"]);
    assert!(a.date.is_some(), "{:?}", a.date);
    assert!(a.body.starts_with(P1), "{}", a.body);
    // a date line further down is body text
    assert!(a.body.contains("\n\nMarch 3, 2024\n\n"), "{}", a.body);
}

#[test]
fn headline_without_a_title_tag_is_the_title_once() {
    let page = format!(
        "<html><body><article><h1>River bridge shuts</h1><p>{P1}</p><p>{P2}</p></article></body></html>"
    );
    let a = load(page.as_bytes()).article;
    assert_eq!(a.title, "River bridge shuts");
    assert!(a.body.starts_with(P1), "{}", a.body);
}

/// Lines left behind by furniture that was dropped ("Read more:" over a related-stories
/// list, "Advertisement", "Story continues below") are not article text; a sentence that
/// ends with a colon is.
#[test]
fn standalone_furniture_lines_are_dropped() {
    let page = format!(
        r#"<!doctype html><html><head><title>Bridge</title></head><body><div class="a1"><h1>Bridge</h1><div class="a2">
        <p>{P1}</p>
        <div class="a3"><p>Read more:</p><a href="/x"><p>Ferry fares frozen for summer</p></a><a href="/y"><p>New school opens in Eastside</p></a></div>
        <p>{P2}</p>
        <p>Advertisement</p>
        <p>Story continues below advertisement</p>
        <p>The mayor added:</p>
        <p>{P3}</p>
        <p>{P4}</p>
        </div></div></body></html>"#
    );
    let a = load(page.as_bytes()).article;
    let paragraphs: Vec<&str> = a.body.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        [P1, P2, "The mayor added:", P3, P4],
        "{}",
        a.body
    );
}

/// Pictures with captions and credits made of plain elements (no `<figure>`, no class
/// that says so) are not article text: a wrapper of an image and a caption, a credit
/// right after an image, an author box of photo, name and one-line bio. A heading beside
/// a picture stays, and so does a paragraph after one.
#[test]
fn captions_and_credits_of_plain_elements_are_dropped() {
    let page = format!(
        r#"<!doctype html><html><head><title>Bridge</title></head><body><div class="c1"><h1>Bridge</h1><div class="c2">
        <img src="wall.jpg" alt=""><span>Photo: Tom Reyes/The Riverside News</span>
        <p>{P1}</p>
        <div><img src="b.jpg"><div>Mayor Ana Ruiz at the meeting on Monday. (Lena Berg/Riverside News)</div></div>
        <p>{P2}</p>
        <div><h2><img src="i.png">What the report found</h2></div>
        <img src="pillar.jpg"><p>{P3}</p>
        <p>{P4}</p>
        <div><a href="/staff/kim"><img src="k.jpg"></a><div><a href="/staff/kim">Kim Osei</a></div><div>Kim Osei covers the city council and transport for the Riverside News.</div></div>
        </div></div></body></html>"#
    );
    let a = load(page.as_bytes()).article;
    let paragraphs: Vec<&str> = a.body.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        [P1, P2, "What the report found", P3, P4],
        "{}",
        a.body
    );
}

/// Controls and what belongs to them are not article text: buttons (also `role=button`),
/// a sign-up box made without `<form>` (label, field, button), a reading-time line.
#[test]
fn controls_and_sign_up_boxes_are_dropped() {
    let page = format!(
        r#"<!doctype html><html><head><title>Bridge</title></head><body><div class="k1"><h1>Bridge</h1><div class="k2">
        <p>{P1}</p>
        <div><button>Listen</button><button>Share</button><span role="button">Save</span><span>5 min read</span></div>
        <p>{P2}</p>
        <div><label for="e">Get the morning briefing</label><input id="e" type="email"><button>Sign up</button></div>
        <p>{P3}</p>
        <p>{P4}</p>
        </div></div></body></html>"#
    );
    let a = load(page.as_bytes()).article;
    let paragraphs: Vec<&str> = a.body.split("\n\n").collect();
    assert_eq!(paragraphs, [P1, P2, P3, P4], "{}", a.body);
}
