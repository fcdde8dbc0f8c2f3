//! Hand-built articles and analyses for the reader's tests: stable whatever the
//! extractor finds.
#![allow(dead_code)]

use crossterm::event::{Event, KeyEvent, KeyEventKind};
use onrecord::article::Article;
use onrecord::extract::{Analysis, Entity, EntityKind, Quote, QuoteKind, SpeakerKind};
use onrecord::library::{ArticleSummary, QuoteHit, QuotePage, SpeakerSummary};
use onrecord::tui::action::Action;
use onrecord::tui::app::action_for_event;
use onrecord::tui::effect::Effect;
use onrecord::tui::keymap::{KeyChord, Keymap};
use onrecord::tui::msg::Msg;
use onrecord::tui::state::State;
use onrecord::tui::theme::Theme;
use onrecord::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;

fn span_of(body: &str, text: &str) -> std::ops::Range<usize> {
    let start = body
        .find(text)
        .unwrap_or_else(|| panic!("fixture text not in body: {text}"));
    start..start + text.len()
}

fn quote(body: &str, text: &str, speaker: Option<&str>, kind: QuoteKind, cue: &str) -> Quote {
    Quote {
        kind,
        span: span_of(body, text),
        speaker: speaker.map(str::to_string),
        speaker_kind: if speaker == Some("City of Riverton") {
            SpeakerKind::Organization
        } else if speaker.is_some() {
            SpeakerKind::Person
        } else {
            SpeakerKind::Unknown
        },
        speaker_entity: None,
        cue: Some(cue.to_string()),
        speaker_span: None,
        continues: false,
        rule: onrecord::extract::Rule::QuotationMarks,
        speaker_rule: onrecord::extract::Rule::CueAfter,
    }
}

fn entity(body: &str, kind: EntityKind, name: &str, forms: &[&str], role: Option<&str>) -> Entity {
    let mut mentions: Vec<_> = forms
        .iter()
        .flat_map(|f| body.match_indices(f).map(|(i, m)| i..i + m.len()))
        .collect();
    mentions.sort_by_key(|r| r.start);
    mentions.dedup_by(|a, b| a.start < b.end);
    Entity {
        kind,
        name: name.to_string(),
        aliases: Vec::new(),
        mentions,
        other_mentions: 0,
        role: role.map(str::to_string),
    }
}

pub const BRIDGE_BODY: &str = "“We will rebuild the bridge,” said Mayor Ana Ruiz. The council met on Monday to discuss the plan.\n\n\
“The budget is not there yet,” said council member Tom Berg, who chairs the finance committee of the Riverton City Council.\n\n\
Ruiz said the work would start in spring. “We have waited long enough,” she said.\n\n\
Berg said the council would vote on the plan in March. Residents hung banners reading 日本語 and 🎉 along the river in Riverton.\n\n\
The mayor called the delay “a small price” for safety.\n\n\
“Traffic will be rerouted over the old ferry road,” the City of Riverton said in a statement.\n\n\
“We are ready,” Ruiz said.";

/// An article with three speakers and quotes of every kind.
pub fn bridge() -> (Article, Analysis) {
    let body = BRIDGE_BODY;
    let article = Article {
        title: "City to rebuild the river bridge".into(),
        byline: vec!["Jane Doe".into()],
        dateline: Some("RIVERTON".into()),
        date: Some("2024-03-02".into()),
        url: Some("https://news.example.com/bridge".into()),
        body: body.into(),
        ..Default::default()
    };
    use QuoteKind::*;
    let ruiz = Some("Ana Ruiz");
    let berg = Some("Tom Berg");
    let city = Some("City of Riverton");
    let quotes = vec![
        quote(body, "We will rebuild the bridge,", ruiz, Direct, "said"),
        quote(body, "The budget is not there yet,", berg, Direct, "said"),
        quote(
            body,
            "the work would start in spring",
            ruiz,
            Indirect,
            "said",
        ),
        quote(body, "We have waited long enough,", ruiz, Direct, "said"),
        quote(
            body,
            "the council would vote on the plan in March",
            berg,
            Indirect,
            "said",
        ),
        quote(body, "a small price", ruiz, Partial, "called"),
        quote(
            body,
            "Traffic will be rerouted over the old ferry road,",
            city,
            Direct,
            "said",
        ),
        quote(body, "We are ready,", ruiz, Direct, "said"),
    ];
    let entities = vec![
        entity(
            body,
            EntityKind::Person,
            "Ana Ruiz",
            &["Ana Ruiz", "Ruiz"],
            Some("mayor"),
        ),
        entity(
            body,
            EntityKind::Person,
            "Tom Berg",
            &["Tom Berg", "Berg"],
            Some("council member"),
        ),
        entity(
            body,
            EntityKind::Organization,
            "Riverton City Council",
            &["Riverton City Council"],
            None,
        ),
        entity(body, EntityKind::Place, "Riverton", &["Riverton"], None),
    ];
    (article, Analysis { quotes, entities })
}

