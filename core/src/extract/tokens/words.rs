//! Where a word ends: a run of letters and digits that may hold a hyphen, an apostrophe, a
//! dot or an ampersand between two letters or digits (`Jong-ha`, `O'Brien`, `U.S`, `AT&T`).

/// `char::is_alphanumeric`, answering ASCII and the General Punctuation block (curly quotes,
/// dashes, spaces: none alphanumeric) without the Unicode table look-up.
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        false
    } else {
        c.is_alphanumeric()
    }
}

/// The joins a reader adds to the hyphens, apostrophes, dots and ampersands every word may
/// hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Joins {
    /// `_` joins (`user_name`, handles).
    pub underscore: bool,
    /// A comma joins two digits (`4,000`).
    pub digit_commas: bool,
}

/// The name finder's words: the common joins only.
pub const NAME_JOINS: Joins = Joins {
    underscore: false,
    digit_commas: false,
};

/// The quote finder's words: handles and numbers with thousands separators stay whole.
pub const QUOTE_JOINS: Joins = Joins {
    underscore: true,
    digit_commas: true,
};

/// A character every word may hold between two letters or digits.
fn joins_always(c: char) -> bool {
    matches!(
        c,
        '-' | '\'' | '\u{2019}' | '.' | '&' | '\u{2010}' | '\u{2011}'
    )
}

/// A word found by [`scan_word`]: where it ends and what it joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScannedWord {
    /// Byte offset just past the word.
    pub end: usize,
    /// An ASCII hyphen joins two parts (`Jong-ha`).
    pub hyphen: bool,
    /// An apostrophe, straight or curly, joins two parts (`O'Brien`, `Israel’s`).
    pub apostrophe: bool,
}

/// The end (byte offset) of the word that starts at `start`, a letter or digit of `body`.
/// A joining character at an offset where `stops` holds (a quotation mark) ends the word.
#[inline]
pub fn word_end(body: &str, start: usize, joins: Joins, stops: impl Fn(usize) -> bool) -> usize {
    scan_word(body, start, joins, stops).end
}

/// [`word_end`], telling also whether a hyphen or an apostrophe joined the word.
#[inline]
pub fn scan_word(
    body: &str,
    start: usize,
    joins: Joins,
    stops: impl Fn(usize) -> bool,
) -> ScannedWord {
    let bytes = body.as_bytes();
    let mut hyphen = false;
    let mut apostrophe = false;
    let n = bytes.len();
    let mut j = start + body[start..].chars().next().map_or(0, char::len_utf8);
    loop {
        // Plain ASCII letters and digits need no decoding.
        while j < n && bytes[j].is_ascii_alphanumeric() {
            j += 1;
        }
        let Some(d) = body[j..].chars().next() else {
            break;
        };
        if is_alnum(d) {
            j += d.len_utf8();
            continue;
        }
        let joins_here = match d {
            '_' => joins.underscore,
            ',' => joins.digit_commas && bytes[j - 1].is_ascii_digit(),
            _ => joins_always(d),
        };
        if joins_here && !stops(j) {
            let k = j + d.len_utf8();
            let after = body[k..].chars().next();
            let joined = if d == ',' {
                after.is_some_and(|a| a.is_ascii_digit())
            } else {
                after.is_some_and(is_alnum)
            };
            if joined {
                hyphen |= d == '-';
                apostrophe |= d == '\'' || d == '\u{2019}';
                j = k;
                continue;
            }
        }
        break;
    }
    ScannedWord {
        end: j,
        hyphen,
        apostrophe,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(body: &str, joins: Joins) -> Vec<&str> {
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(c) = body[i..].chars().next() {
            if is_alnum(c) {
                let end = word_end(body, i, joins, |_| false);
                out.push(&body[i..end]);
                i = end;
            } else {
                i += c.len_utf8();
            }
        }
        out
    }

    #[test]
    fn inner_marks_join_and_outer_ones_do_not() {
        assert_eq!(
            words(
                "O'Brien's Jong-ha of AT&T left the U.S. -- 'now'",
                NAME_JOINS
            ),
            [
                "O'Brien's",
                "Jong-ha",
                "of",
                "AT&T",
                "left",
                "the",
                "U.S",
                "now"
            ]
        );
        assert_eq!(words("didn’t co‑op", NAME_JOINS), ["didn’t", "co‑op"]);
    }

    #[test]
    fn decimals_join_and_thousands_only_for_quotes() {
        assert_eq!(words("3.5 of 4,000", NAME_JOINS), ["3.5", "of", "4", "000"]);
        assert_eq!(words("3.5 of 4,000", QUOTE_JOINS), ["3.5", "of", "4,000"]);
        assert_eq!(words("a,b 4, 5", QUOTE_JOINS), ["a", "b", "4", "5"]);
        assert_eq!(words("user_name", NAME_JOINS), ["user", "name"]);
        assert_eq!(words("user_name", QUOTE_JOINS), ["user_name"]);
    }

    #[test]
    fn joins_are_told() {
        let w = scan_word("O'Brien-Li said", 0, NAME_JOINS, |_| false);
        assert_eq!((w.end, w.hyphen, w.apostrophe), (10, true, true));
        let w = scan_word("U.S. plan", 0, NAME_JOINS, |_| false);
        assert_eq!((w.end, w.hyphen, w.apostrophe), (3, false, false));
    }

    #[test]
    fn a_stop_ends_the_word() {
        let body = "rock'n'roll";
        assert_eq!(word_end(body, 0, QUOTE_JOINS, |_| false), body.len());
        assert_eq!(word_end(body, 0, QUOTE_JOINS, |j| j == 4), 4);
    }

    #[test]
    fn is_alnum_agrees_with_std_for_every_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{:?}", c);
        }
    }
}
