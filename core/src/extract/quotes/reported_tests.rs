//! Reported speech in its many forms, on sentences written for each rule.

use crate::extract::{QuoteKind, Rule};

/// (kind, text, speaker, rule) of every quote, with the entity recognizer's help.
fn quotes(body: &str) -> Vec<(QuoteKind, String, Option<String>, Rule)> {
    let (body, quotes) = super::analyze_paragraphs(body);
    quotes
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

#[test]
fn quoted_and_unquoted_words_in_one_clause() {
    let q = quotes("The merger was \u{201c}good for everyone,\u{201d} Kim Sato said.");
    assert_eq!(
        q.iter()
            .map(|x| (x.0, x.1.as_str(), x.2.as_deref()))
            .collect::<Vec<_>>(),
        vec![
            (
                QuoteKind::Indirect,
                "The merger was \u{201c}good for everyone,\u{201d}",
                Some("Kim Sato")
            ),
            (QuoteKind::Partial, "good for everyone,", Some("Kim Sato")),
        ]
    );
    // A quotation that opens its sentence stays direct.
    let q = quotes("\u{201c}The merger is good for everyone,\u{201d} Kim Sato said.");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, QuoteKind::Direct);
}

#[test]
fn a_quotation_split_by_its_frame_is_no_reported_clause() {
    let q = quotes(
        "\u{201c}For once, we agree,\u{201d} he said, \u{201c}and I hope it is not the last \
         time.\u{201d}",
    );
    assert!(q.iter().all(|x| x.0 != QuoteKind::Indirect), "{q:?}");
    let q = quotes(
        "Mayor Ines Varga cut a ribbon at 7 a.m. \u{201c}A year ago I promised a bridge,\
         \u{201d} she said.",
    );
    assert!(q.iter().all(|x| x.0 != QuoteKind::Indirect), "{q:?}");
}

#[test]
fn a_fragment_named_inside_a_reported_clause_keeps_its_own_source() {
    let q = quotes(
        "Prosecutors said that during the call, Tom Reed called the senator a \u{201c}traitor\
         \u{201d} and hung up.",
    );
    let partial = q
        .iter()
        .find(|x| x.0 == QuoteKind::Partial)
        .expect("the fragment");
    assert_eq!(partial.2.as_deref(), Some("Tom Reed"), "{q:?}");
}

#[test]
fn an_adjunct_of_time_between_the_verb_and_that() {
    assert_eq!(
        one_indirect("The campaign has said for months that it sees no reason to change course.").0,
        "it sees no reason to change course"
    );
}

#[test]
fn a_named_person_heads_a_coordination_with_unnamed_others() {
    assert_eq!(
        one_indirect(
            "Dora Quill spoke first. Dora Quill and her attorneys have said the company \
             would return in some form."
        )
        .1
        .as_deref(),
        Some("Dora Quill")
    );
}

#[test]
fn a_share_of_a_poll_takes_a_plural_verb() {
    assert_eq!(
        one_indirect("A full 79 percent of Democrats say they would be satisfied with her.").1,
        Some("full 79 percent of Democrats".into())
    );
}

#[test]
fn a_quotation_may_open_a_reported_clause() {
    let q =
        quotes("Ines Barrow said \u{201c}it makes me angry\u{201d} every time the ferry is late.");
    assert!(
        q.iter().any(|x| x.0 == QuoteKind::Indirect
            && x.1 == "\u{201c}it makes me angry\u{201d} every time the ferry is late"
            && x.2.as_deref() == Some("Ines Barrow")),
        "{q:?}"
    );
    // A whole quotation after the verb is a direct quote, not reported speech.
    let q = quotes("Ines Barrow said \u{201c}the ferry is late again.\u{201d}");
    assert!(q.iter().all(|x| x.0 != QuoteKind::Indirect), "{q:?}");
}

#[test]
fn a_verb_that_takes_objects_needs_a_clause_after_it() {
    assert_eq!(
        indirect("Later, the minister added trucks to the scheme, and then buses."),
        vec![]
    );
    assert_eq!(
        indirect("Lew stressed those worries on Sunday at a forum in Beijing."),
        vec![]
    );
    assert_eq!(
        one_indirect("The union reiterated it still considers the deal unfair.").0,
        "it still considers the deal unfair"
    );
}

#[test]
fn a_plural_noun_after_a_preposition_is_no_cue() {
    assert_eq!(
        indirect("Sanders carried young voters by large margins in states like Ohio and Maine."),
        vec![]
    );
}