pub const SCHOOL_BODY: &str = "“This is a great day for our children,” said Principal Maria Lopez.\n\n\
“The school shows what the city can do,” said Mayor Ana Ruiz at the opening.";

/// A short second article; Ana Ruiz speaks in both.
pub fn school() -> (Article, Analysis) {
    let body = SCHOOL_BODY;
    let article = Article {
        title: "New school opens in Eastside".into(),
        byline: vec!["Sam Lee".into(), "Kim Park".into()],
        date: Some("2024-05-10".into()),
        body: body.into(),
        ..Default::default()
    };
    use QuoteKind::*;
    let quotes = vec![
        quote(
            body,
            "This is a great day for our children,",
            Some("Maria Lopez"),
            Direct,
            "said",
        ),
        quote(
            body,
            "The school shows what the city can do,",
            Some("Ana Ruiz"),
            Direct,
            "said",
        ),
    ];
    let entities = vec![
        entity(
            body,
            EntityKind::Person,
            "Maria Lopez",
            &["Maria Lopez"],
            Some("principal"),
        ),
        entity(
            body,
            EntityKind::Person,
            "Ana Ruiz",
            &["Ana Ruiz"],
            Some("mayor"),
        ),
        entity(body, EntityKind::Place, "Eastside", &["Eastside"], None),
    ];
    (article, Analysis { quotes, entities })
}

