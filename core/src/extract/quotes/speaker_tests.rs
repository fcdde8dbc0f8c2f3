//! Speaker resolution on sentences written for each rule: surnames, pronouns, role nouns,
//! organizations, groups and documents.

use super::tests::{analyzed, one, quotes, speaker_of};
use super::*;
use QuoteKind::Direct;

#[test]
fn surname_resolves_to_full_name() {
    let body = "“We start now,” said Maj. Hugo Brandt.\n\n“It will take a year,” Brandt added.";
    let q = quotes(body);
    assert_eq!(speaker_of(&q, "It will take a year,"), Some("Hugo Brandt"));
}

#[test]
fn pronoun_resolves_to_current_speaker_with_fitting_gender() {
    let body = "Ms. Ada Quist, a tax lawyer, said the rules were unclear.\n\n\
                “Nobody knows what to file,” she said.";
    let q = quotes(body);
    assert_eq!(
        speaker_of(&q, "Nobody knows what to file,"),
        Some("Ada Quist")
    );
    // A pronoun of the wrong gender does not take her.
    let body = "Ms. Ada Quist said the rules were unclear.\n\n“Nobody knows,” he said.";
    let q = quotes(body);
    assert_eq!(speaker_of(&q, "Nobody knows,"), None);
}

#[test]
fn pronoun_uses_entity_genders() {
    let body = "Mark Hollis spoke first. Later, Anna Berg said the plan was late.\n\n\
                “We will catch up,” he said.";
    let q = analyzed(body);
    assert_eq!(speaker_of(&q, "We will catch up,"), Some("Mark Hollis"));
}

#[test]
fn role_noun_resolves_to_the_person_with_that_role() {
    let body = "Jo Wren, a spokeswoman for the port, said the cranes were idle.\n\n\
                The spokeswoman said repairs would start soon.";
    let q = quotes(body);
    assert_eq!(speaker_of(&q, "repairs would start soon"), Some("Jo Wren"));
    // Without a named spokesperson, the role noun is the group phrase.
    let q = one("A company spokesperson said repairs would start soon.");
    assert_eq!(q.2.as_deref(), Some("company spokesperson"));
    assert_eq!(q.3, SpeakerKind::Group);
}

#[test]
fn organizations_groups_and_documents_speak() {
    let q = one("The White House said the trip was postponed.");
    assert_eq!(
        (q.2.as_deref(), q.3),
        (Some("White House"), SpeakerKind::Organization)
    );
    let q = one("U.S. Coast Guard officials said the search was suspended.");
    assert_eq!(
        (q.2.as_deref(), q.3),
        (Some("U.S. Coast Guard officials"), SpeakerKind::Group)
    );
    let q = one("Officials said the search was suspended.");
    assert_eq!(q.2.as_deref(), Some("Officials"));
    let q = one("The report said the search was suspended too early.");
    assert_eq!(
        (q.2.as_deref(), q.3),
        (Some("report"), SpeakerKind::Document)
    );
}

#[test]
fn the_company_is_the_story_s_company_but_the_government_is_not_any_organization() {
    let q = analyzed(
        "OSLO (Reuters) - Northwind Shipping Group cut its forecast on Monday.\n\n\
         The company said that demand had weakened in the autumn.\n\n\
         The previous government said that the port would be expanded by 2030.",
    );
    assert_eq!(
        speaker_of(&q, "demand had weakened in the autumn"),
        Some("Northwind Shipping Group")
    );
    let gov = q
        .iter()
        .find(|x| x.1 == "the port would be expanded by 2030")
        .expect("the government's reported speech");
    assert!(
        !matches!(
            gov.2.as_deref(),
            Some("Reuters" | "Northwind Shipping Group")
        ),
        "{q:?}"
    );
    assert_eq!(gov.3, SpeakerKind::Organization);
}

#[test]
fn a_wire_credit_in_the_dateline_is_no_antecedent() {
    // The story's company is not recognized as an organization here; the agency that sent
    // the story out must not stand in for it.
    for dash in ["-", "\u{2013}", "\u{2014}"] {
        let body = format!(
            "LIMA (Reuters) {dash} Quarrystone cut its forecast on Monday.\n\n\
             The company said that demand had weakened in the autumn."
        );
        let q = analyzed(&body);
        assert_ne!(
            speaker_of(&q, "demand had weakened in the autumn"),
            Some("Reuters"),
            "{q:?}"
        );
    }
}

