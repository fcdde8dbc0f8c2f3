//! The reader while the library changes and grows: background indexing, a big speaker's
//! quotes fetched page by page (in the Speakers view and the walk), pages that fail or
//! arrive for a list already replaced, the open article reloaded when its file changes.

use super::*;

#[test]
fn background_indexing_shows_a_gauge_and_reloads_lists() {
    use onrecord::library::indexer::{IndexEvent, IndexSummary};
    use onrecord::tui::app::msg_for_index_event;
    let mut s = state(120, 40);
    let a = msg_for_index_event(IndexEvent::Planned { seen: 10, total: 4 }).unwrap();
    assert!(update(&mut s, a).is_empty());
    let a = msg_for_index_event(IndexEvent::Progress { done: 2, total: 4 }).unwrap();
    update(&mut s, a);
    assert_eq!(s.index_progress, Some((2, 4)));
    assert!(
        status(&s).contains("indexing ▰▰▰▰▱▱▱▱ 2/4"),
        "{}",
        status(&s)
    );
    // A committed batch: the articles added since the list was fetched are fetched and
    // appended, keeping the selection; the whole list is not fetched again.
    press(&mut s, &["j"]);
    let selected = s.list.current().unwrap().id;
    let a = msg_for_index_event(IndexEvent::Committed { done: 2, total: 4 }).unwrap();
    assert_eq!(update(&mut s, a), vec![Effect::LoadArticlesAfter(2)]);
    let mut added = summaries();
    added[0].id = 7;
    added[0].title = "Ferry fares rise".into();
    // The same article twice (two commits answered alike) is listed once.
    update(&mut s, Msg::ArticlesAdded(added[..1].to_vec()));
    update(&mut s, Msg::ArticlesAdded(added[..1].to_vec()));
    assert_eq!(s.list.all.len(), 4);
    assert_eq!(s.list.rows.len(), 4);
    assert_eq!(s.list.current().unwrap().id, selected, "selection kept");
    assert!(
        screen_text(&s).contains("Ferry fares rise"),
        "{}",
        screen_text(&s)
    );
    press(&mut s, &["w", "enter"]);
    let effects = update(&mut s, Msg::LibraryChanged);
    assert_eq!(
        effects,
        vec![
            Effect::LoadArticles,
            Effect::LoadSpeakers,
            Effect::LoadSpeakerQuotes {
                speaker: "Ana Ruiz".into(),
                limit: QUOTE_PAGE
            }
        ]
    );
    // Reloading the quotes of the same speaker keeps the selection.
    press(&mut s, &["j", "j"]);
    run_effects(
        &mut s,
        vec![Effect::LoadSpeakerQuotes {
            speaker: "Ana Ruiz".into(),
            limit: QUOTE_PAGE,
        }],
    );
    assert_eq!(s.speakers.quote_selected, 2);
    let summary = IndexSummary {
        seen: 4,
        new: 4,
        failed: 1,
        ..Default::default()
    };
    let a = msg_for_index_event(IndexEvent::Finished(summary)).unwrap();
    // Only new articles: only those are fetched (the Speakers view, shown, is refreshed).
    let effects = update(&mut s, a);
    assert_eq!(effects[0], Effect::LoadArticlesAfter(7));
    assert!(effects.contains(&Effect::LoadSpeakers));
    assert_eq!(s.index_progress, None);
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .contains("1 file(s) could not be read")
    );
    // Messages of an mbox left out (over the limit) are said too, with where they are listed.
    let left_out = IndexSummary {
        seen: 1,
        new: 1,
        articles_left_out: 2,
        ..Default::default()
    };
    let a = msg_for_index_event(IndexEvent::Finished(left_out)).unwrap();
    update(&mut s, a);
    let said = s.message.as_deref().unwrap();
    assert!(
        said.contains("2 article(s) of mailboxes or feeds left out") && said.contains(".log"),
        "{said}"
    );
    // A run that changed or removed articles fetches the whole list again.
    let changed = IndexSummary {
        seen: 4,
        changed: 1,
        ..Default::default()
    };
    let a = msg_for_index_event(IndexEvent::Finished(changed)).unwrap();
    assert_eq!(update(&mut s, a)[0], Effect::LoadArticles);
    let a = msg_for_index_event(IndexEvent::Failed("disk full".into())).unwrap();
    assert_eq!(update(&mut s, a)[0], Effect::LoadArticles);
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .contains("indexing failed: disk full")
    );
}

