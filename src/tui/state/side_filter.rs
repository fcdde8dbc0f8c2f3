//! What the entity sidebar is narrowed to: one kind at a time (speakers, people,
//! organizations, places, or all) and a text filter, which stay as other articles are
//! opened; and the sidebar's items before narrowing.

use super::{Reader, SideItem};
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
    pub fn next(self) -> SideKind {
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

pub(crate) fn name_of<'a>(r: &'a Reader, item: &SideItem) -> &'a str {
    match item {
        SideItem::Speaker { slot, .. } => &r.nav.speakers[*slot],
        SideItem::Entity { index } => &r.analysis.entities[*index].name,
    }
}

pub(crate) fn kind_keeps(kind: SideKind, r: &Reader, item: &SideItem) -> bool {
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