#[test]
fn unsupported_speaker_is_none() {
    let q = one("“Nobody could have known,” it was said at the time.");
    assert_eq!(q.0, Direct);
    assert_eq!(q.2, None);
    assert_eq!(q.3, SpeakerKind::Unknown);
}

#[test]
fn continuation_and_cueless_quotes_take_the_current_speaker() {
    let body = "Mina Tal, a farmer, said: “The rain came late.\n\n\
                “Then it did not stop.”\n\n\
                “We lost half the crop.”";
    let q = extract(body, &KnownEntities::default());
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q[0].continues);
    assert_eq!(&body[q[0].span.clone()], "The rain came late.");
    assert_eq!(q[0].speaker.as_deref(), Some("Mina Tal"));
    assert_eq!(&body[q[1].span.clone()], "We lost half the crop.");
    assert_eq!(q[1].speaker.as_deref(), Some("Mina Tal"));
}

#[test]
fn a_quote_over_paragraphs_is_its_closing_frame_speakers() {
    // The first paragraph names no one; the frame after the part that closes the quote
    // does, though another person spoke last.
    let body = "“The harbour will reopen,” said Mina Tal, the port director.\n\n\
                “The first years will be hard.\n\n\
                “But the town will come back,” the mayor, Ivo Brandt, said.";
    let q = extract(body, &KnownEntities::default());
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q[1].continues);
    assert_eq!(&body[q[1].span.clone()], "The first years will be hard.");
    assert_eq!(q[1].speaker.as_deref(), Some("Ivo Brandt"));
    // A closing part that opens with another kind of mark is no continuation to go by.
    let body = "“The harbour will reopen,” said Mina Tal, the port director.\n\n\
                “The first years will be hard.\n\n\
                \"But the town will come back,\" the mayor, Ivo Brandt, said.";
    let q = extract(body, &KnownEntities::default());
    assert_eq!(q[1].speaker.as_deref(), Some("Mina Tal"), "{q:?}");
}

#[test]
fn broken_quote_is_two_quotes_of_one_speaker() {
    let q = quotes("“The rain came late,” she said, according to no one. “Then it stopped.”");
    assert_eq!(q.len(), 2, "{q:?}");
    let q = quotes("“The rain came late,” Mina Tal said. “Then it did not stop.”");
    assert_eq!(speaker_of(&q, "Then it did not stop."), Some("Mina Tal"));
}

#[test]
fn phrase_ending_in_a_named_person_is_that_person() {
    let body = "The harbor's chief engineer Ben Odegaard said the cranes were old and rusty.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "the cranes were old and rusty"),
        Some("Ben Odegaard")
    );
}

#[test]
fn capitalized_modifier_role_resolves_to_the_person() {
    let body = "Jo Wren, the founder of Harborlink, said the deal was signed.\n\n\
                The Harborlink founder said the ships would come in May.";
    let q = quotes(body);
    assert_eq!(
        speaker_of(&q, "the ships would come in May"),
        Some("Jo Wren")
    );
}

#[test]
fn two_people_named_together_speak_together() {
    let q = analyzed("Kurt Olsen and Tim Marsh testified that the call was unusual and wrong.");
    assert_eq!(
        speaker_of(&q, "the call was unusual and wrong"),
        Some("Kurt Olsen and Tim Marsh")
    );
}

#[test]
fn role_noun_goes_to_the_last_person_with_that_role_before_it() {
    let q = analyzed(
        "President Ann Cole met farmers in Dayton on Monday. The president says her plan is working well. Later, Bo Diaz, the president of the Farm Union, said prices fell sharply.",
    );
    assert_eq!(speaker_of(&q, "her plan is working well"), Some("Ann Cole"));
    assert_eq!(speaker_of(&q, "prices fell sharply"), Some("Bo Diaz"));
    let q = analyzed(
        "President Ann Cole met farmers in Dayton on Monday.\n\nBo Diaz, the president of the Farm Union, said prices fell sharply. The president added that the union would strike next week.",
    );
    assert_eq!(
        speaker_of(&q, "the union would strike next week"),
        Some("Bo Diaz")
    );
}