/// A long article (many paragraphs) for scrolling.
pub fn long() -> (Article, Analysis) {
    let mut paras = Vec::new();
    for i in 0..60 {
        paras.push(format!(
            "Paragraph {i} of the long report on the river works. “Quote number {i} is here,” said Speaker {}.",
            i % 4
        ));
    }
    let body = paras.join("\n\n");
    let quotes = (0..60)
        .map(|i| {
            let text = format!("Quote number {i} is here,");
            let name = format!("Speaker {}", i % 4);
            quote(&body, &text, Some(&name), QuoteKind::Direct, "said")
        })
        .collect();
    let article = Article {
        title: "The long report".into(),
        date: Some("2023-01-01".into()),
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

pub fn summaries() -> Vec<ArticleSummary> {
    let mk = |id: i64, a: &Article, q: usize| ArticleSummary {
        id,
        path: PathBuf::from(format!("/library/{id}.txt")),
        item: String::new(),
        title: a.title.clone(),
        byline: a.byline.clone(),
        date: a.date.clone(),
        quote_count: q,
        read: false,
        starred: false,
    };
    let (b, ba) = bridge();
    let (s, sa) = school();
    let (l, la) = long();
    vec![
        mk(0, &b, ba.quotes.len()),
        mk(1, &s, sa.quotes.len()),
        mk(2, &l, la.quotes.len()),
    ]
}

pub fn article(id: i64) -> (Article, Analysis) {
    match id {
        0 => bridge(),
        1 => school(),
        _ => long(),
    }
}

pub fn speakers() -> Vec<SpeakerSummary> {
    vec![
        SpeakerSummary {
            name: "Ana Ruiz".into(),
            kind: SpeakerKind::Person,
            quotes: 6,
            articles: 2,
        },
        SpeakerSummary {
            name: "Tom Berg".into(),
            kind: SpeakerKind::Person,
            quotes: 2,
            articles: 1,
        },
        SpeakerSummary {
            name: "Maria Lopez".into(),
            kind: SpeakerKind::Person,
            quotes: 1,
            articles: 1,
        },
    ]
}

/// Ana Ruiz's quotes across the library, as a store would list them.
pub fn ruiz_hits() -> Vec<QuoteHit> {
    let mut hits = Vec::new();
    for id in [0i64, 1] {
        let (a, an) = article(id);
        for (qi, q) in an.quotes.iter().enumerate() {
            if q.speaker.as_deref() == Some("Ana Ruiz") {
                hits.push(QuoteHit {
                    article: id,
                    path: PathBuf::from(format!("/library/{id}.txt")),
                    item: String::new(),
                    title: a.title.clone(),
                    date: a.date.clone(),
                    quote_index: qi,
                    kind: q.kind,
                    text: a.body[q.span.clone()].to_string(),
                    speaker: "Ana Ruiz".into(),
                    start: q.span.start,
                    end: q.span.end,
                    char_start: a.body[..q.span.start].chars().count(),
                    char_end: a.body[..q.span.end].chars().count(),
                });
            }
        }
    }
    hits
}

/// A speaker with `n` quotes (all pointing at the fixture's first quote of article 0, with
/// made-up positions so that each is distinct and in library order): for paging.
pub fn many_hits(n: usize) -> Vec<QuoteHit> {
    let first = ruiz_hits().remove(0);
    (0..n)
        .map(|i| QuoteHit {
            speaker: "Ana Ruiz".into(),
            start: first.start + i,
            ..first.clone()
        })
        .collect()
}

thread_local! {
    /// The quotes the fixture worker serves for Ana Ruiz on this test's thread (tests may
    /// replace them; `None`: [`ruiz_hits`]).
    pub static RUIZ_QUOTES: std::cell::RefCell<Option<Vec<QuoteHit>>> =
        const { std::cell::RefCell::new(None) };
}

fn ruiz_page(after: Option<&QuoteHit>, limit: usize) -> QuotePage {
    let all = RUIZ_QUOTES
        .with(|q| q.borrow().clone())
        .unwrap_or_else(ruiz_hits);
    let from = after.map_or(0, |a| {
        all.iter().position(|h| h == a).map_or(all.len(), |i| i + 1)
    });
    QuotePage {
        total: all.len(),
        hits: all.into_iter().skip(from).take(limit).collect(),
    }
}

/// A reader state of the given size with the fixture library listed.
pub fn state(w: u16, h: u16) -> State {
    let mut s = State::new(Keymap::default(), Theme::plain());
    update(&mut s, Action::Resize(w, h));
    update(&mut s, Msg::ArticlesLoaded(summaries()));
    s
}

/// Plays the worker: answers effects that load data with the fixture data.
pub fn run_effects(s: &mut State, effects: Vec<Effect>) -> Vec<Effect> {
    let mut other = Vec::new();
    for e in effects {
        let a = match e {
            Effect::LoadArticle(id) => {
                let (article, analysis) = article(id);
                Msg::ArticleLoaded {
                    id,
                    article: Box::new(article),
                    analysis: Box::new(analysis),
                }
            }
            Effect::LoadSpeakers => Msg::SpeakersLoaded(speakers()),
            Effect::LoadSpeakerQuotes { speaker, limit } if speaker == "Ana Ruiz" => {
                Msg::SpeakerQuotesLoaded {
                    speaker,
                    page: ruiz_page(None, limit),
                }
            }
            Effect::LoadMoreSpeakerQuotes { speaker, after } if speaker == "Ana Ruiz" => {
                let page = ruiz_page(Some(&after), onrecord::tui::state::QUOTE_PAGE);
                Msg::SpeakerQuotesMore {
                    speaker,
                    after,
                    page,
                }
            }
            e => {
                other.push(e);
                continue;
            }
        };
        let more = update(s, a);
        other.extend(run_effects(s, more));
    }
    other
}

/// Presses keys given by name (`"j"`, `"shift-tab"`, `"ctrl-z"`) through the keymap and
/// the update function, letting the fixture worker answer loads. Returns the other
/// effects (URL opening, copying, quitting...).
pub fn press(s: &mut State, keys: &[&str]) -> Vec<Effect> {
    let mut out = Vec::new();
    for k in keys {
        let chord = KeyChord::parse(k).unwrap_or_else(|e| panic!("{e}"));
        let mut mods = chord.mods;
        if let crossterm::event::KeyCode::Char(c) = chord.code
            && c.is_ascii_uppercase()
        {
            mods |= crossterm::event::KeyModifiers::SHIFT;
        }
        let ev = Event::Key(KeyEvent::new_with_kind(
            chord.code,
            mods,
            KeyEventKind::Press,
        ));
        if let Some(a) = action_for_event(s, &ev) {
            let effects = update(s, a);
            out.extend(run_effects(s, effects));
        }
    }
    out
}

/// Types text into the prompt.
pub fn type_text(s: &mut State, text: &str) -> Vec<Effect> {
    let mut out = Vec::new();
    for c in text.chars() {
        let ev = Event::Key(KeyEvent::new_with_kind(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
            KeyEventKind::Press,
        ));
        if let Some(a) = action_for_event(s, &ev) {
            let effects = update(s, a);
            out.extend(run_effects(s, effects));
        }
    }
    out
}

/// Renders the whole screen at the state's size.
pub fn render(s: &State) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(s.size.0, s.size.1)).unwrap();
    t.draw(|f| onrecord::tui::view::draw(f, s)).unwrap();
    t
}

/// The screen as plain text lines.
pub fn screen_text(s: &State) -> String {
    let t = render(s);
    buffer_text(t.backend().buffer())
}

/// A buffer as plain text lines (wide characters once).
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// The status bar line.
pub fn status(s: &State) -> String {
    let text = screen_text(s);
    text.lines().last().unwrap_or("").to_string()
}
