//! What `class` and `id` words say about an element: boilerplate (menus, share bars,
//! comments, related links, cookie banners) or content (article body, post text).
//!
//! Words are split on punctuation and camelCase (`relatedLinks` -> `related`, `links`) and
//! compared whole, so `shared-space` does not read as `share`.

use super::dom::{Dom, NodeId};

/// Words of class/id names that mark page furniture.
const NEGATIVE: &[&str] = &[
    "ad",
    "ads",
    "adslot",
    "adunit",
    "advert",
    "advertisement",
    "advertising",
    "alert",
    "author",
    "banner",
    "bio",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "caption",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "copyright",
    "credit",
    "credits",
    "disqus",
    "dropdown",
    "follow",
    "footer",
    "gdpr",
    "header",
    "hidden",
    "login",
    "masthead",
    "menu",
    "meta",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "overlay",
    "pager",
    "pagination",
    "paywall",
    "popular",
    "popup",
    "print",
    "promo",
    "promotion",
    "rail",
    "rating",
    "recirc",
    "recommend",
    "recommendations",
    "recommended",
    "related",
    "reply",
    "respond",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "skip",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tag",
    "tags",
    "teaser",
    "toolbar",
    "trending",
    "widget",
];

/// Words of class/id names that mark the main text.
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "main", "post", "story", "text", "blog",
];

/// Splits a class/id value into lowercase words and calls `f` on each (words over 31
/// bytes are skipped). Stops early when `f` returns true; returns whether it did.
fn any_word(value: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    let mut buf = [0u8; 32];
    let mut len = 0usize;
    let mut too_long = false;
    let mut prev_lower = false;
    let mut flush = |buf: &[u8; 32], len: &mut usize, too_long: &mut bool| -> bool {
        let hit = *len > 0 && !*too_long && f(std::str::from_utf8(&buf[..*len]).unwrap_or(""));
        *len = 0;
        *too_long = false;
        hit
    };
    for &b in value.as_bytes() {
        if b.is_ascii_alphanumeric() {
            if b.is_ascii_uppercase() && prev_lower && flush(&buf, &mut len, &mut too_long) {
                return true;
            }
            prev_lower = b.is_ascii_lowercase() || b.is_ascii_digit();
            if len < buf.len() {
                buf[len] = b.to_ascii_lowercase();
                len += 1;
            } else {
                too_long = true;
            }
        } else {
            prev_lower = false;
            if flush(&buf, &mut len, &mut too_long) {
                return true;
            }
        }
    }
    flush(&buf, &mut len, &mut too_long)
}

fn names(dom: &Dom, id: NodeId) -> impl Iterator<Item = &str> {
    [dom.attr(id, "class"), dom.attr(id, "id")]
        .into_iter()
        .flatten()
        .map(|v| &v[..v.floor_char_boundary(4096)])
}

/// True when a class or id word marks page furniture.
pub fn is_negative(dom: &Dom, id: NodeId) -> bool {
    names(dom, id).any(|v| any_word(v, |w| NEGATIVE.binary_search(&w).is_ok()))
}

/// True when a class or id word is one of `words`.
pub fn has_word(dom: &Dom, id: NodeId, words: &[&str]) -> bool {
    names(dom, id).any(|v| any_word(v, |w| words.contains(&w)))
}

/// True when a class or id word marks content.
pub fn is_positive(dom: &Dom, id: NodeId) -> bool {
    names(dom, id).any(|v| any_word(v, |w| POSITIVE.contains(&w)))
}

/// True when an element's class/id names the article body itself (`article-body`,
/// `entry-content`, `story-text`, `post_content`, `articleBody`).
pub fn is_body_hint(dom: &Dom, id: NodeId) -> bool {
    if dom.attr(id, "itemprop") == Some("articleBody") {
        return true;
    }
    names(dom, id).any(|v| {
        v.split_ascii_whitespace().any(|class| {
            let mut first = false;
            let mut second = false;
            any_word(class, |w| {
                if matches!(w, "article" | "entry" | "post" | "story" | "news") {
                    first = true;
                } else if first && matches!(w, "body" | "content" | "text") {
                    second = true;
                }
                false
            });
            second
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_list_is_sorted_for_binary_search() {
        assert!(NEGATIVE.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn words_split_on_case_and_punctuation() {
        let mut seen = Vec::new();
        any_word("relatedLinks main__share-bar", |w| {
            seen.push(w.to_string());
            false
        });
        assert_eq!(seen, ["related", "links", "main", "share", "bar"]);
    }

    #[test]
    fn a_long_class_is_cut_on_a_character_boundary() {
        // Found by fuzzing: the 4096-byte cap fell inside a three-byte character.
        for pad in 4093..4097 {
            let html = format!(
                "<div class=\"{}\u{2026}\u{2026} share\">x</div>",
                "a".repeat(pad)
            );
            let dom = crate::article::html::dom::parse(&html);
            let div = (0..dom.nodes.len())
                .find(|&i| dom.attr(i, "class").is_some())
                .expect("the div");
            assert!(!is_negative(&dom, div));
        }
    }
}
