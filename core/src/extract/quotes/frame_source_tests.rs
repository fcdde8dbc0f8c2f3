//! Sources of frames and subjects of sentences, on sentences written for each rule: cues
//! that share their sentence's subject, appositives and party tags, relative clauses, the
//! writer's subjects that pronouns follow, and reported clauses.

use super::tests::{analyzed, quotes, speaker_of};

#[test]
fn a_cue_that_shares_its_sentences_subject() {
    // After `and`/`but`, after `then` following a comma, with a fronted clause whose own
    // cue has no subject.
    for (body, quote) in [
        (
            "Ana Ruiz paused, then said, “We are ready.”",
            "We are ready.",
        ),
        (
            "Ana Ruiz paused and then said, “We are ready.”",
            "We are ready.",
        ),
        ("When asked, Ana Ruiz smiled and said, “Both.”", "Both."),
    ] {
        let q = quotes(body);
        assert_eq!(speaker_of(&q, quote), Some("Ana Ruiz"), "{body}");
    }
}

#[test]
fn an_infinitive_cue_is_its_sentences_subjects() {
    for body in [
        "Tom Reyes went on to say, “The bridge stays shut.”",
        "Mr. Tom Reyes was prompted to say, “The bridge stays shut.”",
    ] {
        let q = quotes(body);
        assert_eq!(
            speaker_of(&q, "The bridge stays shut."),
            Some("Tom Reyes"),
            "{body}"
        );
    }
    // An object between the verb and `to` says the words, not the subject; a subject that
    // runs up to `to` is no subject.
    for (body, quote, not) in [
        (
            "Tom Reyes urged them to say, “The bridge stays shut.”",
            "The bridge stays shut.",
            "Tom Reyes",
        ),
        (
            "The memo led advisers like Ana Ruiz to counter that “the bridge stays shut.”",
            "the bridge stays shut.",
            "memo",
        ),
        (
            "The memo appears to contradict the mayor's claim that “the bridge stays shut.”",
            "the bridge stays shut.",
            "memo appears to",
        ),
    ] {
        let q = quotes(body);
        assert_ne!(speaker_of(&q, quote), Some(not), "{body}");
    }
}

#[test]
fn retorts_and_doubled_forms_are_cues() {
    for body in [
        "Tom Reyes shot back: “That is not true.”",
        "Tom Reyes fired back, “That is not true.”",
        "Tom Reyes cracked, “That is not true.”",
        "Tom Reyes boomed, “That is not true.”",
        "Asked about it, Tom Reyes demurred: “That is not true.”",
        "“That is not true,” Tom Reyes deadpanned.",
    ] {
        let q = quotes(body);
        let quote = q[0].1.clone();
        assert_eq!(speaker_of(&q, &quote), Some("Tom Reyes"), "{body}");
    }
    // A manner verb reports nothing without quotation marks; a retort does.
    let q = quotes("Tom Reyes cracked a smile that the bridge would stay shut.");
    assert!(q.is_empty(), "{q:?}");
    let q = quotes("Tom Reyes fired back that the bridge would stay shut.");
    assert_eq!(
        speaker_of(&q, "the bridge would stay shut"),
        Some("Tom Reyes")
    );
}

#[test]
fn a_writers_sentence_with_a_quoted_fragment_still_has_its_subject() {
    let body = "Tom Reyes spoke first.\n\nMr. Hal Brandt differed with Mr. Reyes over his \
                “strong” plan.\n\n“It is weak,” he said.";
    let q = analyzed(body);
    assert_eq!(speaker_of(&q, "It is weak,"), Some("Hal Brandt"));
    // A clause of someone's words is theirs: the writer's subject is not in it.
    let body = "Tom Reyes spoke first.\n\nMr. Hal Brandt said, “Tom Reyes is right about \
                the bridge.”\n\nAnn Lee disagreed.\n\n“It is weak,” he said.";
    let q = analyzed(body);
    assert_eq!(speaker_of(&q, "It is weak,"), Some("Hal Brandt"));
}

