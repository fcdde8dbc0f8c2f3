//! The `extract` output: JSON Lines in the format the evaluation reads, or a text report.

use crate::article::Article;
use crate::extract::{Analysis, Entity, EntityKind, Quote, QuoteKind, Rule, SpeakerKind};
use crate::words::CharOffsets;
use serde::Serialize;

#[derive(Serialize)]
pub struct JsonArticle<'a> {
    pub path: &'a str,
    /// The article's key inside its file (an mbox message), when the file holds several.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub item: &'a str,
    pub title: &'a str,
    pub byline: &'a [String],
    pub dateline: Option<&'a str>,
    pub date: Option<&'a str>,
    pub url: Option<&'a str>,
    /// Language tag, when the file says (HTML `lang`, front matter).
    pub language: Option<&'a str>,
    /// The publication or sender apart from the byline (a newsletter's list), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<&'a str>,
    pub body: &'a str,
    pub quotes: JsonQuotes<'a>,
    pub entities: Vec<JsonEntity<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

#[derive(Serialize)]
pub struct JsonQuote<'a> {
    pub kind: QuoteKind,
    pub text: &'a str,
    /// Character (Unicode scalar) offsets into `body`.
    pub start: usize,
    pub end: usize,
    pub speaker: Option<&'a str>,
    pub speaker_kind: SpeakerKind,
    pub cue: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub continues: bool,
    /// The frame that found the quote.
    pub rule: Rule,
    /// The step that chose its speaker.
    pub speaker_rule: Rule,
}

/// The quotes of an article, made into [`JsonQuote`]s one at a time as they are written:
/// an article with a million quotes holds no second copy of them.
pub struct JsonQuotes<'a> {
    body: &'a str,
    quotes: &'a [Quote],
}

impl<'a> JsonQuotes<'a> {
    /// Each quote as written, in order.
    pub fn iter(&self) -> impl Iterator<Item = JsonQuote<'a>> + use<'a> {
        let body = self.body;
        let mut offsets = CharOffsets::new(body);
        self.quotes.iter().map(move |q| JsonQuote {
            kind: q.kind,
            text: &body[q.span.clone()],
            start: offsets.at(q.span.start),
            end: offsets.at(q.span.end),
            speaker: q.speaker.as_deref(),
            speaker_kind: q.speaker_kind,
            cue: q.cue.as_deref(),
            continues: q.continues,
            rule: q.rule,
            speaker_rule: q.speaker_rule,
        })
    }

    pub fn len(&self) -> usize {
        self.quotes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.quotes.is_empty()
    }
}

impl Serialize for JsonQuotes<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter())
    }
}

#[derive(Serialize)]
pub struct JsonEntity<'a> {
    pub kind: EntityKind,
    pub name: &'a str,
    pub aliases: &'a [String],
    pub mentions: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'a str>,
}

/// Builds the JSON object for one article.
pub fn json_article<'a>(
    path: &'a str,
    article: &'a Article,
    analysis: &'a Analysis,
    warnings: Vec<String>,
) -> JsonArticle<'a> {
    let quotes = JsonQuotes {
        body: &article.body,
        quotes: &analysis.quotes,
    };
    let entities = analysis.entities.iter().map(json_entity).collect();
    JsonArticle {
        path,
        item: "",
        title: &article.title,
        byline: &article.byline,
        dateline: article.dateline.as_deref(),
        date: article.date.as_deref(),
        url: article.url.as_deref(),
        language: article.language.as_deref(),
        outlet: article.outlet.as_deref(),
        body: &article.body,
        quotes,
        entities,
        warnings,
    }
}

fn json_entity(e: &Entity) -> JsonEntity<'_> {
    JsonEntity {
        kind: e.kind,
        name: &e.name,
        aliases: &e.aliases,
        mentions: e.mention_count(),
        role: e.role.as_deref(),
    }
}

