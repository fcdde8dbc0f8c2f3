//! Word comparisons shared by the quote rules: ASCII lowercasing into a buffer and
//! membership in a word list ignoring ASCII case. Abbreviations before a period are
//! [`crate::extract::tokens::abbreviations`]'.

/// Articles, demonstratives and possessives: words a noun follows (`the reason`, `his
/// reply`).
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "this", "that", "our", "my", "your",
];

/// Lowercases an ASCII word into `buf`; `None` when too long or not ASCII.
pub fn lower<'b>(word: &str, buf: &'b mut [u8; 48]) -> Option<&'b str> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// True when `word` equals one of `set` ignoring ASCII case.
pub fn is_one_of(word: &str, set: &[&str]) -> bool {
    let w = word.as_bytes();
    let Some(&f) = w.first() else {
        return set.iter().any(|s| s.is_empty());
    };
    let f = f.to_ascii_lowercase();
    // Length and first byte reject most entries before the full comparison.
    set.iter().any(|s| {
        let b = s.as_bytes();
        b.len() == w.len() && b[0].to_ascii_lowercase() == f && s.eq_ignore_ascii_case(word)
    })
}
