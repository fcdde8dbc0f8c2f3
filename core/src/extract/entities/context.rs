//! Context rules for a lone name that no lexicon placed: the words around it say it is a
//! person (`NAME said`), a place (`NAME, Texas`, `in NAME`), a player in a match result or
//! an organization (`works at NAME`).

use super::chunks::RawMention;
use super::entity_words::{List, list};
use super::lexicon::lex;
use super::tokens::NameToken;
pub(super) use super::tokens::word_at;

/// Context says the name is a person: `NAME, a/an/the ...`, `NAME said`, `NAME (45)`, or
/// `said NAME` / `according to NAME`.
pub(super) fn person_context(body: &str, toks: &[NameToken], r: &RawMention) -> bool {
    let n = r.next_tok;
    if let Some(w) = word_at(body, toks, n)
        && list(List::PersonVerbs).contains(&w)
    {
        return true;
    }
    if toks.get(n).is_some_and(|t| t.is_punct(','))
        && let Some(w) = word_at(body, toks, n + 1)
    {
        if matches!(w, "who" | "whose") || list(List::PersonVerbs).contains(&w) {
            return true;
        }
        // An appositive naming a role: `NAME, a climate expert at ...`.
        let lx = lex();
        let role = toks[n + 1..]
            .iter()
            .take(8)
            .take_while(|t| t.is_word() || t.is_punct('-'))
            .any(|t| lx.roles.contains(t.text(body)));
        if role {
            return true;
        }
    }
    // `Kazakhstan's foreign minister, Erlan Idrissov, said`: a name in apposition to a
    // role noun, between commas.
    if r.first_tok >= 2
        && toks[r.first_tok - 1].is_punct(',')
        && word_at(body, toks, r.first_tok - 2).is_some_and(|w| lex().roles.contains(w))
        && toks
            .get(n)
            .is_some_and(|t| t.is_punct(',') || t.is_punct('.') || t.is_punct(';'))
    {
        return true;
    }
    if r.first_tok >= 1 {
        let prev = word_at(body, toks, r.first_tok - 1);
        // `the immunologist NAME`.
        if prev.is_some_and(|w| lex().roles.contains(w)) {
            return true;
        }
        if matches!(prev, Some("said" | "says" | "told" | "by")) && !toks[r.first_tok].sent_start {
            return true;
        }
        if r.first_tok >= 2
            && prev == Some("to")
            && word_at(body, toks, r.first_tok - 2) == Some("according")
        {
            return true;
        }
    }
    false
}

/// Context says the name is a place: `NAME, Texas` (a known state or country after a
/// comma), `NAME, a village ...`, `north of NAME`.
pub(super) fn place_context(body: &str, toks: &[NameToken], r: &RawMention) -> bool {
    let lx = lex();
    let n = r.next_tok;
    if toks.get(n).is_some_and(|t| t.is_punct(',')) {
        let words: Vec<&str> = toks[n + 1..]
            .iter()
            .take(3)
            .take_while(|t| t.is_word())
            .map(|t| t.text(body))
            .collect();
        if let Some((len, _)) = lx.places.find(&words) {
            // The place is followed by punctuation or the end, not more name words.
            let after = toks.get(n + 1 + len);
            if after.is_none_or(|t| !t.is_word()) {
                return true;
            }
        }
        if let Some(w) = word_at(body, toks, n + 1)
            && matches!(w, "a" | "an" | "the")
        {
            let noun = toks[n + 2..]
                .iter()
                .take(4)
                .take_while(|t| t.is_word())
                .any(|t| list(List::PlaceNouns).contains(&t.text(body)));
            if noun {
                return true;
            }
        }
    }
    // `Orange and Riverside counties`: both names before a plural place noun.
    let plural_place = |k: usize| {
        word_at(body, toks, k).is_some_and(|w| {
            matches!(
                w,
                "counties" | "provinces" | "states" | "districts" | "islands" | "cities"
            )
        })
    };
    if plural_place(n) && r.first_tok >= 2 && word_at(body, toks, r.first_tok - 1) == Some("and") {
        return true;
    }
    if word_at(body, toks, n) == Some("and")
        && toks.get(n + 1).is_some_and(|t| {
            t.is_word() && t.text(body).chars().next().is_some_and(char::is_uppercase)
        })
        && plural_place(n + 2)
    {
        return true;
    }
    // `north of NAME`, `the island of NAME`, `the town of NAME`.
    r.first_tok >= 2
        && word_at(body, toks, r.first_tok - 1) == Some("of")
        && word_at(body, toks, r.first_tok - 2).is_some_and(|w| {
            list(List::Directions).contains(&w) || list(List::PlaceOfNouns).contains(&w)
        })
}

