//! Terminal safety of the reader's views, on ratatui's TestBackend.
//!
//! A store that hands the reader hostile data everywhere it can (titles, paths, bylines,
//! body, quotes, speaker and entity names, roles, search snippets, status messages) — raw,
//! as if no loader had cleaned it — and a walk through every screen. After every step, no
//! cell of the drawn screen may hold a control character, an escape, or a bidi control.

use onrecord::article::Article;
use onrecord::config::Config;
use onrecord::extract::{Analysis, Entity, EntityKind, Quote, QuoteKind, SpeakerKind};
use onrecord::library::{
    ArticleId, ArticleSummary, FileProblem, QuoteHit, QuotePage, SearchHit, SpeakerSummary, Store,
};
use onrecord::tui::action::Action;
use onrecord::tui::app::run_effect;
use onrecord::tui::command::Command;
use onrecord::tui::effect::Effect;
use onrecord::tui::keymap::Keymap;
use onrecord::tui::msg::Msg;
use onrecord::tui::state::State;
use onrecord::tui::theme::{ColorMode, Theme};
use onrecord::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;

/// Every kind of sequence a terminal acts on.
const NASTY: &[&str] = &[
    "\u{1b}[2J\u{1b}[H",
    "\u{1b}]0;PWNED\u{7}",
    "\u{1b}]8;;http://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    "\u{1b}]52;c;UFdORUQ=\u{7}",
    "\u{9b}31m",
    "\u{9d}0;c1\u{9c}",
    "\u{90}dcs\u{9c}",
    "\u{202e}rev\u{202c}",
    "\u{2066}iso\u{2069}",
    "\u{7}\u{8}\u{7f}\u{0}\r\t\u{b}\u{c}",
    "\u{1b}P+q\u{1b}\\",
    "\u{1b}c",
];

fn nasty(i: usize, word: &str) -> String {
    format!("{word}{}{word}", NASTY[i % NASTY.len()])
}

struct HostileStore {
    articles: Vec<(ArticleSummary, Article, Analysis)>,
}

impl HostileStore {
    fn new() -> HostileStore {
        let mut articles = Vec::new();
        for i in 0..NASTY.len() {
            let mut body = String::new();
            let mut quotes = Vec::new();
            for j in 0..6 {
                if !body.is_empty() {
                    body.push_str("\n\n");
                }
                let start = body.len() + "\u{201C}".len();
                body.push('\u{201C}');
                body.push_str(&nasty(i + j, "Quoted words"));
                let end = body.len();
                body.push_str("\u{201D} said ");
                let s_start = body.len();
                body.push_str(&nasty(i + j + 1, "Ann"));
                let s_end = body.len();
                body.push_str(&format!(
                    ". {} more text.",
                    NASTY[(i + j + 2) % NASTY.len()]
                ));
                quotes.push(Quote {
                    kind: if j % 3 == 2 {
                        QuoteKind::Indirect
                    } else {
                        QuoteKind::Direct
                    },
                    span: start..end,
                    speaker: Some(nasty(i + j, "Ann Lee")),
                    speaker_kind: SpeakerKind::Person,
                    speaker_entity: Some(0),
                    cue: Some(nasty(i, "said")),
                    speaker_span: Some(s_start..s_end),
                    continues: false,
                    rule: onrecord::extract::Rule::QuotationMarks,
                    speaker_rule: onrecord::extract::Rule::CueAfter,
                });
            }
            let article = Article {
                title: nasty(i, "Title"),
                byline: vec![nasty(i + 1, "Byline")],
                dateline: Some(nasty(i + 2, "CITY")),
                date: Some(nasty(i + 3, "2025")),
                url: Some(format!("http://x.example/{}", NASTY[i])),
                language: Some(nasty(i, "en")),
                outlet: Some(nasty(i + 4, "Outlet")),
                body,
                extra: vec![nasty(i, "extra")],
            };
            let analysis = Analysis {
                quotes,
                entities: vec![
                    Entity {
                        kind: EntityKind::Person,
                        name: nasty(i, "Ann Lee"),
                        aliases: vec![nasty(i + 1, "Lee")],
                        mentions: vec![],
                        other_mentions: 2,
                        role: Some(nasty(i + 2, "minister")),
                    },
                    Entity {
                        kind: EntityKind::Organization,
                        name: nasty(i + 3, "Acme"),
                        aliases: vec![],
                        mentions: vec![],
                        other_mentions: 1,
                        role: None,
                    },
                    Entity {
                        kind: EntityKind::Place,
                        name: nasty(i + 4, "Lisbon"),
                        aliases: vec![],
                        mentions: vec![],
                        other_mentions: 1,
                        role: None,
                    },
                ],
            };
            let summary = ArticleSummary {
                id: i as ArticleId,
                path: PathBuf::from(nasty(i, "dir/file") + ".txt"),
                item: String::new(),
                title: article.title.clone(),
                byline: article.byline.clone(),
                date: article.date.clone(),
                quote_count: article_quotes(&analysis),
                read: i % 2 == 0,
                starred: false,
            };
            articles.push((summary, article, analysis));
        }
        HostileStore { articles }
    }
}