#[test]
fn a_relative_clause_after_a_role_appositive_reports_for_the_name() {
    let body = "Sen. Ruth Hale of Oregon, the ranking Democrat on the Senate Finance \
                Committee, who said none of the files came from the office.\n\n\
                “It never made sense,” she said.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "none of the files came from the office"),
        Some("Ruth Hale")
    );
    assert_eq!(speaker_of(&q, "It never made sense,"), Some("Ruth Hale"));
    let q = analyzed(
        "The plan was backed by Sen. Ruth Hale of Oregon, the ranking Democrat on the \
         Senate Finance Committee, who said, “It never made sense.”",
    );
    assert_eq!(speaker_of(&q, "It never made sense."), Some("Ruth Hale"));
    // A name after a preposition is no appositive (`Contrast that with X, who`).
    let q = analyzed("Contrast that with Ruth Hale, who has called the pact “a disgrace.”");
    assert_eq!(speaker_of(&q, "a disgrace."), Some("Ruth Hale"));
}

#[test]
fn a_pronoun_after_an_unknown_one_word_name_is_that_person() {
    let body = "Tom Reyes spoke in Ohio.\n\nVarkonyi said the remarks were hurtful.\n\n\
                “That will have consequences,” he said.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "That will have consequences,"),
        Some("Varkonyi")
    );
}

#[test]
fn a_long_fronted_clause_is_not_the_subject() {
    let body = "Tom Reyes spoke first.\n\nWhen Mr. Reyes tried to defend his remarks calling \
                the plan strong even after the council had voted against it twice in one \
                long and bitter week of hearings in the old town hall last spring, Mr. Hal \
                Brandt differed.\n\n“It is weak,” he said.";
    let q = analyzed(body);
    assert_eq!(speaker_of(&q, "It is weak,"), Some("Hal Brandt"));
}

#[test]
fn a_name_with_where_from_in_apposition_after_a_role() {
    let body = "Tom Reyes spoke first.\n\nAnother pollster, Hal Brandt of Clemson University, \
                said his survey of voters showed support holding steady.\n\n\
                “Go figure,” he said.";
    let q = analyzed(body);
    // Normal order: what follows `said` is the clause (`his survey ... showed`), not an
    // inverted source.
    assert_eq!(
        speaker_of(&q, "his survey of voters showed support holding steady"),
        Some("Hal Brandt")
    );
    assert_eq!(speaker_of(&q, "Go figure,"), Some("Hal Brandt"));
    // An adjective before the name after an inverted cue is no verb.
    let q = analyzed(
        "Job cuts will come later this week, said the group's recently named chair Ann Poe.",
    );
    assert_eq!(
        speaker_of(&q, "Job cuts will come later this week"),
        Some("Ann Poe")
    );
}

#[test]
fn a_pronoun_subject_carries_its_person_past_the_names_after_it() {
    let body = "Tom Reyes took the stage in Ohio.\n\nHe started with a story about his \
                parents. Then he described a visit with Mayor Hal Brandt to the old park.\n\n\
                “Anyone been there?” he asked.";
    let q = analyzed(body);
    assert_eq!(speaker_of(&q, "Anyone been there?"), Some("Tom Reyes"));
    // A person named in the pronoun's own sentence is still its nearest antecedent.
    let body = "Tom Reyes took the stage in Ohio.\n\nThe hall was full.\n\nHe started with a \
                story. Hal Brandt was \
                known for his hatred of what he called the “quiet years,” voiced in his \
                famous demand in 1987: “Open the gates of the city again.”";
    let q = analyzed(body);
    assert_eq!(speaker_of(&q, "quiet years,"), Some("Hal Brandt"));
}

