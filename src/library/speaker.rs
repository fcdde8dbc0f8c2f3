//! Who is who across articles: turning the speaker names of many articles into one key per
//! person.
//!
//! Rules (each article's extractor has already chosen a canonical name per speaker):
//! - Two names are the same speaker when their *keys* agree: case, accents, punctuation,
//!   honorifics and titles ("Mr.", "Dr.", "President", "Sen.") do not count, so
//!   "Dr. José Álvarez" and "Jose Alvarez" are one speaker.
//! - A one-word name (usually a surname) is resolved inside its own article first: when the
//!   article names exactly one person whose name ends with (or is aliased by) that word, the
//!   quote belongs to that person.
//! - Across the library, a one-word name that is still alone joins a full name only when the
//!   library has evidence for it: the word was recorded as an alias of that full name in some
//!   article and of no other full name, and no other full-name speaker has that surname.
//!   "Bush" therefore stays "Bush" in a library with both George and Jeb Bush.
//! - Different full names never merge, even when they share a surname ("John Smith" and
//!   "Jane Smith" stay two people).

use crate::extract::{Analysis, EntityKind};

/// Titles and honorifics that may precede a name and are not part of it.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "gen",
    "general",
    "col",
    "colonel",
    "capt",
    "captain",
    "lt",
    "sgt",
    "judge",
    "justice",
    "rev",
    "reverend",
    "mayor",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "secretary",
    "chairman",
    "chairwoman",
    "ceo",
    "coach",
    "officer",
    "detective",
    "inspector",
    "chief",
];

/// Folds one char to lowercase ASCII where a common accented Latin letter has an obvious base.
fn fold_char(c: char, out: &mut String) {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ķ' => 'k',
        'ł' | 'ľ' | 'ļ' | 'ĺ' => 'l',
        'ñ' | 'ń' | 'ň' | 'ņ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' | 'ŕ' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ß' => {
            out.push_str("ss");
            return;
        }
        'æ' => {
            out.push_str("ae");
            return;
        }
        'œ' => {
            out.push_str("oe");
            return;
        }
        other => other,
    };
    out.push(base);
}

/// The words of a name, folded, without punctuation and leading titles.
fn words(name: &str) -> Vec<String> {
    let mut folded = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            fold_char(c, &mut folded);
        } else if c == '\'' || c == '\u{2019}' || c == '.' {
            // O'Brien -> obrien, J.R.R. -> jrr
        } else {
            folded.push(' ');
        }
    }
    let mut ws: Vec<String> = folded.split_whitespace().map(str::to_string).collect();
    // Leading titles go, but never the last word: "Judge" alone stays "judge".
    while ws.len() > 1 && TITLES.contains(&ws[0].as_str()) {
        ws.remove(0);
    }
    ws
}

/// The key under which a speaker name is indexed; equal keys are one speaker.
pub fn key(name: &str) -> String {
    words(name).join(" ")
}

/// The last word of a key (the surname of a person's full name).
pub fn surname(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or(key)
}

/// Whether a key is a single word (a surname, a mononym, or an organization's short name).
pub fn is_single_word(key: &str) -> bool {
    !key.is_empty() && !key.contains(' ')
}

/// Whether `short` is a shorter form of `full`: fewer words, and its words end `full`
/// ("merkel" of "angela merkel", "da silva" of "maria da silva").
pub fn is_suffix_of(short: &str, full: &str) -> bool {
    !short.is_empty()
        && full.len() > short.len() + 1
        && full.ends_with(short)
        && full.as_bytes()[full.len() - short.len() - 1] == b' '
}

/// The proper word-boundary suffixes of a key ("b c" and "c" for "a b c").
pub fn suffixes(key: &str) -> impl Iterator<Item = &str> {
    key.char_indices()
        .filter(|&(_, c)| c == ' ')
        .map(move |(i, _)| &key[i + 1..])
}

/// The person names of one article, keyed once, to resolve its speakers.
pub struct ArticleNames {
    /// (full key, word count, alias keys) of each person entity.
    persons: Vec<(String, usize, Vec<String>)>,
}

