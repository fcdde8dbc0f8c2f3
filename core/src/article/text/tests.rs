//! Tests of plain-text parsing: titles, bylines, datelines, headers and page furniture.

use super::*;

const SAMPLE: &str = "Ministers weigh a new harbour tax\n\n\nBy Ada Mensah and Tom Reyes\n\nLISBON (Wirepost) \u{2013} Ministers met on Monday.\n\n\u{201C}It is fair,\u{201D} said Rui Costa.\n\n(Reporting by Ada Mensah; Editing by Li Wei)\n\nLeave A Reply\n\nYour email address will not be published.";

#[test]
fn title_byline_dateline_and_trailer() {
    let a = parse(SAMPLE);
    assert_eq!(a.title, "Ministers weigh a new harbour tax");
    assert_eq!(a.byline, vec!["Ada Mensah", "Tom Reyes"]);
    assert_eq!(a.dateline.as_deref(), Some("LISBON (Wirepost)"));
    assert!(a.body.starts_with("LISBON (Wirepost)"));
    assert!(a.body.ends_with("said Rui Costa."));
    assert_eq!(a.extra.len(), 3);
}

#[test]
fn no_title_when_first_line_is_a_sentence() {
    let a = parse("The council voted on Monday to close the bridge.\n\nIt reopens in May.");
    assert_eq!(a.title, "");
    assert!(a.body.starts_with("The council voted"));
    // a first paragraph wrapped over several lines is body, even without a period
    let a = parse("Officials met on Monday\nto discuss the bridge\n\nIt reopens in May.");
    assert_eq!(a.title, "");
    // a single paragraph is never taken for a title
    assert_eq!(parse("Storm warning for the coast").title, "");
}

#[test]
fn headline_may_end_in_a_quote_but_not_a_quoted_sentence() {
    assert!(looks_like_headline(
        "Mayor calls closure \u{201C}painful but overdue\u{201D}"
    ));
    assert!(looks_like_headline("Is the bridge safe?"));
    assert!(!looks_like_headline(
        "\u{201C}We will rebuild,\u{201D} she said."
    ));
    assert!(!looks_like_headline(
        "He called it \u{201C}a disaster.\u{201D}"
    ));
}

#[test]
fn wrapped_lines_join() {
    let a = parse("Title here\n\nOne line\nwrapped here.\n\nTwo.");
    assert_eq!(a.body, "One line wrapped here.\n\nTwo.");
}

#[test]
fn bylines() {
    let one = |s: &str| parse_byline(s);
    assert_eq!(
        one("Written by Josh Smith"),
        Some(vec!["Josh Smith".to_string()])
    );
    assert_eq!(
        one("By Ada Mensah, Reuters"),
        Some(vec!["Ada Mensah".to_string()])
    );
    assert_eq!(
        one("By Ada Mensah, Staff Writer"),
        Some(vec!["Ada Mensah".to_string()])
    );
    assert_eq!(
        one("By Ada Mensah, Globe Editor-at-large"),
        Some(vec!["Ada Mensah".to_string()])
    );
    assert_eq!(
        one("By Ana de la Cruz & Tom O\u{2019}Neill"),
        Some(vec![
            "Ana de la Cruz".to_string(),
            "Tom O\u{2019}Neill".to_string()
        ])
    );
    assert_eq!(one("By the way, this is a sentence that goes on"), None);
    assert_eq!(
        one("By Monday, officials said the bridge would close."),
        None
    );
    assert_eq!(one("By most accounts, the law worked."), None);
    assert_eq!(one("By Friday"), None);
    assert_eq!(one("By: Ada Mensah"), Some(vec!["Ada Mensah".to_string()]));
    assert_eq!(
        one("Author: Ada Mensah"),
        Some(vec!["Ada Mensah".to_string()])
    );
    assert_eq!(one("Authors: the desk"), None);
    assert_eq!(
        parse_byline_and_date("By Ada Mensah | March 3, 2026"),
        Some((
            vec!["Ada Mensah".to_string()],
            Some("March 3, 2026".to_string())
        ))
    );
}

#[test]
fn header_stops_at_the_first_paragraph() {
    let a = parse(
        "A headline\n\nBy Ada Mensah\n\nMarch 3, 2026\n\nThe body starts.\n\nBy Tom Reyes\n\nApril 1, 2026",
    );
    assert_eq!(a.byline, vec!["Ada Mensah"]);
    assert_eq!(a.date.as_deref(), Some("March 3, 2026"));
    assert!(
        a.body.ends_with("By Tom Reyes\n\nApril 1, 2026"),
        "{}",
        a.body
    );
}

