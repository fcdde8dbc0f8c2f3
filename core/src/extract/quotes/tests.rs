//! Pipeline tests: every quote frame, on sentences written for them; the shared helpers of
//! the speaker and whole-article tests.

use super::*;

/// (kind, text, speaker, speaker kind) of every quote, without entity help.
pub(super) fn quotes(body: &str) -> Vec<(QuoteKind, String, Option<String>, SpeakerKind)> {
    extract(body, &KnownEntities::default())
        .into_iter()
        .map(|q| (q.kind, body[q.span].to_string(), q.speaker, q.speaker_kind))
        .collect()
}

/// The same through `analyze`, with the entity recognizer's help.
pub(super) fn analyzed(body: &str) -> Vec<(QuoteKind, String, Option<String>, SpeakerKind)> {
    let (body, quotes) = super::analyze_paragraphs(body);
    quotes
        .into_iter()
        .map(|q| (q.kind, body[q.span].to_string(), q.speaker, q.speaker_kind))
        .collect()
}

/// (quote text, speaker, speaker rule) of every quote, with the entity recognizer.
pub(super) fn attributed(body: &str) -> Vec<(String, Option<String>, crate::extract::Rule)> {
    let (body, quotes) = super::analyze_paragraphs(body);
    quotes
        .into_iter()
        .map(|q| (body[q.span].to_string(), q.speaker, q.speaker_rule))
        .collect()
}

/// The speaker and speaker rule of the quote whose text is `quote`.
pub(super) fn speaker(body: &str, quote: &str) -> (Option<String>, crate::extract::Rule) {
    let q = attributed(body);
    let hit = q
        .iter()
        .find(|x| x.0 == quote)
        .unwrap_or_else(|| panic!("no quote {quote:?} in {q:?}"));
    (hit.1.clone(), hit.2)
}

pub(super) fn one(body: &str) -> (QuoteKind, String, Option<String>, SpeakerKind) {
    let q = quotes(body);
    assert_eq!(q.len(), 1, "{q:?}");
    q.into_iter().next().unwrap()
}

pub(super) fn speaker_of<'a>(
    q: &'a [(QuoteKind, String, Option<String>, SpeakerKind)],
    text: &str,
) -> Option<&'a str> {
    q.iter()
        .find(|x| x.1 == text)
        .unwrap_or_else(|| panic!("no quote {text:?} in {q:?}"))
        .2
        .as_deref()
}

use QuoteKind::{Direct, Indirect, Partial};

#[test]
fn frame_quote_then_inverted_cue() {
    let q = one("“The bridge will open in May,” said Deputy Mayor Laura Finch.");
    assert_eq!(q.0, Direct);
    assert_eq!(q.1, "The bridge will open in May,");
    assert_eq!(q.2.as_deref(), Some("Laura Finch"));
    assert_eq!(q.3, SpeakerKind::Person);
}

#[test]
fn frame_quote_then_source_and_cue() {
    let q = one("“We ran out of time,” Omar Reyes added on Tuesday.");
    assert_eq!(q.2.as_deref(), Some("Omar Reyes"));
    let q = one("“We ran out of time,” Omar Reyes, the coach of the Hawks, said.");
    assert_eq!(q.2.as_deref(), Some("Omar Reyes"));
}

#[test]
fn frame_cue_before_the_quote() {
    let q = one("Capt. Dana Ortiz, the head of the rescue team, said: “Nobody was hurt.”");
    assert_eq!((q.0, q.2.as_deref()), (Direct, Some("Dana Ortiz")));
    let q = one("According to Dana Ortiz, “the water rose too fast.”");
    assert_eq!(q.2.as_deref(), Some("Dana Ortiz"));
}

#[test]
fn frame_said_that_clause() {
    let q = one("Rita Gomez said that the vote would be delayed until spring.");
    assert_eq!(q.0, Indirect);
    assert_eq!(q.1, "the vote would be delayed until spring");
    assert_eq!(q.2.as_deref(), Some("Rita Gomez"));
    let q = one("Rita Gomez said on Monday the vote would be delayed.");
    assert_eq!(q.1, "the vote would be delayed");
    let q = one(
        "Port officials told reporters at a briefing in Halden, north of the city, that the cranes were idle.",
    );
    assert_eq!(q.1, "the cranes were idle");
    assert_eq!(q.2.as_deref(), Some("Port officials"));
    assert_eq!(q.3, SpeakerKind::Group);
}

