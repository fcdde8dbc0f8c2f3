//! The source phrase read forward from an inverted cue (`said Maj. Matt Taylor, deputy
//! commander`): where it ends, and whom a source is to or close to.

use super::*;

/// Words that end a source phrase read forward from a cue (with the weekdays: see
/// [`is_stop_fwd`]).
const STOP_FWD: &[&str] = &[
    "in",
    "on",
    "at",
    "when",
    "who",
    "during",
    "after",
    "before",
    "while",
    "as",
    "that",
    "told",
    "adding",
    "saying",
    "according",
    "because",
    "since",
    "last",
    "this",
    "earlier",
    "yesterday",
    "today",
    "and",
    "but",
    "via",
    "through",
    "where",
    "which",
    "whose",
    "to",
    "late",
    "early",
    "about",
    "said",
    "says",
    "citing",
    "than",
    "referring",
    "speaking",
];

/// A word of [`STOP_FWD`] or a weekday, ignoring ASCII case.
fn is_stop_fwd(w: &str) -> bool {
    is_one_of(w, STOP_FWD) || is_one_of(w, &WEEKDAYS)
}

/// True when `to` at token `j` says whom a source is to or close to (`an aide to the mayor`,
/// `a source close to him`): a lowercase speaker noun or `close` before it, a name, a
/// determiner or an object pronoun after it (`asked a judge to block` is no such `to`).
pub(super) fn whom_to(doc: &Doc, j: usize) -> bool {
    j > 0
        && doc.is(j, "to")
        && doc.toks[j - 1].is_word()
        && !doc.toks[j - 1].capitalized()
        && (words().is_speaker_head(doc.text(j - 1))
            || doc.is_any(j - 1, &["close", "closest", "closer"]))
        && doc.toks.get(j + 1).is_some_and(|n| {
            n.capitalized()
                || n.is_word()
                    && doc.is_any(
                        j + 1,
                        &[
                            "the", "a", "an", "his", "her", "their", "its", "him", "them", "both",
                            "this", "that", "these", "those",
                        ],
                    )
        })
}

/// The source phrase right after an inverted cue (`said Maj. Matt Taylor, ...`), with the
/// appositive after it, if any.
pub fn np_after(doc: &Doc, p: usize, e: usize) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let mut j = p;
    while j < e && j - p < 16 {
        let t = &doc.toks[j];
        let ok = match t.kind {
            TokKind::Word => {
                // `Omar Said`: a capitalized name inside the phrase is not a stop word.
                let name_part = j > p && t.capitalized() && !is_time(doc, j);
                // `said an aide to the mayor`, `said a source close to the campaign`: whom
                // the source is close to is part of it.
                let to_after_head = j > p && whom_to(doc, j);
                // `reads a Wednesday editorial`: a weekday after an article names a thing.
                let weekday_noun = j > p
                    && doc.is_any(j - 1, &["a", "an", "the"])
                    && is_one_of(doc.text(j), &WEEKDAYS);
                // `a report by the Harbor Institute`, `an editorial in The Ledger`: where a
                // document comes from is part of it.
                let document_from = j > p
                    && doc.is_any(j, &["in", "by", "from", "of"])
                    && doc.toks[j - 1].is_word()
                    && !doc.toks[j - 1].capitalized()
                    && words().is_document(doc.text(j - 1))
                    && doc.toks.get(j + 1).is_some_and(|n| {
                        n.capitalized()
                            || doc.is(j + 1, "the")
                                && doc.toks.get(j + 2).is_some_and(|m| m.capitalized())
                    });
                // `said a source involved in the talks`, `the chief known as Bob`: a
                // participle's preposition after the head.
                let participle_pp = j > p
                    && doc.is_any(j, &["in", "with", "as", "on", "about", "to"])
                    && doc.is_any(
                        j - 1,
                        &["involved", "familiar", "known", "briefed", "knowledgeable"],
                    );
                name_part
                    || to_after_head
                    || participle_pp
                    || weekday_noun
                    || document_from
                    || !is_stop_fwd(doc.text(j))
                    || j == p && doc.is(j, "the")
            }
            TokKind::Punct => {
                (t.ch == '.'
                    && j > p
                    && is_abbrev(doc.text(j - 1))
                    && doc.toks.get(j + 1).is_some_and(|n| n.capitalized()))
                    || t.ch == '&'
            }
            _ => false,
        };
        if !ok {
            break;
        }
        j += 1;
    }
    if j == p {
        return None;
    }
    let mut appos = None;
    if j < e && doc.toks[j].is_punct(',') {
        let a = j + 1;
        let mut b = a;
        while b < e && b - a < 20 && !doc.toks[b].is_punct(',') && doc.toks[b].kind == TokKind::Word
            || b < e
                && doc.toks[b].is_punct('.')
                && b > a
                && is_abbrev(doc.text(b - 1))
                && b + 1 < e
            || b < e && doc.toks[b].is_punct('-')
        {
            b += 1;
        }
        if b > a {
            appos = Some(a..b);
        }
    }
    Some((p..j, appos))
}
