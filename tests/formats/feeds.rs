//! Saved RSS and Atom feeds: each item with content (or a long summary) is an article named
//! `PATH#KEY`. The fixtures in `tests/data/feeds/` are feeds written for these tests.

use crate::formats_support;
use onrecord::article::load::{load_bytes, split_items};
use onrecord::article::{Format, Loaded};
use std::path::{Path, PathBuf};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/feeds")
        .join(name)
}

fn items(name: &str) -> Vec<(String, Loaded)> {
    formats_support::items_of(&data(name))
}

#[test]
fn rss_items_with_content_or_a_long_description() {
    let items = items("harbour.rss");
    let keys: Vec<&str> = items.iter().map(|(k, _)| k.as_str()).collect();
    // The timetable item has a one-line description: a link, not an article. The fish
    // market has no guid: its link is its key.
    assert_eq!(
        keys,
        [
            "ledger-2026-0612-lifeboat",
            "https://ledger.example/2026/06/fish-market"
        ]
    );
    let (_, boat) = &items[0];
    assert_eq!(boat.format, Format::Feed);
    let a = &boat.article;
    assert_eq!(a.title, "Lifeboat crew rescues three from capsized yacht");
    assert_eq!(a.byline, vec!["Priya Nair"]);
    assert_eq!(a.date.as_deref(), Some("Fri, 12 Jun 2026 09:30:00 +0200"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://ledger.example/2026/06/lifeboat-rescue")
    );
    assert_eq!(a.outlet.as_deref(), Some("The Harbour Ledger"));
    assert_eq!(
        a.body,
        "The Port Halden lifeboat rescued three sailors on Thursday evening after their yacht \
         capsized off Skerra Point, the coastguard said.\n\n\
         \u{201C}They had been in the water for forty minutes,\u{201D} said coxswain Hanna Lund. \
         \u{201C}Another twenty and we would have been too late.\u{201D}\n\n\
         All three were taken to hospital with mild hypothermia."
    );
    let q = formats_support::said(boat);
    assert!(
        q.iter()
            .any(|(t, s)| s == "Hanna Lund" && t.starts_with("They had been")),
        "{q:?}"
    );

    let (_, fish) = &items[1];
    // "desk@ledger.example (Tomas Berg)": the name, not the address.
    assert_eq!(fish.article.byline, vec!["Tomas Berg"]);
    assert_eq!(fish.article.title, "Fish market moves to the east quay");
    assert!(
        fish.article
            .body
            .starts_with("The fish market will move to the east quay from Monday"),
        "{}",
        fish.article.body
    );
    let q = formats_support::said(fish);
    assert!(
        q.iter()
            .any(|(t, s)| s == "Olav Nygaard" && t.starts_with("It is a nuisance")),
        "{q:?}"
    );
}

#[test]
fn atom_entries_with_xhtml_and_html_content() {
    let items = items("council.atom");
    let keys: Vec<&str> = items.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "tag:council.example,2026:budget-july",
            "tag:council.example,2026:library-hours"
        ]
    );
    let (_, budget) = &items[0];
    let a = &budget.article;
    assert_eq!(a.title, "Budget vote moved to July");
    assert_eq!(a.byline, vec!["Sofia Lindgren"], "the name, not the e-mail");
    assert_eq!(a.date.as_deref(), Some("2026-06-14T09:00:00Z"), "published");
    assert_eq!(
        a.url.as_deref(),
        Some("https://council.example/news/budget-july")
    );
    assert_eq!(
        a.outlet.as_deref(),
        Some("Port Halden Council & Committees")
    );
    assert_eq!(
        a.body,
        "The council postponed its budget vote to July after the finance committee asked for \
         another month.\n\n\
         \u{201C}We would rather be right than early,\u{201D} Deputy Mayor Sofia Lindgren said."
    );
    let q = formats_support::said(budget);
    assert!(q.iter().any(|(_, s)| s == "Sofia Lindgren"), "{q:?}");
    let (_, library) = &items[1];
    assert_eq!(
        library.article.date.as_deref(),
        Some("2026-06-13T08:00:00Z")
    );
    assert!(library.article.byline.is_empty());
    let q = formats_support::said(library);
    assert!(
        q.iter()
            .any(|(t, s)| s == "Aino Virtanen" && t.starts_with("Evenings")),
        "{q:?}"
    );
}

