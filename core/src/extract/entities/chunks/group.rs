//! The group classifier: a run split at titles and stopwords into groups, each group
//! classified as a person, organization, place or unresolved name.

use super::*;
use crate::extract::entities::acronyms::{acronym_letters, defined_acronym, initials};
use crate::extract::entities::entity_words::{List, list};

struct Group {
    /// Indices into the pieces list.
    pieces: Vec<usize>,
    title: Option<(usize, Option<Gender>)>,
}

pub(super) fn classify_run(
    body: &str,
    toks: &[NameToken],
    run: &[usize],
    norm: &[Cow<str>],
    ps: &[(usize, usize, Piece)],
    lx: &Lexicons,
    out: &mut Vec<RawMention>,
) {
    // Split into groups at titles and stopwords; a title opens the group that follows it.
    let mut groups: Vec<Group> = Vec::new();
    let mut cur = Group {
        pieces: Vec::new(),
        title: None,
    };
    for (pi, &(_, _, p)) in ps.iter().enumerate() {
        match p {
            Piece::Title(g) => {
                // A title at the end of a run ("... Squadron Commander") names no one.
                let followed = ps[pi + 1..]
                    .first()
                    .is_some_and(|&(_, _, q)| matches!(q, Piece::Word | Piece::Place(_)));
                if !cur.pieces.is_empty() || cur.title.is_some() {
                    groups.push(std::mem::replace(
                        &mut cur,
                        Group {
                            pieces: Vec::new(),
                            title: None,
                        },
                    ));
                }
                if followed {
                    cur.title = Some((pi, g));
                }
            }
            Piece::Stop => {
                if !cur.pieces.is_empty() || cur.title.is_some() {
                    groups.push(std::mem::replace(
                        &mut cur,
                        Group {
                            pieces: Vec::new(),
                            title: None,
                        },
                    ));
                }
            }
            _ => cur.pieces.push(pi),
        }
    }
    if !cur.pieces.is_empty() {
        groups.push(cur);
    }
    for g in groups {
        classify_group(body, toks, run, norm, ps, lx, &g, out);
    }
}

