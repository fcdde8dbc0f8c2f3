//! Where a frame's reach ends and whom its subject names: a conjunction after the marks, a
//! passive naming verb, `who'd` in a subject, a name in apposition before a second verb, and
//! the organization an `it` follows; on sentences written for them.

use super::QuoteKind::Indirect;
use super::tests::{analyzed, attributed, speaker};
use crate::extract::Rule;

#[test]
fn a_conjunction_after_the_marks_opens_the_next_clause_not_a_frame() {
    let body = "Nora Pell accuses the council of \u{201c}dithering for a decade\u{201d} and \
                Tom Quade says the harbour plan is \u{201c}dead in the water.\u{201d}";
    assert_eq!(
        speaker(body, "dithering for a decade"),
        (Some("Nora Pell".into()), Rule::NamingVerb)
    );
    assert_eq!(
        speaker(body, "dead in the water.").0.as_deref(),
        Some("Tom Quade")
    );
    // Two groups, each with its own cue.
    let body = "Asked about the levy, 40 percent said \u{201c}far too high\u{201d} while \
                12 percent said \u{201c}about right.\u{201d}";
    assert_eq!(
        speaker(body, "far too high").0.as_deref(),
        Some("40 percent")
    );
    assert_eq!(
        speaker(body, "about right.").0.as_deref(),
        Some("12 percent")
    );
}

#[test]
fn a_passive_naming_verb_names_no_speaker() {
    // The subject of `has been called` is who the words are about.
    let body = "Dr. Ivo Strand has been called a \u{201c}snake-oil salesman\u{201d} by \
                other doctors.";
    let q = attributed(body);
    assert!(
        q.iter().all(|x| x.1.as_deref() != Some("Ivo Strand")),
        "{q:?}"
    );
    let body = "Councillors Ada Moss and Ben Tully argued over what is called a \
                \u{201c}community fund\u{201d} in the budget.";
    let q = attributed(body);
    assert!(q.iter().all(|x| x.1.is_none()), "{q:?}");
    // The active verb still names its subject.
    let body = "Ada Moss called the fund a \u{201c}slush pot\u{201d} on Monday.";
    assert_eq!(
        speaker(body, "slush pot"),
        (Some("Ada Moss".into()), Rule::NamingVerb)
    );
}

#[test]
fn a_relative_who_with_an_auxiliary_run_into_it_ends_the_subject() {
    for who in ["who\u{2019}d", "who'd", "who've"] {
        let body = format!(
            "Several of the union leaders {who} rather be campaigning for Ruth Ames said \
             they would back the new hall."
        );
        let q = analyzed(&body);
        let hit = q
            .iter()
            .find(|x| x.0 == Indirect && x.1 == "they would back the new hall")
            .unwrap_or_else(|| panic!("{q:?}"));
        assert_eq!(
            hit.2.as_deref(),
            Some("Several of the union leaders"),
            "{who}: {q:?}"
        );
    }
}

#[test]
fn a_name_in_apposition_is_the_source_of_a_second_verb() {
    let body = "One of the anglers, Colm Darby, 64, had fished the bay for decades and said he \
                was sure the new wall would ruin it.";
    let q = analyzed(body);
    let hit = q
        .iter()
        .find(|x| x.0 == Indirect)
        .unwrap_or_else(|| panic!("{q:?}"));
    assert_eq!(hit.2.as_deref(), Some("Colm Darby"), "{q:?}");
    // A list of names is no apposition: the clause keeps the sentence's subject.
    let body = "The growers, Hallam Farms, Pike Orchards and others, met the board and said \
                they would sue.";
    let q = analyzed(body);
    assert!(
        q.iter()
            .filter(|x| x.0 == Indirect)
            .all(|x| x.2.as_deref() != Some("Hallam Farms")),
        "{q:?}"
    );
}

