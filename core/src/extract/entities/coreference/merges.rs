//! Merges after the passes: people read from context who are an organization or place
//! named elsewhere, single names that join a full name, organizations inside a longer
//! name; then the emptied entities are dropped.

use super::*;

/// Moves entity `s` into `target`: mentions, name and aliases; `s` is left empty.
fn merge_into(b: &mut Builder, s: usize, target: usize) {
    let moved = std::mem::take(&mut b.entities[s].mentions);
    let aliases = std::mem::take(&mut b.entities[s].aliases);
    let name = std::mem::take(&mut b.entities[s].name);
    b.entities[target].mentions.extend(moved);
    b.add_form(target, &name);
    for a in aliases {
        b.add_form(target, &a);
    }
    if let Some(from) = b.people.remove(&s)
        && let Some(p) = b.people.get_mut(&target)
        && p.gender.is_none()
    {
        p.gender = from.gender;
    }
    b.redirect.insert(s, target);
}

pub(super) fn merge_context_people(b: &mut Builder) {
    for e in std::mem::take(&mut b.context_people) {
        if !b.live_person(e) {
            continue;
        }
        let name = &b.entities[e].name;
        let target = b
            .org_keys
            .get(&org_key(name))
            .or_else(|| b.place_keys.get(name))
            .copied();
        if let Some(t) = target.filter(|&t| t != e) {
            merge_into(b, e, t);
        }
    }
}

pub(super) fn merge_single_names(b: &mut Builder) {
    let mut singles: Vec<usize> = b
        .people
        .iter()
        .filter(|(_, p)| p.first.is_empty())
        .map(|(&e, _)| e)
        .collect();
    singles.sort_unstable();
    for s in singles {
        let surname = b.people[&s].surname.clone();
        let mut cands = uniq(b.by_surname.get(&surname), |e| b.live_person(e));
        cands.extend(uniq(b.by_first.get(&surname), |e| b.live_person(e)));
        cands.sort_unstable();
        cands.dedup();
        let full: Vec<usize> = cands
            .into_iter()
            .filter(|&e| {
                let p = &b.people[&e];
                e != s && !p.first.is_empty() && single_matches(p, &surname)
            })
            .collect();
        if full.len() == 1 {
            merge_into(b, s, full[0]);
        }
    }
}

/// Longest list of candidate hosts looked at for one organization.
const MAX_HOSTS: usize = 64;

/// `Security Council` joins `UN Security Council` when it is the only organization whose
/// words contain it in order and its last word is an organization cue; `SoftBank` joins
/// `SoftBank Group Corp`.
pub(super) fn merge_org_parts(b: &mut Builder) {
    let lx = lex();
    b.index_orgs();
    let orgs: Vec<usize> = (0..b.entities.len())
        .filter(|&e| b.entities[e].kind == EntityKind::Organization)
        .collect();
    let mut by_cue: HashMap<String, Vec<usize>> = HashMap::new();
    for &e in &orgs {
        for w in b.entities[e].name.split_whitespace() {
            if lx.org_cues.contains(w) {
                by_cue.entry(w.to_string()).or_default().push(e);
            }
        }
    }
    for &a in &orgs {
        let name = b.entities[a].name.clone();
        if name.is_empty() {
            continue;
        }
        let heads = uniq(b.org_heads.get(&name), |h| {
            h != a && !b.entities[h].name.is_empty()
        });
        if heads.len() == 1 {
            merge_into(b, a, heads[0]);
            continue;
        }
        let wa: Vec<&str> = name.split_whitespace().collect();
        let Some(last) = wa
            .last()
            .filter(|w| wa.len() >= 2 && lx.org_cues.contains(**w))
        else {
            continue;
        };
        if by_cue.get(*last).is_none_or(|v| v.len() > MAX_HOSTS) {
            continue;
        }
        let cands = uniq(by_cue.get(*last), |h| {
            h != a && !b.entities[h].name.is_empty()
        });
        let hosts: Vec<usize> = cands
            .into_iter()
            .filter(|&h| {
                let wh: Vec<&str> = b.entities[h].name.split_whitespace().collect();
                wh.len() > wa.len() && {
                    let mut it = wh.iter();
                    wa.iter().all(|w| it.any(|x| x == w))
                }
            })
            .collect();
        if hosts.len() == 1 {
            merge_into(b, a, hosts[0]);
        }
    }
}

/// Drops emptied entities and renumbers the rest.
pub(super) fn compact(b: &mut Builder) {
    let mut map = vec![usize::MAX; b.entities.len()];
    let mut kept = Vec::new();
    let mut people = HashMap::new();
    for (i, e) in std::mem::take(&mut b.entities).into_iter().enumerate() {
        if e.name.is_empty() {
            continue;
        }
        map[i] = kept.len();
        if let Some(p) = b.people.remove(&i) {
            people.insert(kept.len(), p);
        }
        kept.push(e);
    }
    for e in &mut kept {
        e.mentions.sort_by_key(|r| (r.start, r.end));
    }
    b.entities = kept;
    b.people = people;
    let redirect = std::mem::take(&mut b.redirect);
    let root = |mut e: usize| {
        // Merges always point to a live entity at the time, so chains are short; the bound
        // guards against a cycle all the same.
        for _ in 0..64 {
            match redirect.get(&e) {
                Some(&t) => e = t,
                None => break,
            }
        }
        e
    };
    for m in &mut b.mentions {
        m.1 = map[root(m.1)];
    }
    b.mentions.retain(|m| m.1 != usize::MAX);
    b.org_keys.clear();
    b.place_keys.clear();
}
