//! The lead-in steps on sentences written for each (`lead_in.rs`).

use crate::extract::Rule;

use super::tests::{attributed, speaker};

#[test]
fn a_speech_verb_with_no_words_of_its_own_before_the_quotation() {
    let body = "Sam Lau, the spokesman for the party, said in a statement. \u{201c}There are \
                no ballots to recount.\u{201d}";
    assert_eq!(
        speaker(body, "There are no ballots to recount."),
        (Some("Sam Lau".into()), Rule::CueBefore)
    );
    // A speech verb with words of its own is its own quote's frame.
    let body = "Sam Lau said the count was over. \u{201c}There are no ballots to \
                recount.\u{201d}";
    assert_ne!(
        speaker(body, "There are no ballots to recount.").1,
        Rule::CueBefore
    );
}

#[test]
fn a_headlines_lead_names_who_speaks_not_what_about() {
    let body = "Voss on Quill Releasing Her Transcripts: \u{2018}I Think She \
                Will.\u{2019}\n\nSen. Lena Voss, a supporter of Mara Quill, spoke on Friday.";
    assert_eq!(
        speaker(body, "I Think She Will.").0.as_deref(),
        Some("Lena Voss")
    );
    let body = "Quill Addresses Harbor Attack: \u{2018}This Cannot \
                Continue.\u{2019}\n\nMara Quill spoke on Friday.";
    assert_eq!(
        speaker(body, "This Cannot Continue.").0.as_deref(),
        Some("Mara Quill")
    );
}

#[test]
fn colon_in_the_same_sentence() {
    let body = "Councillor Mira Talbot voted against the budget. Talbot agreed with one \
                part: \u{201c}The parks money is overdue.\u{201d}";
    assert_eq!(
        speaker(body, "The parks money is overdue."),
        (Some("Mira Talbot".into()), Rule::ColonLeadIn)
    );
    let body = "Dana Oyelaran met the crew on Monday. She then addressed the volunteers \
                again: \u{201c}Here is what I regret.\u{201d}";
    assert_eq!(
        speaker(body, "Here is what I regret."),
        (Some("Dana Oyelaran".into()), Rule::ColonLeadIn)
    );
}

#[test]
fn colon_closing_the_paragraph_before() {
    let body = "Senator Hugo Brandt wrote to the committee on Friday.\n\n\
                He then listed three demands:\n\n\
                \u{201c}First, publish the audit in full.\u{201d}";
    assert_eq!(
        speaker(body, "First, publish the audit in full."),
        (Some("Hugo Brandt".into()), Rule::ColonLeadIn)
    );
}

#[test]
fn inverted_cue_before_a_colon() {
    let body = "Pia Lund, an economist, studies tax codes. Said Lund: \u{201c}Nobody reads \
                them.\u{201d}";
    assert_eq!(
        speaker(body, "Nobody reads them."),
        (Some("Pia Lund".into()), Rule::ColonLeadIn)
    );
}

#[test]
fn a_colon_after_a_thing_names_no_speaker() {
    let body = "The rules of the pool are simple: \u{201c}No glass on the deck.\u{201d}";
    assert_eq!(speaker(body, "No glass on the deck.").0, None);
}

#[test]
fn as_someone_put_it() {
    let body = "Professor Nell Foner studies migration. As Professor Foner put it, \
                \u{201c}The country does this well.\u{201d}";
    assert_eq!(
        speaker(body, "The country does this well."),
        (Some("Nell Foner".into()), Rule::AsPutIt)
    );
}

#[test]
fn a_paragraph_that_introduces_its_speaker() {
    let body = "\u{201c}We will appeal,\u{201d} said Omar Reyes, the club's lawyer.\n\n\
                Governor Alma Ruiz touted her record on the bridge. \u{201c}We built it \
                on time and under budget.\u{201d}";
    assert_eq!(
        speaker(body, "We built it on time and under budget."),
        (Some("Alma Ruiz".into()), Rule::ParagraphSubject)
    );
}