#[test]
fn appositive_after_a_suffixed_name_or_before_who() {
    let q = one(
        "Ruth Hale Jr., the U.S. Attorney for the Northern District of Ohio, said the ruling shows that judges listen.",
    );
    assert_eq!(q.1, "the ruling shows that judges listen");
    assert_eq!(q.2.as_deref(), Some("Ruth Hale Jr."));
    let q = one(
        "Local settlers, who mostly form part of the mayor's base, said the new rules would ruin them.",
    );
    assert_eq!(q.1, "the new rules would ruin them");
    assert_eq!(q.2.as_deref(), Some("Local settlers"));
    assert_eq!(q.3, SpeakerKind::Group);
    // `which` introduces a thing, not a source.
    assert!(quotes("The old mill, which closed in May, said nothing to anyone.").is_empty());
}

#[test]
fn role_nouns_with_modifiers_find_the_titled_person() {
    let q = analyzed(
        "Prosecutors dropped the case against Harbor Watch co-founder Lena Moss on Monday. The Harbor Watch founder always argued that the charges were political.",
    );
    assert_eq!(
        speaker_of(&q, "the charges were political"),
        Some("Lena Moss")
    );
    let q = analyzed(
        "The old mill will be turned into a library, Norway's culture minister said on Tuesday. \"It will never again be a ruin,\" Culture Minister Karl Brenner said.",
    );
    assert_eq!(
        speaker_of(&q, "The old mill will be turned into a library"),
        Some("Karl Brenner")
    );
}

#[test]
fn people_named_by_their_situation_are_sources() {
    let q = one("The suspect said he needed to get dressed first.");
    assert_eq!(q.1, "he needed to get dressed first");
    assert_eq!(q.2.as_deref(), Some("suspect"));
    let q =
        one("One mother, who asked not to be named, said the lunches had saved her family money.");
    assert_eq!(q.1, "the lunches had saved her family money");
    assert_eq!(q.2.as_deref(), Some("mother"));
}

#[test]
fn a_new_paragraph_naming_another_person_moves_the_pronoun() {
    let q = analyzed(
        "Head teacher Carl Dunne said the results were good. “The afternoons are calmer,” he \
         said.\n\nCouncillor Piet Marsh, a critic of the budget, backed the plan. “For once, \
         we agree,” he said.\n\nMayor Ruth Kane urged calm. “Nobody loses,” she said.",
    );
    assert_eq!(
        speaker_of(&q, "The afternoons are calmer,"),
        Some("Carl Dunne")
    );
    assert_eq!(speaker_of(&q, "For once, we agree,"), Some("Piet Marsh"));
    assert_eq!(speaker_of(&q, "Nobody loses,"), Some("Ruth Kane"));
    // A person named only inside the quotation does not take the pronoun.
    let q = analyzed(
        "Coach Dan Reyes said the team was tired. “We lost,” he said.\n\n“I told Tom Ivers \
         to rest,” he said.",
    );
    assert_eq!(
        speaker_of(&q, "I told Tom Ivers to rest,"),
        Some("Dan Reyes")
    );
}

#[test]
fn it_in_a_new_paragraph_naming_another_organization() {
    let q = analyzed(
        "Kestrel Rail said fares would rise in June.\n\nIn a sign of the confusion, the \
         Harbour Authority, which runs the port, met on Monday. However, it pointed out that \
         it has no say over fares.",
    );
    assert_eq!(
        speaker_of(&q, "it has no say over fares"),
        Some("Harbour Authority")
    );
    // Within the same paragraph the current organization keeps `it`.
    let q = analyzed(
        "Kestrel Rail said fares would rise in June, a year after the Harbour Authority cut \
         its fees. It added that it would review prices in the autumn.",
    );
    assert_eq!(
        speaker_of(&q, "it would review prices in the autumn"),
        Some("Kestrel Rail")
    );
}

