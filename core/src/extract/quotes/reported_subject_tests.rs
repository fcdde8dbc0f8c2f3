//! Speech whose clause or source takes an unusual shape: estimates opening the clause,
//! examples and auxiliaries around the subject, `another` and people in the audience as
//! sources. Sentences written for each rule.

use crate::extract::QuoteKind;

/// (clause, speaker) of every indirect quote.
fn indirect(body: &str) -> Vec<(String, Option<String>)> {
    let (body, quotes) = super::analyze_paragraphs(body);
    quotes
        .into_iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .map(|q| (body[q.span].to_string(), q.speaker))
        .collect()
}

fn pair(clause: &str, speaker: &str) -> (String, Option<String>) {
    (clause.to_string(), Some(speaker.to_string()))
}

#[test]
fn an_estimate_an_amount_or_no_one_may_open_the_clause() {
    assert_eq!(
        indirect("The budget office said about half of the gap came from lower tax receipts."),
        vec![pair(
            "about half of the gap came from lower tax receipts",
            "budget office"
        )]
    );
    assert_eq!(
        indirect("Colonel Ida Marsh said about 500 troops would stay through the winter."),
        vec![pair(
            "about 500 troops would stay through the winter",
            "Ida Marsh"
        )]
    );
    assert_eq!(
        indirect("A spokeswoman said more details would be shared next week."),
        vec![pair(
            "more details would be shared next week",
            "spokeswoman"
        )]
    );
    assert_eq!(
        indirect("Ana Poe said much of the damage was done at night."),
        vec![pair("much of the damage was done at night", "Ana Poe")]
    );
    assert_eq!(
        indirect("The fire chief said no one was hurt."),
        vec![pair("no one was hurt", "fire chief")]
    );
    assert_eq!(indirect("Ana Poe told no one about the plan."), vec![]);
    // An amount of what was said, or an adverb, opens no clause.
    assert_eq!(
        indirect("Ana Poe said little about the plan on Monday."),
        vec![]
    );
    assert!(
        indirect("Ana Poe argued more forcefully that taxes would rise.")
            .iter()
            .all(|q| !q.0.starts_with("more"))
    );
    // `about` as the cue's preposition still opens no clause.
    assert_eq!(
        indirect("Ida Marsh spoke about 500 new jobs at the plant."),
        vec![]
    );
    assert_eq!(
        indirect("The mayor complained about half of the budget."),
        vec![]
    );
}

#[test]
fn examples_between_commas_belong_to_the_subject() {
    assert_eq!(
        indirect("Several candidates, including Ana Poe, said the state should refuse the funds."),
        vec![pair(
            "the state should refuse the funds",
            "Several candidates"
        )]
    );
    assert_eq!(
        indirect("Some unions, such as the nurses' union, say the deal is too small."),
        vec![pair("the deal is too small", "Some unions")]
    );
}

#[test]
fn a_second_verb_with_an_auxiliary_shares_the_subject() {
    assert_eq!(
        indirect("Ana Poe has urged the council to act but has said she will not vote."),
        vec![pair("she will not vote", "Ana Poe")]
    );
    assert_eq!(
        indirect("Ana Poe met the council and also said the vote would wait."),
        vec![pair("the vote would wait", "Ana Poe")]
    );
}

#[test]
fn an_auxiliary_second_verb_takes_the_sentence_subject_first() {
    assert_eq!(
        indirect(
            "Other weapons experts have discounted the regime's claims, but have speculated \
             that the test was a smaller device."
        ),
        vec![pair(
            "the test was a smaller device",
            "Other weapons experts"
        )]
    );
}

#[test]
fn a_couple_sharing_a_surname_speaks_together() {
    // The first given name is on no list: the pair is one source, not the second person.
    assert_eq!(
        indirect("Zadkiel and Nadia Okafor, the parents of a soldier, said they had to speak out."),
        vec![pair("they had to speak out", "Zadkiel and Nadia Okafor")]
    );
}

/// (text, speaker) of every quotation in marks.
fn quoted(body: &str) -> Vec<(String, Option<String>)> {
    let (body, quotes) = super::analyze_paragraphs(body);
    quotes
        .into_iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .map(|q| (body[q.span].to_string(), q.speaker))
        .collect()
}

