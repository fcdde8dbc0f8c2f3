//! The article outside the reader: `E` and `v` hand its file to the editor or pager (the
//! event loop runs them: see tests/e2e/terminal.rs), `Y` copies its source URL.

use crate::tui_fixtures;

use onrecord::tui::effect::{Effect, Viewer};
use onrecord::tui::msg::Msg;
use onrecord::tui::update::update;
use tui_fixtures::*;

#[test]
fn e_and_v_open_the_articles_file_when_it_is_on_disk() {
    let mut s = state(120, 40);
    // The fixture paths (/library/N.txt) are not on disk.
    assert!(press(&mut s, &["v"]).is_empty());
    assert_eq!(
        s.message.as_deref(),
        Some("the article's file is not on disk")
    );

    let tmp = tempfile::tempdir().unwrap();
    let mut list = summaries();
    for a in &mut list {
        a.path = tmp.path().join(format!("{} file.txt", a.id));
        std::fs::write(&a.path, "text").unwrap();
    }
    update(&mut s, Msg::ArticlesLoaded(list.clone()));
    let selected = s.list.current().unwrap().path.clone();
    assert_eq!(
        press(&mut s, &["v"]),
        vec![Effect::OpenFile {
            viewer: Viewer::Pager,
            path: selected.clone()
        }]
    );
    // From the body: the open article, though the list selection moved.
    press(&mut s, &["enter", "h", "j", "l"]);
    assert_eq!(
        press(&mut s, &["E"]),
        vec![Effect::OpenFile {
            viewer: Viewer::Editor,
            path: selected
        }]
    );
}

#[test]
fn shift_y_copies_the_source_url() {
    let mut s = state(120, 40);
    assert!(press(&mut s, &["Y"]).is_empty());
    assert!(s.message.as_deref().unwrap().contains("open an article"));
    press(&mut s, &["g"]);
    while s.list.current().unwrap().id != 0 {
        press(&mut s, &["j"]);
    }
    press(&mut s, &["enter"]);
    assert_eq!(
        press(&mut s, &["Y"]),
        vec![Effect::CopyUrl("https://news.example.com/bridge".into())]
    );
    // An article without a URL says so.
    press(&mut s, &["h", "j", "enter"]);
    assert!(s.reader.as_ref().unwrap().article.url.is_none());
    assert!(press(&mut s, &["Y"]).is_empty());
    assert_eq!(s.message.as_deref(), Some("this article has no source URL"));
}
