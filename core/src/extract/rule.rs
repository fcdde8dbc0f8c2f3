//! The named rules of quote extraction.
//!
//! Every quote records two of them: [`Quote::rule`](super::Quote::rule), the frame that
//! found its words, and [`Quote::speaker_rule`](super::Quote::speaker_rule), the step that
//! chose its speaker. `onrecord extract --explain` prints both beside each quote, and the
//! JSON output carries them by their serialized (snake_case) names.

use serde::{Deserialize, Serialize};

/// One rule of the quote extractor: a frame that finds a quotation or a step that picks a
/// speaker. The doc line of each variant is what `--explain` says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    // --- Frames that find a quote.
    /// Words between quotation marks.
    QuotationMarks,
    /// `S said (that) C`: a clause after a communication verb.
    ReportedClause,
    /// `S said A, adding B`: a participle that goes on with the same source.
    ReportedParticiple,
    /// `C, S said` / `C, said S`: the clause before an inverted cue.
    ReportedInverted,
    /// `According to S, C` / `C, according to S`.
    AccordingTo,
    /// `As S told reporters, C`: a fronted `as` clause names the source of the clause after it.
    ReportedAs,

    // --- Steps that choose a speaker.
    /// `"Q," said S` / `"Q," S said`: the cue and source after the closing mark.
    CueAfter,
    /// `"Q," since the pier would close, said S`: the cue and source after an adjunct that
    /// follows a quotation opening its sentence.
    CueAfterAdjunct,
    /// `S said: "Q"` / `S said, "Q"`: the source and cue before the opening mark.
    CueBefore,
    /// `S agreed: "Q"`: the subject of the clause that leads in with a colon.
    ColonLeadIn,
    /// `As S put it, "Q"`.
    AsPutIt,
    /// `"Q" — S`: a name after a dash closing the quotation's paragraph.
    DashCredit,
    /// `"Q." That remark from S appeared ...`: the next sentence opens by crediting the
    /// quotation.
    QuoteCredit,
    /// The quote sits inside a reported clause and shares its source.
    ReportedSource,
    /// `S called it "Q"`: the subject of a naming or speech verb before a fragment.
    NamingVerb,
    /// Another quote of the same sentence.
    SameSentence,
    /// Another quote of the same paragraph.
    SameParagraph,
    /// The subject of an earlier sentence of the paragraph that introduces the speaker.
    ParagraphSubject,
    /// `Ana Ruiz praised the plan.` closing a paragraph, then a paragraph that is only a
    /// quotation: the person that paragraph is about.
    ParagraphBefore,
    /// The speaker going on from the paragraphs before.
    CurrentSpeaker,
    /// No step found a speaker.
    #[default]
    Unattributed,
}

impl Rule {
    /// Every rule, in declaration order.
    pub const ALL: [Rule; 21] = [
        Rule::QuotationMarks,
        Rule::ReportedClause,
        Rule::ReportedParticiple,
        Rule::ReportedInverted,
        Rule::AccordingTo,
        Rule::ReportedAs,
        Rule::CueAfter,
        Rule::CueAfterAdjunct,
        Rule::CueBefore,
        Rule::ColonLeadIn,
        Rule::AsPutIt,
        Rule::DashCredit,
        Rule::QuoteCredit,
        Rule::ReportedSource,
        Rule::NamingVerb,
        Rule::SameSentence,
        Rule::SameParagraph,
        Rule::ParagraphSubject,
        Rule::ParagraphBefore,
        Rule::CurrentSpeaker,
        Rule::Unattributed,
    ];

    /// The serialized name (`cue_after`).
    pub fn name(self) -> &'static str {
        match self {
            Rule::QuotationMarks => "quotation_marks",
            Rule::ReportedClause => "reported_clause",
            Rule::ReportedParticiple => "reported_participle",
            Rule::ReportedInverted => "reported_inverted",
            Rule::AccordingTo => "according_to",
            Rule::ReportedAs => "reported_as",
            Rule::CueAfter => "cue_after",
            Rule::CueAfterAdjunct => "cue_after_adjunct",
            Rule::CueBefore => "cue_before",
            Rule::ColonLeadIn => "colon_lead_in",
            Rule::AsPutIt => "as_put_it",
            Rule::DashCredit => "dash_credit",
            Rule::QuoteCredit => "quote_credit",
            Rule::ReportedSource => "reported_source",
            Rule::NamingVerb => "naming_verb",
            Rule::SameSentence => "same_sentence",
            Rule::SameParagraph => "same_paragraph",
            Rule::ParagraphSubject => "paragraph_subject",
            Rule::ParagraphBefore => "paragraph_before",
            Rule::CurrentSpeaker => "current_speaker",
            Rule::Unattributed => "unattributed",
        }
    }

    /// A short description with an example pattern, for `--explain`.
    pub fn describe(self) -> &'static str {
        match self {
            Rule::QuotationMarks => "words between quotation marks",
            Rule::ReportedClause => "S said (that) C",
            Rule::ReportedParticiple => "S said A, adding B",
            Rule::ReportedInverted => "C, S said",
            Rule::AccordingTo => "according to S, C",
            Rule::ReportedAs => "As S said, C",
            Rule::CueAfter => "\"Q,\" said S / \"Q,\" S said",
            Rule::CueAfterAdjunct => "\"Q,\" ADJUNCT, said S",
            Rule::CueBefore => "S said: \"Q\"",
            Rule::ColonLeadIn => "S agreed: \"Q\"",
            Rule::AsPutIt => "As S put it / wrote, \"Q\"",
            Rule::DashCredit => "\"Q\" — S",
            Rule::QuoteCredit => "\"Q.\" That remark from S ...",
            Rule::ReportedSource => "inside a clause S reported",
            Rule::NamingVerb => "S called it \"Q\"",
            Rule::SameSentence => "another quote of the sentence",
            Rule::SameParagraph => "another quote of the paragraph",
            Rule::ParagraphSubject => "the paragraph introduces S",
            Rule::ParagraphBefore => "the paragraph before is about S",
            Rule::CurrentSpeaker => "S goes on speaking",
            Rule::Unattributed => "no speaker found",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Rule;

    #[test]
    fn names_are_the_serialized_names_and_unique() {
        let mut seen = std::collections::HashSet::new();
        for r in Rule::ALL {
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.name())
            );
            assert!(seen.insert(r.name()), "duplicate rule name {}", r.name());
            assert!(!r.describe().is_empty());
        }
    }
}