#[test]
fn a_pronoun_never_stands_for_a_name_inside_someone_s_words() {
    let body = "Ben Ortiz spoke to the staff on Monday about the race.\n\n\u{201c}Tom Hale is \
                unlike any candidate we have seen,\u{201d} the memo said.\n\nHe continued, \
                \u{201c}We will cover the race closely.\u{201d}";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "We will cover the race closely."),
        Some("Ben Ortiz")
    );
}

#[test]
fn a_name_the_source_is_to_or_for_is_not_the_source() {
    let q = analyzed("An aide to Sen. Ruth Hale said the bill was dead.");
    assert_eq!(
        speaker_of(&q, "the bill was dead"),
        Some("aide to Sen. Ruth Hale")
    );
    let q = analyzed("“Yes,” a longtime adviser to Mara Quill told reporters.");
    assert_eq!(
        speaker_of(&q, "Yes,"),
        Some("longtime adviser to Mara Quill")
    );
    let q = analyzed("“No,” said a spokesman for Mayor Ivo Brandt of Tarnow.");
    assert_eq!(
        speaker_of(&q, "No,"),
        Some("spokesman for Mayor Ivo Brandt of Tarnow")
    );
    // Something that cannot speak before the preposition: the name is the source.
    let q = analyzed("The laboratory of Ines Marr reported that the cells responded to light.");
    assert_eq!(
        speaker_of(&q, "the cells responded to light"),
        Some("Ines Marr")
    );
    let q =
        analyzed("The loss was steep for Mr. Oskar Wren, who said he intended to rest for a day.");
    assert_eq!(
        speaker_of(&q, "he intended to rest for a day"),
        Some("Oskar Wren")
    );
}

#[test]
fn whom_a_source_is_close_to_is_part_of_the_source() {
    let q = analyzed("A source close to the campaign said the plan had failed.");
    assert_eq!(
        speaker_of(&q, "the plan had failed"),
        Some("source close to the campaign")
    );
    let q = analyzed("“It was a mistake,” said a person close to him on Monday.");
    assert_eq!(
        speaker_of(&q, "It was a mistake,"),
        Some("person close to him")
    );
    let q = analyzed("“We will appeal,” said an aide to the governor.");
    assert_eq!(
        speaker_of(&q, "We will appeal,"),
        Some("aide to the governor")
    );
    // `to` before a verb is no such phrase.
    let q = analyzed("“Stop it,” said a group of residents, asking the judge to halt the work.");
    assert_eq!(speaker_of(&q, "Stop it,"), Some("group of residents"));
}

#[test]
fn manner_verbs_frame_quotations_but_report_nothing() {
    let q = analyzed("“This is fantastic!” beamed Ana Ruiz of Tarnow.");
    assert_eq!(speaker_of(&q, "This is fantastic!"), Some("Ana Ruiz"));
    let q = analyzed("Mark Hollis waited for the count.\n\n“We will see,” he shrugged.");
    assert_eq!(speaker_of(&q, "We will see,"), Some("Mark Hollis"));
    // Without quotation marks they report no speech.
    let q = analyzed("Ana Ruiz laughed that the vote was over and the count began.");
    assert!(q.is_empty(), "{q:?}");
    let q = analyzed(
        "Ana Ruiz learned from the elders.\n\n\
         Tom Hale taught her the songs before he died.\n\n\
         \u{201c}He said, \u{2018}Don't you quit,\u{2019}\u{201d} she remembered.\n\n\
         \u{201c}It was another time,\u{201d} she reflects.",
    );
    assert_eq!(
        speaker_of(&q, "He said, \u{2018}Don't you quit,\u{2019}"),
        Some("Ana Ruiz")
    );
    assert_eq!(speaker_of(&q, "It was another time,"), Some("Ana Ruiz"));
    let q = analyzed("Ana Ruiz remembered that the vote was over and the count began.");
    assert!(q.is_empty(), "{q:?}");
    let v = cues::lexicon().verb("grinned").expect("a cue");
    assert!(v.quote && !cues::lexicon().verb("said").unwrap().quote);
}