/// Entities defined in a DTD are not expanded: a "billion laughs" feed stays small and
/// loads at once.
#[test]
fn an_entity_bomb_is_not_expanded() {
    let mut feed =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        feed.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">\n",
            format!("&{prev};").repeat(10)
        ));
    }
    feed.push_str(
        "]>\n<rss><channel><title>&lol9;</title><item><title>Bomb</title>\
         <content:encoded>&lt;p&gt;&lol9; The mayor said the bridge would open.&lt;/p&gt;\
         </content:encoded></item></channel></rss>",
    );
    let started = std::time::Instant::now();
    let items = split_items(feed.as_bytes(), Format::Feed).unwrap();
    assert!(started.elapsed().as_secs() < 2);
    assert_eq!(items.len(), 1);
    assert!(items[0].bytes.len() < 200, "{}", items[0].bytes.len());
    let meta = items[0].meta.as_ref().unwrap();
    assert_eq!(meta.outlet.as_deref(), Some("&lol9;"));
}

#[test]
fn what_is_not_a_feed_is_refused_and_a_cut_feed_keeps_its_items() {
    let e = load_bytes(b"<html><body><p>Hi</p></body></html>", Format::Feed).unwrap_err();
    assert!(e.to_string().contains("not an RSS or Atom feed"), "{e}");
    assert!(!e.to_string().contains("binary"), "{e}");
    let e = split_items(b"<config><a>1</a></config>", Format::Feed).unwrap_err();
    assert!(e.to_string().contains("not an RSS or Atom feed"), "{e}");
    let e = split_items(b"\x89PNG\r\n\x1a\n\0\0", Format::Feed).unwrap_err();
    assert!(e.to_string().contains("binary"), "{e}");
    let whole = std::fs::read_to_string(data("harbour.rss")).unwrap();
    let cut = &whole[..whole.find("<title>Ferry timetable").unwrap()];
    let items = split_items(cut.as_bytes(), Format::Feed).unwrap();
    assert_eq!(items.len(), 1, "the complete item before the cut");
}

#[test]
fn hostile_fields_leave_no_control_character() {
    let feed = "<rss><channel><title>Out&#x1b;[2Jlet</title><item>\
        <title>T&#x9b;itle&#x7;</title><dc:creator>Eve&#x1b;]0;x&#x7;</dc:creator>\
        <link>https://x.example/&#x1b;</link><guid>a#b&#x1b;c</guid>\
        <content:encoded>&lt;p&gt;The mayor said so.&lt;/p&gt;</content:encoded></item>\
        </channel></rss>";
    let items = load_bytes(feed.as_bytes(), Format::Feed).unwrap();
    let a = items.article;
    for s in [&a.title, &a.outlet.clone().unwrap()]
        .into_iter()
        .chain(&a.byline)
        .chain(a.url.as_ref())
    {
        assert!(
            !s.chars().any(onrecord::safe_text::is_unsafe),
            "control character in {s:?}"
        );
    }
    let keys = split_items(feed.as_bytes(), Format::Feed).unwrap();
    assert!(
        keys[0]
            .key
            .chars()
            .all(|c| c.is_ascii_graphic() && c != '#'),
        "{:?}",
        keys[0].key
    );
}

/// `index` and `search` through the binary name a feed item `PATH#KEY`.
#[test]
fn the_commands_read_feeds() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("feeds");
    std::fs::create_dir(&lib).unwrap();
    for f in ["harbour.rss", "council.atom"] {
        std::fs::copy(data(f), lib.join(f)).unwrap();
    }
    let config = tmp.path().join("config.toml");
    std::fs::write(&config, "").unwrap();
    let db = tmp.path().join("index.sqlite3");
    let cli = formats_support::Onrecord::new(tmp.path(), &config);
    let run = |args: &[&str]| cli.run(args);
    let (db_s, lib_s) = (db.to_str().unwrap(), lib.to_str().unwrap());
    let out = run(&["index", "--index", db_s, lib_s]);
    assert!(out.starts_with("2 files seen: 2 new"), "{out}");
    let out = run(&["search", "--index", db_s, "hypothermia"]);
    let rss = lib.join("harbour.rss");
    assert!(
        out.starts_with(&format!("{}#ledger-2026-0612-lifeboat\t", rss.display())),
        "{out}"
    );
    let out = run(&["quotes", "--index", db_s, "--speaker", "Aino Virtanen"]);
    assert!(
        out.contains("council.atom#tag:council.example,2026:library-hours"),
        "{out}"
    );
    let one = format!("{}#ledger-2026-0612-lifeboat", rss.display());
    let out = run(&["extract", "--format", "json", &one]);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(v["outlet"], "The Harbour Ledger");
    assert_eq!(v["item"], "ledger-2026-0612-lifeboat");
}