#[test]
fn another_speaks_as_written() {
    assert_eq!(
        quoted("One fan wrote, “We were robbed.” Another tweeted, “See you next year.”"),
        vec![
            pair("We were robbed.", "fan"),
            pair("See you next year.", "Another")
        ]
    );
    assert_eq!(
        indirect("One firm says there are 2,000 of them, while another says there are fewer."),
        vec![
            pair("there are 2,000 of them", "firm"),
            pair("there are fewer", "another")
        ]
    );
}

#[test]
fn people_in_the_audience_are_sources_and_objects() {
    assert_eq!(
        quoted(
            "The mayor showed a photo of the old bridge. Another child answered, “That is my street.”"
        ),
        vec![pair("That is my street.", "child")]
    );
    // The audience told is an object, not the start of the clause.
    assert_eq!(
        indirect("Ana Poe told readers that the paper would close."),
        vec![pair("the paper would close", "Ana Poe")]
    );
}

#[test]
fn a_name_after_a_role_noun_between_commas_is_the_source() {
    let body = "Fans packed the hall. One of them, retiree Walt Huber, said he had waited \
                twenty years for the team to win.\n\n“I may not see another one,” he joked.";
    assert_eq!(
        indirect(body),
        vec![pair(
            "he had waited twenty years for the team to win",
            "Walt Huber"
        )]
    );
    assert_eq!(
        quoted(body),
        vec![pair("I may not see another one,", "Walt Huber")]
    );
    // Examples between commas name no one for the phrase before them.
    assert_eq!(
        indirect(
            "Many tax experts, including Mr. Ivo Dask, have pointed out that audits are rare."
        ),
        vec![pair("audits are rare", "Many tax experts")]
    );
}

#[test]
fn according_to_a_role_then_a_name_is_that_person() {
    assert_eq!(
        indirect("Mayor Lin Cho has not taken a side, according to her spokesman, Tim Boyle."),
        vec![pair("Mayor Lin Cho has not taken a side", "Tim Boyle")]
    );
    // A phrase after the comma that is no name leaves the description as the source.
    assert_eq!(
        indirect("The plant will close, according to the union, which opposes the sale."),
        vec![pair("The plant will close", "union")]
    );
}

#[test]
fn a_place_after_the_listener_is_no_clause() {
    for place in ["aboard the plane", "near the border", "behind the stage"] {
        let body = format!("“We are ready,” Jen Walsh told reporters {place}.");
        assert_eq!(indirect(&body), vec![], "{place}");
        assert_eq!(quoted(&body), vec![pair("We are ready,", "Jen Walsh")]);
    }
}

#[test]
fn words_with_no_verb_after_a_cue_are_no_clause() {
    assert_eq!(
        indirect("Ana Poe said in a video message to the convention on Monday night."),
        vec![]
    );
    assert_eq!(
        indirect("Ana Poe told moderator Ivo Dask on Sunday."),
        vec![]
    );
    // After `that`, a verb in the base form still makes a clause.
    assert_eq!(
        indirect("Her doctor suggested that the senator change her diet."),
        vec![pair("the senator change her diet", "Her doctor")]
    );
    // The source still speaks: the pronoun of the next quotation is hers.
    let body = "Ana Poe spoke to Ivo Dask. Later Ana Poe told moderator Lu Chen on Sunday.\n\n\
                “We will win,” she said.";
    assert_eq!(quoted(body), vec![pair("We will win,", "Ana Poe")]);
}

#[test]
fn a_story_told_and_a_statement_passed_on_are_no_clause() {
    assert_eq!(
        indirect(
            "In his speech, Ivo Dask told the story of a single mother who had to work two jobs."
        ),
        vec![]
    );
    assert_eq!(
        indirect("Ana Poe tells a joke about the mayor at every stop."),
        vec![]
    );
    // `that` after the story still opens a clause.
    assert_eq!(
        indirect("Ana Poe told the story to reporters and said that she had been afraid."),
        vec![pair("she had been afraid", "Ana Poe")]
    );
    assert_eq!(
        quoted("“We will fight,” Ana Poe said in a statement obtained by the Herald."),
        vec![pair("We will fight,", "Ana Poe")]
    );
    assert_eq!(
        indirect("“We will fight,” Ana Poe said in a statement obtained by the Herald."),
        vec![]
    );
}