#[test]
fn a_modal_before_a_cue_keeps_its_source() {
    let q =
        analyzed("A spokesman for the council could only quip: “I guess the holiday was booked.”");
    assert_eq!(
        speaker_of(&q, "I guess the holiday was booked."),
        Some("spokesman for the council")
    );
    let q =
        analyzed("Mara Quill, the mayor, spoke first. The mayor would later say: “We were wrong.”");
    assert_eq!(speaker_of(&q, "We were wrong."), Some("Mara Quill"));
    // A negation after the modal is no speech frame.
    let q = analyzed("The mayor could not say: “We were wrong.”");
    assert_eq!(speaker_of(&q, "We were wrong."), None);
    // A capitalized modal is a name.
    let q = analyzed("“It is done,” Ruth Will said on Monday.");
    assert_eq!(speaker_of(&q, "It is done,"), Some("Ruth Will"));
}

#[test]
fn according_to_after_a_quotation_names_its_source() {
    let body = "Mara Quill spoke on Monday.\n\n“There is no plan,” according to Ana Ruiz, the \
                treasurer.";
    let q = analyzed(body);
    assert_eq!(speaker_of(&q, "There is no plan,"), Some("Ana Ruiz"));
    let body = "Mara Quill spoke on Monday.\n\n“There is no money,” according to a council memo.";
    let q = quotes(body);
    assert_eq!(speaker_of(&q, "There is no money,"), Some("council memo"));
    assert_eq!(q[0].3, SpeakerKind::Document);
}

#[test]
fn a_sentence_subject_reads_past_modifiers_and_prepositions() {
    let q = analyzed(
        "The French minister of environment and energy said the treaty would \
         be “signed and ratified by the spring.”",
    );
    assert_eq!(
        speaker_of(&q, "signed and ratified by the spring."),
        Some("French minister of environment and energy")
    );
    let q =
        analyzed("The Democratic presidential candidate called the plan “a relic of the past.”");
    assert_eq!(
        speaker_of(&q, "a relic of the past."),
        Some("Democratic presidential candidate")
    );
    // A name then a lowercase word is still a subject and its verb.
    let q = analyzed("Mayor Ana Ruiz went further and called the plan “a relic.”");
    assert_eq!(speaker_of(&q, "a relic."), Some("Ana Ruiz"));
}

#[test]
fn the_candidate_is_the_person_running() {
    let body = "Ivo Brandt, a candidate for mayor, toured the harbor on Monday.\n\n\
                The candidate said the vote would be close.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "the vote would be close"),
        Some("Ivo Brandt")
    );
}

#[test]
fn a_writers_sentence_about_someone_makes_the_next_pronoun_theirs() {
    // `explained the reason`: a cue with an object, and a cue word after a determiner, do
    // not make the sentence a report of someone else's words.
    for middle in [
        "Michael Brown, a retired teacher, explained the reason for his support.",
        "At the back of the hall, Michael Brown explained the reason for his support.",
    ] {
        let body = format!(
            "“We will not back down,” Donald Marsh said at the rally.\n\n{middle}\n\n\
             “It is time to stand behind our candidate,” he declared."
        );
        let q = analyzed(&body);
        assert_eq!(
            speaker_of(&q, "It is time to stand behind our candidate,"),
            Some("Michael Brown"),
            "{middle}"
        );
    }
}

#[test]
fn where_a_document_comes_from_is_part_of_it() {
    let q = quotes(
        "“There are fish with more spine,” reads a Wednesday editorial in The Tarnow Ledger.",
    );
    assert_eq!(
        speaker_of(&q, "There are fish with more spine,"),
        Some("Wednesday editorial in The Tarnow Ledger")
    );
    assert_eq!(q[0].3, SpeakerKind::Document);
    let q = quotes("“Wages fell,” said a report by the Harbor Institute on Monday.");
    assert_eq!(
        speaker_of(&q, "Wages fell,"),
        Some("report by the Harbor Institute")
    );
}

#[test]
fn a_fronted_adjunct_is_not_the_subject_that_names() {
    let q = analyzed(
        "Early in his campaign, Ivo Brandt attacked Lena Voss, calling her “a failed candidate.”",
    );
    assert_eq!(speaker_of(&q, "a failed candidate."), Some("Ivo Brandt"));
    let q = analyzed(
        "Speaking at a town hall in Salem, New Hampshire, Ivo Brandt went after Voss, calling \
         her “a total stiff.”",
    );
    assert_eq!(speaker_of(&q, "a total stiff."), Some("Ivo Brandt"));
    let q = analyzed(
        "After saying her foot was “so swollen I could barely walk,” Mara Quill was taken \
         to a hospital.",
    );
    assert_eq!(
        speaker_of(&q, "so swollen I could barely walk,"),
        Some("Mara Quill")
    );
}