#[test]
fn speakers_view_fetches_a_big_speakers_quotes_page_by_page() {
    let n = QUOTE_PAGE * 2 + 17;
    RUIZ_QUOTES.with(|q| *q.borrow_mut() = Some(many_hits(n)));
    let mut s = ruiz_quotes_listed();
    let q = s.speakers.quotes.as_ref().unwrap();
    assert_eq!((q.hits.len(), q.total), (QUOTE_PAGE, n), "one page first");
    assert!(
        status(&s).contains(&format!("quote 1/{n}")),
        "{}",
        status(&s)
    );
    // Moving down within the page fetches nothing; coming near its end fetches the next.
    let before_margin = QUOTE_PAGE - QUOTE_PAGE_MARGIN - 1;
    s.speakers.quote_selected = before_margin - 1;
    assert!(press(&mut s, &["j"]).is_empty());
    assert_eq!(s.speakers.quotes.as_ref().unwrap().hits.len(), QUOTE_PAGE);
    press(&mut s, &["j"]);
    assert_eq!(
        s.speakers.quotes.as_ref().unwrap().hits.len(),
        QUOTE_PAGE * 2
    );
    // G goes to the last fetched quote, which fetches the rest.
    press(&mut s, &["G"]);
    let q = s.speakers.quotes.as_ref().unwrap();
    assert_eq!(q.hits.len(), n);
    assert!(!q.fetching);
    // In order and no quote twice.
    let keys: Vec<_> = q.hits.iter().map(|h| h.start).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]));
    press(&mut s, &["G"]);
    assert_eq!(s.speakers.quote_selected, n - 1);
}

#[test]
fn a_page_for_a_list_that_was_replaced_is_dropped() {
    RUIZ_QUOTES.with(|q| *q.borrow_mut() = Some(many_hits(QUOTE_PAGE + 50)));
    let mut s = ruiz_quotes_listed();
    let stale = s.speakers.quotes.as_ref().unwrap().hits[10].clone();
    let page = QuotePage {
        total: QUOTE_PAGE + 50,
        hits: many_hits(3),
    };
    update(
        &mut s,
        Msg::SpeakerQuotesMore {
            speaker: "Ana Ruiz".into(),
            after: Box::new(stale),
            page,
        },
    );
    assert_eq!(
        s.speakers.quotes.as_ref().unwrap().hits.len(),
        QUOTE_PAGE,
        "a page that does not follow the last fetched quote is not appended"
    );
}

#[test]
fn brackets_walk_on_past_the_first_page_of_a_big_speaker() {
    let n = QUOTE_PAGE + 40;
    RUIZ_QUOTES.with(|q| *q.borrow_mut() = Some(many_hits(n)));
    let mut s = ruiz_quotes_listed();
    press(&mut s, &["enter"]);
    assert_eq!(s.screen, Screen::Reader);
    assert!(
        status(&s).contains(&format!("library 1/{n}")),
        "{}",
        status(&s)
    );
    for _ in 0..n - 1 {
        press(&mut s, &["]"]);
    }
    assert_eq!(s.walk.as_ref().unwrap().index, n - 1, "walked every quote");
    assert_eq!(s.speakers.quotes.as_ref().unwrap().hits.len(), n);
    assert!(
        status(&s).contains(&format!("library {n}/{n}")),
        "{}",
        status(&s)
    );
    press(&mut s, &["]"]);
    assert!(
        s.message
            .as_deref()
            .unwrap()
            .contains("last quote by Ana Ruiz")
    );
    // Back to the Speakers view on her: the list is fetched again as far as it was listed,
    // and the walk stays where it got to.
    press(&mut s, &["w"]);
    assert_eq!(s.screen, Screen::Speakers);
    assert_eq!(s.speakers.quotes.as_ref().unwrap().hits.len(), n);
    assert_eq!(s.walk.as_ref().unwrap().index, n - 1);
}

/// The Speakers view filtered to Ana Ruiz with her quotes listed (served by the fixture
/// worker from `RUIZ_QUOTES`).
fn ruiz_quotes_listed() -> State {
    let mut s = state(120, 40);
    press(&mut s, &["w", "f"]);
    type_text(&mut s, "ruiz");
    press(&mut s, &["enter", "enter"]);
    s
}

#[test]
fn a_page_that_cannot_be_fetched_is_reported_and_not_asked_for_again() {
    RUIZ_QUOTES.with(|q| *q.borrow_mut() = Some(many_hits(QUOTE_PAGE * 3)));
    let mut s = ruiz_quotes_listed();
    s.speakers.quote_selected = QUOTE_PAGE - QUOTE_PAGE_MARGIN - 1;
    // The fixture worker is not asked: the effect comes back to the test.
    let effects = update(&mut s, Command::Down);
    assert!(
        matches!(effects.as_slice(), [Effect::LoadMoreSpeakerQuotes { .. }]),
        "{effects:?}"
    );
    update(
        &mut s,
        Msg::SpeakerQuotesFailed {
            speaker: "Ana Ruiz".into(),
            message: "cannot list more quotes: database is locked".into(),
        },
    );
    assert!(s.message.as_deref().unwrap().contains("database is locked"));
    assert!(update(&mut s, Command::Down).is_empty(), "no retry loop");
    // Fetching the list again starts over.
    let again = press(&mut s, &["esc", "enter"]);
    assert!(again.is_empty(), "{again:?}");
    assert!(!s.speakers.quotes.as_ref().unwrap().stalled);
}

