//! Word lists of the quote frames, read from `src/extract/data/frame_words.txt`.

use super::cues::FastMap;
use super::word_match::lower;
use std::sync::OnceLock;

const DATA: &str = include_str!("../data/frame_words.txt");

/// A section of `frame_words.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Words opening a fronted adjunct before the subject.
    Fronted = 1,
    /// Speech verbs opening an inverted lead-in (`Said Ellis:`).
    Inverted = 2,
    /// Nouns for a statement (`issued a statement, "Q"`).
    SpeechNoun = 4,
    /// Words opening the writer's next clause after `C, S said,`.
    ClauseBreak = 8,
    /// Nouns naming quoted words as a name or term.
    Naming = 16,
    /// Irregular past forms.
    IrregularPast = 32,
    /// Number words.
    Number = 64,
    /// Nouns and names in -ly (not manner adverbs).
    LyNoun = 128,
    /// Words that make a number approximate (`about 9 percent`, `nearly four in 10`).
    Approximate = 256,
    /// Endings of nouns for someone who does something (`speechwriter`, `organizer`).
    AgentSuffix = 512,
    /// Words with such an ending that are no agent nouns (`other`, `latter`, `paper`).
    NotAgent = 1024,
    /// Words before a speech verb that make it no cue of a reported clause (`to say`).
    NotBeforeCue = 2048,
    /// Words a reported clause never opens with (`said to reporters`, `said yes`).
    NotClauseStart = 4096,
    /// Conjunctions that open a subordinate clause before the main one.
    Subordinator = 8192,
    /// Words that end a source phrase when reading leftwards from a cue.
    SourceStop = 16384,
    /// Sentence-initial connectives dropped from a source phrase.
    Connective = 32768,
    /// Texts of rules that state what they say (`the charter states that`).
    RuleText = 65536,
    /// Adverbs that may come before a word opening a fronted adjunct, or before `as`
    /// (`even as`, `just after`, `shortly before`).
    FrontedAdverb = 131072,
    /// Verbs that put words in someone's mouth as a name for something (`called it a “Q”`).
    NamingVerb = 262144,
    /// Things that carry words and are no documents of their own (`a sign saying “Q”`).
    DisplayNoun = 524288,
}

fn section(name: &str) -> u32 {
    match name {
        "fronted" => Section::Fronted as u32,
        "inverted" => Section::Inverted as u32,
        "speech_noun" => Section::SpeechNoun as u32,
        "clause_break" => Section::ClauseBreak as u32,
        "naming" => Section::Naming as u32,
        "irregular_past" => Section::IrregularPast as u32,
        "number" => Section::Number as u32,
        "ly_noun" => Section::LyNoun as u32,
        "approximate" => Section::Approximate as u32,
        "agent_suffix" => Section::AgentSuffix as u32,
        "not_agent" => Section::NotAgent as u32,
        "not_before_cue" => Section::NotBeforeCue as u32,
        "not_clause_start" => Section::NotClauseStart as u32,
        "subordinator" => Section::Subordinator as u32,
        "source_stop" => Section::SourceStop as u32,
        "connective" => Section::Connective as u32,
        "rule_text" => Section::RuleText as u32,
        "fronted_adverb" => Section::FrontedAdverb as u32,
        "naming_verb" => Section::NamingVerb as u32,
        "display_noun" => Section::DisplayNoun as u32,
        _ => 0,
    }
}