#[test]
fn a_second_source_after_a_reported_clause_has_its_own_words() {
    let body = "Tom Reyes said he would make the river “run clear,” for instance, and Hal \
                Brandt vowed to “pave the bay” by spring.";
    let q = analyzed(body);
    assert_eq!(speaker_of(&q, "run clear,"), Some("Tom Reyes"));
    assert_eq!(speaker_of(&q, "pave the bay"), Some("Hal Brandt"));
    // A title's period does not hide the second frame.
    let body = "The Harbor Authority has been warning that it is running out of cash, and Ms. \
                Ana Acosta said the “extraordinary measures” she had used were over.";
    let q = analyzed(body);
    assert_eq!(speaker_of(&q, "extraordinary measures"), Some("Ana Acosta"));
    assert!(speaker_of(&q, "it is running out of cash").is_some());
    assert_eq!(
        speaker_of(&q, "the “extraordinary measures” she had used were over"),
        Some("Ana Acosta")
    );
}

#[test]
fn a_participle_after_a_dash_or_with_also_reports_for_the_subject() {
    for (body, clause) in [
        (
            "Tom Reyes changed his mind on the spot – saying he would now back the bridge.",
            "he would now back the bridge",
        ),
        (
            "Tom Reyes promised a new bridge, while also suggesting that the old one should \
             close.",
            "the old one should close",
        ),
    ] {
        let q = analyzed(body);
        assert_eq!(speaker_of(&q, clause), Some("Tom Reyes"), "{body}");
    }
}