#[test]
fn w_from_an_article_opens_the_speaker_in_hand_across_the_library() {
    // The current quote's speaker, on the quote the reader is at.
    let mut s = state(120, 40);
    open_bridge(&mut s);
    press(&mut s, &["n", "n", "n"]);
    assert_eq!(current_text(&s), "the work would start in spring");
    let (id, cur) = {
        let r = s.reader.as_ref().unwrap();
        (r.id, r.current.unwrap())
    };
    press(&mut s, &["w"]);
    assert_eq!(s.screen, Screen::Speakers);
    assert_eq!(s.speakers.current().unwrap().name, "Ana Ruiz");
    let q = s
        .speakers
        .quotes
        .as_ref()
        .expect("Ana Ruiz's quotes listed");
    assert_eq!(q.speaker, "Ana Ruiz");
    assert_eq!(q.total, ruiz_hits().len());
    let hit = &q.hits[s.speakers.quote_selected];
    assert_eq!((hit.article, hit.quote_index), (id, cur));
    assert_eq!(
        s.speakers.focus,
        onrecord::tui::state::SpeakersFocus::Quotes
    );
    // ] walks on from there, across articles.
    press(&mut s, &["enter", "]", "]"]);
    assert_eq!(s.screen, Screen::Reader);
    assert_eq!(current_speaker(&s).as_deref(), Some("Ana Ruiz"));

    // The speaker selected in the sidebar, even with a filter on the Speakers view.
    let mut s = state(120, 40);
    press(&mut s, &["w", "f"]);
    type_text(&mut s, "lopez");
    press(&mut s, &["enter", "w"]);
    assert_eq!(s.screen, Screen::Reader);
    assert_eq!(s.speakers.filter, "lopez");
    open_bridge(&mut s);
    press(&mut s, &["tab", "j"]);
    let effects = press(&mut s, &["w"]);
    assert_eq!(s.speakers.current().unwrap().name, "Tom Berg");
    assert!(
        effects.contains(&Effect::LoadSpeakerQuotes {
            speaker: "Tom Berg".into(),
            limit: QUOTE_PAGE
        }),
        "{effects:?}"
    );

    // Nothing in hand (the list has focus): the view opens on the list of speakers, its
    // quotes pane following the selection.
    let mut s = state(120, 40);
    let effects = press(&mut s, &["w"]);
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(s.speakers.focus, onrecord::tui::state::SpeakersFocus::Names);
    assert_eq!(s.speakers.quotes.as_ref().unwrap().speaker, "Ana Ruiz");
}

#[test]
fn enter_on_an_entity_shows_which_mention_in_the_status_bar() {
    let mut s = state(120, 40);
    open_bridge(&mut s);
    press(&mut s, &["tab", "G"]);
    let n = {
        let r = s.reader.as_ref().unwrap();
        let SideItem::Entity { index } = r.side[r.side_selected] else {
            panic!("last row is an entity")
        };
        r.analysis.entities[index].mentions.len()
    };
    assert!(n >= 2);
    press(&mut s, &["enter"]);
    assert!(
        status(&s).contains(&format!("Riverton mention 1/{n}")),
        "{}",
        status(&s)
    );
    press(&mut s, &["enter"]);
    assert!(status(&s).contains(&format!("Riverton mention 2/{n}")));
    // Gone with the mark.
    press(&mut s, &["esc"]);
    assert!(!status(&s).contains("mention"), "{}", status(&s));
}

#[test]
fn quote_keys_while_the_article_loads_say_so() {
    let mut s = state(120, 40);
    let effects = update(&mut s, Command::Enter);
    assert!(matches!(effects[..], [Effect::LoadArticle(_)]));
    update(&mut s, Command::NextQuote);
    assert_eq!(s.message.as_deref(), Some("the article is still loading…"));
}