#[test]
fn it_follows_the_organization_the_writer_moved_to() {
    let body = "The Quarry Workers Union wants the site reopened. \u{201c}Jobs come first,\u{201d} \
                it said.\n\n\
                Still, the Valley Conservation Trust opposed any reopening.\n\n\
                \u{201c}Leave the quarry to the birds,\u{201d} it recommended.";
    let q = attributed(body);
    let who = |t: &str| q.iter().find(|x| x.0 == t).and_then(|x| x.1.clone());
    assert_eq!(
        who("Jobs come first,").as_deref(),
        Some("Quarry Workers Union"),
        "{q:?}"
    );
    assert_eq!(
        who("Leave the quarry to the birds,").as_deref(),
        Some("Valley Conservation Trust"),
        "{q:?}"
    );
    // The organization first named as a subject is an organization speaker: the next `it`
    // is still that organization; so it is after a noun for it, and after a paragraph that
    // names no other organization.
    for (body, quote) in [
        (
            "The Quarry Workers Union wants the site reopened. \u{201c}Jobs come \
             first,\u{201d} it said.\n\n\u{201c}We will not wait,\u{201d} it added.",
            "We will not wait,",
        ),
        (
            "The Quarry Workers Union said most members backed the strike. The union objects \
             to the new shifts. It says they would cost drivers two weekends a month.",
            "they would cost drivers two weekends a month",
        ),
        (
            "The Quarry Workers Union wants the site reopened. \u{201c}Jobs come \
             first,\u{201d} it said.\n\nIts members met on Friday.\n\n\u{201c}We will not \
             wait,\u{201d} it added.",
            "We will not wait,",
        ),
    ] {
        assert_eq!(
            speaker(body, quote).0.as_deref(),
            Some("Quarry Workers Union"),
            "{body}"
        );
    }
}

#[test]
fn begging_someone_to_act_reports_no_clause() {
    let body = "Ruth Dale began the day by begging a fisherman who claimed to be undecided to \
                vote for her.";
    let q = analyzed(body);
    assert!(q.iter().all(|x| x.0 != Indirect), "{q:?}");
    let body = "The family begged that the court show mercy to their son.";
    let q = analyzed(body);
    assert!(
        q.iter()
            .any(|x| x.0 == Indirect && x.1.starts_with("the court show mercy")),
        "{q:?}"
    );
}

const LEADERS: &str = "Governor Ann Pike and Mayor Tom Dorn met on Monday.\n\n";

#[test]
fn a_coordinated_naming_verb_has_the_subject_of_the_verb_before_it() {
    let body = format!(
        "{LEADERS}Dorn mocked Pike on trade and called her a \u{201c}reckless spender.\u{201d}"
    );
    assert_eq!(
        speaker(&body, "reckless spender."),
        (Some("Tom Dorn".into()), Rule::NamingVerb)
    );
    // The subject after a subordinator, not the sentence's opening words.
    let body = format!(
        "{LEADERS}There have been sharper remarks, such as when Dorn mocked Pike on trade and \
         called her a \u{201c}shameless opportunist,\u{201d} a jab at her record."
    );
    assert_eq!(
        speaker(&body, "shameless opportunist,").0.as_deref(),
        Some("Tom Dorn")
    );
    let body = format!(
        "{LEADERS}The feud grew worse after she mocked Dorn on trade and called him a \
         \u{201c}puppet of the banks.\u{201d}"
    );
    assert_eq!(
        speaker(&body, "puppet of the banks.").0.as_deref(),
        Some("Ann Pike")
    );
}

#[test]
fn a_name_right_before_a_participle_is_its_subject() {
    let body = format!(
        "{LEADERS}Both issued a statement afterward, Pike saying she was \u{201c}deeply \
         encouraged\u{201d} and Dorn calling it a \u{201c}great start.\u{201d}"
    );
    assert_eq!(
        speaker(&body, "great start.").0.as_deref(),
        Some("Tom Dorn")
    );
    assert_eq!(
        speaker(&body, "deeply encouraged").0.as_deref(),
        Some("Ann Pike")
    );
    // A weekday before the participle is no name.
    let body = format!(
        "{LEADERS}The harbour board released a statement Wednesday calling the remarks \
         \u{201c}plain wrong.\u{201d}"
    );
    let q = attributed(&body);
    assert!(
        q.iter().all(|x| x.1.as_deref() != Some("Wednesday")),
        "{q:?}"
    );
}

#[test]
fn two_sources_joined_by_and_take_the_plural_verb() {
    for said in [
        "But Mr. Gale and Mr. Lind say other changes are needed.",
        "Ruth Gale and Tom Lind say other changes are needed.",
    ] {
        let body = format!("The ferry board met on Monday.\n\n{said}");
        let q = analyzed(&body);
        let hit = q
            .iter()
            .find(|x| x.0 == Indirect && x.1 == "other changes are needed")
            .unwrap_or_else(|| panic!("{q:?}"));
        let who = hit.2.as_deref().unwrap_or_default();
        assert!(who.contains("Gale") && who.contains("Lind"), "{q:?}");
    }
    // A singular subject with the plural form is no frame (`the list and say`).
    let q = analyzed("The harbour master say the pier is safe.");
    assert!(q.iter().all(|x| x.0 != Indirect), "{q:?}");
}