#[test]
fn a_clause_split_by_its_frame_is_reported_whole() {
    assert_eq!(
        one_indirect("Many of the closures, Ada Quist said, have involved public courses."),
        (
            "Many of the closures, Ada Quist said, have involved public courses".into(),
            Some("Ada Quist".into())
        )
    );
    // The writer's next clause after the frame is not part of it.
    assert_eq!(
        one_indirect(
            "The pier will reopen in May, Ada Quist said, but the ferry will not run until June."
        )
        .0,
        "The pier will reopen in May"
    );
}

#[test]
fn an_appositive_after_the_frame_is_the_writers() {
    assert_eq!(
        one_indirect(
            "The two navies want closer drills, officials said on Wednesday, an effort that \
             could soon include Japan."
        )
        .0,
        "The two navies want closer drills"
    );
}

#[test]
fn objects_and_adjectives_are_no_reported_clause() {
    assert_eq!(
        indirect("She has an outright majority of pledged delegates and a lead in the polls."),
        vec![]
    );
    assert_eq!(
        indirect("He pledged \u{201c}cooperation\u{201d} toward shared goals and a close bond."),
        vec![]
    );
    let q = quotes("Of course, Ana Ruiz said, \u{201c}I did not know him that well.\u{201d}");
    assert!(q.iter().all(|x| x.0 != QuoteKind::Indirect), "{q:?}");
}

#[test]
fn a_quoted_name_beside_a_naming_noun_is_no_speech() {
    let q = quotes(
        "The scheme's unofficial nickname among pupils, \u{201c}the big lunch\u{201d}, has \
         stuck, Graham Osterberg said.",
    );
    assert!(q.iter().all(|x| x.0 != QuoteKind::Partial), "{q:?}");
}

#[test]
fn a_participle_after_a_statement_reports_for_the_subject() {
    assert_eq!(
        one_indirect(
            "Senator Ada Quist issued a statement saying that the vote should wait until June."
        ),
        (
            "the vote should wait until June".into(),
            Some("Ada Quist".into())
        )
    );
}

#[test]
fn an_adjunct_then_the_frame_then_the_clause() {
    assert_eq!(
        one_indirect(
            "During her years in office, Ada Quist said, most residents have come to trust the \
             council."
        )
        .0,
        "During her years in office, Ada Quist said, most residents have come to trust the council"
    );
}

#[test]
fn a_headline_cue_is_capitalized() {
    assert_eq!(
        one_indirect("Bellwether County Says Trump Should Win Nomination").1,
        Some("Bellwether County".into())
    );
    // A capitalized past form between names is still a name (`Said Ahmed`).
    assert_eq!(indirect("Minister Said Ahmed Khan Visits Cairo"), vec![]);
}

#[test]
fn those_take_a_plural_verb() {
    assert_eq!(
        one_indirect("Those over 60 say they feel that way by two to one.").0,
        "they feel that way by two to one"
    );
}

#[test]
fn a_name_with_a_long_appositive_of_its_own_commas() {
    assert_eq!(
        one_indirect(
            "Paul Porter, a truck driver from Ava, Mo., who is a member of the union, said he \
             already received overtime pay."
        )
        .1,
        Some("Paul Porter".into())
    );
    assert_eq!(
        one_indirect(
            "Gita Roy, a pollster who works with Priorities First, a campaign group, said the \
             primaries had hardened views."
        )
        .1,
        Some("Gita Roy".into())
    );
}

#[test]
fn a_relative_clause_after_a_role_reports_for_the_name() {
    let q = indirect(
        "That is not enough, said Ivo Rubel, a senior analyst at Jeffcoat, who notes that the \
         firm has vowed to cut costs.",
    );
    assert!(
        q.contains(&(
            "the firm has vowed to cut costs".into(),
            Some("Ivo Rubel".into())
        )),
        "{q:?}"
    );
}

#[test]
fn people_familiar_with_a_matter_say() {
    assert_eq!(
        one_indirect("People familiar with her thinking say she now backs the plan.").1,
        Some("People familiar with her thinking".into())
    );
}

#[test]
fn a_role_appositive_without_an_article() {
    assert_eq!(
        one_indirect(
            "Greg Raiff, chief executive of Jet Partners, a charter broker for firms and \
             families, said the plane was unusual."
        )
        .1,
        Some("Greg Raiff".into())
    );
}