#[test]
fn a_that_clause_may_open_with_an_adjunct() {
    for (body, clause) in [
        (
            "Tom Reyes said that with the votes he already had, the debate would not matter.",
            "with the votes he already had, the debate would not matter",
        ),
        (
            "Tom Reyes argues that as the port grows, the town will grow too.",
            "as the port grows, the town will grow too",
        ),
    ] {
        let q = analyzed(body);
        assert_eq!(speaker_of(&q, clause), Some("Tom Reyes"), "{body}");
    }
    // Without `that`, the cue's own preposition opens no clause.
    let q = analyzed("Tom Reyes said with a smile.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_party_tag_after_the_name_before_an_appositive_or_a_stray_comma() {
    for (body, quote) in [
        (
            "Rep. Ruth Hale (D-Md.), chair of the platform committee, said that the draft \
             was fair.",
            "the draft was fair",
        ),
        (
            "Gov. Ruth Hale (R-Ohio), said, “I am ready.”",
            "I am ready.",
        ),
    ] {
        let q = analyzed(body);
        assert_eq!(speaker_of(&q, quote), Some("Ruth Hale"), "{body}");
    }
    // A description in parentheses is no party tag: the name before the appositive speaks.
    let q = analyzed("Ruth Hale, chair of Harbor Watch (a local group), tweeted: “I am ready.”");
    assert_eq!(speaker_of(&q, "I am ready."), Some("Ruth Hale"));
}

#[test]
fn a_name_ending_in_a_modal_and_a_participles_that_clause() {
    let q = analyzed("Prime Minister Theresa May said this week that the country would leave.");
    assert_eq!(
        speaker_of(&q, "the country would leave"),
        Some("Theresa May")
    );
    let q = analyzed(
        "Mr. Tom Reyes revised his plans in October, saying that about 500 troops would \
         remain.",
    );
    assert_eq!(
        speaker_of(&q, "about 500 troops would remain"),
        Some("Tom Reyes")
    );
    // A modal is still no frame of reported speech.
    let q = analyzed("The mayor may say the bridge will open.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_manner_adverb_before_that_is_not_part_of_the_clause() {
    for body in [
        "Tom Reyes complained bitterly that taxes are too high.",
        "Tom Reyes has said repeatedly that taxes are too high.",
        "Tom Reyes told lawmakers privately that taxes are too high.",
    ] {
        let q = analyzed(body);
        assert_eq!(
            speaker_of(&q, "taxes are too high"),
            Some("Tom Reyes"),
            "{body}"
        );
    }
}

#[test]
fn a_family_by_its_plural_name_reports_with_a_plural_verb() {
    let q = analyzed("During the past year, the Varkonyis say they have heard rising fears.");
    assert_eq!(
        speaker_of(&q, "they have heard rising fears"),
        Some("Varkonyis")
    );
    // A singular name before a plural verb is no source (`the Times say` is no English).
    let q = analyzed("The boss and the Varkonyi say nothing.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_noun_to_a_place_or_a_meeting_is_part_of_the_source() {
    let q = analyzed("The deputy head of the delegation to the forum said the patrols must stop.");
    assert_eq!(
        speaker_of(&q, "the patrols must stop"),
        Some("deputy head of the delegation to the forum")
    );
    // Not a verb's `to`: the source is before it.
    let q = analyzed("Voters who came to the rally said the patrols must stop.");
    assert_eq!(speaker_of(&q, "the patrols must stop"), Some("Voters"));
}

#[test]
fn an_infinitive_cue_does_not_make_a_writers_sentence_someone_elses() {
    let body = "Tom Reyes spoke at the old park last week.\n\nHal Brandt took his daughter, \
                Chloe, there on Sunday to explain to her who Reyes was.\n\n\
                He said: “He was strong, and I hope she can be like that.”";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "He was strong, and I hope she can be like that."),
        Some("Hal Brandt")
    );
}

#[test]
fn who_with_a_subject_of_its_own_is_the_object() {
    let q = analyzed(
        "Tom Reyes said the party must defeat Hal Brandt, who he blasted as a “bully and \
         demagogue” at the rally.",
    );
    assert_eq!(speaker_of(&q, "bully and demagogue"), Some("Tom Reyes"));
    let q =
        analyzed("Much of the ire went to Hal Brandt, who Reyes on Wednesday called “a fraud.”");
    assert_eq!(speaker_of(&q, "a fraud."), Some("Reyes"));
    // `who` as the subject still stands for its antecedent.
    let q = analyzed("Contrast that with Hal Brandt, who has called the pact “a disgrace.”");
    assert_eq!(speaker_of(&q, "a disgrace."), Some("Hal Brandt"));
}

#[test]
fn a_clause_reported_by_an_inverted_cue_is_not_the_writers_subject() {
    let body = "Ruth Hale spoke in Iowa.\n\nThe Hale plan is made possible by its money, said \
                Katie Brandt, the agency's global politics and government outreach director. \
                Others are “having to be leaner,” she said.";
    let q = analyzed(body);
    assert_eq!(speaker_of(&q, "having to be leaner,"), Some("Katie Brandt"));
}

#[test]
fn a_person_named_in_a_role_before_the_subject_is_not_the_subject() {
    let body = "Ruth Hale spoke in Iowa.\n\nHale spokeswoman Katie Brandt criticized Tom Reyes \
                for the claim. “Nice try, not true,” she said in a tweet.";
    let q = analyzed(body);
    assert_eq!(speaker_of(&q, "Nice try, not true,"), Some("Katie Brandt"));
    // Two people named together: the first leads.
    let body = "Ruth Hale spoke in Iowa. Tom Reyes spoke too.\n\nRuth Hale and Katie Brandt \
                criticized the plan. “Nice try, not true,” she said.";
    let q = analyzed(body);
    assert_eq!(speaker_of(&q, "Nice try, not true,"), Some("Ruth Hale"));
}

#[test]
fn fragments_of_a_possessor_an_adverb_opened_subject_and_a_prepositions_name() {
    for (body, quote, who) in [
        // A sentence adverb before the name is no adjunct up to the appositive's comma.
        (
            "Now Dana Trask, the most unusual mayor in years, is promising to build “a big stage” downtown.",
            "a big stage",
            "Dana Trask",
        ),
        // The name whose possessive stands before a noun cue that introduces a clause.
        (
            "After the debate the checkers looked at Dana Trask’s claim that there were “thousands of crashes” last year.",
            "thousands of crashes",
            "Dana Trask",
        ),
        // The name between a preposition and a participle cue is the participle's subject.
        (
            "Voters talked of Ben Carlo privately saying “pray for him” at the fair.",
            "pray for him",
            "Ben Carlo",
        ),
    ] {
        let q = quotes(body);
        assert_eq!(speaker_of(&q, quote), Some(who), "{body}");
    }
    // A possessive before a noun that is itself what is named keeps the caller's words;
    // `of` inside a name gives the whole name, not its last word.
    for (body, quote, not) in [
        (
            "Chairman Reed Pryce called Dana Trask’s remarks a “new low” on Monday.",
            "new low",
            Some("Dana Trask"),
        ),
        (
            "The Federation of Teachers calling her “a champion” came as no surprise.",
            "a champion",
            Some("Teachers"),
        ),
    ] {
        let q = quotes(body);
        assert_ne!(speaker_of(&q, quote), not, "{body}");
    }
}

#[test]
fn a_question_word_opening_the_sentence_never_speaks() {
    for body in [
        "What do you think, with everyone saying “we will win” again?",
        "What do voters think of the crowd chanting “lock her up” at rallies?",
        "How can anyone keep promising “a big stage” for years?",
    ] {
        let q = quotes(body);
        assert!(
            q.iter()
                .all(|x| !matches!(x.2.as_deref(), Some("What" | "How"))),
            "{body}: {q:?}"
        );
    }
}

#[test]
fn two_roles_of_one_named_person_and_a_fronted_adverbial() {
    // The second role may open with a capitalized modifier; the first names the person the
    // article introduced.
    let body = "Sen. Ruth Hale answered first, late on Tuesday night.\n\n\
                “The test is a threat,” the Ohio senator and Republican presidential candidate said in a statement.";
    let q = analyzed(body);
    assert_eq!(speaker_of(&q, "The test is a threat,"), Some("Ruth Hale"));
    let q =
        quotes("“The test is a threat,” the senator and Republican presidential candidate said.");
    assert_eq!(
        speaker_of(&q, "The test is a threat,"),
        Some("senator and Republican presidential candidate")
    );
    // `Immediately after the storm,` is an adjunct before the subject of a statement lead.
    let q = quotes("Immediately after the storm, Dana Trask issued a statement, “We are safe.”");
    assert_eq!(speaker_of(&q, "We are safe."), Some("Dana Trask"));
}

#[test]
fn reported_clauses_after_a_plural_noun_adjunct_and_a_coordinated_complement() {
    for (body, clause, who) in [
        // A plural noun in -s inside `in her ... remarks` is no cue of its own.
        (
            "Ana Ruiz said in her opening remarks that the levy should stay.",
            "the levy should stay",
            "Ana Ruiz",
        ),
        (
            "Tom Reyes stressed in his remarks that the bridge would reopen.",
            "the bridge would reopen",
            "Tom Reyes",
        ),
        // `and` joining the nouns after a speaker noun's preposition.
        (
            "Experts on taxes and trade said the plan would fail.",
            "the plan would fail",
            "Experts on taxes and trade",
        ),
        (
            "Analysts in Lagos and Accra said the currency would fall.",
            "the currency would fall",
            "Analysts in Lagos and Accra",
        ),
    ] {
        let q = quotes(body);
        assert_eq!(speaker_of(&q, clause), Some(who), "{body}: {q:?}");
    }
    // A verb in -s after a pronoun inside the adjunct keeps its own clause.
    let q = quotes("Tom Reyes said at the hearing where he notes that fares rose.");
    assert!(
        q.iter()
            .all(|x| x.2.as_deref() != Some("Tom Reyes") || x.1 != "fares rose"),
        "{q:?}"
    );
}

#[test]
fn shares_of_people_times_ago_stations_and_a_stray_comma() {
    for (body, clause, who) in [
        (
            "Nearly 47% of voters say the levy should stay.",
            "the levy should stay",
            "Nearly 47% of voters",
        ),
        (
            "On taxes, 42% say the levy should stay.",
            "the levy should stay",
            "42%",
        ),
        (
            "About half of voters say they want an outsider.",
            "they want an outsider",
            "About half of voters",
        ),
        (
            "A majority of her backers say the race is close.",
            "the race is close",
            "A majority of her backers",
        ),
        (
            "The ministry less than two weeks ago said for the first time that the files were lost.",
            "the files were lost",
            "ministry",
        ),
        (
            "The port authority told Channel 4 that the ferry would sail.",
            "the ferry would sail",
            "port authority",
        ),
        (
            "Ana Ruiz spoke first. She added, that the fund was empty.",
            "the fund was empty",
            "Ana Ruiz",
        ),
    ] {
        let q = analyzed(body);
        assert_eq!(speaker_of(&q, clause), Some(who), "{body}: {q:?}");
    }
    // Between commas inside the reported words, the cue leaves them whole.
    let q = quotes("The plan is so bad, Ana Ruiz said, that the fund is empty.");
    assert!(q.iter().all(|x| x.1 != "the fund is empty"), "{q:?}");
}

#[test]
fn an_adjunct_between_commas_before_that_and_a_participle_after_the_source_noun() {
    for (body, clause, who) in [
        (
            "The director further stated, while testifying before the council, that the minister was wrong.",
            "the minister was wrong",
            "director",
        ),
        (
            "Tom Reyes said, among other things, that the bridge would close.",
            "the bridge would close",
            "Tom Reyes",
        ),
        (
            "People briefed on the talks say that the governor will decide soon.",
            "the governor will decide soon",
            "People briefed on the talks",
        ),
        // An infinitive cue before `that` still reports for the verb before it.
        (
            "Ana Ruiz continued to insist that the fund was sound.",
            "the fund was sound",
            "Ana Ruiz",
        ),
    ] {
        let q = quotes(body);
        assert_eq!(speaker_of(&q, clause), Some(who), "{body}: {q:?}");
    }
    // A name between commas with where its organization is.
    let q = analyzed(
        "Another pollster, Ann Poe of Clemson University in Clemson, said the race was close.",
    );
    assert_eq!(
        speaker_of(&q, "the race was close"),
        Some("Ann Poe"),
        "{q:?}"
    );
}

#[test]
fn the_pronoun_of_a_cue_after_reported_words_is_not_their_subject() {
    // `C, he added`: the subject of C is not whom `he` stands for.
    let body = "“We are sick of it,” Mr. Hal Gidley said.\n\n\
                Mr. Dale Trask, who takes no large gifts, fits that bill for many people, he added.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(
            &q,
            "Mr. Dale Trask, who takes no large gifts, fits that bill for many people"
        ),
        Some("Hal Gidley"),
        "{q:?}"
    );
    // A topic before the comma is whom it stands for.
    let body = "“We are fine,” Hal Gidley said.\n\nAs for Dale Trask, he said he is not worried.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "he is not worried"),
        Some("Dale Trask"),
        "{q:?}"
    );
}