#[test]
fn frame_clause_then_source() {
    let q = one("The cranes were idle for a week, port officials said on Friday.");
    assert_eq!(q.1, "The cranes were idle for a week");
    assert_eq!(q.2.as_deref(), Some("port officials"));
    let q = one("The cranes were idle for a week, said Lena Park, a union organizer.");
    assert_eq!(q.2.as_deref(), Some("Lena Park"));
    let q = one("The cranes were idle for a week, Lena Park, a union organizer, said.");
    assert_eq!(q.2.as_deref(), Some("Lena Park"));
}

#[test]
fn frame_according_to() {
    let q = one("According to two people close to the talks, the deal is nearly done.");
    assert_eq!(q.1, "the deal is nearly done");
    assert_eq!(q.2.as_deref(), Some("two people close to the talks"));
    assert_eq!(q.3, SpeakerKind::Group);
    let q = one("The deal is nearly done, according to a memo seen by this newspaper.");
    assert_eq!(q.1, "The deal is nearly done");
    assert_eq!(q.3, SpeakerKind::Document);
}

#[test]
fn frame_role_of_org_appositive() {
    let q = one("Ben Ode, the chief engineer of the Harbor Authority, said the cranes were old.");
    assert_eq!(q.1, "the cranes were old");
    assert_eq!(q.2.as_deref(), Some("Ben Ode"));
    let q = one("The Harbor Authority's chief engineer, Ben Ode, said the cranes were old.");
    assert_eq!(q.2.as_deref(), Some("Ben Ode"));
}

#[test]
fn beliefs_plans_and_narration_are_not_speech() {
    assert!(quotes("Rita Gomez thinks that the vote will be delayed.").is_empty());
    assert!(quotes("Rita Gomez agreed with the mayor that the vote will be delayed.").is_empty());
    assert!(quotes("The council decided that the vote will be delayed.").is_empty());
    assert!(quotes("Rita Gomez hopes the vote will be delayed.").is_empty());
    assert!(quotes("Rita Gomez declined to say whether the vote will be delayed.").is_empty());
    // A promise of a thing, or to do something, states no content.
    assert!(quotes("The last council had promised new bridges but never built them.").is_empty());
    assert!(quotes("The mayor promised to delay the vote.").is_empty());
    // A promise that something will happen is reported speech.
    let q = one("The mayor promised voters that the vote would be delayed.");
    assert_eq!((q.0, q.1.as_str()), (Indirect, "the vote would be delayed"));
}

#[test]
fn partial_quotes_inside_reported_speech() {
    let q = quotes("Lena Park said the plan offered a “fair deal” to the workers.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(speaker_of(&q, "fair deal"), Some("Lena Park"));
    assert_eq!(q.iter().find(|x| x.1 == "fair deal").unwrap().0, Partial);
    let q = quotes("The union called the offer an “insult” on Friday.");
    assert_eq!(speaker_of(&q, "insult"), Some("union"));
}

#[test]
fn scare_quotes_titles_and_names_are_not_quotes() {
    assert!(quotes("The so-called “experts” were wrong again.").is_empty());
    assert!(quotes("She starred in the film “Silver Rain Falling” last year.").is_empty());
    assert!(quotes("The town voted on the word “Welcome” for its sign.").is_empty());
    assert!(quotes("They watched “The Long Night Home” twice.").is_empty());
    assert!(quotes("The “experts” were wrong again.").is_empty());
}

#[test]
fn apostrophes_and_unbalanced_marks_do_not_break_the_article() {
    let body = "The ’90s were Korea’s best years, the teachers’ union said.\n\n\
                The word “never is used twice here.\n\n\
                “We are fine,” said Ann Poe.";
    let q = quotes(body);
    assert_eq!(speaker_of(&q, "We are fine,"), Some("Ann Poe"));
    assert!(q.iter().all(|x| !x.1.contains("never")), "{q:?}");
}

#[test]
fn cue_is_reported_as_written() {
    let body = "Rita Gomez Insisted on nothing. Rita Gomez told reporters that the vote was off.";
    let q = extract(body, &KnownEntities::default());
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].cue.as_deref(), Some("told reporters"));
    let body = "The vote was off, according to Rita Gomez.";
    assert_eq!(
        extract(body, &KnownEntities::default())[0].cue.as_deref(),
        Some("according to")
    );
}