/// The parsed file: word → sections it is listed in, each section's words in file order,
/// and the `[title_abbreviation]` pairs (abbreviation, lowercase and without its dot → role).
struct Tables {
    words: FastMap<String, u32>,
    /// Indexed by the section's bit position.
    lists: [Vec<&'static str>; 20],
    agent_suffixes: Vec<String>,
    abbreviations: FastMap<String, String>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut t = Tables {
            words: FastMap::default(),
            lists: Default::default(),
            abbreviations: FastMap::default(),
            agent_suffixes: Vec::new(),
        };
        let mut flag = 0u32;
        let mut abbreviations = false;
        for line in DATA.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if let Some(sec) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                flag = section(sec);
                abbreviations = sec == "title_abbreviation";
                continue;
            }
            for w in line.split_whitespace() {
                if abbreviations {
                    if let Some((a, full)) = w.split_once('=') {
                        t.abbreviations.insert(a.to_string(), full.to_string());
                    }
                } else if flag == Section::AgentSuffix as u32 {
                    t.agent_suffixes.push(w.to_string());
                } else if flag != 0 {
                    *t.words.entry(w.to_string()).or_default() |= flag;
                    t.lists[flag.trailing_zeros() as usize].push(w);
                }
            }
        }
        t
    })
}

/// `true` when `word` (any case) is listed in `section`.
pub fn is(section: Section, word: &str) -> bool {
    let mut buf = [0u8; 48];
    lower(word, &mut buf)
        .and_then(|l| tables().words.get(l))
        .is_some_and(|&f| f & section as u32 != 0)
}

/// The words of `section` in file order, for look-ups that compare them ignoring ASCII
/// case whatever the letters (`didn’t`), as `Doc::is_any` does.
pub fn list(section: Section) -> &'static [&'static str] {
    &tables().lists[(section as u32).trailing_zeros() as usize]
}

/// `true` when lowercase `word` reads as a noun for someone who does something: it ends
/// in an agent ending (`-er`, `-ist`, `-ian`, ...) with a stem of three letters or more,
/// and is not listed as an exception.
pub fn is_agent_noun(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && !is(Section::NotAgent, word)
        && tables()
            .agent_suffixes
            .iter()
            .any(|suf| word.len() >= suf.len() + 3 && word.ends_with(suf.as_str()))
}

/// The role an abbreviated title stands for (`Sen` → `senator`), or the word itself.
pub fn expand_title(w: &str) -> &str {
    let mut buf = [0u8; 48];
    lower(w, &mut buf)
        .and_then(|l| tables().abbreviations.get(l))
        .map_or(w, String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_is_read_and_words_are_case_blind() {
        assert!(is(Section::Fronted, "Before"));
        assert!(is(Section::Inverted, "said"));
        assert!(is(Section::SpeechNoun, "statement"));
        assert!(is(Section::ClauseBreak, "while"));
        assert!(is(Section::Naming, "nickname"));
        assert!(is(Section::NamingVerb, "Labelled"));
        assert!(is(Section::DisplayNoun, "placard"));
        assert!(list(Section::NamingVerb).contains(&"described"));
        assert!(is(Section::IrregularPast, "told"));
        assert!(is(Section::Number, "three"));
        assert!(is(Section::LyNoun, "family"));
        assert!(!is(Section::Naming, "said"));
        assert!(is(Section::Approximate, "Nearly"));
        assert!(list(Section::NotBeforeCue).contains(&"didn’t"));
        assert!(list(Section::NotClauseStart).contains(&"yes"));
        assert!(list(Section::Subordinator).contains(&"whereas"));
        assert!(list(Section::SourceStop).contains(&"whom"));
        assert!(list(Section::Connective).contains(&"meanwhile"));
        assert!(is_agent_noun("speechwriter") && is_agent_noun("front-runner"));
        assert!(is_agent_noun("organizer") && is_agent_noun("economist"));
        assert!(!is_agent_noun("other") && !is_agent_noun("paper") && !is_agent_noun("Baker"));
        assert_eq!(expand_title("Sen"), "senator");
        assert_eq!(expand_title("Mayor"), "Mayor");
        // Every section header in the file is one the code knows.
        for line in DATA.lines() {
            if let Some(sec) = line
                .trim()
                .strip_prefix('[')
                .and_then(|l| l.strip_suffix(']'))
            {
                assert!(
                    section(sec) != 0 || sec == "title_abbreviation",
                    "unknown section [{sec}]"
                );
            }
        }
    }
}