#[test]
fn a_sentence_about_a_thing_does_not_take_the_quote() {
    let body = "\u{201c}We will appeal,\u{201d} said Omar Reyes, the club's lawyer. The \
                ruling came late on Friday. \u{201c}It changes nothing.\u{201d}";
    assert_eq!(
        speaker(body, "It changes nothing."),
        (Some("Omar Reyes".into()), Rule::SameParagraph)
    );
}

#[test]
fn a_fronted_adjunct_is_not_the_subject() {
    let body = "Before the match, Police Chief Calvin Oduya lobbied to close the square, \
                saying, \u{201c}The fewer crowds, the better.\u{201d}";
    assert_eq!(
        speaker(body, "The fewer crowds, the better.").0.as_deref(),
        Some("Calvin Oduya")
    );
    let body = "On Thursday, after weeks of silence, Senator Mae Whitlow endorsed the \
                bill, saying, \u{201c}It is exactly what the state needs.\u{201d}";
    assert_eq!(
        speaker(body, "It is exactly what the state needs.")
            .0
            .as_deref(),
        Some("Mae Whitlow")
    );
}

#[test]
fn a_described_speaker_no_list_knows_is_kept_as_written() {
    let body = "\u{201c}It was very nice,\u{201d} the gambling tycoon told reporters.";
    assert_eq!(
        speaker(body, "It was very nice,"),
        (Some("gambling tycoon".into()), Rule::CueAfter)
    );
    let body = "\u{201c}He will work for you,\u{201d} said the 46-year-old.";
    assert_eq!(
        speaker(body, "He will work for you,").0.as_deref(),
        Some("46-year-old")
    );
    // Without a quotation's frame, a bare description is no source of reported speech.
    let body = "The gambling tycoon said the casino would open in May.";
    assert!(attributed(body).is_empty());
}

#[test]
fn the_n_year_old_is_the_person_of_that_age_or_the_one_the_story_is_on() {
    // No age given: the person the story moved to, as a pronoun would find them.
    let body = "\u{201c}We never stopped,\u{201d} said coach Tomasz Wilk.\n\n\
                Kwame Asante, who had not scored all season, was mobbed at the whistle.\n\n\
                \u{201c}I just closed my eyes,\u{201d} the 29-year-old said.";
    assert_eq!(
        speaker(body, "I just closed my eyes,").0.as_deref(),
        Some("Kwame Asante")
    );
    // An age the article gave picks that person, wherever the story is.
    let body = "Rhoda Pike, 71, and her neighbour Kwame Asante, 29, run the shop.\n\n\
                Asante restocked the shelves on Monday.\n\n\
                \u{201c}We open at six,\u{201d} said the 71-year-old.";
    assert_eq!(
        speaker(body, "We open at six,").0.as_deref(),
        Some("Rhoda Pike")
    );
    // `a 29-year-old` brings in someone new: kept as written.
    let body = "Kwame Asante scored twice.\n\n\
                \u{201c}He is the best,\u{201d} said a 29-year-old.";
    assert_eq!(
        speaker(body, "He is the best,").0.as_deref(),
        Some("29-year-old")
    );
}

#[test]
fn a_pronoun_follows_the_story_to_a_new_subject() {
    let body = "\u{201c}We were ready,\u{201d} said Mayor Tom Reilly.\n\n\
                Gary Byrne, a former officer, expressed concern about the plan.\n\n\
                He wrote, \u{201c}The city cannot afford it.\u{201d}";
    assert_eq!(
        speaker(body, "The city cannot afford it.").0.as_deref(),
        Some("Gary Byrne")
    );
    // A person named in passing, not as a subject, does not take the pronoun.
    let body = "\u{201c}We were ready,\u{201d} said Mayor Tom Reilly, who once worked \
                for Gary Byrne. \u{201c}We still are,\u{201d} he said.";
    assert_eq!(
        speaker(body, "We still are,").0.as_deref(),
        Some("Tom Reilly")
    );
}

#[test]
fn a_dateline_is_never_a_speaker() {
    let body = "PORTLAND, Maine \u{2014} Coach Dana Reyes defended the plan, saying the \
                team would rest its starters on Sunday.";
    let q = attributed(body);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Dana Reyes"));
}