#[test]
fn a_modified_listener_is_skipped() {
    assert_eq!(
        indirect("“We have a common enemy,” Ana Poe told state delegates."),
        vec![]
    );
    assert_eq!(
        indirect("Ana Poe told city leaders that the plan would pass."),
        vec![pair("the plan would pass", "Ana Poe")]
    );
    // A quantifier opens the clause's subject instead.
    assert_eq!(
        indirect("Ana Poe warned other investors would flee the market."),
        vec![pair("other investors would flee the market", "Ana Poe")]
    );
}

#[test]
fn states_is_a_noun_unless_a_document_or_pronoun_states() {
    for body in [
        "After two contests, the race moves to bigger states and a faster pace that can winnow \
         the field.",
        "The race is tight in Ohio, the nation's most hotly contested state and one that until \
         recently seemed safe.",
        "The campaign sent her into states like Ohio, where the team expected gains.",
    ] {
        assert_eq!(indirect(body), vec![], "{body}");
    }
    let found = indirect(
        "Illinois was still counting, but the United States Elections Project estimated that \
         turnout was high.",
    );
    // (`States` of `United States` is no cue whose clause would be the rest.)
    assert!(
        found.iter().all(|c| !c.0.starts_with("Elections Project")),
        "{found:?}"
    );
    assert_eq!(
        indirect(
            "The policy document on the website states same-sex couples would get six weeks of leave."
        ),
        vec![pair(
            "same-sex couples would get six weeks of leave",
            "policy document on the website"
        )]
    );
}

#[test]
fn a_possessed_cue_word_is_a_noun_unless_it_names_its_content() {
    // (`remarks` after a possessive does not make the words before it reported speech.)
    assert_eq!(
        indirect("Lu Chen, who has led the union for years, praised Poe's remarks on Thursday."),
        vec![]
    );
    let found = indirect("Despite Ana Poe's claims that the plant would stay open, it closed.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].0.starts_with("the plant would stay open"),
        "{found:?}"
    );
    assert_eq!(found[0].1.as_deref(), Some("Ana Poe"));
}

#[test]
fn a_program_or_its_host_belongs_to_the_listener() {
    assert_eq!(
        indirect("Ana Poe told NPR correspondent Lu Chen that the deal was close."),
        vec![pair("the deal was close", "Ana Poe")]
    );
    assert_eq!(
        indirect("“We will win,” Ana Poe told the Morning Hour show on Sunday."),
        vec![]
    );
}

#[test]
fn according_to_any_phrase_names_a_source_as_written() {
    assert_eq!(
        indirect("According to the think tank, the backlog could take five years to clear."),
        vec![pair(
            "the backlog could take five years to clear",
            "think tank"
        )]
    );
    assert_eq!(
        indirect("The race is close, according to a rolling average of recent polls."),
        vec![pair("The race is close", "rolling average of recent polls")]
    );
    // Not a pronoun alone, and not over a speech verb of the clause's own.
    assert_eq!(indirect("The mine will close, according to him."), vec![]);
    let found = indirect(
        "Dr. Ana Poe wrote a memoir. According to her account, after examining the patient, \
         she insisted that he rest.",
    );
    assert!(
        found.iter().all(|c| c.1.as_deref() != Some("her account")),
        "{found:?}"
    );
}

#[test]
fn according_to_inside_a_clause_reports_the_whole_clause() {
    assert_eq!(
        indirect("The biggest gap, according to the poll, was among young voters."),
        vec![pair(
            "The biggest gap, according to the poll, was among young voters",
            "poll"
        )]
    );
    // After a clause of its own, the source reports the words before it only.
    assert_eq!(
        indirect("Turnout was low, according to the board, and the count ran late."),
        vec![pair("Turnout was low", "board")]
    );
}

#[test]
fn a_cue_word_after_a_past_form_is_its_object() {
    // (`questions` is the object noun, not the frame.)
    assert_eq!(
        quoted(
            "On Tuesday, Mr. Dan Cole deflected numerous questions about the nominee before \
             saying, “It is time to stop.”"
        ),
        vec![pair("It is time to stop.", "Dan Cole")]
    );
}

#[test]
fn whom_the_source_spoke_to_is_not_the_source() {
    assert_eq!(
        quoted("Another intelligence source speaking to Fox News said, “The agents are looking.”"),
        vec![pair("The agents are looking.", "intelligence source")]
    );
}

#[test]
fn a_broadcasters_role_before_a_name_is_a_title() {
    assert_eq!(
        quoted("Co-anchor Norah Vell, who was off-screen, then asked, “Really?”"),
        vec![pair("Really?", "Norah Vell")]
    );
}

