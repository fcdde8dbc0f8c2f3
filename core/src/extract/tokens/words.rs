//! Where a word ends: a run of letters and digits that may hold a hyphen, an apostrophe, a
//! dot, an ampersand or an underscore between two letters or digits (`Jong-ha`, `O'Brien`,
//! `U.S`, `AT&T`, `user_name`), or a comma between two digits (`4,000`).

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

/// A character a word may hold between two letters or digits; a comma only between two
/// digits (`4,000`), checked by the caller.
fn joins(c: char) -> bool {
    matches!(
        c,
        '-' | '\'' | '\u{2019}' | '.' | '&' | '_' | '\u{2010}' | '\u{2011}'
    )
}

/// The end (byte offset) of the word that starts at `start`, a letter or digit of `body`.
/// A joining character at an offset where `stops` holds (a quotation mark) ends the word.
#[inline]
pub fn word_end(body: &str, start: usize, stops: impl Fn(usize) -> bool) -> usize {
    let bytes = body.as_bytes();
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
        let joins_here = if d == ',' {
            bytes[j - 1].is_ascii_digit()
        } else {
            joins(d)
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
                j = k;
                continue;
            }
        }
        break;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(body: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(c) = body[i..].chars().next() {
            if is_alnum(c) {
                let end = word_end(body, i, |_| false);
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
            words("O'Brien's Jong-ha of AT&T left the U.S. -- 'now'"),
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
        assert_eq!(words("didn’t co‑op"), ["didn’t", "co‑op"]);
    }

    #[test]
    fn numbers_and_handles_stay_whole() {
        assert_eq!(words("3.5 of 4,000"), ["3.5", "of", "4,000"]);
        assert_eq!(words("a,b 4, 5 ,6"), ["a", "b", "4", "5", "6"]);
        assert_eq!(words("user_name _x y_"), ["user_name", "x", "y"]);
    }

    #[test]
    fn a_stop_ends_the_word() {
        let body = "rock'n'roll";
        assert_eq!(word_end(body, 0, |_| false), body.len());
        assert_eq!(word_end(body, 0, |j| j == 4), 4);
    }

    #[test]
    fn is_alnum_agrees_with_std_for_every_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{:?}", c);
        }
    }
}
