//! Frames with words between the quotation and its cue, or an inverted cue before it
//! (`frames/after.rs`: `after_adjunct`; `frames/mod.rs`: `inverted_lead`), on sentences written
//! for them.

use crate::extract::Rule;

use super::tests::{attributed, speaker};

const LEAD: &str = "The harbour board voted against the new pier on Tuesday.\n\n";

#[test]
fn an_inverted_cue_after_an_adjunct_clause() {
    let body = format!(
        "{LEAD}\u{201c}We looked at every option,\u{201d} since the pier would block the \
         channel for months, said Owen Pask, who chairs the board."
    );
    assert_eq!(
        speaker(&body, "We looked at every option,"),
        (Some("Owen Pask".into()), Rule::CueAfterAdjunct)
    );
    let body = format!(
        "{LEAD}\u{201c}The numbers never added up,\u{201d} in sharp contrast to earlier \
         years, says Maria Tolland, an engineer at the port."
    );
    assert_eq!(
        speaker(&body, "The numbers never added up,"),
        (Some("Maria Tolland".into()), Rule::CueAfterAdjunct)
    );
}

#[test]
fn a_named_subject_after_an_adjunct_clause() {
    let body = format!(
        "{LEAD}\u{201c}We looked at every option,\u{201d} since the pier would block the \
         channel, Owen Pask said."
    );
    assert_eq!(
        speaker(&body, "We looked at every option,"),
        (Some("Owen Pask".into()), Rule::CueAfterAdjunct)
    );
}

#[test]
fn a_time_after_the_comma_is_no_inverted_source() {
    // `, said Monday` has no source after the cue: the quotation stays unattributed rather
    // than given to a weekday.
    let body =
        format!("{LEAD}\u{201c}We looked at every option,\u{201d} as the board, said Monday.");
    assert_eq!(
        speaker(&body, "We looked at every option,").0,
        None,
        "{:?}",
        attributed(&body)
    );
}

#[test]
fn a_quotation_inside_the_sentence_takes_no_adjunct_frame() {
    // A title or fragment quoted mid-sentence is not the `"Q," ADJUNCT, S said` frame: the
    // cue after it reports other words.
    let body = format!(
        "{LEAD}In an interview on \u{201c}The Harbour Hour,\u{201d} on Friday, Owen Pask \
         said the vote was fair."
    );
    let q = attributed(&body);
    assert!(
        q.iter()
            .all(|x| x.0 != "The Harbour Hour," || x.2 != Rule::CueAfterAdjunct),
        "{q:?}"
    );
    // Without a comma closing the quotation, the words after it are no adjunct.
    let body = format!(
        "{LEAD}Against the \u{201c}pier-first\u{201d} plans of the developer, Owen Pask \
         stressed the cost."
    );
    let q = attributed(&body);
    assert!(q.iter().all(|x| x.2 != Rule::CueAfterAdjunct), "{q:?}");
}

#[test]
fn an_inverted_cue_after_a_fronted_adverbial_before_the_quotation() {
    let body = format!(
        "{LEAD}In other words, explained board member Paul Strand: \u{201c}The pier was \
         never going to be built.\u{201d}"
    );
    assert_eq!(
        speaker(&body, "The pier was never going to be built."),
        (Some("Paul Strand".into()), Rule::CueBefore)
    );
}

#[test]
fn an_inverted_cue_opening_the_sentence() {
    let body = format!("{LEAD}Said Tom Ring, \u{201c}We were glad.\u{201d}");
    assert_eq!(
        speaker(&body, "We were glad."),
        (Some("Tom Ring".into()), Rule::CueBefore)
    );
    let body = format!(
        "{LEAD}Said Agnes Bell, who has lived on the harbour front since 1980, \
         \u{201c}We were all so relieved.\u{201d}"
    );
    assert_eq!(
        speaker(&body, "We were all so relieved."),
        (Some("Agnes Bell".into()), Rule::CueBefore)
    );
    // A name that only looks like the cue (`Said` as a given name) followed by its own verb
    // is the subject, not an inverted cue with `Jalili said` for its source.
    let body = format!("{LEAD}Said Jalili said, \u{201c}We were glad.\u{201d}");
    let (who, _) = speaker(&body, "We were glad.");
    assert!(
        who.as_deref().is_some_and(|w| w.ends_with("Jalili")),
        "{who:?}"
    );
}

#[test]
fn a_split_quotation_with_a_time_word_after_the_cue() {
    // `“A,” S said afterward, “but B.”`: the second part goes on with the first; no
    // reported clause is read from `afterward, “but B”`.
    let body = format!(
        "{LEAD}\u{201c}It is a tough one,\u{201d} Jalen Brooks said afterward, \u{201c}but \
         I will learn from it.\u{201d}"
    );
    let (body, quotes) = crate::extract::quotes::analyze_paragraphs(&body);
    let got: Vec<_> = quotes
        .iter()
        .map(|q| (q.kind, &body[q.span.clone()], q.speaker.as_deref()))
        .collect();
    use crate::extract::QuoteKind::Direct;
    assert_eq!(
        got,
        vec![
            (Direct, "It is a tough one,", Some("Jalen Brooks")),
            (Direct, "but I will learn from it.", Some("Jalen Brooks")),
        ]
    );
}

#[test]
fn a_cue_inside_a_clause_of_the_adjunct_is_passed_over() {
    let body = format!(
        "{LEAD}\u{201c}The numbers never added up,\u{201d} in contrast to what the developer \
         promised, says Maria Tolland, an engineer at the port."
    );
    assert_eq!(
        speaker(&body, "The numbers never added up,"),
        (Some("Maria Tolland".into()), Rule::CueAfterAdjunct)
    );
    // A cue with its own subject and no clause word before it still ends the search.
    let body = format!(
        "{LEAD}\u{201c}The numbers never added up,\u{201d} the developer said, says Maria \
         Tolland."
    );
    assert_ne!(
        speaker(&body, "The numbers never added up,").0.as_deref(),
        Some("Maria Tolland")
    );
}

#[test]
fn a_quoted_name_inside_the_appositive_before_the_cue() {
    let body = format!(
        "{LEAD}\u{201c}We have had better meetings than this one,\u{201d} harbour delegate \
         Ines Varga, wearing a raincoat and \u{201c}Save the Pier\u{201d} badges, said as the \
         hall emptied."
    );
    assert_eq!(
        speaker(&body, "We have had better meetings than this one,"),
        (Some("Ines Varga".into()), Rule::CueAfter)
    );
}