#[test]
fn a_participle_after_where_it_was_said_frames_the_quotation() {
    assert_eq!(
        quoted("Ana Poe answered a reader's question on Facebook writing, “Yes, I will.”"),
        vec![pair("Yes, I will.", "Ana Poe")]
    );
    assert_eq!(
        quoted("Ana Poe replied to the critics on her blog writing: “I was wrong.”"),
        vec![pair("I was wrong.", "Ana Poe")]
    );
}

#[test]
fn a_name_and_an_appositive_without_its_closing_comma() {
    assert_eq!(
        indirect("Ivo Dask, the head of the harbour union said the strike would go on."),
        vec![pair("the strike would go on", "Ivo Dask")]
    );
    // A fronted time or place is no name.
    assert_eq!(
        indirect("On Tuesday, the spokesman said the talks would resume."),
        vec![pair("the talks would resume", "spokesman")]
    );
}

#[test]
fn a_subject_with_a_relative_clause_opens_a_clause_without_that() {
    assert_eq!(
        indirect(
            "Coach Anna Lindqvist claimed the corner that led to the winner should have been \
             a goal kick."
        ),
        vec![pair(
            "the corner that led to the winner should have been a goal kick",
            "Anna Lindqvist"
        )]
    );
    assert_eq!(
        indirect("Police confirmed the man who was arrested on Friday had been released."),
        vec![pair(
            "the man who was arrested on Friday had been released",
            "Police"
        )]
    );
    // A relative clause with no second verb is the object of the cue, not a clause.
    assert!(
        indirect("Mayor Ruth Abbe admitted the errors that were made by her staff.").is_empty()
    );
    assert!(
        indirect("The firm announced the closure of the plant that had employed 400 people.")
            .is_empty()
    );
    // A verb after a conjunction belongs to another clause.
    assert!(
        indirect("Ms. Ruth Abbe claimed the seat that was vacated when Tom Reyes was appointed.")
            .is_empty()
    );
}

#[test]
fn letters_after_a_name_leave_the_person_as_the_source() {
    assert_eq!(
        indirect("The bill was attacked by Helen Marsh MP, who said it had been rushed."),
        vec![pair("it had been rushed", "Helen Marsh")]
    );
    assert_eq!(
        indirect("Tom Reid KC said the inquiry had failed the families."),
        vec![pair("the inquiry had failed the families", "Tom Reid")]
    );
}

#[test]
fn a_name_with_its_article_in_apposition_is_the_source() {
    assert_eq!(
        indirect(
            "The union representing the nurses, the Allied Health Workers Guild, said the \
             talks had failed."
        ),
        vec![pair("the talks had failed", "Allied Health Workers Guild")]
    );
    // A description with its article stays a description of the source before it.
    assert_eq!(
        indirect("Ann Poe, the Harbor Board chair, said the pier would reopen in May."),
        vec![pair("the pier would reopen in May", "Ann Poe")]
    );
}

#[test]
fn a_reflexive_that_stresses_the_source_is_no_part_of_it() {
    assert_eq!(
        indirect("Halvorsen Motors itself said the deal was still on."),
        vec![pair("the deal was still on", "Halvorsen Motors")]
    );
    assert_eq!(
        indirect("The voters themselves say they are tired of the race."),
        vec![pair("they are tired of the race", "voters")]
    );
    assert_eq!(
        indirect("Mayor Ann Poe herself has said the plan would fail."),
        vec![pair("the plan would fail", "Ann Poe")]
    );
}

#[test]
fn words_between_who_and_the_cue_keep_the_relative_clause() {
    assert_eq!(
        indirect("Tom Reyes, who previously said he would run, spoke on Monday."),
        vec![pair("he would run", "Tom Reyes")]
    );
    assert_eq!(
        indirect("The mayor thanked Ann Poe, who has since said the pier will reopen in May."),
        vec![pair("the pier will reopen in May", "Ann Poe")]
    );
    // A capitalized word between is a name, not an adverb: no relative clause.
    assert!(
        indirect("Tom Reyes, who Ann Poe said would run, spoke on Monday.")
            .iter()
            .all(|(_, s)| s.as_deref() != Some("Tom Reyes"))
    );
}