#[test]
fn quotes_are_sorted_and_on_char_boundaries() {
    let body =
        "“Ça va,” dit-elle — “très bien,” said Zoë Brandt. Zoë Brandt said the café was closed.";
    let q = extract(body, &KnownEntities::default());
    assert!(!q.is_empty());
    for w in q.windows(2) {
        assert!(w[0].span.start <= w[1].span.start);
    }
    for x in &q {
        assert!(body.is_char_boundary(x.span.start) && body.is_char_boundary(x.span.end));
    }
}

#[test]
fn repeated_quoted_terms_are_not_quotes() {
    let body = "Lena Park said the “sweet” receptors were everywhere.\n\n\
                The “sweet” receptors also sit in the gut.";
    assert!(
        quotes(body).iter().all(|q| q.1 != "sweet"),
        "{:?}",
        quotes(body)
    );
}

#[test]
fn said_that_quote_is_direct() {
    let q = quotes("Lena Park said that “the port cannot wait another year.”");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!((q[0].0, q[0].2.as_deref()), (Direct, Some("Lena Park")));
}

#[test]
fn perfect_tense_cue_after_a_quote() {
    let q =
        quotes("“The port cannot wait,” Lena Park, a senior fellow at a think tank, has written.");
    assert_eq!(speaker_of(&q, "The port cannot wait,"), Some("Lena Park"));
}

#[test]
fn participle_and_with_constructions() {
    let q =
        quotes("Harbor pilots have protested the new rules, warning that ships would be delayed.");
    assert_eq!(
        speaker_of(&q, "ships would be delayed"),
        Some("Harbor pilots")
    );
    let q = quotes("Fog closed the port, with pilots warning that ships would be delayed.");
    assert_eq!(speaker_of(&q, "ships would be delayed"), Some("pilots"));
    let q = quotes("Ann Poe asked about the fees and said, “nobody can pay this.”");
    assert_eq!(speaker_of(&q, "nobody can pay this."), Some("Ann Poe"));
}

#[test]
fn fragments_take_the_nearest_cue_or_naming_verb() {
    let q = quotes("Mayor Ann Poe went on television to describe the fees as “plain robbery.”");
    assert_eq!(speaker_of(&q, "plain robbery."), Some("Ann Poe"));
}

#[test]
fn parenthetical_source_takes_the_larger_clause() {
    let q = one("The new dock, says Ann Poe, a harbor engineer, will halve the waiting times.");
    assert_eq!(q.1, "will halve the waiting times");
    assert_eq!(q.2.as_deref(), Some("Ann Poe"));
}

#[test]
fn a_bare_name_before_a_source_is_not_a_clause() {
    assert!(quotes("(Wire) Mayor Ann Poe, officials said.").is_empty());
}

#[test]
fn capitalized_words_are_not_cues_and_participles_end_clauses() {
    assert!(
        quotes("When the United States raises tariffs, the importers pay for them.").is_empty()
    );
    let body = "Ann Poe said the army could be deployed in the city, warning: “They are ready.”";
    let q = quotes(body);
    assert_eq!(
        speaker_of(&q, "the army could be deployed in the city"),
        Some("Ann Poe")
    );
    assert_eq!(speaker_of(&q, "They are ready."), Some("Ann Poe"));
}