#[test]
fn a_cue_word_used_as_a_noun_is_not_the_sentences_frame() {
    let body = "Donald Marsh mocked the governor on Monday.\n\nMark Hollis offered a Marsh-style \
                retort, tweeting at him, “You are not just a loser, you are a whiner.”";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "You are not just a loser, you are a whiner."),
        Some("Mark Hollis")
    );
    // `then` opens the sentence as `and` and `but` do.
    let q = analyzed("And then Mark Hollis went on the attack, saying, “Resign now.”");
    assert_eq!(speaker_of(&q, "Resign now."), Some("Mark Hollis"));
    let q = analyzed("Mark Hollis spoke. Then, the laugh line: “I want to do this myself.”");
    assert_ne!(speaker_of(&q, "I want to do this myself."), Some("Then"));
}

#[test]
fn chants_headlines_and_retorts_frame_quotations() {
    let q = analyzed(
        "Ivo Marsh said Tarnow had lost its way.\n\n“Tarnow will always be Tarnow,” an angry \
         Lena Voss retaliated.",
    );
    assert_eq!(
        speaker_of(&q, "Tarnow will always be Tarnow,"),
        Some("Lena Voss")
    );
    let q = quotes("Holding signs, the protesters chanted “Bad for Tarnow, bad for you.”");
    assert_eq!(
        speaker_of(&q, "Bad for Tarnow, bad for you."),
        Some("protesters")
    );
    let q = quotes("“Choke!” blared the front page of The Tarnow Herald.");
    assert_eq!(
        speaker_of(&q, "Choke!"),
        Some("front page of The Tarnow Herald")
    );
}

#[test]
fn a_datelines_place_and_a_documents_participle_are_not_the_source() {
    let q = analyzed(
        "Tarnow (Wirepost) – Democrat Lena Voss has taken a swipe at her rival, saying \
         that his “bombastic comments” do more harm than good.",
    );
    assert_eq!(speaker_of(&q, "bombastic comments"), Some("Lena Voss"));
    let q = quotes("A news report published Wednesday said the minister used a private account.");
    assert_eq!(
        speaker_of(&q, "the minister used a private account"),
        Some("news report")
    );
}

#[test]
fn the_name_after_a_subjects_role_is_the_next_pronoun() {
    let body = "Even India has more resonance, says political scientist Dossym Satpayev.\n\n\
                The country's foreign minister, Erlan Idrissov, plays down concerns. China \
                may be big, but its progress is good news, he says.\n\n\
                “Our philosophy is simple,” he said in an interview.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "Our philosophy is simple,"),
        Some("Erlan Idrissov")
    );
}

#[test]
fn the_person_whose_view_a_sentence_gives_is_the_next_pronoun() {
    let body = "“We will see,” said Mary Quill, the mayor.\n\nTo Tarnow State University \
                political science professor Anna Berg, the mayor's seeming stare seemed to \
                reflect sadness.\n\n“It really looked like heartbreak,” she said.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "It really looked like heartbreak,"),
        Some("Anna Berg")
    );
}

#[test]
fn a_naming_verb_before_a_later_reported_clause_names_the_fragments_source() {
    let q = analyzed(
        "The Valley Farm Alliance called it \u{201c}a death sentence for small farms,\u{201d} \
         while its president, Ray Ochoa, warned that jobs were at risk.",
    );
    assert_eq!(
        speaker_of(&q, "a death sentence for small farms,"),
        Some("Valley Farm Alliance")
    );
    assert_eq!(speaker_of(&q, "jobs were at risk"), Some("Ray Ochoa"));
    // Without a naming verb of its own the fragment is the later source's.
    let q = analyzed(
        "Dismissing the plan as \u{201c}reckless,\u{201d} Mayor Ann Poe said it would fail.",
    );
    assert_eq!(speaker_of(&q, "reckless,"), Some("Ann Poe"));
}