#[test]
fn an_abbreviated_title_is_the_role() {
    let body = "Sen. Ruth Hale spoke on Monday.\n\nThe senator told reporters that \
                the bill would pass in June.";
    let q = attributed(body);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("Ruth Hale"));
}

#[test]
fn a_name_after_a_dash_credits_the_quotation() {
    let body = "\u{201c}The most infuriating thing is the noise.\u{201d} \u{2015} Nell Carden";
    assert_eq!(
        speaker(body, "The most infuriating thing is the noise."),
        (Some("Nell Carden".into()), Rule::DashCredit)
    );
}

#[test]
fn a_statement_then_a_comma_leads_in() {
    let body = "Mayor Lina Ortiz issued a statement, \u{201c}Last night our city was \
                attacked.\u{201d}";
    assert_eq!(
        speaker(body, "Last night our city was attacked."),
        (Some("Lina Ortiz".into()), Rule::ColonLeadIn)
    );
}

#[test]
fn a_headline_lead_names_the_speaker_of_its_fragment() {
    let body = "Kelli Ward: Impeach the Attorney General, \u{2018}Stop Them at the Door.\u{2019}";
    assert_eq!(
        speaker(body, "Stop Them at the Door."),
        (Some("Kelli Ward".into()), Rule::ColonLeadIn)
    );
}

#[test]
fn as_a_role_put_it() {
    let body = "The ferry lost again. As the coach put it, \u{201C}We ran out of legs.\u{201D}";
    assert_eq!(
        speaker(body, "We ran out of legs.").0.as_deref(),
        Some("coach")
    );
}

#[test]
fn as_someone_described_put_it() {
    let body = "As Steven Rosen, a tax lawyer at the institute, recently put it, \
                \u{201c}Did he avoid taxes or evade them?\u{201d}";
    assert_eq!(
        speaker(body, "Did he avoid taxes or evade them?"),
        (Some("Steven Rosen".into()), Rule::AsPutIt)
    );
}

#[test]
fn a_subordinator_is_not_the_source_and_a_lead_in_falls_back_to_its_subject() {
    let body = "While Gil Amos acknowledges its appeal as a \u{201c}forceful persona,\u{201d} \
                he backs another candidate.";
    assert_eq!(
        speaker(body, "forceful persona,").0.as_deref(),
        Some("Gil Amos")
    );
    let body = "The columnist Ada Quist went so far as to say: \u{201c}The site as we know \
                it is over.\u{201d}";
    assert_eq!(
        speaker(body, "The site as we know it is over.")
            .0
            .as_deref(),
        Some("Ada Quist")
    );
}

#[test]
fn the_subject_of_a_reported_clause_does_not_take_the_pronoun() {
    let body = "Jon Tester spoke to reporters on Monday.\n\n\
                Even John McCain is in trouble this year, Tester said.\n\n\
                \u{201c}He could lose,\u{201d} he said.";
    assert_eq!(
        speaker(body, "He could lose,").0.as_deref(),
        Some("Jon Tester")
    );
}

#[test]
fn they_follow_a_plural_subject_of_the_writer() {
    let body = "\u{201c}We will fight it,\u{201d} said the company's chief, Dan Ruhl.\n\n\
                Workers objected to the move on Monday. They also said the company was \
                shipping jobs overseas.";
    let q = attributed(body);
    let ind = q
        .iter()
        .find(|x| x.0.starts_with("the company was"))
        .expect("clause");
    assert_eq!(ind.1.as_deref(), Some("Workers"));
}

#[test]
fn a_verb_of_manner_after_a_quotation_tags_it() {
    let body = "Senator Pat Tomey spoke on Tuesday.\n\n\u{201c}That would have shown good \
                faith,\u{201d} Tomey fumed on Tuesday.";
    assert_eq!(
        speaker(body, "That would have shown good faith,"),
        (Some("Pat Tomey".into()), Rule::CueAfter)
    );
    // Not without a person: `"Q," the bill passed`.
    let body = "\u{201c}A new start,\u{201d} Harbor Bridge reopened on Tuesday.";
    assert_eq!(speaker(body, "A new start,").0, None);
}