/// A readable report of one article's analysis. Every piece of content (path, metadata,
/// quotes, names) is passed through [`one_line`] so nothing in it can act on a terminal.
/// With `explain`, each quote is followed by the rule that found it, the step that chose
/// its speaker and the words the speaker was read from.
pub fn text_report(path: &str, article: &Article, analysis: &Analysis, explain: bool) -> String {
    let mut s = Vec::new();
    write_text_report(&mut s, path, article, analysis, explain).expect("writes to memory");
    String::from_utf8(s).expect("the report is UTF-8")
}

/// [`text_report`] written straight to `s` (the report of a huge article is never held
/// whole).
pub fn write_text_report<W: std::io::Write>(
    s: &mut W,
    path: &str,
    article: &Article,
    analysis: &Analysis,
    explain: bool,
) -> std::io::Result<()> {
    use crate::safe_text::one_line;
    writeln!(s, "== {}", one_line(path, 500))?;
    writeln!(s, "title:   {}", one_line(&article.title, 300))?;
    if !article.byline.is_empty() {
        writeln!(s, "byline:  {}", one_line(&article.byline.join(", "), 300))?;
    }
    if let Some(d) = &article.dateline {
        writeln!(s, "dateline: {}", one_line(d, 200))?;
    }
    if let Some(d) = &article.date {
        writeln!(s, "date:    {}", one_line(d, 200))?;
    }
    if let Some(u) = &article.url {
        writeln!(s, "url:     {}", one_line(u, 500))?;
    }
    if let Some(l) = &article.language {
        writeln!(s, "language: {}", one_line(l, 64))?;
    }
    if let Some(o) = &article.outlet {
        writeln!(s, "outlet:  {}", one_line(o, 200))?;
    }
    writeln!(s, "quotes:  {}", analysis.quotes.len())?;
    for (i, q) in analysis.quotes.iter().enumerate() {
        let kind = q.kind.as_str();
        writeln!(
            s,
            "  {:>3}. [{kind}] {} — {}{}",
            i + 1,
            // In full: a report that cuts a quote misquotes it.
            one_line(&article.body[q.span.clone()], usize::MAX),
            one_line(q.speaker.as_deref().unwrap_or("(unknown)"), 100),
            q.cue
                .as_deref()
                .map(|c| format!(" ({})", one_line(c, 60)))
                .unwrap_or_default(),
        )?;
        if explain {
            writeln!(
                s,
                "       found by:  {} — {}",
                q.rule.name(),
                q.rule.describe()
            )?;
            let via = q
                .speaker_span
                .as_ref()
                .and_then(|r| article.body.get(r.clone()))
                .map(|w| format!(" from \"{}\"", one_line(w, 100)))
                .unwrap_or_default();
            writeln!(
                s,
                "       speaker:   {} — {}{via}",
                q.speaker_rule.name(),
                q.speaker_rule.describe()
            )?;
        }
    }
    writeln!(s, "entities:")?;
    for e in &analysis.entities {
        let kind = match e.kind {
            EntityKind::Person => "person",
            EntityKind::Organization => "org",
            EntityKind::Place => "place",
        };
        writeln!(
            s,
            "  [{kind}] {} ×{}{}",
            one_line(&e.name, 100),
            e.mention_count(),
            e.role
                .as_deref()
                .map(|r| format!(" — {}", one_line(r, 200)))
                .unwrap_or_default()
        )?;
    }
    Ok(())
}

/// JSON Lines go out through the output policy: see [`crate::safe_text::to_json_line`].
pub use crate::safe_text::to_json_line;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_report_prints_quotes_in_full() {
        let words = "and the harbour will stay open through the winter ".repeat(6);
        let body = format!(
            "\u{201C}{} we promise,\u{201D} said Ana Ruiz.",
            words.trim()
        );
        let article = Article {
            title: "Harbour".into(),
            body,
            ..Default::default()
        };
        let analysis = crate::extract::analyze(&article);
        assert!(!analysis.quotes.is_empty());
        let report = text_report("a.txt", &article, &analysis, false);
        let line = report
            .lines()
            .find(|l| l.contains("[direct]"))
            .expect("the quote is listed");
        assert!(line.contains("winter we promise"), "{line}");
        assert!(!line.contains('\u{2026}'), "cut: {line}");
    }
}