#[test]
fn the_last_word_of_a_newspapers_name_is_that_newspaper() {
    let q = analyzed(
        "The Harbour Post reported that the mayor had resigned.\n\n\
         \u{201c}It just came to a head,\u{201d} the Post reported, quoting an aide.",
    );
    assert_eq!(
        speaker_of(&q, "It just came to a head,"),
        Some("Harbour Post")
    );
    // With two newspapers of that ending, the word alone names neither.
    let q = analyzed(
        "The Harbour Post and The Valley Post both ran the story.\n\n\
         \u{201c}It just came to a head,\u{201d} the Post reported.",
    );
    assert_eq!(speaker_of(&q, "It just came to a head,"), Some("Post"));
}

#[test]
fn a_plural_group_after_a_relative_word_names_what_it_called_something() {
    let q = analyzed(
        "The bridge, which engineers called \u{201c}a death trap,\u{201d} was closed. The plan, \
         which critics have called \u{201c}reckless,\u{201d} passed.",
    );
    assert_eq!(speaker_of(&q, "a death trap,"), Some("engineers"));
    assert_eq!(speaker_of(&q, "reckless,"), Some("critics"));
    // A group with its article before `called` is a name's introduction.
    let q = analyzed("It was a group called \u{201c}Harbour Lights\u{201d} that played.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn it_after_a_sentence_whose_subject_is_an_organization_or_document() {
    let body = "The Harbour Trust reported a loss on Tuesday.\n\n\
                \u{201c}We expect to recover next year,\u{201d} it said.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "We expect to recover next year,"),
        Some("Harbour Trust")
    );
    // A document's head noun, before the phrase's prepositions.
    let body = "A letter this month to the harbour board from the staff union urged a wider \
                search. \u{201c}We have accepted closed deals,\u{201d} it said.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "We have accepted closed deals,"),
        Some("letter")
    );
    assert_eq!(q[0].3, SpeakerKind::Document);
    // An organization noun with no name (`The harbour commission`).
    let body = "The harbour commission released a memo on Thursday. \u{201c}So far, 59 \
                witnesses have spoken to us,\u{201d} it stated.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "So far, 59 witnesses have spoken to us,"),
        Some("harbour commission")
    );
}

#[test]
fn it_inside_a_sentence_is_not_the_subject_before() {
    // `where it states`: the `it` may stand for anything the sentence names.
    let body = "The video was released in May. It is named after a verse where it states \
                \u{201c}we will carry the plan to the end.\u{201d}";
    let q = analyzed(body);
    assert!(q.iter().all(|x| x.2.as_deref() != Some("video")), "{q:?}");
}

#[test]
fn they_after_a_plural_subject_with_a_preposition() {
    let body = "Three economists at the Harbour Institute studied the port's accounts.\n\n\
                \u{201c}These results should make us think again,\u{201d} they argued.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "These results should make us think again,"),
        Some("Three economists at the Harbour Institute")
    );
    assert_eq!(q[0].3, SpeakerKind::Group);
    let body = "Critics of the plan wrote to the mayor this week.\n\n\
                \u{201c}The program is plagued by waste,\u{201d} they wrote.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "The program is plagued by waste,"),
        Some("Critics of the plan")
    );
}

#[test]
fn more_nouns_for_a_person_are_sources() {
    // Occupations and situations the role list now holds (`actress`, `pollster`, `widow`).
    for (sentence, who) in [
        ("The actress said she was tired of waiting.", "actress"),
        ("The pollster said the race was close.", "pollster"),
        ("The widow said the inquiry had failed her.", "widow"),
    ] {
        let q = one(sentence);
        assert_eq!(q.2.as_deref(), Some(who), "{sentence}");
    }
}

#[test]
fn a_relative_clause_that_quotes_a_word_before_the_cue() {
    let body = "Gordon Hume, who calls the mayor a \u{201c}bully,\u{201d} said he doubted \
                the plan would work.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "he doubted the plan would work"),
        Some("Gordon Hume")
    );
    // Not an appositive that quotes: a quoted phrase after a name is no relative clause.
    let body = "Gordon Hume, the \u{201c}bully,\u{201d} said he doubted the plan would work.";
    let q = analyzed(body);
    assert!(
        q.iter()
            .all(|x| x.1 != "he doubted the plan would work" || x.2.is_none()),
        "{q:?}"
    );
}

