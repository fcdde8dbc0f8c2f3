//! Words of the speaker rules, read from `src/extract/data/speakers.txt`: group, role,
//! document and organization nouns, gendered words, titles, pronouns and the words skipped
//! before a source's head.

use super::cues::FastMap;
use super::word_match::lower;
use std::sync::OnceLock;

const DATA: &str = include_str!("../data/speakers.txt");

pub(super) const GROUP: u16 = 1;
pub(super) const ROLE: u16 = 2;
pub(super) const FEMALE: u16 = 4;
pub(super) const MALE: u16 = 8;
pub(super) const DOCUMENT: u16 = 16;
pub(super) const ORG: u16 = 32;
pub(super) const ORGWORD: u16 = 64;
pub(super) const TITLE: u16 = 128;
pub(super) const PRONOUN: u16 = 256;
pub(super) const SKIP: u16 = 512;
pub(super) const ORGANY: u16 = 1024;
pub(super) const WORK: u16 = 2048;

/// Words of `speakers.txt` with the sections they are listed in.
pub struct Words(FastMap<String, u16>);

pub fn words() -> &'static Words {
    static W: OnceLock<Words> = OnceLock::new();
    W.get_or_init(|| {
        let mut map: FastMap<String, u16> = FastMap::default();
        let mut flag = 0u16;
        for line in DATA.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if let Some(sec) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                flag = match sec {
                    "group" => GROUP,
                    "role" => ROLE,
                    "female" => FEMALE,
                    "male" => MALE,
                    "document" => DOCUMENT,
                    "org" => ORG,
                    "orgword" => ORGWORD,
                    "title" => TITLE,
                    "pronoun" => PRONOUN,
                    "skip" => SKIP,
                    "organy" => ORGANY,
                    "work" => WORK,
                    _ => 0,
                };
                continue;
            }
            for w in line.split_whitespace() {
                *map.entry(w.to_string()).or_default() |= flag;
            }
        }
        Words(map)
    })
}

impl Words {
    pub(super) fn flags(&self, word: &str) -> u16 {
        let mut buf = [0u8; 48];
        let Some(l) = lower(word, &mut buf) else {
            return 0;
        };
        let l = l.trim_end_matches(['’', '\'']);
        self.0.get(l).copied().unwrap_or(0)
    }
    pub fn is_skip(&self, word: &str) -> bool {
        self.flags(word) & SKIP != 0
    }
    pub fn is_group(&self, word: &str) -> bool {
        self.flags(word) & GROUP != 0
    }
    pub fn is_document(&self, word: &str) -> bool {
        self.flags(word) & DOCUMENT != 0
    }
    pub fn is_title(&self, word: &str) -> bool {
        self.flags(word) & TITLE != 0
    }
    /// A noun for a creative work (`book`, `play`, `documentary`).
    pub fn is_work(&self, word: &str) -> bool {
        self.flags(word) & WORK != 0
    }
    /// A noun naming one person's role (`senator`, `candidate`).
    pub fn is_role(&self, word: &str) -> bool {
        self.flags(word) & ROLE != 0
    }
    pub fn is_speaker_head(&self, word: &str) -> bool {
        self.flags(word) & (GROUP | ROLE | DOCUMENT | ORG) != 0
    }
}