#[test]
fn the_list_selection_follows_the_article_shown() {
    let mut s = state(120, 40);
    // The list selects the school article (the newest); a quote from the Speakers view
    // opens the bridge article.
    assert_eq!(selected_title(&s), "New school opens in Eastside");
    press(&mut s, &["w", "f"]);
    type_text(&mut s, "ruiz");
    press(&mut s, &["enter", "enter", "j", "j", "enter"]);
    assert_eq!(s.reader.as_ref().unwrap().id, 0);
    assert_eq!(selected_title(&s), "City to rebuild the river bridge");
    // `]` walks into the school article: the list follows again.
    press(&mut s, &["]", "]", "]"]);
    assert_eq!(s.reader.as_ref().unwrap().id, 1);
    assert_eq!(selected_title(&s), "New school opens in Eastside");
    // Enter in the list opens what it selects: the article shown, not an older one.
    press(&mut s, &["["]);
    assert_eq!(s.reader.as_ref().unwrap().id, 0);
    press(&mut s, &["h", "enter"]);
    assert_eq!(s.reader.as_ref().unwrap().id, 0);
    assert_eq!(selected_title(&s), "City to rebuild the river bridge");

    // An article the list's filter hides: the filter gives way, so the list can show it.
    let mut s = state(120, 40);
    press(&mut s, &["f"]);
    type_text(&mut s, "school");
    press(&mut s, &["enter"]);
    assert_eq!(s.list.rows.len(), 1);
    press(&mut s, &["w", "f"]);
    type_text(&mut s, "ruiz");
    press(&mut s, &["enter", "enter", "j", "j", "enter"]);
    assert_eq!(s.reader.as_ref().unwrap().id, 0);
    assert_eq!(selected_title(&s), "City to rebuild the river bridge");
    assert!(s.list.filter.is_empty());
}

/// The long report with a paragraph put in at the top (every offset moves) and, when
/// `drop_quote` is given, that quote's paragraph taken out.
fn long_edited(
    drop_quote: Option<usize>,
) -> (onrecord::article::Article, onrecord::extract::Analysis) {
    let (mut a, mut an) = article(2);
    let ins = "Editor's note: this report was updated on Friday.\n\n";
    let mut paras: Vec<String> = a.body.split("\n\n").map(str::to_string).collect();
    if let Some(q) = drop_quote {
        paras.remove(q);
        an.quotes.remove(q);
    }
    a.body = format!("{ins}{}", paras.join("\n\n"));
    // Re-find each quote's words in the new body.
    for q in &mut an.quotes {
        let old = article(2).0.body[q.span.clone()].to_string();
        let start = a.body.find(&old).expect("quote kept");
        q.span = start..start + old.len();
        q.speaker_span = None;
    }
    (a, an)
}

fn top_line(s: &State) -> String {
    let r = s.reader.as_ref().unwrap();
    r.article.body[r.wrapped.lines[r.scroll].range.clone()].to_string()
}

#[test]
fn the_open_article_reloads_when_its_file_changes_keeping_the_place() {
    let mut s = state(60, 12);
    press(&mut s, &["G", "enter"]); // the long report
    let id = s.reader.as_ref().unwrap().id;
    for _ in 0..20 {
        press(&mut s, &["n"]);
    }
    assert_eq!(current_text(&s), "Quote number 19 is here,");
    let top = top_line(&s);

    // The index saw files change: the open article is fetched again with the lists.
    let effects = update(
        &mut s,
        Msg::IndexFinished {
            message: None,
            only_added: false,
        },
    );
    assert!(effects.contains(&Effect::ReloadArticle(id)), "{effects:?}");
    // Its new text: shown, at the same place, on the same quote.
    let (article, analysis) = long_edited(None);
    update(
        &mut s,
        Msg::ArticleReloaded {
            id,
            article: Box::new(article),
            analysis: Box::new(analysis),
        },
    );
    let r = s.reader.as_ref().unwrap();
    assert!(r.article.body.starts_with("Editor's note"));
    assert_eq!(top_line(&s), top);
    assert_eq!(current_text(&s), "Quote number 19 is here,");
    press(&mut s, &["n"]);
    assert_eq!(current_text(&s), "Quote number 20 is here,");
    press(&mut s, &["N"]);
    assert_eq!(current_text(&s), "Quote number 19 is here,");
    let top = top_line(&s);

    // The current quote is gone from the file: the place is kept, no quote is current.
    let (article, analysis) = long_edited(Some(19));
    update(
        &mut s,
        Msg::ArticleReloaded {
            id,
            article: Box::new(article),
            analysis: Box::new(analysis),
        },
    );
    let r = s.reader.as_ref().unwrap();
    assert!(r.current.is_none());
    assert!(!r.article.body.contains("Quote number 19 is"));
    assert_eq!(top_line(&s), top);

    // Another article's reload is not shown.
    let (article, analysis) = tui_fixtures::article(0);
    update(
        &mut s,
        Msg::ArticleReloaded {
            id: 0,
            article: Box::new(article),
            analysis: Box::new(analysis),
        },
    );
    assert_eq!(s.reader.as_ref().unwrap().id, id);
}