#[allow(clippy::too_many_arguments)]
fn classify_group(
    body: &str,
    toks: &[NameToken],
    run: &[usize],
    norm: &[Cow<str>],
    ps: &[(usize, usize, Piece)],
    lx: &Lexicons,
    g: &Group,
    out: &mut Vec<RawMention>,
) {
    // Trim connectors at both ends.
    let mut idx: Vec<usize> = g.pieces.clone();
    while idx.last().is_some_and(|&p| ps[p].2 == Piece::Connector) {
        idx.pop();
    }
    while idx.first().is_some_and(|&p| ps[p].2 == Piece::Connector) {
        idx.remove(0);
    }
    if idx.is_empty() {
        return;
    }
    let tok_range = |p: usize| {
        let (s, n, _) = ps[p];
        (run[s], run[s + n - 1])
    };
    let span_of = |a: usize, b: usize| {
        let (s, _) = tok_range(a);
        let (_, e) = tok_range(b);
        toks[s].start..toks[e].end
    };
    let first_tok = tok_range(idx[0]).0;
    let sent_initial = toks[first_tok].sent_start && g.title.is_none();
    let title_span = g.title.map(|(tp, _)| {
        let (s, e) = tok_range(tp);
        toks[s].start..toks[e].end
    });
    let gender = g.title.and_then(|(_, g)| g);
    let mk = |kind: RawKind, a: usize, b: usize, canon: Option<String>| {
        let name = span_of(a, b);
        // The group's title belongs to the name that opens the group only.
        let own_title = if a == idx[0] && kind == RawKind::Person {
            title_span.clone()
        } else {
            None
        };
        let full = match &own_title {
            Some(t) => t.start..name.end,
            None => name.clone(),
        };
        let own_first = tok_range(a).0;
        let words = idx
            .iter()
            .filter(|&&p| p >= a && p <= b)
            .flat_map(|&p| {
                let (s, n, _) = ps[p];
                (s..s + n).map(|pos| toks[run[pos]].start..toks[run[pos]].end)
            })
            .filter(|r| is_cap_word(&body[r.clone()]) || PARTICLES.contains(&&body[r.clone()]))
            .collect();
        let (_, e) = tok_range(b);
        RawMention {
            kind,
            name,
            full,
            words,
            canon,
            gender: if own_title.is_some() { gender } else { None },
            sent_initial: if a == idx[0] {
                sent_initial
            } else {
                toks[own_first].sent_start
            },
            next_tok: e + 1,
            first_tok: match (&own_title, g.title) {
                (Some(_), Some((tp, _))) => tok_range(tp).0,
                _ => own_first,
            },
            title: own_title,
        }
    };

    // A name followed by its own initials (`Doctors for Open Borders (DOB)`) is an
    // organization.
    let last_tok = tok_range(*idx.last().unwrap_or(&idx[0])).1;
    if idx.len() >= 2
        && !lx.generic.contains(toks[last_tok].text(body))
        && let Some(acr) = defined_acronym(body, toks, last_tok + 1)
        && initials(&body[span_of(idx[0], *idx.last().unwrap_or(&idx[0]))]) == acronym_letters(acr)
    {
        out.push(mk(
            RawKind::Org,
            idx[0],
            *idx.last().unwrap_or(&idx[0]),
            None,
        ));
        return;
    }

    // `the Rowing Federation and Castellan`: an organization ending in its cue word, then
    // `and` and a name with no cue of its own, are two names, not one. (`Department of
    // Health and Human Services` and `Securities and Exchange Commission` stay whole.)
    let word_cue = |p: usize| ps[p].2 == Piece::Word && has_org_cue(lx, &norm[ps[p].0]);
    if let Some(m) = idx
        .iter()
        .position(|&p| ps[p].2 == Piece::Connector && toks[run[ps[p].0]].text(body) == "and")
        && m >= 2
        && word_cue(idx[m - 1])
        && idx[..m].iter().all(|&p| ps[p].2 != Piece::Connector)
        && (!idx[m + 1..].iter().any(|&p| word_cue(p))
            // `Pemberton Foods and Skyreach Media`: two names, each with its own cue.
            || idx.len() >= m + 3
                && idx[m + 1..].iter().all(|&p| ps[p].2 == Piece::Word)
                && idx.last().is_some_and(|&p| word_cue(p))
                && !idx[m + 1..idx.len() - 1].iter().any(|&p| word_cue(p)))
    {
        let before = Group {
            pieces: idx[..m].to_vec(),
            title: g.title,
        };
        let after = Group {
            pieces: idx[m + 1..].to_vec(),
            title: None,
        };
        classify_group(body, toks, run, norm, ps, lx, &before, out);
        let from = out.len();
        classify_group(body, toks, run, norm, ps, lx, &after, out);
        // A name coordinated with an organization (`Castellan`, `Castellan Boatworks`) is
        // one too, unless it is a person's name.
        if out.len() == from + 1 && out[from].kind == RawKind::Unknown {
            let name = &body[out[from].name.clone()];
            let w = name.split_whitespace().next().unwrap_or(name);
            if !lx.given.contains_key(w)
                && !lx.surnames_first.contains(w)
                && !out[from].sent_initial
            {
                out[from].kind = RawKind::Org;
            }
        }
        return;
    }

    // Organization cue anywhere in the group: one organization over the group.
    // A known organization that ends in a cue, after other name words, is only the tail of
    // a longer name: `Coastal Defense Department`.
    let cue_at = idx.iter().enumerate().position(|(m, &p)| match ps[p].2 {
        Piece::Word => has_org_cue(lx, &norm[ps[p].0]),
        Piece::Org(_) => {
            let (s0, n, _) = ps[p];
            n > 1 && has_org_cue(lx, &norm[s0 + n - 1]) && m > 0 && ps[idx[m - 1]].2 == Piece::Word
        }
        _ => false,
    });
    // A newspaper's name: `Harbor City Herald`, `Dunmore News-Register`.
    let media_at = {
        let last = *idx.last().unwrap_or(&idx[0]);
        let lw = norm[ps[last].0].as_ref();
        let first = norm[ps[idx[0]].0].as_ref();
        let is_media = ps[last].2 == Piece::Word
            && lw.split('-').all(|p| list(List::MediaHeads).contains(&p))
            && idx.len() >= 2
            && !lx.given.contains_key(first)
            && g.title.is_none();
        is_media.then_some(idx.len() - 1)
    };
    let cue_at = cue_at.or(media_at);
    let last_word = toks[last_tok].text(body);
    if cue_at.is_some() && list(List::WorkHeads).contains(&last_word) {
        return;
    }
    if let Some(ci) = cue_at {
        // A lone cue word ("Force", "Court") names nothing.
        let words = idx.iter().filter(|&&p| ps[p].2 != Piece::Connector).count();
        let lone = words == 1 && ps[idx[ci]].1 == 1;
        // The title before a group that turns out to be an organization is not a title of a
        // person: "Chief Justice"? keep it simple, drop it.
        if !(lone || sent_initial && words == 1) {
            let mut a = 0;
            // Sentence-initial stray words before a demonym/place are kept; leading
            // people's given names are not organizations.
            while a < ci && ps[idx[a]].2 == Piece::Connector {
                a += 1;
            }
            // `Space Operations Squadron Commander`: a title after the last cue word, with
            // no connector between (unlike `Office of Inspector General`), is not part of
            // the name.
            let mut z = idx.len() - 1;
            let connector_after_cue = idx[ci..].iter().any(|&p| ps[p].2 == Piece::Connector);
            while z > ci
                && !connector_after_cue
                && ps[idx[z]].2 == Piece::Word
                && lx.titles.contains(norm[ps[idx[z]].0].as_ref())
            {
                z -= 1;
            }
            out.push(mk(RawKind::Org, idx[a], idx[z], None));
        }
        return;
    }

    // Walk the pieces: lexicon pieces stand alone, words gather into names.
    let word_text = |p: usize| toks[run[ps[p].0]].text(body);
    let mut pos = 0;
    while pos < idx.len() {
        let p = idx[pos];
        match ps[p].2 {
            Piece::Org(c) => {
                out.push(mk(RawKind::Org, p, p, Some(lx.org_names[c].clone())));
                pos += 1;
            }
            Piece::Place(c) => {
                let rest = &idx[pos + 1..];
                // `Kowloon West`.
                if rest.len() == 1
                    && ps[rest[0]].2 == Piece::Word
                    && list(List::Compass).contains(&word_text(rest[0]))
                {
                    out.push(mk(RawKind::Place, p, rest[0], None));
                    pos += 2;
                    continue;
                }
                // A country before a known organization: `U.S. Securities and Exchange
                // Commission` is one organization.
                if rest.len() == 1 && matches!(ps[rest[0]].2, Piece::Org(_)) {
                    out.push(mk(RawKind::Org, p, rest[0], None));
                    pos += 2;
                    continue;
                }
                // A place cue after the place's name: `Napa County`, `Osan Air Base`.
                let cue_len = (1..=rest.len().min(3)).rev().find(|&n| {
                    rest[..n].iter().all(|&q| ps[q].2 == Piece::Word) && {
                        let ws: Vec<&str> =
                            rest[..n].iter().map(|&q| norm[ps[q].0].as_ref()).collect();
                        lx.place_cues.contains(ws[ws.len() - 1])
                            || ws.len() >= 2
                                && lx.place_cues.contains(&ws[ws.len() - 2..].join(" "))
                    }
                });
                if let Some(n) = cue_len
                    && n <= 2
                {
                    if !list(List::StreetWords).contains(&norm[ps[rest[n - 1]].0].as_ref()) {
                        out.push(mk(RawKind::Place, p, rest[n - 1], None));
                    }
                    pos += 1 + n;
                    continue;
                }
                // A place followed by a plural capitalized word: a team or club
                // (`Denver Falcons`).
                let next_plural = rest.len() == 1 && ps[rest[0]].2 == Piece::Word && {
                    let w = &norm[ps[rest[0]].0];
                    w.ends_with('s')
                        && !w.ends_with("ss")
                        && w.len() > 3
                        && !lx.generic.contains(w.as_ref())
                        && !is_all_caps(w)
                };
                if next_plural && g.title.is_none() {
                    out.push(mk(RawKind::Org, p, rest[0], None));
                    pos += 2;
                    continue;
                }
                out.push(mk(RawKind::Place, p, p, Some(lx.place_names[c].clone())));
                pos += 1;
            }
            Piece::Demonym | Piece::Connector | Piece::Title(_) | Piece::Stop => {
                pos += 1;
            }
            Piece::Word
                if list(List::Compass).contains(&word_text(p))
                    && idx
                        .get(pos + 1)
                        .is_some_and(|&q| matches!(ps[q].2, Piece::Place(_)))
                    && idx.get(pos + 2).is_none() =>
            {
                // `North India`: a region of a known place.
                out.push(mk(RawKind::Place, p, idx[pos + 1], None));
                pos += 2;
            }
            Piece::Word => {
                // Gather words (and particles between words) into one name.
                let mut j = pos;
                while j + 1 < idx.len() {
                    let q = idx[j + 1];
                    let prev_given = lx.given.contains_key(norm[ps[idx[j]].0].as_ref())
                        || (g.title.is_some() && pos == 0);
                    let ok = match ps[q].2 {
                        Piece::Word => true,
                        Piece::Connector => {
                            let particle = |k: usize| {
                                idx.get(k).is_some_and(|&r| {
                                    ps[r].2 == Piece::Connector
                                        && PARTICLES.contains(&toks[run[ps[r].0]].text(body))
                                })
                            };
                            let word =
                                |k: usize| idx.get(k).is_some_and(|&r| ps[r].2 == Piece::Word);
                            // (`de la Torre`: a second particle before the word.)
                            particle(j + 1) && (word(j + 2) || particle(j + 2) && word(j + 3))
                        }
                        // A surname that is also a place: `Ronny Jackson`, `Tom Jordan`.
                        Piece::Place(_) | Piece::Demonym => ps[q].1 == 1 && prev_given,
                        _ => false,
                    };
                    if !ok {
                        break;
                    }
                    j += 1;
                }
                let words_in = |from: usize| {
                    (from..=j)
                        .filter(|&m| ps[idx[m]].2 != Piece::Connector)
                        .collect::<Vec<_>>()
                };
                let ws = words_in(pos);
                // `Browns DL Larry Ogunjobi`, `Insider Jason Poe`: words before a given name
                // that is followed by a surname are not part of the name, unless the name
                // starts with a given or family name itself, or an initial (`J. Gerald
                // Hebert`).
                if !(g.title.is_some() && pos == 0) && ws.len() >= 3 {
                    let w0 = norm[ps[idx[ws[0]]].0].as_ref();
                    let starts_name = lx.given.contains_key(w0)
                        || lx.surnames_first.contains(w0)
                        || is_initial(w0);
                    let split = (1..ws.len() - 1).find(|&m| {
                        lx.given.contains_key(norm[ps[idx[ws[m]]].0].as_ref())
                            && ps[idx[ws[m]]].2 == Piece::Word
                    });
                    if !starts_name && let Some(m) = split {
                        pos = ws[m];
                        continue;
                    }
                }
                let a = p;
                let b = idx[j];
                let n_words = ws.len();
                let first = &norm[ps[a].0];
                let first_raw = word_text(a);
                let last_words: Vec<&str> =
                    ws.iter().map(|&m| norm[ps[idx[m]].0].as_ref()).collect();
                let last = last_words[last_words.len() - 1];
                // A place cue word ending the name: `Osan Air Base`, `Heinz Field`.
                let place_cue = n_words >= 2
                    && (lx.place_cues.contains(last)
                        || last_words.len() >= 3
                            && lx
                                .place_cues
                                .contains(&last_words[last_words.len() - 2..].join(" ")));
                // `Port Moresby`, `Fort Worth`: a place word starting a short name.
                let place_prefix = (2..=3).contains(&n_words)
                    && lx.place_prefixes.contains(first_raw)
                    && !has_org_cue(lx, last)
                    && !lx.generic.contains(last);
                // `J. Gerald Hebert`: past a leading initial, the given name.
                let name_word = if n_words >= 3 && is_initial(first) {
                    last_words[1]
                } else {
                    first.as_ref()
                };
                let kind = if g.title.is_some() && pos == 0 {
                    RawKind::Person
                } else if place_cue || place_prefix {
                    RawKind::Place
                } else if n_words >= 2
                    && (lx.given.contains_key(name_word) || lx.surnames_first.contains(name_word))
                    && !lx.generic.contains(last)
                {
                    if crate::extract::entities::context::employer_at(body, toks, tok_range(a).0) {
                        RawKind::Org
                    } else {
                        RawKind::Person
                    }
                } else if n_words == 1 {
                    if is_all_caps(first_raw)
                        && first_raw.chars().all(|c| c.is_alphabetic() || c == '&')
                        && (3..=6).contains(&first_raw.chars().count())
                        && !lx.generic.contains(first_raw)
                        && !lx.stopwords.contains(first_raw)
                    {
                        RawKind::Org
                    } else {
                        RawKind::Unknown
                    }
                } else {
                    RawKind::UnknownMulti
                };
                let generic_only = last_words.iter().all(|w| lx.generic.contains(*w));
                let street = n_words >= 2
                    && list(List::StreetWords).contains(&last)
                    && kind != RawKind::Person;
                if !(generic_only && kind != RawKind::Person || street) {
                    out.push(mk(kind, a, b, None));
                }
                pos = j + 1;
            }
        }
    }
}

/// An initial with its period (`J.`).
pub(super) fn is_initial(w: &str) -> bool {
    w.strip_suffix('.')
        .is_some_and(crate::extract::tokens::abbreviations::is_initial)
}
