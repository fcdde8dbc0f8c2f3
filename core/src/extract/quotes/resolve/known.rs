//! What the entity recognizer found, in the shape speaker resolution needs.

use crate::extract::EntityKind;
use crate::extract::entities::Gender;
use std::ops::Range;

/// A named entity known from the entity recognizer.
#[derive(Debug, Clone)]
pub struct KnownEntity {
    pub kind: EntityKind,
    pub name: String,
    pub gender: Option<Gender>,
    pub role: Option<String>,
}

/// What the entity recognizer found, in the shape resolution needs.
#[derive(Debug, Clone, Default)]
pub struct KnownEntities {
    pub entities: Vec<KnownEntity>,
    /// Mentions as (byte range, entity index), sorted by start.
    pub mentions: Vec<(Range<usize>, usize)>,
}

impl KnownEntities {
    /// The entity recognizer's table in the shape resolution needs.
    pub fn from_table(table: &crate::extract::entities::EntityTable) -> KnownEntities {
        KnownEntities {
            entities: table
                .entities
                .iter()
                .enumerate()
                .map(|(i, e)| KnownEntity {
                    kind: e.kind,
                    name: e.name.clone(),
                    gender: table.person_gender(i),
                    role: e.role.clone(),
                })
                .collect(),
            mentions: table
                .mentions
                .iter()
                .map(|m| (m.span.clone(), m.entity))
                .collect(),
        }
    }

    /// Mentions that start inside `r`.
    pub fn in_range(&self, r: Range<usize>) -> &[(Range<usize>, usize)] {
        let a = self.mentions.partition_point(|(m, _)| m.start < r.start);
        let b = self
            .mentions
            .partition_point(|(m, _)| m.start < r.end)
            .max(a);
        &self.mentions[a..b]
    }

    /// The entity mentioned at byte `b`, if any.
    pub fn at(&self, b: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|(r, _)| r.start <= b);
        if i == 0 {
            return None;
        }
        let (r, e) = &self.mentions[i - 1];
        (r.start <= b && b < r.end).then_some(*e)
    }
}
