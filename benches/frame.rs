//! Time from a key event to a finished frame on a 1 MB article with thousands of quotes
//! (the wrapping cache is warm, as it is after the article opened).
//!
//! Run: `cargo bench --bench frame`

// Measured with the allocator the binary uses (src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use onrecord::article::Article;
use onrecord::extract::{Analysis, Quote, QuoteKind, SpeakerKind};
use onrecord::library::ArticleSummary;
use onrecord::tui::action::Action;
use onrecord::tui::app::action_for_event;
use onrecord::tui::command::Command;
use onrecord::tui::keymap::Keymap;
use onrecord::tui::msg::Msg;
use onrecord::tui::state::State;
use onrecord::tui::theme::{ColorMode, Theme, ThemeConfig};
use onrecord::tui::update::update;
use onrecord::tui::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

/// About 1 MB of paragraphs, each with a quote by one of 40 speakers (every fifth
/// indirect, every seventh partial), some CJK and emoji text for the width code.
fn big_article() -> (Article, Analysis) {
    let mut body = String::new();
    let mut quotes = Vec::new();
    let mut i = 0usize;
    while body.len() < 1_000_000 {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let speaker = format!("Speaker Number{}", i % 40);
        body.push_str(&format!(
            "Paragraph {i} goes over the council's plans for the harbour, the bridge and \
             the schools, with numbers 日本語 and 🎉 thrown in. "
        ));
        let text = format!("We will get paragraph {i} done before the winter sets in,");
        body.push('“');
        let start = body.len();
        body.push_str(&text);
        let end = body.len();
        body.push_str(&format!("” said {speaker}, who spoke at length about it."));
        let kind = if i % 5 == 4 {
            QuoteKind::Indirect
        } else if i % 7 == 6 {
            QuoteKind::Partial
        } else {
            QuoteKind::Direct
        };
        quotes.push(Quote {
            kind,
            span: start..end,
            speaker: Some(speaker),
            speaker_kind: SpeakerKind::Person,
            speaker_entity: None,
            cue: Some("said".into()),
            speaker_span: None,
            continues: false,
            rule: onrecord::extract::Rule::QuotationMarks,
            speaker_rule: onrecord::extract::Rule::CueAfter,
        });
        i += 1;
    }
    let article = Article {
        title: "A very long report".into(),
        byline: vec!["Bench Writer".into()],
        date: Some("2026-01-01".into()),
        body,
        ..Default::default()
    };
    (
        article,
        Analysis {
            quotes,
            entities: Vec::new(),
        },
    )
}

fn opened(w: u16, h: u16) -> State {
    let theme = Theme::new(&ThemeConfig::default(), ColorMode::TrueColor);
    let mut s = State::new(Keymap::default(), theme);
    update(&mut s, Action::Resize(w, h));
    let (article, analysis) = big_article();
    update(
        &mut s,
        Msg::ArticleLoaded {
            id: 0,
            article: Box::new(article),
            analysis: Box::new(analysis),
        },
    );
    s
}

fn key(c: char) -> Event {
    let mods = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    Event::Key(KeyEvent::new_with_kind(
        KeyCode::Char(c),
        mods,
        KeyEventKind::Press,
    ))
}

fn frame(c: &mut Criterion) {
    let (article, analysis) = big_article();
    eprintln!(
        "article: {} bytes, {} quotes",
        article.body.len(),
        analysis.quotes.len()
    );
    let mut g = c.benchmark_group("key_to_frame_1MB");
    for (name, k) in [
        ("n_next_quote", 'n'),
        ("s_next_speaker", 's'),
        ("bracket_same_speaker", ']'),
        ("j_scroll", 'j'),
        ("G_bottom_g_top", 'G'),
    ] {
        let mut s = opened(120, 40);
        // Start in the middle of the article.
        for _ in 0..2000 {
            update(&mut s, Command::NextQuote);
        }
        let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
        term.draw(|f| view::draw(f, &s)).unwrap();
        let ev = key(k);
        let mut flip = false;
        g.bench_function(name, |b| {
            b.iter(|| {
                let ev = if k == 'G' && flip {
                    key('g')
                } else {
                    ev.clone()
                };
                flip = !flip;
                if let Some(a) = action_for_event(&s, &ev) {
                    black_box(update(&mut s, a));
                }
                term.draw(|f| view::draw(f, &s)).unwrap();
                // Keep walking forward: wrap back to the start at the end.
                if let Some(r) = &mut s.reader
                    && (r.scroll >= r.max_scroll() && k == 'j'
                        || r.current == r.nav.walk.last().copied() && k != 'G')
                {
                    r.current = None;
                    r.scroll = 0;
                }
            })
        });
    }
    // For comparison: drawing the same screen with no key (the cost of the frame alone).
    let mut s = opened(120, 40);
    for _ in 0..2000 {
        update(&mut s, Command::NextQuote);
    }
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    g.bench_function("draw_only", |b| {
        b.iter(|| term.draw(|f| view::draw(f, &s)).unwrap().area)
    });
    g.finish();
    // The article list of a 100k library: one filter keystroke to a finished frame.
    let summaries: Vec<ArticleSummary> = (0..100_000)
        .map(|i| ArticleSummary {
            id: i,
            path: format!("/library/{i}.txt").into(),
            item: String::new(),
            title: format!("Council debates harbour plan number {i} in the city"),
            byline: vec![format!("Writer {}", i % 300)],
            date: Some(format!(
                "20{:02}-{:02}-{:02}",
                10 + i % 15,
                1 + i % 12,
                1 + i % 28
            )),
            quote_count: (i % 17) as usize,
            read: false,
            starred: false,
        })
        .collect();
    let mut g = c.benchmark_group("list_100k");
    g.sample_size(20);
    g.bench_function("load_and_sort", |b| {
        b.iter(|| {
            let mut s = State::new(Keymap::default(), Theme::plain());
            update(&mut s, Action::Resize(120, 40));
            black_box(update(&mut s, Msg::ArticlesLoaded(summaries.clone())));
        })
    });
    let mut s = State::new(Keymap::default(), Theme::plain());
    update(&mut s, Action::Resize(120, 40));
    update(&mut s, Msg::ArticlesLoaded(summaries.clone()));
    update(&mut s, Command::Filter);
    update(&mut s, Action::PromptChar('h'));
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut flip = false;
    g.bench_function("filter_keystroke_to_frame", |b| {
        b.iter(|| {
            flip = !flip;
            let a = if flip {
                Action::PromptChar('9')
            } else {
                Action::Command(Command::PromptBackspace)
            };
            black_box(update(&mut s, a));
            term.draw(|f| view::draw(f, &s)).unwrap();
        })
    });
    g.finish();

    let mut g = c.benchmark_group("open_1MB");
    g.sample_size(10);
    g.bench_function("load_and_wrap_120x40", |b| {
        b.iter(|| black_box(opened(120, 40)))
    });
    g.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