#[test]
fn date_lines() {
    assert!(looks_like_date_line("March 10, 2026"));
    assert!(looks_like_date_line("Published: Tue 10 Mar 2026 09:30 GMT"));
    assert!(looks_like_date_line("2026-03-14"));
    assert!(!looks_like_date_line(
        "\u{2014} Arvind Kejriwal (@ArvindKejriwal) November 1, 2019"
    ));
    assert!(!looks_like_date_line("In March 2026 the bridge closed."));
}

#[test]
fn datelines() {
    assert_eq!(
        find_dateline("SEOUL (Reuters) \u{2013} The"),
        Some("SEOUL (Reuters)".into())
    );
    assert_eq!(
        find_dateline("(Reuters) \u{2014} The"),
        Some("(Reuters)".into())
    );
    assert_eq!(
        find_dateline("(CNN) President Smith said"),
        Some("(CNN)".into())
    );
    assert_eq!(
        find_dateline("WASHINGTON, D.C. (AP) \u{2014} The"),
        Some("WASHINGTON, D.C. (AP)".into())
    );
    assert_eq!(
        find_dateline("PORT HALDEN \u{2013} The bridge"),
        Some("PORT HALDEN".into())
    );
    assert_eq!(
        find_dateline("SEOUL, South Korea \u{2014} North Korea fired"),
        Some("SEOUL, South Korea".into())
    );
    assert_eq!(
        find_dateline("NEW YORK, March 3 - Stocks rose"),
        Some("NEW YORK, March 3".into())
    );
    assert_eq!(
        find_dateline("NATO, the alliance, met \u{2013} again"),
        None
    );
    assert_eq!(
        find_dateline("The council (which met) \u{2013} voted"),
        None
    );
    assert_eq!(
        find_dateline("Officials said \u{2013} again \u{2013} no"),
        None
    );
}

#[test]
fn trailers_and_real_last_paragraphs() {
    for junk in [
        "(Reporting by Will Dunham; Editing by Tom Brown)",
        "\u{00A9} Reuters",
        "Copyright 2026 Harbour Business Daily. Follow us on social media.",
        "Leave A Reply",
        "Your email address will not be published. Required fields are marked *",
        "Follow NBC Latino on Facebook, Twitter and Instagram.",
        "This article was reprinted on Wired.com.",
        "This article has been adapted from its original source.",
        "Correction added Nov. 18, 2019: The caption was wrong.",
        "Share this article",
        "Subscribe to the Courier for more local news.",
        "Disclaimer",
    ] {
        assert!(is_trailer(junk), "{junk}");
    }
    for body in [
        "We rate the statement Mostly True.",
        "Subscribers will pay 5 percent more from June, the company said.",
        "Comments made by the minister on Tuesday drew criticism.",
        "Copyright lawyers said the ruling was narrow.",
        "\u{201C}Follow the money,\u{201D} she said. \u{201C}Share it with me.\u{201D}",
        "Follow-up tests are planned for May.",
        "A rep for Braun did not immediately respond to Fox News\u{2019} request for comment.",
    ] {
        assert!(!is_trailer(body), "{body}");
    }
}

#[test]
fn advertisement_markers_leave_the_body() {
    let a = parse("Headline here\n\nOne.\n\nAdvertisement\n\nTwo.\n\nShare this story");
    assert_eq!(a.body, "One.\n\nTwo.");
    assert_eq!(a.extra, vec!["Advertisement", "Share this story"]);
}

#[test]
fn one_paragraph_per_line_text() {
    let long = "The council voted on Monday to close the bridge for fourteen months, a decision the mayor called painful.";
    let text = format!(
        "Council closes bridge\n\n{long}\n\u{201C}It is overdue,\u{201D} she said.\n{long}"
    );
    let a = parse(&text);
    assert_eq!(a.title, "Council closes bridge");
    assert_eq!(a.paragraph_ranges().len(), 3, "{}", a.body);
    // hard-wrapped text still joins
    let a = parse("Title\n\nA short wrapped\nline of text.\n\nNext.");
    assert_eq!(a.body, "A short wrapped line of text.\n\nNext.");
}

#[test]
fn standfirst_before_byline() {
    let a = parse(
        "Bridge to close for a year\n\nRepairs will cost 38 million crowns, engineers say\n\nBy Nadia Ferreira\n\nMarch 10, 2026\n\nThe council voted.",
    );
    assert_eq!(a.title, "Bridge to close for a year");
    assert_eq!(a.byline, vec!["Nadia Ferreira"]);
    assert_eq!(a.date.as_deref(), Some("March 10, 2026"));
    assert_eq!(
        a.body,
        "Repairs will cost 38 million crowns, engineers say\n\nThe council voted."
    );
}

