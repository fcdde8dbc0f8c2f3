//! Small word and text helpers shared by every layer (loading, extraction, the library, the
//! reader): the names of months and weekdays, byte-to-character offsets, and word shapes.
//! Plain functions and tables, with no dependency on any other module.

/// The months, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The short forms of the months as articles write them (`Jan.`, `Sept.`), lower case,
/// without their period; May has none.
pub const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec",
];

/// The days of the week, lower case, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Maps byte offsets of `text` to char offsets, in one pass over sorted queries.
pub struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// Char offset of byte offset `b` (must be a char boundary).
    pub fn at(&mut self, b: usize) -> usize {
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.text[self.byte..b].chars().count();
        self.byte = b;
        self.chars
    }
}

/// `s` with its first character in upper case, the rest as it is (`said` → `Said`).
pub fn capitalized(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets() {
        let mut o = CharOffsets::new("a\u{201C}b\u{201D}c");
        assert_eq!(o.at(1), 1);
        assert_eq!(o.at(4), 2);
        assert_eq!(o.at(8), 4);
        assert_eq!(o.at(0), 0);
    }

    #[test]
    fn capitals() {
        assert_eq!(capitalized("said"), "Said");
        assert_eq!(capitalized("\u{e9}t\u{e9}"), "\u{c9}t\u{e9}");
        assert_eq!(capitalized(""), "");
    }
}