#[test]
fn a_role_before_the_name_of_an_inverted_source_is_no_part_of_the_clause() {
    assert_eq!(
        indirect(
            "The league now requires two signatures on every check, its president, Gary \
             Holm, said."
        ),
        vec![pair(
            "The league now requires two signatures on every check",
            "Gary Holm"
        )]
    );
}

#[test]
fn fronted_adjuncts_with_an_adverb_or_a_region_are_not_the_subject() {
    // `even as`, `Just as`: an adverb before the word opening the adjunct.
    assert_eq!(
        indirect(
            "On Tuesday, even as shares of the port company were tumbling, Mr. Ivo Marsh \
             wrote to investors, telling them the company was sound."
        ),
        vec![pair("the company was sound", "Ivo Marsh")]
    );
    assert_eq!(
        indirect(
            "Even as shares fell, Ivo Marsh wrote to investors, telling them the company was sound."
        ),
        vec![pair("the company was sound", "Ivo Marsh")]
    );
    // A place's region followed by one more adjunct (`in Ames, Iowa, on Sunday,`).
    assert_eq!(
        indirect(
            "At a public meeting in Ames, Iowa, on Sunday, Mrs. Dora Quill tried to explain \
             her plan, saying that the city should build more homes."
        ),
        vec![pair("the city should build more homes", "Dora Quill")]
    );
}

#[test]
fn a_speech_participle_after_an_inverted_frame_has_its_source() {
    assert_eq!(
        indirect(
            "The new pier is a mistake, Mayor Ana Ruiz said Tuesday in Salem, noting the \
             developer had missed every deadline."
        ),
        vec![
            pair("The new pier is a mistake", "Ana Ruiz"),
            pair("the developer had missed every deadline", "Ana Ruiz"),
        ]
    );
}

#[test]
fn a_gerund_subject_after_a_split_frame_is_the_clause() {
    // Not a participle of the writer's: `replacing` is the subject of `would be`.
    let found = indirect(
        "Though the last handover was smooth, he said, replacing the chief now would be much \
         harder.",
    );
    assert!(
        found.len() == 1
            && found[0]
                .0
                .ends_with("replacing the chief now would be much harder"),
        "{found:?}"
    );
}

#[test]
fn a_quantifier_of_a_plural_takes_the_plural_verb() {
    assert_eq!(
        indirect("Many of her supporters say they understand her position."),
        vec![pair(
            "they understand her position",
            "Many of her supporters"
        )]
    );
    assert_eq!(
        indirect("Some of the residents say the ferry is always late."),
        vec![pair("the ferry is always late", "Some of the residents")]
    );
}

#[test]
fn a_petition_or_an_advert_is_a_document_that_speaks() {
    assert_eq!(
        indirect("Their petition warns that the works will bring years of disruption."),
        vec![pair(
            "the works will bring years of disruption",
            "Their petition"
        )]
    );
    assert_eq!(
        indirect("A new advert claims the tram will pay for itself within a decade."),
        vec![pair(
            "the tram will pay for itself within a decade",
            "new advert"
        )]
    );
}

#[test]
fn a_comma_inside_the_closing_mark_before_a_participle() {
    // The clause ends with its closing mark, and the participle's quotation has the same
    // source.
    let body = "Sarah Whitcombe said firms had \u{201c}waited long enough,\u{201d} adding: \
                \u{201c}Every year without a tram costs this city money.\u{201d}";
    assert_eq!(
        indirect(body),
        vec![pair(
            "firms had \u{201c}waited long enough,\u{201d}",
            "Sarah Whitcombe"
        )]
    );
}

#[test]
fn a_statement_saying_c_after_an_adverb_or_with_a_time() {
    // An adverb between the subject and its verb ends the subject.
    assert_eq!(
        indirect(
            "Sen. Mark Delaney spoke first. Delaney later released a statement saying he \
             remained open to a deal."
        ),
        vec![pair("he remained open to a deal", "Mark Delaney")]
    );
    // A time between the speech noun and the participle.
    assert_eq!(
        indirect("The company issued a statement on Friday saying the plant would close."),
        vec![pair("the plant would close", "company")]
    );
}

#[test]
fn accused_someone_of_something_is_no_clause() {
    assert_eq!(
        indirect("Indigenous groups have long accused ranchers of using forged titles."),
        vec![]
    );
    assert_eq!(
        indirect(
            "The union accused the company of breaking the contract, and said it would strike."
        ),
        vec![pair("it would strike", "union")]
    );
}