fn article_quotes(a: &Analysis) -> usize {
    a.quotes.len()
}

impl Store for HostileStore {
    fn articles(&self) -> anyhow::Result<Vec<ArticleSummary>> {
        Ok(self.articles.iter().map(|a| a.0.clone()).collect())
    }
    fn open(&self, id: ArticleId) -> anyhow::Result<(Article, Analysis)> {
        let a = &self.articles[id as usize];
        Ok((a.1.clone(), a.2.clone()))
    }
    fn speakers(&self) -> anyhow::Result<Vec<SpeakerSummary>> {
        Ok((0..NASTY.len())
            .map(|i| SpeakerSummary {
                name: nasty(i, "Ann Lee"),
                kind: SpeakerKind::Person,
                quotes: 3,
                articles: 1,
            })
            .collect())
    }
    fn quotes_page(
        &self,
        speaker: &str,
        after: Option<&QuoteHit>,
        limit: usize,
    ) -> anyhow::Result<QuotePage> {
        let mut out = Vec::new();
        for (s, a, an) in &self.articles {
            for (qi, q) in an.quotes.iter().enumerate() {
                out.push(QuoteHit {
                    article: s.id,
                    path: s.path.clone(),
                    item: String::new(),
                    title: s.title.clone(),
                    date: s.date.clone(),
                    quote_index: qi,
                    kind: q.kind,
                    text: a.body[q.span.clone()].to_string(),
                    speaker: speaker.to_string(),
                    start: q.span.start,
                    end: q.span.end,
                    char_start: a.body[..q.span.start].chars().count(),
                    char_end: a.body[..q.span.end].chars().count(),
                });
            }
        }
        let total = out.len();
        let skip = after.map_or(0, |h| {
            out.iter().position(|o| o == h).map_or(total, |i| i + 1)
        });
        Ok(QuotePage {
            total,
            hits: out.into_iter().skip(skip).take(limit).collect(),
        })
    }
    fn search(&self, query: &str, _limit: usize) -> anyhow::Result<Vec<SearchHit>> {
        Ok(self
            .articles
            .iter()
            .map(|(s, _, _)| SearchHit {
                article: s.id,
                path: s.path.clone(),
                item: String::new(),
                title: s.title.clone(),
                snippet: format!("{query} {}", nasty(s.id as usize, "snippet")),
            })
            .collect())
    }
    fn set_read(&self, _id: ArticleId, _read: bool) -> anyhow::Result<()> {
        anyhow::bail!("{}", nasty(5, "cannot save"))
    }
    fn problems(&self) -> Vec<FileProblem> {
        vec![FileProblem {
            path: PathBuf::from(nasty(1, "bad")),
            message: nasty(2, "broken"),
        }]
    }
}

/// Applies an action and runs its effects against the store, to quiescence.
fn act(state: &mut State, store: &dyn Store, action: impl Into<Action>) {
    let mut queue = vec![action.into()];
    let mut steps = 0;
    while let Some(a) = queue.pop() {
        steps += 1;
        assert!(steps < 10_000, "effects never settle");
        for effect in update(state, a) {
            // Effects that touch the real terminal or the outside world are not run here.
            if matches!(
                effect,
                Effect::Suspend | Effect::Quit | Effect::OpenUrl(_) | Effect::Copy(_)
            ) {
                continue;
            }
            queue.extend(run_effect(store, effect).into_iter().map(Action::Msg));
        }
    }
}