#[test]
fn a_role_word_before_a_verb_is_not_the_role_of_the_name_after_it() {
    // `The mayor replied to Ellen Cray`: `mayor` is the subject's role, not Ellen Cray's.
    let body = "Ellen Cray asked about the bridge.\n\n\
                The mayor said, \u{201c}We will look at it again.\u{201d}\n\n\
                The mayor replied to Ellen Cray, \u{201c}We will decide in May.\u{201d}";
    let q = analyzed(body);
    assert_eq!(speaker_of(&q, "We will look at it again."), Some("mayor"));
    assert_eq!(speaker_of(&q, "We will decide in May."), Some("mayor"));
}

#[test]
fn a_titled_surname_two_women_share_is_the_one_who_spoke_last() {
    // Margaret is named first and Claire is her daughter; `Ms Hollis` after Claire's words
    // is Claire, though the name finder links a shared surname to the first named.
    let body = "Margaret Hollis, a retired teacher, waited 40 hours for a bed.\n\n\
                Her daughter, Claire Hollis, said her mother had been left in a corridor.\n\n\
                \u{201c}Nobody came to tell us anything,\u{201d} Ms Hollis said.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "Nobody came to tell us anything,"),
        Some("Claire Hollis")
    );
    // One woman of that name: the title does not matter.
    let body = "Margaret Hollis and her son, Tom Hollis, waited for hours.\n\n\
                \u{201c}Nobody came,\u{201d} Ms Hollis said.";
    let q = analyzed(body);
    assert_eq!(speaker_of(&q, "Nobody came,"), Some("Margaret Hollis"));
}

#[test]
fn both_or_they_after_two_named_people() {
    for pronoun in ["Both", "They"] {
        let body = format!(
            "Sen. Mark Delaney and Sen. Rosa Ibarra met on Monday.\n\n\
             Delaney and Ibarra have worked together before. {pronoun} said they would keep \
             talking."
        );
        let q = analyzed(&body);
        assert_eq!(
            speaker_of(&q, "they would keep talking"),
            Some("Mark Delaney and Rosa Ibarra"),
            "{pronoun}"
        );
    }
}

#[test]
fn a_definite_description_in_a_frame_is_the_paragraphs_last_speaker() {
    let body = "Her neighbour, Stuart Bell, 71, said he had never seen anything like it. \
                \u{201c}The defences were supposed to stop this,\u{201d} the retired engineer \
                said.";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "The defences were supposed to stop this,"),
        Some("Stuart Bell")
    );
    // A description of the other gender is someone else.
    let body = "Stuart Bell said he had never seen anything like it. \u{201c}The defences \
                failed,\u{201d} the retired actress said.";
    let q = analyzed(body);
    assert_ne!(speaker_of(&q, "The defences failed,"), Some("Stuart Bell"));
}

#[test]
fn a_name_in_a_new_paragraph_does_not_take_a_pronoun_the_writer_kept() {
    // `he` led the paragraph between: the next `he` is still the mayor, though the new
    // paragraph names another man before it.
    let body = "\u{201c}I did not come here to flatter you,\u{201d} Mayor Tom Dorn told the \
                crowd.\n\nAt times, he brought the hall to its feet.\n\nHe attacked the \
                harbour deal signed by President Karl Weiss, who he noted was \u{201c}in his \
                final year, thankfully.\u{201d}";
    let q = analyzed(body);
    assert_eq!(
        speaker_of(&q, "in his final year, thankfully."),
        Some("Tom Dorn"),
        "{q:?}"
    );
    // A man who is the new paragraph's subject still moves the story.
    let body = "\u{201c}I did not come here to flatter you,\u{201d} Mayor Tom Dorn told the \
                crowd.\n\nAt times, he brought the hall to its feet.\n\nCouncillor Ben Ruiz \
                backed the plan. \u{201c}It is time,\u{201d} he said.";
    let q = analyzed(body);
    assert_eq!(speaker_of(&q, "It is time,"), Some("Ben Ruiz"), "{q:?}");
}