#[test]
fn header_lines_without_blank_lines_between() {
    let a = parse(
        "Ferry fares rise by a tenth\nBy Ines Dahl\nApril 2, 2026\n\nSKERRA (Wirepost) \u{2013} Fares rise.\n\nRiders said they would pay.",
    );
    assert_eq!(a.title, "Ferry fares rise by a tenth");
    assert_eq!(a.byline, vec!["Ines Dahl"]);
    assert_eq!(a.date.as_deref(), Some("April 2, 2026"));
    assert_eq!(a.dateline.as_deref(), Some("SKERRA (Wirepost)"));
    assert_eq!(
        a.body,
        "SKERRA (Wirepost) \u{2013} Fares rise.\n\nRiders said they would pay."
    );
    // byline and date in one block under the title, and the first paragraph right
    // under the byline
    let a = parse(
        "Ferry fares rise\n\nBy Ines Dahl\nApril 2, 2026\n\nFares rise by a\ntenth.\n\nMore.",
    );
    assert_eq!((a.byline.len(), a.date.is_some()), (1, true));
    assert_eq!(a.body, "Fares rise by a tenth.\n\nMore.");
    let a = parse("Ferry fares rise\n\nBy Ines Dahl\nFares rise by a tenth.\n\nMore.");
    assert_eq!(a.byline, vec!["Ines Dahl"]);
    assert_eq!(a.body, "Fares rise by a tenth.\n\nMore.");
    // a sentence starting with "By" in a block stays body
    let a = parse("Ferry fares rise\n\nBy Monday, fares\nwill rise.\n\nMore.");
    assert!(a.byline.is_empty());
    assert_eq!(a.body, "By Monday, fares will rise.\n\nMore.");
}

#[test]
fn blog_share_bar_tags_and_comment_section_leave_the_body() {
    let a = parse(
        "Dredging plan approved\n\nThe board approved the plan.\n\n\u{201C}We cannot wait,\u{201D} Dahl said.\n\nShare this:\n\nTwitter\n\nFacebook\n\nLike this:\n\nLike Loading...\n\nRelated\n\nPosted in News | Tagged harbour, dredging\n\n3 thoughts on \u{201C}Dredging plan approved\u{201D}\n\nGreat news, finally. \u{201C}About time,\u{201D} as my father said.\n\nLeave a Reply Cancel reply\n\nName *\n\nEmail *\n\nWebsite\n\nSave my name, email, and website in this browser for the next time I comment.",
    );
    assert_eq!(
        a.body,
        "The board approved the plan.\n\n\u{201C}We cannot wait,\u{201D} Dahl said."
    );
    assert_eq!(a.extra.first().map(String::as_str), Some("Share this:"));
    assert_eq!(a.extra.len(), 14, "{:?}", a.extra);
}

#[test]
fn comment_words_in_the_article_are_not_a_comment_section() {
    let text = "Letters to the council\n\nThe council asked residents for views.\n\nOne reply to the survey came from the harbour board.\n\nTwo comments on the plan were read out.\n\nThe vote is in May.";
    let a = parse(text);
    assert_eq!(a.paragraph_ranges().len(), 4, "{}", a.body);
    // a comment link near the top does not take the article with it
    let a = parse(
        "Bridge closes\n\nLeave a comment\n\nThe bridge closes.\n\nIt reopens in May.\n\nRepairs cost more.\n\nThe mayor agreed.",
    );
    assert!(a.body.ends_with("The mayor agreed."), "{}", a.body);
    assert!(a.body.starts_with("Leave a comment"), "{}", a.body);
}

#[test]
fn saved_address_is_the_source_url() {
    let a = parse(
        "https://harbour.example/news/fares-rise\n\nFerry fares rise\n\nBy Ines Dahl\n\nFares rise by a tenth.\n\nRiders agreed.",
    );
    assert_eq!(a.title, "Ferry fares rise");
    assert_eq!(a.byline, vec!["Ines Dahl"]);
    assert_eq!(
        a.url.as_deref(),
        Some("https://harbour.example/news/fares-rise")
    );
    assert_eq!(a.body, "Fares rise by a tenth.\n\nRiders agreed.");
    let a = parse(
        "Ferry fares rise\nBy Ines Dahl\nSource: https://harbour.example/a\n\nFares rise.\n\nRiders agreed.",
    );
    assert_eq!(a.url.as_deref(), Some("https://harbour.example/a"));
    assert_eq!(a.body, "Fares rise.\n\nRiders agreed.");
    let a =
        parse("Ferry fares rise\n\nFares rise.\n\nRiders agreed.\n\n<https://harbour.example/b>");
    assert_eq!(a.url.as_deref(), Some("https://harbour.example/b"));
    assert_eq!(a.body, "Fares rise.\n\nRiders agreed.");
    // an address inside a sentence is body text
    let a = parse("Ferry fares rise\n\nFares are listed at https://harbour.example/c today.");
    assert_eq!(a.url, None);
    assert_eq!(source_url("see https://harbour.example/c"), None);
}