impl ArticleNames {
    pub fn new(analysis: &Analysis) -> ArticleNames {
        let persons = analysis
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| {
                let full = key(&e.name);
                let words = full.split(' ').count();
                (full, words, e.aliases.iter().map(|a| key(a)).collect())
            })
            .collect();
        ArticleNames { persons }
    }

    /// A speaker name's key, resolved by the article's evidence: a short name (a surname,
    /// "Da Silva") becomes the full name of the one person entity in the article whose name
    /// ends with it or lists it as an alias. The plain key otherwise.
    pub fn resolve(&self, name: &str) -> String {
        let k = key(name);
        if k.is_empty() {
            return k;
        }
        let kw = k.split(' ').count();
        let mut found: Option<&String> = None;
        for (full, words, aliases) in &self.persons {
            let matches = is_suffix_of(&k, full) || (*words > kw && aliases.contains(&k));
            if matches {
                match found {
                    Some(f) if f != full => return k, // two candidates: no evidence which
                    _ => found = Some(full),
                }
            }
        }
        found.cloned().unwrap_or(k)
    }
}

/// [`ArticleNames::resolve`] for one name.
pub fn resolve_in_article(name: &str, analysis: &Analysis) -> String {
    ArticleNames::new(analysis).resolve(name)
}

/// (short key, full-name key) pairs an article gives as evidence: for each person entity
/// with a name of two or more words, its aliases with fewer words.
pub fn alias_evidence(analysis: &Analysis) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in &analysis.entities {
        if e.kind != EntityKind::Person {
            continue;
        }
        let full = key(&e.name);
        let words = full.split(' ').count();
        if words < 2 {
            continue;
        }
        for a in &e.aliases {
            let ak = key(a);
            if !ak.is_empty() && ak.split(' ').count() < words {
                out.push((ak, full.clone()));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Entity;

    fn person(name: &str, aliases: &[&str]) -> Entity {
        Entity {
            kind: EntityKind::Person,
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            mentions: vec![],
            other_mentions: 0,
            role: None,
        }
    }

    #[test]
    fn keys_ignore_case_accents_titles_punctuation() {
        assert_eq!(key("Dr. José Álvarez"), "jose alvarez");
        assert_eq!(key("JOSE  ALVAREZ"), "jose alvarez");
        assert_eq!(key("Sen. Mary O'Brien"), "mary obrien");
        assert_eq!(key("President"), "president");
        assert_ne!(key("John Smith"), key("Jane Smith"));
    }

    #[test]
    fn surname_resolves_only_with_one_candidate() {
        let a = Analysis {
            quotes: vec![],
            entities: vec![person("Angela Merkel", &["Merkel"])],
        };
        assert_eq!(resolve_in_article("Merkel", &a), "angela merkel");
        let b = Analysis {
            quotes: vec![],
            entities: vec![person("George Bush", &[]), person("Jeb Bush", &[])],
        };
        assert_eq!(resolve_in_article("Bush", &b), "bush");
        assert_eq!(resolve_in_article("Jeb Bush", &b), "jeb bush");
        let c = Analysis {
            quotes: vec![],
            entities: vec![person("James Da Silva", &[]), person("Da", &[])],
        };
        assert_eq!(resolve_in_article("Da Silva", &c), "james da silva");
        assert_eq!(resolve_in_article("Silva", &c), "james da silva");
    }

    #[test]
    fn suffixes_are_whole_words() {
        assert!(is_suffix_of("silva", "maria da silva"));
        assert!(is_suffix_of("da silva", "maria da silva"));
        assert!(!is_suffix_of("ilva", "maria da silva"));
        assert!(!is_suffix_of("maria da silva", "maria da silva"));
        assert_eq!(suffixes("a b c").collect::<Vec<_>>(), vec!["b c", "c"]);
    }

    #[test]
    fn alias_evidence_lists_single_word_aliases() {
        let a = Analysis {
            quotes: vec![],
            entities: vec![person("Luiz Inácio Lula da Silva", &["Lula", "Mr. Lula"])],
        };
        assert_eq!(
            alias_evidence(&a),
            vec![("lula".to_string(), "luiz inacio lula da silva".to_string())]
        );
    }
}