#[test]
fn by_saying_leads_in() {
    let body = "Senator Ana Ruiz spoke first.\n\nThe senator outlined her plans by saying, \
                \u{201c}We will protect every family.\u{201d}";
    assert_eq!(
        speaker(body, "We will protect every family.").0.as_deref(),
        Some("Ana Ruiz")
    );
}

#[test]
fn a_credit_line_after_the_quotation_paragraph() {
    let body = "Claims from the debate follow.\n\n\u{201c}Families are worried about the \
                future of their kids.\u{201d}\n\n- Ines Barrow.\n\nShe is relying on old data.";
    assert_eq!(
        speaker(body, "Families are worried about the future of their kids."),
        (Some("Ines Barrow".into()), Rule::DashCredit)
    );
}

#[test]
fn a_short_cue_sentence_after_a_full_stop() {
    let body = "Mayor Ana Rivera visited the site on Monday.\n\n\u{201c}The bridge will \
                open in May.\u{201d} Rivera said.";
    assert_eq!(
        speaker(body, "The bridge will open in May."),
        (Some("Ana Rivera".into()), Rule::CueAfter)
    );
    let body = "Work stopped in March.\n\n\u{201c}We ran out of steel.\u{201d} said \
                Tomas Berg.";
    assert_eq!(
        speaker(body, "We ran out of steel."),
        (Some("Tomas Berg".into()), Rule::CueAfter)
    );
    // A sentence that goes on after the verb is not a credit of the quotation.
    let body = "Work stopped in March.\n\n\u{201c}We ran out of steel.\u{201d} Tomas \
                Berg said the company would sue.";
    assert_ne!(speaker(body, "We ran out of steel.").1, Rule::CueAfter);
    // Nor is a sentence with no speech verb.
    let body = "Work stopped in March.\n\n\u{201c}We ran out of steel.\u{201d} Tomas \
                Berg left.";
    assert_eq!(speaker(body, "We ran out of steel.").0, None);
}

#[test]
fn a_quotation_paragraph_after_a_paragraph_about_a_person() {
    let body = "Councillor Mira Talbot praised the new library on Monday.\n\n\u{201c}It \
                is the best thing this town has built in years.\u{201d}";
    assert_eq!(
        speaker(body, "It is the best thing this town has built in years."),
        (Some("Mira Talbot".into()), Rule::ParagraphBefore)
    );
    // Through a pronoun.
    let body = "Dana Oyelaran runs the shelter.\n\nShe paused for a moment.\n\n\u{201c}We \
                need more beds before winter.\u{201d}";
    assert_eq!(
        speaker(body, "We need more beds before winter.")
            .0
            .as_deref(),
        Some("Dana Oyelaran")
    );
}

#[test]
fn no_speaker_from_a_heading_or_a_paragraph_that_goes_on() {
    // A heading or list item before the quotation is no one.
    let body = "Library Opens Downtown\n\n\u{201c}It is the best thing this town has \
                built in years.\u{201d}";
    assert_eq!(
        speaker(body, "It is the best thing this town has built in years.").0,
        None
    );
    // The quotation must be the whole paragraph.
    let body = "Councillor Mira Talbot praised the new library on Monday.\n\n\u{201c}It \
                is the best thing this town has built in years.\u{201d} The doors open at \
                nine.";
    assert_ne!(
        speaker(body, "It is the best thing this town has built in years.").1,
        Rule::ParagraphBefore
    );
    // Nor a name alone above it (a caption, a credit).
    let body = "Mira Talbot\n\n\u{201c}It is the best thing this town has built in \
                years.\u{201d}";
    assert_eq!(
        speaker(body, "It is the best thing this town has built in years.").0,
        None
    );
    // Not the subject of a paragraph about something else.
    let body = "The library cost four million dollars.\n\n\u{201c}It is the best thing \
                this town has built in years.\u{201d}";
    assert_eq!(
        speaker(body, "It is the best thing this town has built in years.").0,
        None
    );
}

#[test]
fn the_person_a_question_asks_about_is_whom_the_next_pronoun_stands_for() {
    let body = "\u{201c}We start now,\u{201d} said Mayor Tom Reilly.\n\n\
                Was Gary Byrne satisfied with the answer?\n\n\
                \u{201c}To a point,\u{201d} he said.";
    assert_eq!(
        speaker(body, "To a point,").0.as_deref(),
        Some("Gary Byrne")
    );
}

