//! Named sources: the capitalized run at the end of a source phrase, its titles, roles and
//! suffixes stripped, becomes a person (new or known by surname) or an organization.

use super::*;

/// Lowercase words that may sit inside a person's name.
const PARTICLES: &[&str] = &[
    "de", "van", "von", "bin", "al", "da", "di", "del", "der", "la", "le", "du", "dos", "das",
    "ibn", "y", "ben", "el", "st",
];

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w)
}

impl<'d, 'a> Resolver<'d, 'a> {
    /// A capitalized source ending at `cut` (pre-modifiers) within `phrase_start..phrase_end`.
    pub(super) fn name(
        &mut self,
        phrase_start: usize,
        cut: usize,
        phrase_end: usize,
        appos: Option<Range<usize>>,
        para: u32,
    ) -> Option<Speaker> {
        let doc = self.doc;
        let w = words();
        // The capitalized run at the end of the pre-modifiers.
        let mut run_start = cut;
        while run_start > phrase_start {
            let t = &doc.toks[run_start - 1];
            let txt = doc.text(run_start - 1);
            let ok = if t.is_word() {
                (t.capitalized()
                    || t.ch.is_ascii_digit()
                    || PARTICLES.contains(&txt) && run_start < cut)
                    && !(possessive(txt) && run_start < cut)
            } else {
                t.kind == TokKind::Punct
                    && matches!(t.ch, '.' | '&')
                    && run_start - 1 > phrase_start
                    && doc.toks[run_start - 2].is_word()
            };
            if !ok {
                break;
            }
            run_start -= 1;
        }
        while run_start < cut
            && (!doc.toks[run_start].is_word() || PARTICLES.contains(&doc.text(run_start)))
        {
            run_start += 1;
        }
        if run_start >= cut {
            return None;
        }
        // Organization names go on through `of`/`for` + capitalized words.
        let mut run_end = cut;
        let mut k = cut;
        while k < phrase_end {
            if doc.is_any(k, &["of", "for", "and", "the", "on", "in"]) {
                k += 1;
                continue;
            }
            if doc.toks[k].capitalized() {
                k += 1;
                run_end = k;
                continue;
            }
            break;
        }
        // `CBS Sports NFL Insider Jason La Canfora`: the name follows the last role word.
        if let Some(r) = (run_start + 1..cut.saturating_sub(2)).rev().find(|&i| {
            doc.toks[i].is_word()
                && w.flags(doc.text(i)) & (TITLE | ROLE | GROUP) != 0
                && w.flags(doc.text(i)) & ORGWORD == 0
        }) && (r + 1..cut).filter(|&i| doc.toks[i].is_word()).count() >= 2
            && (r + 1..cut).all(|i| !doc.toks[i].is_word() || w.flags(doc.text(i)) & ORGWORD == 0)
        {
            run_start = r + 1;
            while run_start < cut && !doc.toks[run_start].is_word() {
                run_start += 1;
            }
        }
        let role_words: Vec<String> = (phrase_start..run_start)
            .filter(|&i| doc.toks[i].is_word() && !doc.toks[i].capitalized())
            .map(|i| doc.text(i).to_lowercase())
            .collect();
        let mut gender = None;
        // Titles off the front, keeping at least one word.
        let mut ns = run_start;
        let mut titled = false;
        while ns + 1 < cut {
            let t = doc.text(ns);
            if doc.toks[ns].is_word() && w.is_title(t) {
                let f = w.flags(t);
                if is_one_of(t, &["mr", "sir", "lord", "king", "prince", "father"]) || f & MALE != 0
                {
                    gender = Some(Gender::Male);
                } else if is_one_of(
                    t,
                    &[
                        "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister",
                    ],
                ) || f & FEMALE != 0
                {
                    gender = Some(Gender::Female);
                }
                titled = true;
                ns += 1;
                while ns < cut && doc.toks[ns].is_punct('.') {
                    ns += 1;
                }
            } else {
                break;
            }
        }
        if ns >= cut {
            return None;
        }
        let name_bytes = doc.bytes(ns..run_end);
        let raw = &doc.body[name_bytes.clone()];
        let name = strip_possessive(raw).to_string();
        let ntoks: Vec<&str> = (ns..run_end)
            .filter(|&i| doc.toks[i].is_word())
            .map(|i| doc.text(i))
            .collect();
        let orgish = run_end > cut
            || ntoks
                .iter()
                .any(|t| w.flags(strip_possessive(t)) & ORGWORD != 0)
            || ntoks.len() == 1 && all_caps(ntoks[0]);
        // Entity table first: a person named in the phrase (`China’s ambassador to Britain
        // Liu Xiaming`), else the entity the name starts with.
        let np_bytes = doc.bytes(phrase_start..run_end);
        let person_in = self
            .known
            .in_range(np_bytes)
            .iter()
            .rev()
            .find(|(_, phrase_end)| {
                self.known
                    .entities
                    .get(*phrase_end)
                    .is_some_and(|x| x.kind == EntityKind::Person)
            })
            .map(|(_, phrase_end)| *phrase_end);
        let found = person_in.or_else(|| self.known.at(name_bytes.start));
        let found = found.map(|ei| self.titled_namesake(ei, doc.bytes(run_start..run_end), para));
        if let Some(ei) = found
            && let Some(ent) = self.known.entities.get(ei)
        {
            let kind = speaker_kind(ent.kind);
            if kind == SpeakerKind::Person {
                let mut roles = role_words;
                if let Some(a) = appos {
                    roles.extend(self.appos_roles(a));
                }
                let pi = self.add_person(ent.name.clone(), ent.gender.or(gender), roles, Some(ei));
                return Some(self.person_speaker(pi, name_bytes));
            }
            // `Bloomberg News`, `United Nations High Commissioner for Human Rights`: the
            // name as written when it is fuller than the entity's.
            let surface = name.strip_prefix("The ").unwrap_or(&name);
            let full = if surface.len() > ent.name.len() && surface.contains(ent.name.as_str()) {
                surface.to_string()
            } else {
                ent.name.clone()
            };
            return Some(Speaker {
                name: Some(full),
                kind,
                entity: Some(ei),
                span: Some(name_bytes),
                gender: None,
            });
        }
        if orgish && !titled {
            let name = name.strip_prefix("The ").unwrap_or(&name).to_string();
            return Some(Speaker {
                name: Some(name),
                kind: SpeakerKind::Organization,
                entity: None,
                span: Some(name_bytes),
                gender: None,
            });
        }
        let mut roles = role_words;
        if let Some(a) = appos {
            roles.extend(self.appos_roles(a));
        }
        if let Some(g) = roles.iter().find_map(|r| {
            let f = w.flags(r);
            if f & FEMALE != 0 {
                Some(Gender::Female)
            } else if f & MALE != 0 {
                Some(Gender::Male)
            } else {
                None
            }
        }) {
            gender = gender.or(Some(g));
        }
        if ntoks.len() == 1 && !titled {
            let key = strip_possessive(ntoks[0]).to_lowercase();
            if let Some(&pi) = self.by_part.get(&key) {
                let p = &mut self.people[pi];
                p.roles.extend(roles);
                if p.gender.is_none() {
                    p.gender = gender;
                }
                return Some(self.person_speaker(pi, name_bytes));
            }
            if roles.is_empty() && gender.is_none() {
                return Some(Speaker {
                    name: Some(name),
                    kind: SpeakerKind::Organization,
                    entity: None,
                    span: Some(name_bytes),
                    gender: None,
                });
            }
        }
        let pi = self.add_person(name, gender, roles, None);
        Some(self.person_speaker(pi, name_bytes))
    }

