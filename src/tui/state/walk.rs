//! Walking one speaker's quotes across articles, from the Speakers view.

use super::{SpeakerQuotes, State};
use crate::library::QuoteHit;

/// Walking one speaker's quotes across articles (from the Speakers view): an index into
/// [`super::SpeakersView::quotes`], which must still be that speaker's.
#[derive(Debug, Clone, PartialEq)]
pub struct Walk {
    pub speaker: String,
    pub index: usize,
}

impl State {
    /// The hit the walk is on, when the Speakers view still holds the walked speaker.
    pub fn walk_hit(&self) -> Option<(&Walk, &SpeakerQuotes, &QuoteHit)> {
        let w = self.walk.as_ref()?;
        let q = self
            .speakers
            .quotes
            .as_ref()
            .filter(|q| q.speaker == w.speaker)?;
        Some((w, q, q.hits.get(w.index)?))
    }
}