#[test]
fn a_that_verb_reports_a_clause_with_its_own_subject_and_verb() {
    // `announce`, `confirm`, `claim` take objects too; a clause needs a subject and a verb.
    assert_eq!(
        one_indirect("Portvale Shipping confirmed it would cut up to 300 jobs in March."),
        (
            "it would cut up to 300 jobs in March".into(),
            Some("Portvale Shipping".into())
        )
    );
    assert_eq!(
        one_indirect("The operator announced the company would double its winter crews.").0,
        "the company would double its winter crews"
    );
    assert_eq!(
        one_indirect("Mara Oduya claimed they had never met before the vote.").0,
        "they had never met before the vote"
    );
    // Objects stay objects.
    assert_eq!(
        indirect("Portvale Shipping announced its results on Monday."),
        vec![]
    );
    assert_eq!(
        indirect("The company confirmed the report on Monday."),
        vec![]
    );
    assert_eq!(indirect("The coach confirmed it on Monday night."), vec![]);
}

#[test]
fn an_adverb_may_sit_between_the_source_and_its_verb() {
    assert_eq!(
        one_indirect("Local officials now say they have chosen a new contractor."),
        (
            "they have chosen a new contractor".into(),
            Some("Local officials".into())
        )
    );
    assert_eq!(
        one_indirect("The unions have long said the pension fund was short of money.").1,
        Some("unions".into())
    );
}

#[test]
fn an_approximate_share_of_people_speaks_as_a_group() {
    assert_eq!(
        one_indirect("About 9 percent said they had no preference.").1,
        Some("About 9 percent".into())
    );
    assert_eq!(
        one_indirect("About four in 10 said they were angry with the board.").1,
        Some("About four in 10".into())
    );
    assert_eq!(
        one_indirect("Nearly nine out of 10 say they will need new skills.").1,
        Some("Nearly nine out of 10".into())
    );
}

#[test]
fn a_plural_source_of_a_present_verb() {
    assert_eq!(
        one_indirect("Associates say he is likely to run again next year.").1,
        Some("Associates".into())
    );
    assert_eq!(
        one_indirect("Some say they hear echoes of a painful past.").1,
        Some("Some".into())
    );
    // A singular name with a plural verb form is no source.
    assert_eq!(indirect("Tomas say the ferry is late."), vec![]);
}

#[test]
fn a_noun_for_someone_who_does_something_is_a_source_though_unlisted() {
    assert_eq!(
        one_indirect("A former speechwriter said she demanded detailed notes on every crowd.").1,
        Some("former speechwriter".into())
    );
    assert_eq!(
        one_indirect("Appearing on a Sunday show, the front-runner said the mayor caused damage.")
            .1,
        Some("front-runner".into())
    );
}

#[test]
fn a_time_phrase_or_a_contracted_has_between_source_and_verb() {
    assert_eq!(
        one_indirect("Senator Ilse Marren last week said the plan was not hers.").1,
        Some("Ilse Marren".into())
    );
}

#[test]
fn a_clause_with_a_contracted_verb_is_a_clause() {
    assert_eq!(
        one_indirect("Dana Roe's associates insist he's returning to the board as the same man."),
        (
            "he's returning to the board as the same man".into(),
            Some("Dana Roe's associates".into())
        )
    );
}

#[test]
fn though_and_a_second_frame_end_the_first_clause() {
    let q = indirect(
        "Marta Quill said she would join the protest, though she acknowledged it was \
         unlikely to work.",
    );
    assert_eq!(
        q,
        vec![
            (
                "she would join the protest".into(),
                Some("Marta Quill".into())
            ),
            ("it was unlikely to work".into(), Some("Marta Quill".into())),
        ]
    );
}

#[test]
fn a_time_before_that_is_skipped() {
    assert_eq!(
        one_indirect("The harbour board announced two days earlier that it would pick a chair.").0,
        "it would pick a chair"
    );
}

#[test]
fn a_fronted_as_clause_names_the_source() {
    let all = quotes("As Marta Quill told the Coastal Gazette, fares are set by the board alone.");
    let q: Vec<_> = all.iter().filter(|q| q.0 == QuoteKind::Indirect).collect();
    assert_eq!(q.len(), 1, "{all:?}");
    assert_eq!(q[0].1, "fares are set by the board alone");
    assert_eq!(q[0].2.as_deref(), Some("Marta Quill"));
    assert_eq!(q[0].3, Rule::ReportedAs);
    assert_eq!(
        one_indirect("As the harbour master has pointed out, the pier is older than the town.").1,
        Some("harbour master".into())
    );
    // `as` meaning `while` or `because` is no source.
    assert_eq!(
        indirect("As the crowd waited, the ferry left the pier without them."),
        vec![]
    );
}