#[test]
fn a_quotation_with_a_short_lead_in_is_not_reported_speech() {
    let q = quotes("Before this, “nobody even knew they were there,” said Ann Poe, a biologist.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!((q[0].0, q[0].2.as_deref()), (Direct, Some("Ann Poe")));
}

#[test]
fn cited_sources_after_a_speaker_are_not_speakers() {
    let q = quotes("Ann Poe said the pier was unsafe, according to a local newspaper.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the pier was unsafe");
    assert_eq!(q[0].2.as_deref(), Some("Ann Poe"));
}

#[test]
fn age_and_relative_clause_between_source_and_cue() {
    let q = one("Ann Poe, 45, who runs a bakery in town, said sales had dropped by half.");
    assert_eq!(q.1, "sales had dropped by half");
    assert_eq!(q.2.as_deref(), Some("Ann Poe"));
}

#[test]
fn parenthesis_between_source_and_cue() {
    let q = one("“It is a disgrace,” Sen. Ruth Hale (D-Ore.) said Tuesday.");
    assert_eq!(q.2.as_deref(), Some("Ruth Hale"));
}

#[test]
fn naming_by_a_person_is_speech_naming_by_the_writer_is_not() {
    let q = quotes("The plan, which she called “a mistake,” will end.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, Partial);
    assert!(quotes("They joined a group called “Friends of the Pier” last year.").is_empty());
}

#[test]
fn a_surname_that_looks_like_a_cue() {
    let q = one("“It was chaos,” recalled Omar Said, a local resident.");
    assert_eq!(q.2.as_deref(), Some("Omar Said"));
}

#[test]
fn a_plea_in_court_is_not_speech() {
    let q = one("A Boston woman pleaded guilty Tuesday to stealing three cars, prosecutors said.");
    assert_eq!(q.0, Indirect);
    assert_eq!(
        q.1,
        "A Boston woman pleaded guilty Tuesday to stealing three cars"
    );
    assert_eq!(q.2.as_deref(), Some("prosecutors"));
    assert!(
        quotes("The driver pleaded not guilty to all four charges on Friday in Dayton.").is_empty()
    );
    let q = one("The mayor pleaded that the council had no money left for repairs.");
    assert_eq!(q.1, "the council had no money left for repairs");
}

#[test]
fn a_quotation_and_its_source_are_not_a_reported_clause() {
    let q = quotes(
        "\"This is how floods begin,\" Dr. Ana Ruiz, a member of the panel and author of the report, told WKRN News.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, Direct);
    assert_eq!(q[0].2.as_deref(), Some("Ana Ruiz"));
    let q = quotes(
        "“After a long review, I find the evidence is too weak to bring a case,” the county’s deputy chief prosecutor, Mara Olsen, said on Tuesday.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, Direct);
    assert_eq!(q[0].2.as_deref(), Some("Mara Olsen"));
}

#[test]
fn clause_then_plural_source_in_the_present() {
    let q = one("The new diet left him tired and weak for weeks, his doctors say.");
    assert_eq!(q.0, Indirect);
    assert_eq!(q.1, "The new diet left him tired and weak for weeks");
    assert_eq!(q.2.as_deref(), Some("his doctors"));
    let q = one("Prices will keep rising through the winter months, analysts say.");
    assert_eq!(q.2.as_deref(), Some("analysts"));
    // `they say` after a clause is an idiom as often as a source.
    assert!(quotes("Patience is a virtue in this business, they say.").is_empty());
}

#[test]
fn citing_introduces_a_source_not_a_clause() {
    let q = one(
        "The news agency, citing an unnamed police source, reported that the mayor had resigned on Friday.",
    );
    assert_eq!(q.1, "the mayor had resigned on Friday");
    assert_eq!(q.2.as_deref(), Some("news agency"));
    assert!(quotes("The harbor board met on Friday, citing three new complaints.").is_empty());
}

#[test]
fn titles_next_to_a_work_noun_are_not_speech() {
    assert!(quotes("Her memoir, “Tides and Tempers,” comes out the same month.").is_empty());
    let body = "The festival opened with the premiere of “The Salt Year,” a new play by Iris Calloway.\n\n\
                “The Salt Year” runs until April 12 at the Custom House.";
    assert!(quotes(body).is_empty(), "{:?}", quotes(body));
    assert!(
        quotes("Ann Poe's book about alien life, \"Out There\" (Harbor Press, 2018), is out now.")
            .is_empty()
    );
    // Speech in title case is still speech.
    let q = one("“Get Out,” the officer shouted at the crowd.");
    assert_eq!(q.2.as_deref(), Some("officer"));
}

#[test]
fn dateline_with_a_title_case_region_is_not_part_of_the_clause() {
    let q = one(
        "DUBAI, United Arab Emirates — The carrier agreed to buy 30 new jets, executives of both companies announced Wednesday.",
    );
    assert_eq!(q.1, "The carrier agreed to buy 30 new jets");
    let q = one(
        "ST. JOSEPH, Mich. (AP) — The victim was one of two people who caught the virus, county officials said Monday.",
    );
    assert_eq!(q.1, "The victim was one of two people who caught the virus");
    // Not a dateline: a name and an aside.
    let q = one("The carrier, Emirates — a big airline — agreed to buy jets, executives said.");
    assert_eq!(
        q.1,
        "The carrier, Emirates — a big airline — agreed to buy jets"
    );
}

#[test]
fn a_participle_used_as_an_adjective_is_not_a_cue() {
    assert!(
        quotes("Ann Poe, a victim of the mayor’s alleged bribery scheme, spoke at the hearing.")
            .is_empty()
    );
    assert!(
        quotes("His repeated claims of having no memory of events were not believed.").is_empty()
    );
    let q = one("The mayor alleged that the contract had been rigged.");
    assert_eq!(q.1, "the contract had been rigged");
}

#[test]
fn role_of_org_then_name_between_commas() {
    let q = analyzed(
        "A spokesman for the Ministry of Fisheries, Carl Eriksen, said the minister would not intervene.",
    );
    assert_eq!(
        speaker_of(&q, "the minister would not intervene"),
        Some("Carl Eriksen")
    );
}

#[test]
fn pronoun_subject_with_a_time_before_or_an_adverb_after() {
    let q = analyzed(
        "Elena Varga has been mayor for seven years. On Thursday she said she would retire soon.",
    );
    assert_eq!(speaker_of(&q, "she would retire soon"), Some("Elena Varga"));
    let q = analyzed(
        "Prime Minister Tom Lowe spoke on Friday. He instead told the interviewer: “I took the call because it was serious.”",
    );
    assert_eq!(
        speaker_of(&q, "I took the call because it was serious."),
        Some("Tom Lowe")
    );
}

#[test]
fn statement_sent_to_a_listener_is_not_part_of_the_clause() {
    let q = one(
        "A spokesperson said in a statement emailed to WKRN News that the agency never gave vaccines.",
    );
    assert_eq!(q.1, "the agency never gave vaccines");
    let q = one("The mayor said in a letter sent to residents that the bridge would stay shut.");
    assert_eq!(q.1, "the bridge would stay shut");
}

#[test]
fn plural_head_before_a_post_modifier_takes_a_base_form_cue() {
    let q = one("Executives across the region say they have no choice but to cut hiring.");
    assert_eq!(q.1, "they have no choice but to cut hiring");
    assert_eq!(q.2.as_deref(), Some("Executives across the region"));
    // A singular head stays out: `The head of the unions say` is not a plural source.
    assert!(quotes("The head of the unions say nothing at all about the plan.").is_empty());
}

#[test]
fn a_base_form_after_a_determiner_is_not_a_cue() {
    assert!(
        quotes("The coast braced for a brief but fierce bout of rain on Tuesday night.").is_empty()
    );
}

#[test]
fn a_short_object_after_a_cue_is_no_reported_clause() {
    // Sports recaps: `added` with a noun phrase object.
    let q = quotes(
        "Lena Okafor added her ninth goal for the Storm, and Mara Diaz made 30 saves. \
         Ivo Brandt added two assists to lead Dorval. Kai Lund added a goal as the Hawks \
         won. The minister stressed the importance of the deal. Ivo Brandt added two new \
         board members last month.",
    );
    assert!(q.is_empty(), "{q:?}");
    // A clause without `that` after the same verbs is still reported speech.
    let q = quotes(
        "Lena Okafor added the team would need a new coach. Kai Lund noted two players \
         were injured. Ivo Brandt said the mayor and the council would meet.",
    );
    let texts: Vec<&str> = q.iter().map(|x| x.1.as_str()).collect();
    assert_eq!(
        texts,
        [
            "the team would need a new coach",
            "two players were injured",
            "the mayor and the council would meet"
        ]
    );
}

#[test]
fn adjectives_possessives_and_that_verbs_frame_no_speech() {
    // `of alleged victims`: an adjective; `His` alone is no source.
    let q = quotes(
        "His repeated claims of having no memory of events or of alleged victims or \
         knowledge of the banker’s “unbecoming” behaviour were mocked.",
    );
    assert!(q.is_empty(), "{q:?}");
    // A participle of a verb that reports speech only with `that`.
    let q = quotes(
        "Lantern will orbit the planet on dozens of flybys, characterizing the moon and its \
         ice and hunting for places where a lander could land.",
    );
    assert!(q.is_empty(), "{q:?}");
    let q = quotes("All this effort to end the friendship contradicts his claim that they met.");
    assert!(q.is_empty(), "{q:?}");
    // The same verbs still frame speech with `that` or next to quotation marks.
    let q = quotes(
        "The mayor characterized the plan as “a disgrace.” Critics contradicted her, saying \
         that the plan would save money.",
    );
    assert_eq!(speaker_of(&q, "a disgrace."), Some("mayor"));
    assert_eq!(speaker_of(&q, "the plan would save money"), Some("Critics"));
}

#[test]
fn a_reported_clause_ends_where_the_sentence_moves_on() {
    // A frame inside a fronted subordinate clause reports up to its closing comma.
    let q = quotes(
        "When Mayor Ann Lowe said that the bridge would close for a year, residents packed \
         the council chamber.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the bridge would close for a year");
    let q = one("Although the company said profits would fall, its shares rose 3 percent.");
    assert_eq!(q.1, "profits would fall");
    // A fronted subordinate clause is not a clause reported by the main verb's subject.
    assert!(
        quotes("After the minister spoke about fares, commuters protested outside.").is_empty()
    );
    // With its main clause it is the source's words.
    let q = one("When the storm hit, the old bridge failed, the mayor said.");
    assert_eq!(q.1, "When the storm hit, the old bridge failed");
    // `, while` and a new subject; `, and` and another source's frame.
    let q = one(
        "The ministers stressed the decision would not change anything, while the league \
         condemned the move.",
    );
    assert_eq!(q.1, "the decision would not change anything");
    let q = quotes(
        "The union said the strike would go ahead, and the company said it would seek an \
         injunction.",
    );
    assert_eq!(speaker_of(&q, "the strike would go ahead"), Some("union"));
    assert_eq!(
        speaker_of(&q, "it would seek an injunction"),
        Some("company")
    );
    // A clause coordinated inside the reported speech stays whole.
    let q = one("The mayor said the bridge would close, and that the ferry would run more often.");
    assert_eq!(
        q.1,
        "the bridge would close, and that the ferry would run more often"
    );
}

#[test]
fn a_shows_title_where_a_program_goes_is_no_quote() {
    let q = quotes("Lena Voss said on “Harbor Watch Tonight,” that the plan had failed.");
    assert!(q.iter().all(|x| x.1 != "Harbor Watch Tonight,"), "{q:?}");
    let q = quotes("Voss, in an interview with the “Tarnow Morning Show.” said she would run.");
    assert!(
        q.iter().all(|x| !x.1.starts_with("Tarnow Morning")),
        "{q:?}"
    );
    // A slogan someone chants is still their words.
    let q = quotes("The protesters chanted “Bad for Tarnow, Bad for You,” outside.");
    assert!(
        q.iter().any(|x| x.1 == "Bad for Tarnow, Bad for You,"),
        "{q:?}"
    );
}