    /// `Ms Hollis said` after `Her daughter, Claire Hollis, said ...`: a surname after a
    /// title with a gender (the mention's bytes `at`, in paragraph `para`) that two people
    /// of that gender share is the one of them who spoke last, within the two paragraphs
    /// before, else the one named last, rather than the entity the name finder linked it to
    /// (the person named most). `ei` otherwise.
    pub(super) fn titled_namesake(&self, ei: usize, at: Range<usize>, para: u32) -> usize {
        let text = &self.doc.body[at.clone()];
        let mut parts = text.split_whitespace();
        let (Some(title), Some(surname), None) = (parts.next(), parts.next(), parts.next()) else {
            return ei;
        };
        let title = title.trim_end_matches('.');
        let gender = if is_one_of(title, &["mr", "sir", "lord"]) {
            Gender::Male
        } else if is_one_of(title, &["mrs", "ms", "miss", "dame", "lady"]) {
            Gender::Female
        } else {
            return ei;
        };
        let pos = at.start;
        let surname = strip_possessive(surname);
        // (The people by surname are indexed once per article: a scan of every entity for
        // each titled name would be quadratic on a body of many names.)
        let known = self.known;
        let by_surname = self.by_surname.get_or_init(|| {
            let mut m: FastMap<&str, Vec<usize>> = FastMap::default();
            for (i, x) in known.entities.iter().enumerate() {
                if x.kind == EntityKind::Person
                    && x.name.contains(' ')
                    && let Some(last) = x.name.rsplit(' ').next()
                {
                    m.entry(last).or_default().push(i);
                }
            }
            m
        });
        let namesakes: Vec<usize> = by_surname
            .get(surname)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&i| known.entities[i].gender.is_none_or(|g| g == gender))
            .take(8)
            .collect();
        if namesakes.len() < 2 || !namesakes.contains(&ei) {
            return ei;
        }
        if let Some(e) = self
            .latest(para, 2, |s| {
                s.entity.is_some_and(|e| namesakes.contains(&e))
            })
            .and_then(|(s, _, _)| s.entity)
        {
            return e;
        }
        // Else the one of them named last before `pos` (the last 300 mentions).
        let end = self.known.mentions.partition_point(|(r, _)| r.start < pos);
        self.known.mentions[end.saturating_sub(300)..end]
            .iter()
            .rev()
            .find(|(_, e)| namesakes.contains(e))
            .map_or(ei, |(_, e)| *e)
    }

    pub(super) fn person_speaker(&self, pi: usize, span: Range<usize>) -> Speaker {
        let p = &self.people[pi];
        Speaker {
            name: Some(p.name.clone()),
            kind: SpeakerKind::Person,
            entity: p.entity,
            span: Some(span),
            gender: p.gender,
        }
    }

    fn appos_roles(&self, a: Range<usize>) -> Vec<String> {
        let doc = self.doc;
        let w = words();
        (a.start..a.end.min(a.start + 8))
            .filter(|&i| {
                doc.toks[i].is_word() && w.flags(doc.text(i)) & (ROLE | FEMALE | MALE) != 0
            })
            .map(|i| doc.text(i).to_lowercase())
            .collect()
    }
}
