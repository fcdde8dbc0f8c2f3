//! Narrowing the entity sidebar: `c` shows one kind at a time (speakers, people,
//! organizations, places, then all again), and `f` with the sidebar focused filters it by
//! text as you type (the fuzzy filter of the list). Both stay as you open other articles.

use super::prompt::{Prompt, PromptKind};
use super::state::{Focus, Reader, SideItem, State};
use crate::extract::EntityKind;

/// Which kind of item the sidebar shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SideKind {
    #[default]
    All,
    Speakers,
    People,
    Organizations,
    Places,
}

impl SideKind {
    fn next(self) -> SideKind {
        match self {
            SideKind::All => SideKind::Speakers,
            SideKind::Speakers => SideKind::People,
            SideKind::People => SideKind::Organizations,
            SideKind::Organizations => SideKind::Places,
            SideKind::Places => SideKind::All,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SideKind::All => "all",
            SideKind::Speakers => "speakers",
            SideKind::People => "people",
            SideKind::Organizations => "organizations",
            SideKind::Places => "places",
        }
    }
}

/// What the sidebar is narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SideFilter {
    pub kind: SideKind,
    pub text: String,
}

impl SideFilter {
    pub fn is_active(&self) -> bool {
        self.kind != SideKind::All || !self.text.trim().is_empty()
    }

    /// The sidebar's title: what it is narrowed to, when it is.
    pub fn title(&self) -> String {
        let mut t = " Who & what ".to_string();
        if self.kind != SideKind::All {
            t = format!(" Who & what · {} ", self.kind.name());
        }
        if !self.text.trim().is_empty() {
            t.push_str(&format!(
                "· “{}” ",
                crate::safe_text::one_line(&self.text, 20)
            ));
        }
        t
    }
}

/// Every sidebar item of an article, in order: speakers by quote count, then people,
/// organizations and places by mentions.
pub fn side_items(r: &Reader) -> Vec<SideItem> {
    let mut side: Vec<SideItem> = r
        .nav
        .by_speaker
        .iter()
        .enumerate()
        .map(|(slot, q)| SideItem::Speaker {
            slot,
            quotes: q.len(),
        })
        .collect();
    side.sort_by(|a, b| match (a, b) {
        (
            SideItem::Speaker {
                slot: sa,
                quotes: qa,
            },
            SideItem::Speaker {
                slot: sb,
                quotes: qb,
            },
        ) => qb.cmp(qa).then(sa.cmp(sb)),
        _ => std::cmp::Ordering::Equal,
    });
    let ents = &r.analysis.entities;
    let mut idx: Vec<usize> = (0..ents.len()).collect();
    idx.sort_by(|&a, &b| {
        let (ea, eb) = (&ents[a], &ents[b]);
        ea.kind
            .cmp(&eb.kind)
            .then(eb.mention_count().cmp(&ea.mention_count()))
            .then(ea.name.cmp(&eb.name))
    });
    side.extend(idx.into_iter().map(|index| SideItem::Entity { index }));
    side
}

fn name_of<'a>(r: &'a Reader, item: &SideItem) -> &'a str {
    match item {
        SideItem::Speaker { slot, .. } => &r.nav.speakers[*slot],
        SideItem::Entity { index } => &r.analysis.entities[*index].name,
    }
}

fn kind_keeps(kind: SideKind, r: &Reader, item: &SideItem) -> bool {
    match (kind, item) {
        (SideKind::All, _) => true,
        (SideKind::Speakers, SideItem::Speaker { .. }) => true,
        (k, SideItem::Entity { index }) => matches!(
            (k, r.analysis.entities[*index].kind),
            (SideKind::People, EntityKind::Person)
                | (SideKind::Organizations, EntityKind::Organization)
                | (SideKind::Places, EntityKind::Place)
        ),
        _ => false,
    }
}

/// Lists the open article's sidebar items again under the state's filter, keeping the
/// selected item selected when it is still listed.
pub fn apply(state: &mut State) {
    let filter = state.side_filter.clone();
    let Some(r) = &mut state.reader else { return };
    let keep = r.side.get(r.side_selected).cloned();
    let mut items = side_items(r);
    items.retain(|i| kind_keeps(filter.kind, r, i));
    if !filter.text.trim().is_empty() {
        let names: Vec<String> = items.iter().map(|i| name_of(r, i).to_string()).collect();
        let order: Vec<usize> = (0..items.len()).collect();
        let mut kept = super::fuzzy::fuzzy_filter(&filter.text, order, |&i| names[i].as_str());
        // The sidebar keeps its groups: matches in their usual order.
        kept.sort_unstable();
        items = kept.into_iter().map(|i| items[i].clone()).collect();
    }
    r.side_selected = keep
        .and_then(|k| items.iter().position(|i| *i == k))
        .unwrap_or(0);
    r.side = items;
    r.side_cycle = None;
}

/// `c`: the next kind.
pub fn cycle_kind(state: &mut State) {
    state.side_filter.kind = state.side_filter.kind.next();
    if !state.show_sidebar {
        state.show_sidebar = true;
    }
    apply(state);
    state.message = Some(format!("sidebar: {}", state.side_filter.kind.name()));
}

/// `f` with the sidebar focused: the text filter prompt.
pub fn open_prompt(state: &mut State) {
    state.prompt = Some(Prompt::new(
        PromptKind::SidebarFilter,
        state.side_filter.text.clone(),
    ));
}

/// The prompt's text changed (or was cleared).
pub fn set_text(state: &mut State, text: String) {
    state.side_filter.text = text;
    apply(state);
}

/// Whether `f` means the sidebar's filter.
pub fn wants_prompt(state: &State) -> bool {
    state.focus == Focus::Sidebar && state.reader.is_some()
}