/// A name the rules left open is a place when GeoNames knows it and a locative preposition
/// stands before it (`in Tarnów`, `near Vinnytsia`), or, known or not, right after `near`
/// or `outside` (`near Qaryat al-Nur`).
pub(super) fn locative_place(body: &str, toks: &[NameToken], r: &RawMention) -> bool {
    let Some(prev) = r
        .first_tok
        .checked_sub(1)
        .and_then(|k| word_at(body, toks, k))
    else {
        return false;
    };
    if r.title.is_some() || !list(List::Locatives).contains(&prev) {
        return false;
    }
    let lx = lex();
    let name: Vec<&str> = r.words.iter().map(|w| &body[w.clone()]).collect();
    if name.len() > 1
        && matches!(prev, "near" | "outside")
        && !name
            .last()
            .is_some_and(|w| list(List::StreetWords).contains(w))
    {
        return true;
    }
    let key = name.join(" ");
    lx.gazetteer.contains(&key)
        && !lx.generic.contains(key.as_str())
        && !lx.stopwords.contains(key.as_str())
        && !lx.titles.contains(key.as_str())
}

/// A score such as `6-4` or `21–19`.
fn is_score(w: &str) -> bool {
    let mut parts = w.split(['-', '\u{2013}']);
    matches!((parts.next(), parts.next(), parts.next()),
        (Some(a), Some(b), None) if !a.is_empty() && !b.is_empty()
            && a.bytes().all(|c| c.is_ascii_digit()) && b.bytes().all(|c| c.is_ascii_digit()))
}

/// A name of two or three words beside a result verb, with a score later in the sentence,
/// is a player: `Tomasz Wierzbicki beat Anselm Okoro 6-4.` Plural last words are teams.
pub(super) fn result_person(body: &str, toks: &[NameToken], r: &RawMention) -> bool {
    if !(2..=3).contains(&r.words.len()) {
        return false;
    }
    let last = &body[r.words[r.words.len() - 1].clone()];
    if last.ends_with('s') && !last.ends_with("ss") {
        return false;
    }
    let before = r
        .first_tok
        .checked_sub(1)
        .and_then(|k| word_at(body, toks, k))
        .is_some_and(|w| list(List::ResultVerbs).contains(&w));
    let after =
        word_at(body, toks, r.next_tok).is_some_and(|w| list(List::ResultVerbs).contains(&w));
    (before || after)
        && toks[r.next_tok.min(toks.len())..]
            .iter()
            .take(16)
            .take_while(|t| !t.sent_start)
            .any(|t| t.is_word() && is_score(t.text(body)))
}

/// `an analyst at NAME`, `works at NAME`: a role noun or a word of work right before `at`
/// makes the name after it an employer, even one spelled like a person's name (`an
/// analyst at Morgan Brooks`).
pub(super) fn employer_at(body: &str, toks: &[NameToken], k: usize) -> bool {
    let lx = lex();
    k >= 2
        && word_at(body, toks, k - 1) == Some("at")
        && word_at(body, toks, k - 2)
            .is_some_and(|w| lx.roles.contains(w) || list(List::OrgWork).contains(&w))
}