#[test]
fn a_participle_after_a_preposition_reports_for_the_subject() {
    assert_eq!(
        one_indirect("Quill dodged the question by saying it was the reporter who erred."),
        ("it was the reporter who erred".into(), Some("Quill".into()))
    );
    assert_eq!(
        indirect(
            "Ivo Brandt told reporters the pier was safe, before insisting he trusted the crew."
        ),
        vec![
            ("the pier was safe".into(), Some("Ivo Brandt".into())),
            ("he trusted the crew".into(), Some("Ivo Brandt".into())),
        ]
    );
}

#[test]
fn relative_clauses_report_for_their_noun() {
    assert_eq!(
        one_indirect("The vote gave fresh hope to residents who say the crossing is unsafe."),
        ("the crossing is unsafe".into(), Some("residents".into()))
    );
    // A relative clause in the subject would run into the main verb.
    assert_eq!(
        indirect("People who say the crossing is unsafe are wrong."),
        vec![]
    );
    // Without a clause of its own, `accused X of Y` reports nothing.
    assert_eq!(
        indirect("The outage angered customers who accused the utility of overkill and neglect."),
        vec![]
    );
    assert_eq!(
        one_indirect("The board rejected a rule which critics said was unfair to small boats."),
        ("was unfair to small boats".into(), Some("critics".into()))
    );
    assert_eq!(
        one_indirect("The ferry, which the operator said would resume next week, is idle.").0,
        "would resume next week"
    );
}

#[test]
fn a_clause_after_a_colon_without_quotation_marks() {
    assert_eq!(
        one_indirect("Residents said: the ferry is always late and nobody listens."),
        (
            "the ferry is always late and nobody listens".into(),
            Some("Residents".into())
        )
    );
    // A list after a colon is no clause.
    assert_eq!(
        indirect("Residents said: cost, delay and the weather."),
        vec![]
    );
}

#[test]
fn decrees_evidence_and_topics_are_no_speech() {
    // An order or a ruling's decree, a sign, a topic spoken of.
    assert_eq!(
        indirect("The judge ordered that the ferry records be released by Friday."),
        vec![]
    );
    assert_eq!(
        indirect("The early figures indicated that the ferry lost money every winter."),
        vec![]
    );
    assert_eq!(
        indirect("Every day, Bishop Arlo Venn spoke of the lack of jobs and schools."),
        vec![]
    );
}

#[test]
fn a_fronted_adjunct_without_a_verb_is_no_inverted_clause() {
    assert_eq!(
        indirect("Addressing the harbour crowd on Monday evening, Quill urged calm."),
        vec![]
    );
    assert_eq!(
        indirect(
            "At a heated press conference outside the old ferry terminal, Quill said \
             nothing."
        ),
        vec![]
    );
    // A clause before the source still reports.
    assert_eq!(
        one_indirect("The ferry will be free from next year, one longtime friend said.").0,
        "The ferry will be free from next year"
    );
}

#[test]
fn a_plural_noun_before_a_relative_that_is_no_cue() {
    assert_eq!(
        indirect("Strong showings in the coastal states that held votes on Tuesday helped Roe."),
        vec![]
    );
    assert_eq!(
        one_indirect("The harbour charter states that the board must meet every month.").0,
        "the board must meet every month"
    );
}

#[test]
fn a_second_verb_after_and_keeps_the_first_source() {
    let q = indirect(
        "Ruth Bader said that she did not want to think about it and predicted that the \
         mayor would be president.",
    );
    assert!(
        q.iter().all(|(_, s)| s.as_deref() == Some("Ruth Bader")),
        "{q:?}"
    );
}