#[test]
fn an_inverted_source_with_a_participles_phrase_and_no_verb_of_its_own() {
    let q = quotes("“It is a way to help,” says a source involved in the fund’s creation.");
    assert_eq!(
        speaker_of(&q, "It is a way to help,"),
        Some("source involved in the fund’s creation")
    );
    let q = quotes("“It works,” said an official familiar with the plan.");
    assert_eq!(
        speaker_of(&q, "It works,"),
        Some("official familiar with the plan")
    );
    // `said the candidate could be ...` is a reported clause, not an inverted source.
    let q = quotes("Mr. Hal Brandt, citing “the magic of the race,” said the candidate could win.");
    assert_eq!(speaker_of(&q, "the magic of the race,"), Some("Hal Brandt"));
}

#[test]
fn a_possessed_reply_a_name_after_a_description_and_a_verb_in_s_after_a_name() {
    // Whose reply a colon lead names with a possessive.
    let q = analyzed("Ana Ruiz heard of it by letter. Ruiz’s response was: “Is the shop in Ohio?”");
    assert_eq!(
        speaker_of(&q, "Is the shop in Ohio?"),
        Some("Ana Ruiz"),
        "{q:?}"
    );
    // A description, then the person's name in apposition; not a relative clause.
    let q = analyzed(
        "Ana Ruiz came on stage.\n\n“It is about time,” exhorted Ruiz’s host, actress Jo Lind Carver.",
    );
    assert_eq!(
        speaker_of(&q, "It is about time,"),
        Some("Jo Lind Carver"),
        "{q:?}"
    );
    let q = analyzed(
        "Ana Ruiz wrote it.\n\n“We are sorry,” read the statement, which was signed by Tom Reyes.",
    );
    assert_ne!(speaker_of(&q, "We are sorry,"), Some("Tom Reyes"), "{q:?}");
    // A verb in -s right after a name ends the subject; a plural noun after a capitalized
    // modifier does not.
    let q = quotes(
        "Mr. Dale Trask tries to calm the crowd, alternately shouting “Get out” and “Be nice.”",
    );
    assert_eq!(speaker_of(&q, "Be nice."), Some("Dale Trask"), "{q:?}");
    let q = quotes("Two Democratic speechwriters urged her on, arguing that “it works.”");
    assert_eq!(
        speaker_of(&q, "it works."),
        Some("Two Democratic speechwriters"),
        "{q:?}"
    );
}