/// Context says a lone name is an organization: `an economist at NAME`, `works at NAME`,
/// `shares of NAME`, `a NAME spokeswoman`, `its parent, NAME`, `reported by NAME`.
pub(super) fn org_context(body: &str, toks: &[NameToken], r: &RawMention) -> bool {
    let lx = lex();
    let k = r.first_tok;
    let prev = |n: usize| k.checked_sub(n).and_then(|i| word_at(body, toks, i));
    let is = |w: Option<&str>, list: &[&str]| {
        w.is_some_and(|w| list.iter().any(|l| l.eq_ignore_ascii_case(w)))
    };
    if k >= 2 && prev(1) == Some("at") {
        return toks[k.saturating_sub(6)..k - 1].iter().any(|t| {
            t.is_word()
                && (lx.roles.contains(t.text(body)) || list(List::OrgWork).contains(&t.text(body)))
        });
    }
    if is(prev(1), &["for"]) && is(prev(2), list(List::OrgWork)) {
        return true;
    }
    if is(prev(1), &["of", "in"]) && is(prev(2), list(List::OrgHoldings)) {
        return true;
    }
    if is(prev(1), &["by"]) && is(prev(2), list(List::OrgBy)) {
        return true;
    }
    if org_appositive(body, toks, r) {
        return true;
    }
    // `a NAME spokeswoman`, `NAME shares`: the name as a company's modifier.
    let next = word_at(body, toks, r.next_tok);
    is(prev(1), &["a", "an", "the"]) && is(next, list(List::OrgModified))
        || is(next, &["shares", "stock", "shareholders"])
}

/// An organization noun in apposition to the name: `its parent, NAME`, `The quarry's parent
/// company, NAME,`, `NAME, the parent company,`.
pub(super) fn org_appositive(body: &str, toks: &[NameToken], r: &RawMention) -> bool {
    let k = r.first_tok;
    let prev = |n: usize| k.checked_sub(n).and_then(|i| word_at(body, toks, i));
    let is = |w: Option<&str>, list: &[&str]| {
        w.is_some_and(|w| list.iter().any(|l| l.eq_ignore_ascii_case(w)))
    };
    // `its parent, NAME`, `The quarry's parent company, NAME,`.
    if k >= 3
        && toks[k - 1].text(body) == ","
        && (is(prev(2), list(List::OrgAppositive))
            || is(prev(2), list(List::OrgAppositiveIts)) && is(prev(3), &["its", "their"]))
    {
        return true;
    }
    // `NAME, the parent company, said`: a short appositive after the name whose head is
    // such a noun.
    let text_at = |i: usize| toks.get(i).map(|t| t.text(body));
    if text_at(r.next_tok) == Some(",") {
        let after = (1..=5)
            .map_while(|n| word_at(body, toks, r.next_tok + n))
            .collect::<Vec<_>>();
        if after.len() >= 2
            && is(after.first().copied(), &["the", "its", "a", "an"])
            && (is(after.last().copied(), list(List::OrgAppositive))
                || is(after.first().copied(), &["its"])
                    && is(after.last().copied(), list(List::OrgAppositiveIts)))
            && text_at(r.next_tok + after.len() + 1) == Some(",")
        {
            return true;
        }
    }
    false
}

/// `Oleksandr Kravchuk and Tshepo Mokoena`, `Ann Poe, Tshepo Mokoena and Ivo Dask`: a run
/// of unknown capitalized words coordinated with a person's full name (known to the
/// lexicons, or `resolved_person` for a mention before it) is a person too.
pub(super) fn coordinated_with_person(
    body: &str,
    toks: &[NameToken],
    raws: &[RawMention],
    i: usize,
    resolved_person: impl Fn(usize) -> bool,
) -> bool {
    use super::chunks::RawKind;
    let r = &raws[i];
    let joined = |a: usize, b: usize| {
        b == a + 1
            && (word_at(body, toks, a).is_some_and(|w| matches!(w, "and" | "or"))
                || toks.get(a).is_some_and(|t| t.is_punct(',')))
    };
    let person = |x: &RawMention| x.kind == RawKind::Person && x.words.len() >= 2;
    i.checked_sub(1).is_some_and(|p| {
        (person(&raws[p]) || raws[p].words.len() >= 2 && resolved_person(p))
            && joined(raws[p].next_tok, r.first_tok)
    }) || raws
        .get(i + 1)
        .is_some_and(|n| person(n) && joined(r.next_tok, n.first_tok))
}