#[test]
fn a_pronoun_follows_the_subject_of_the_body_s_first_sentence() {
    // The first sentence starts at the body's first byte, before any speaker.
    let q = quotes(
        "Glenn Barrow has backed Ted Cruz for months. He has declared that the senator was \
         chosen for these times.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("Glenn Barrow"));
    let q = quotes("Workers have protested since May. They said the plant was unsafe.");
    assert_eq!(q[0].2.as_deref(), Some("Workers"));
}

#[test]
fn an_object_and_an_infinitive_is_no_clause() {
    assert_eq!(
        indirect("Glenn Barrow has declared Cruz to be anointed by God."),
        vec![]
    );
    // A clause whose verb comes first still reports.
    assert_eq!(
        one_indirect("Glenn Barrow declared the senator was ready to serve.").0,
        "the senator was ready to serve"
    );
}

/// A text that ends on a subject pronoun after a reporting verb (`… said they`), with
/// nothing after it, is read without looking past its last word.
#[test]
fn a_text_ending_on_a_pronoun_after_a_cue_is_read_to_its_end() {
    for body in ["e posted i", "The mayor posted they", "Officials said she"] {
        assert_eq!(indirect(body), vec![], "{body}");
    }
}

/// A capitalized plural opening the sentence whose first letter is not ASCII (`Éditeurs
/// say …`) is read by characters, never split inside its first letter.
#[test]
fn a_plural_source_opening_with_a_non_ascii_capital() {
    for body in [
        "Éditeurs say the plan will fail.",
        "Ŵas say that the plan will fail.",
    ] {
        let _ = quotes(body);
    }
    assert_eq!(
        indirect("Éditeurs say that the bridge will close in May."),
        vec![(
            "the bridge will close in May".to_string(),
            Some("Éditeurs".to_string())
        )]
    );
}

#[test]
fn an_irregular_past_ends_the_subject_before_a_participle() {
    let body = "Senator Ana Ruiz met the press on Monday.\n\nRuiz shot back, saying that the \
                audit was wrong.";
    assert_eq!(
        one_indirect(body),
        ("the audit was wrong".into(), Some("Ana Ruiz".into()))
    );
    let body = "Senator Ana Ruiz met the press on Monday.\n\nRuiz struck back on the radio, \
                arguing that the audit had been rushed.";
    assert_eq!(
        one_indirect(body),
        ("the audit had been rushed".into(), Some("Ana Ruiz".into()))
    );
    // `His office put out a statement`: the subject stops at the verb.
    let body = "Governor Tom Hale was away.\n\nHis office put out a statement saying that the \
                roads would reopen by noon.";
    assert_eq!(one_indirect(body).1.as_deref(), Some("His office"));
}

#[test]
fn a_role_phrase_before_a_name_is_part_of_the_subject() {
    let body = "Presumptive Republican presidential nominee Ana Ruiz also joined the debate, \
                announcing on Wednesday that she would meet the union.";
    assert_eq!(
        one_indirect(body),
        ("she would meet the union".into(), Some("Ana Ruiz".into()))
    );
    let body = "Former Democratic senator Tom Hale weighed in, saying that the deal was \
                reckless.";
    assert_eq!(one_indirect(body).1.as_deref(), Some("Tom Hale"));
}

#[test]
fn an_age_and_an_appositive_after_an_inverted_cue_are_no_clause() {
    // The cue frames the quotation; what follows the source is about the source.
    let body = "“Nobody told us,” said Ana Ruiz, 54, a retired teacher from Tarnow.";
    assert_eq!(indirect(body), vec![]);
    // A clause around the source still is one: its larger part follows the appositive.
    let body = "This system, says Ines Marr, an immunologist at a clinic in Tarnow, helps \
                the body fight worms.";
    assert_eq!(
        indirect(body),
        vec![(
            "helps the body fight worms".to_string(),
            Some("Ines Marr".to_string())
        )]
    );
}

#[test]
fn speech_to_come_or_supposed_is_not_reported() {
    assert_eq!(
        indirect("The council will announce that the plant is closing in May."),
        vec![]
    );
    assert_eq!(
        indirect("Ada Quist may have said it best when she opened the session in May."),
        vec![]
    );
    // The same verbs report speech without the modal.
    assert_eq!(
        indirect("The council announced that the plant is closing in May."),
        vec![(
            "the plant is closing in May".to_string(),
            Some("council".to_string())
        )]
    );
}

#[test]
fn the_question_put_to_a_source_is_not_what_it_said() {
    let body = "Asked whether the vote had rattled the council, Mara Quill said, “Not at all. \
                We expected it.”";
    assert_eq!(indirect(body), vec![]);
    let body = "Asked by reporters to respond to the criticism, Ivo Brandt said the council \
                would meet again.";
    assert_eq!(
        indirect(body),
        vec![(
            "the council would meet again".to_string(),
            Some("Ivo Brandt".to_string())
        )]
    );
}

#[test]
fn a_passive_participle_and_its_agent_frame_no_speech() {
    let body = "Council leaders hoped the meeting, requested by Ivo Brandt, would calm the \
                harbor workers.";
    assert_eq!(indirect(body), vec![]);
}