/// Draws, checks every cell, and returns the screen as text (rows joined by newlines).
fn assert_screen_clean(terminal: &mut Terminal<TestBackend>, state: &State, step: &str) -> String {
    terminal
        .draw(|f| onrecord::tui::view::draw(f, state))
        .expect("draw");
    let buffer = terminal.backend().buffer();
    for (i, cell) in buffer.content().iter().enumerate() {
        for c in cell.symbol().chars() {
            let bad = c.is_control()
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}');
            assert!(
                !bad,
                "{step}: cell ({}, {}) holds {c:?}",
                i % buffer.area.width as usize,
                i / buffer.area.width as usize
            );
        }
    }
    let mut text = String::new();
    for (i, cell) in buffer.content().iter().enumerate() {
        if i > 0 && i % buffer.area.width as usize == 0 {
            text.push('\n');
        }
        text.push_str(cell.symbol());
    }
    text
}

#[test]
fn hostile_data_never_reaches_a_cell() {
    let store = HostileStore::new();
    let config = Config::default();
    for (w, h) in [(120u16, 40u16), (60, 20), (200, 12)] {
        let keymap = Keymap::new(&config.keys);
        let theme = Theme::new(&config.theme, ColorMode::None);
        let mut state = State::new(keymap, theme);
        let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
        act(&mut state, &store, Action::Resize(w, h));
        act(&mut state, &store, Msg::Notify(nasty(0, "hello")));
        assert_screen_clean(&mut terminal, &state, "start");
        let load: Vec<_> = run_effect(&store, Effect::LoadArticles);
        for a in load {
            act(&mut state, &store, a);
        }
        assert_screen_clean(&mut terminal, &state, "articles loaded");
        let walk = [
            Action::Command(Command::Enter),
            Action::Command(Command::NextQuote),
            Action::Command(Command::NextQuote),
            Action::Command(Command::NextSpeaker),
            Action::Command(Command::ToggleIndirect),
            Action::Command(Command::NextSameSpeaker),
            Action::Command(Command::FocusNext),
            Action::Command(Command::Down),
            Action::Command(Command::FocusNext),
            Action::Command(Command::Down),
            Action::Command(Command::PageDown),
            Action::Command(Command::Bottom),
            Action::Command(Command::ToggleSidebar),
            Action::Command(Command::ToggleSidebar),
            Action::Command(Command::ReadingMode),
            Action::Command(Command::ReadingMode),
            Action::Command(Command::CycleSort),
            Action::Command(Command::Back),
            Action::Command(Command::Down),
            Action::Command(Command::Down),
            Action::Command(Command::Enter),
            Action::Command(Command::SpeakersView),
            Action::Command(Command::Down),
            Action::Command(Command::Enter),
            Action::Command(Command::Down),
            Action::Command(Command::Enter),
            Action::Command(Command::Back),
            Action::Command(Command::Back),
            Action::Command(Command::Search),
            Action::PromptChar('A'),
            Action::PromptChar('\u{1b}'),
            Action::PromptChar('\u{202e}'),
            Action::PromptChar('n'),
            Action::Command(Command::PromptSubmit),
            Action::Command(Command::Down),
            Action::Command(Command::Enter),
            Action::Command(Command::Back),
            Action::Command(Command::Filter),
            Action::PromptChar('\u{9b}'),
            Action::PromptChar('T'),
            Action::Command(Command::PromptCancel),
            Action::Command(Command::ToggleHelp),
            Action::Command(Command::Down),
            Action::Command(Command::ToggleHelp),
            Action::Msg(Msg::Notify(nasty(3, "done"))),
        ];
        let mut seen = String::new();
        for (i, a) in walk.into_iter().enumerate() {
            let step = format!("{w}x{h} step {i} {a:?}");
            act(&mut state, &store, a);
            seen.push_str(&assert_screen_clean(&mut terminal, &state, &step));
        }
        // The hostile strings were really drawn (cleaned), not just left off the screen.
        let mut expected = vec!["Title", "Quoted words", "Ann Lee"];
        if w >= 120 && h >= 40 {
            // Wide enough for all three panes.
            expected.extend(["Byline", "Acme", "Lisbon"]);
        }
        for shown in expected {
            assert!(seen.contains(shown), "{w}x{h}: {shown:?} never shown");
        }
    }
}