#[test]
fn a_writers_sentence_with_a_cue_and_a_possessive_object_has_its_subject() {
    // `, also questioned Trask's logic` is no inverted cue after reported words: the
    // sentence's subject is whom the next pronoun stands for.
    let body = "“We will win,” Dale Trask said on Monday.\n\n\
                Juan Zarro, an adviser to Gov. Ann Poe, also questioned Trask’s logic.\n\n\
                “There is no question,” he said.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "There is no question,"),
        Some("Juan Zarro"),
        "{q:?}"
    );
}

#[test]
fn a_participle_lead_after_a_prepositions_name_or_a_message_to_someone() {
    let q = analyzed(
        "Some of his supporters shoved a protester, with Dale Trask reportedly yelling: “Get him out!”",
    );
    assert_eq!(speaker_of(&q, "Get him out!"), Some("Dale Trask"), "{q:?}");
    let q = quotes("The ad then cuts to footage of Ana Ruiz saying, “We will win.”");
    assert_eq!(speaker_of(&q, "We will win."), Some("Ana Ruiz"), "{q:?}");
    let q = quotes("The union sent a text message to members saying: “We have a deal.”");
    assert_eq!(speaker_of(&q, "We have a deal."), Some("union"), "{q:?}");
}

#[test]
fn a_described_source_after_according_to_is_the_whole_phrase() {
    for (body, clause, who) in [
        (
            "Ana Ruiz leads by 40 points, according to a Harbor Times/Channel 4 poll released last week.",
            "Ana Ruiz leads by 40 points",
            "Harbor Times/Channel 4 poll released last week",
        ),
        (
            "According to interviews with a dozen of her friends, Ana Ruiz wants to run again.",
            "Ana Ruiz wants to run again",
            "interviews with a dozen of her friends",
        ),
        (
            "The fund will spend $2 billion, according to a campaign official who was not authorized to speak.",
            "The fund will spend $2 billion",
            "campaign official who was not authorized to speak",
        ),
        // A dash ends the source.
        (
            "Most residents of the old town back the plan — according to a council report — at least for now.",
            "Most residents of the old town back the plan",
            "council report",
        ),
    ] {
        let q = quotes(body);
        let got = q
            .iter()
            .find(|x| x.1.starts_with(clause))
            .map(|x| x.2.as_deref());
        assert_eq!(got, Some(Some(who)), "{body}: {q:?}");
    }
}

#[test]
fn an_inverted_description_with_the_persons_name_in_apposition() {
    let body = "Tom Reyes runs the Harbor Steel plant.\n\n\
                The plant is hanging on for now, said the company's chief executive, Tom Reyes.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "The plant is hanging on for now"),
        Some("Tom Reyes"),
        "{q:?}"
    );
}