#[test]
fn a_name_after_the_subjects_description_speaks_for_a_participle() {
    let body = "Curt Schilling spoke first.\n\n\
                Schilling's son, Grant, defended his father on Facebook, saying: \
                \u{201c}He has made great strides.\u{201d}";
    assert_eq!(
        speaker(body, "He has made great strides.").0.as_deref(),
        Some("Grant")
    );
}

#[test]
fn as_a_source_wrote_before_the_quotation() {
    let body = "The mill closed in 1971.\n\nAs the columnist Hedda Morrow had written just a \
                few years earlier, \u{201c}Nobody in this town ever forgets a slight.\u{201d}";
    assert_eq!(
        speaker(body, "Nobody in this town ever forgets a slight."),
        (Some("Hedda Morrow".into()), Rule::AsPutIt)
    );
    // A clause after the verb is no lead-in of this quotation.
    let body = "As Ruth Gale said the ferry would stop, \u{201c}The town went quiet.\u{201d}";
    assert_ne!(speaker(body, "The town went quiet.").1, Rule::AsPutIt);
}

#[test]
fn the_next_sentence_credits_the_quotation() {
    let body = "\u{201c}I would rather lose the vote than lose the town.\u{201d} That remark \
                from county commissioner Paul Rusk appeared on the front page in 1998.";
    assert_eq!(
        speaker(body, "I would rather lose the vote than lose the town."),
        (Some("Paul Rusk".into()), Rule::QuoteCredit)
    );
    // A sentence about the words, not crediting them, names no one.
    let body = "\u{201c}I would rather lose the vote than lose the town.\u{201d} That remark \
                appeared on the front page in 1998.";
    assert_eq!(
        speaker(body, "I would rather lose the vote than lose the town.").0,
        None
    );
}

#[test]
fn a_paragraph_quoting_the_statement_the_paragraph_before_issued() {
    let body = "Ferries were late all week.\n\nThe Harbour Ferry Union issued a statement \
                apologizing to passengers for the delays.\n\n\u{201c}On behalf of every crew, \
                we offer our sincere apology to the people who rely on us.\u{201d}";
    assert_eq!(
        speaker(
            body,
            "On behalf of every crew, we offer our sincere apology to the people who rely on us."
        ),
        (Some("Harbour Ferry Union".into()), Rule::ParagraphBefore)
    );
    // A sentence with no statement in it says nothing of who speaks next.
    let body = "Ferries were late all week.\n\nThe Harbour Ferry Union met passengers at the \
                pier.\n\n\u{201c}On behalf of every crew, we offer our sincere apology.\u{201d}";
    assert_ne!(
        speaker(
            body,
            "On behalf of every crew, we offer our sincere apology."
        )
        .0,
        Some("Harbour Ferry Union".into())
    );
}

#[test]
fn the_words_a_sign_or_a_banner_carries() {
    let body = "Protesters gathered outside the hall.\n\nLena Brook held up a sign saying \
                \u{201c}Hands Off Our Harbour.\u{201d} The retired teacher says she has never \
                protested before.";
    assert_eq!(
        speaker(body, "Hands Off Our Harbour."),
        (Some("sign".into()), Rule::CueBefore)
    );
    let body = "One marcher carried a banner that read \u{201c}No Pier, No Peace.\u{201d}";
    assert_eq!(
        speaker(body, "No Pier, No Peace."),
        (Some("banner".into()), Rule::CueBefore)
    );
    let body = "The paper ran a front page reading \u{201c}Shame on the Council!\u{201d}";
    assert_eq!(
        speaker(body, "Shame on the Council!"),
        (Some("front page".into()), Rule::CueBefore)
    );
    // A person's name is no such noun: `saying` after it is that person's.
    let body = "At the pier, Lena Brook stood up saying \u{201c}We will be back next \
                week.\u{201d}";
    assert_ne!(
        speaker(body, "We will be back next week.").0,
        Some("Brook".into())
    );
}
