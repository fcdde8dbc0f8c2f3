//! Word lists of the name rules, read from `src/extract/data/entity_words.txt`.
//!
//! Each section is one list, kept in file order; entries are compared exactly as the rule
//! that reads them compares (most as written, so a capitalized entry matches only a
//! capitalized word).

use std::sync::OnceLock;

const DATA: &str = include_str!("../data/entity_words.txt");

/// A section of `entity_words.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    /// Titles that are also common words: titles only before a given name.
    AmbiguousTitles,
    /// Last words of a street's name. The annotation guide lists no streets among places,
    /// so `Elm Street` and `Fifth Avenue` name no entity (a lexicon entry such as `Wall
    /// Street` still does).
    StreetWords,
    /// Last words that make a name a work, event or law rather than an organization (`Royal
    /// Society Transactions`, `Party Congress Report`, `Cabinet Room`).
    WorkHeads,
    /// Last words of newspaper and broadcaster names.
    MediaHeads,
    /// Compass words that make a region out of a place (`North India`, `Kowloon West`).
    Compass,
    /// Words that follow a person's name when the person speaks or acts.
    PersonVerbs,
    /// Nouns for a kind of place, in an appositive after a place name.
    PlaceNouns,
    /// Words that make NAME a place in `WORD of NAME` (`north of NAME`).
    Directions,
    /// Prepositions that put a GeoNames place name where a place is expected (`in Tarnów`).
    Locatives,
    /// Verbs of a match result: `Tomasz Wierzbicki beat Anselm Okoro 6-4`.
    ResultVerbs,
    /// Nouns for a kind of place that name it in `the NOUN of NAME`.
    PlaceOfNouns,
    /// Words before `at NAME` / `for NAME` that make NAME an employer.
    OrgWork,
    /// `shares of NAME`, `a stake in NAME`.
    OrgHoldings,
    /// `reported by NAME`, `owned by NAME`.
    OrgBy,
    /// `a NAME spokeswoman`: role nouns a company's name may modify.
    OrgModified,
    /// Titles of the ambiguous list that stand before a surname alone (`Justice Scalia
    /// wrote`).
    SurnameTitles,
    /// `its parent company, NAME,` / `NAME, the parent company,`: nouns that make the name
    /// beside them, in apposition, an organization.
    OrgAppositive,
    /// Nouns of [`List::OrgAppositive`]'s kind that name people as often (`the shop's owner,
    /// Raj Mistry,`, `his rival, Tom Vale`): they make a name an organization only after
    /// `its` or `their` (`its owner, Carrow Media`).
    OrgAppositiveIts,
    /// Nouns for a creative work: the capitalized words they name in apposition are its
    /// title (`her 2003 book, Living History,`, `the film Silent Harbor`).
    WorkNouns,
    /// Letters written after a person's name for an office, an honour, a rank at the bar or a
    /// degree (`Helen Marsh MP`, `Tom Reid KC`): not part of the name. (The last variant:
    /// `LISTS` counts up to it.)
    PostNominals,
}

fn section(name: &str) -> Option<List> {
    Some(match name {
        "ambiguous_titles" => List::AmbiguousTitles,
        "street_words" => List::StreetWords,
        "work_heads" => List::WorkHeads,
        "media_heads" => List::MediaHeads,
        "compass" => List::Compass,
        "person_verbs" => List::PersonVerbs,
        "place_nouns" => List::PlaceNouns,
        "directions" => List::Directions,
        "locatives" => List::Locatives,
        "result_verbs" => List::ResultVerbs,
        "place_of_nouns" => List::PlaceOfNouns,
        "org_work" => List::OrgWork,
        "org_holdings" => List::OrgHoldings,
        "org_by" => List::OrgBy,
        "org_modified" => List::OrgModified,
        "surname_titles" => List::SurnameTitles,
        "org_appositive" => List::OrgAppositive,
        "org_appositive_its" => List::OrgAppositiveIts,
        "work_nouns" => List::WorkNouns,
        "post_nominals" => List::PostNominals,
        _ => return None,
    })
}

/// The number of lists: one per [`List`] variant.
const LISTS: usize = List::PostNominals as usize + 1;

/// The parsed file: the words of each section, indexed by [`List`].
fn tables() -> &'static [Vec<&'static str>; LISTS] {
    static T: OnceLock<[Vec<&'static str>; LISTS]> = OnceLock::new();
    T.get_or_init(|| {
        let mut t: [Vec<&'static str>; LISTS] = Default::default();
        let mut cur: Option<List> = None;
        for line in DATA.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if let Some(sec) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                cur = section(sec);
                continue;
            }
            if let Some(l) = cur {
                t[l as usize].extend(line.split_whitespace());
            }
        }
        t
    })
}

/// The words of `list`, in file order.
pub fn list(list: List) -> &'static [&'static str] {
    &tables()[list as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list.
    const ALL: [List; LISTS] = [
        List::AmbiguousTitles,
        List::StreetWords,
        List::WorkHeads,
        List::MediaHeads,
        List::Compass,
        List::PersonVerbs,
        List::PlaceNouns,
        List::Directions,
        List::Locatives,
        List::ResultVerbs,
        List::PlaceOfNouns,
        List::OrgWork,
        List::OrgHoldings,
        List::OrgBy,
        List::OrgModified,
        List::SurnameTitles,
        List::OrgAppositive,
        List::OrgAppositiveIts,
        List::WorkNouns,
        List::PostNominals,
    ];

    #[test]
    fn every_section_is_known_and_every_list_is_read() {
        for line in DATA.lines() {
            if let Some(sec) = line
                .trim()
                .strip_prefix('[')
                .and_then(|l| l.strip_suffix(']'))
            {
                assert!(section(sec).is_some(), "unknown section [{sec}]");
            }
        }
        for l in ALL {
            assert!(!list(l).is_empty(), "{l:?} is empty");
        }
        assert!(list(List::StreetWords).contains(&"Avenue"));
        assert!(list(List::PersonVerbs).contains(&"said"));
        assert!(!list(List::MediaHeads).contains(&"times"));
    }
}
