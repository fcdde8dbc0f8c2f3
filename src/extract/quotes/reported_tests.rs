//! Reported speech in its many forms, on sentences written for each rule.

use crate::article::Article;
use crate::extract::{QuoteKind, Rule};

/// (kind, text, speaker, rule) of every quote, with the entity recognizer's help.
fn quotes(body: &str) -> Vec<(QuoteKind, String, Option<String>, Rule)> {
    let mut a = Article::default();
    a.set_paragraphs(body.split("\n\n"));
    let body = a.body.clone();
    crate::extract::analyze(&a)
        .quotes
        .into_iter()
        .map(|q| (q.kind, body[q.span].to_string(), q.speaker, q.rule))
        .collect()
}

fn indirect(body: &str) -> Vec<(String, Option<String>)> {
    quotes(body)
        .into_iter()
        .filter(|q| q.0 == QuoteKind::Indirect)
        .map(|q| (q.1, q.2))
        .collect()
}

#[test]
fn an_accusation_with_an_object_is_no_clause() {
    let body = "On Monday, the label issued a statement after Ada Quist scolded it, accusing \
                the company of preventing her from performing her songs at the gala.";
    assert_eq!(indirect(body), vec![]);
}

fn one_indirect(body: &str) -> (String, Option<String>) {
    let q = indirect(body);
    assert_eq!(q.len(), 1, "{q:?}");
    q.into_iter().next().unwrap()
}

#[test]
fn a_clause_may_open_with_a_quantity_or_no() {
    assert_eq!(
        one_indirect("Officials said more than 400 homes lost power on the coast."),
        (
            "more than 400 homes lost power on the coast".into(),
            Some("Officials".into())
        )
    );
    assert_eq!(
        one_indirect("The harbour board said no decision had been made on the bridge.").0,
        "no decision had been made on the bridge"
    );
    // An answer or an object is still no clause.
    assert_eq!(indirect("The board said no to the plan on Monday."), vec![]);
}

#[test]
fn a_share_of_people_speaks_as_a_group() {
    assert_eq!(
        one_indirect("Only 24 percent said she did nothing wrong.")
            .1
            .as_deref(),
        Some("Only 24 percent")
    );
    assert!(
        one_indirect("One in three said the party does not care about them.")
            .1
            .is_some()
    );
}

#[test]
fn an_adverb_may_sit_before_the_verb() {
    assert_eq!(
        one_indirect("The company quietly said it would cut 200 jobs at the plant."),
        (
            "it would cut 200 jobs at the plant".into(),
            Some("company".into())
        )
    );
    // A noun in -ly is the source itself.
    assert_eq!(
        one_indirect("The family said the search would go on through the night.").1,
        Some("family".into())
    );
}

#[test]
fn a_second_verb_shares_the_subject_of_the_first() {
    assert_eq!(
        one_indirect("Kim Sato met with the union but said repairs would start next week."),
        (
            "repairs would start next week".into(),
            Some("Kim Sato".into())
        )
    );
}

#[test]
fn a_second_speech_verb_ends_the_clause() {
    assert_eq!(
        one_indirect("The agency said roads were closed and urged drivers to stay home on Sunday.")
            .0,
        "roads were closed"
    );
}

#[test]
fn a_relative_clause_reports_for_its_antecedent() {
    assert_eq!(
        one_indirect("Mayor Lisa Varga, who said the budget would balance by June, left early."),
        (
            "the budget would balance by June".into(),
            Some("Lisa Varga".into())
        )
    );
    assert_eq!(
        one_indirect(
            "Former governor Martin Hale, who noted that he had raised the minimum wage, \
             spoke first."
        ),
        (
            "he had raised the minimum wage".into(),
            Some("Martin Hale".into())
        )
    );
}

#[test]
fn a_participle_after_a_quote_frame_goes_on_with_its_source() {
    let q = quotes(
        "\u{201c}That is the question,\u{201d} Ruth Clarke said, noting she would back \
         any of the other candidates.",
    );
    let ind: Vec<_> = q.iter().filter(|x| x.0 == QuoteKind::Indirect).collect();
    assert_eq!(ind.len(), 1, "{q:?}");
    assert_eq!(ind[0].1, "she would back any of the other candidates");
    assert_eq!(ind[0].2.as_deref(), Some("Ruth Clarke"));
}

#[test]
fn the_inner_frame_of_a_nested_source_speaks() {
    let q =
        indirect("According to their lawyer, two guards told managers that the doors were locked.");
    assert_eq!(
        q,
        vec![("the doors were locked".into(), Some("two guards".into()))]
    );
}

#[test]
fn a_plural_noun_before_a_verb_is_no_cue() {
    assert_eq!(
        indirect("Voters in key states rejected the measure on Tuesday."),
        vec![]
    );
    assert_eq!(
        indirect("Earlier reports had put the toll at twelve."),
        vec![]
    );
}
