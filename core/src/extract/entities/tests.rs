//! Tests of name recognition and coreference on sentences written for each rule.

use super::*;

fn article(body: &str) -> Article {
    Article {
        body: body.to_string(),
        ..Article::default()
    }
}

fn names(t: &EntityTable, kind: EntityKind) -> Vec<&str> {
    t.entities
        .iter()
        .filter(|e| e.kind == kind)
        .map(|e| e.name.as_str())
        .collect()
}

#[test]
fn a_name_coordinated_with_a_person_is_a_person() {
    let a = article(
        "The plan was backed by Oleksandr Kravchuk and Tshepo Mokoena.\n\n\
         Later, Ann Poe, Tshepo Mokoena and Ivo Dask signed it.",
    );
    let t = recognize(&a);
    assert!(
        names(&t, EntityKind::Person).contains(&"Tshepo Mokoena"),
        "{:?}",
        t.entities
    );
    // With no person beside it, the same words name no one.
    let a = article("She met Tshepo Mokoena on Monday.");
    let t = recognize(&a);
    assert!(!names(&t, EntityKind::Person).contains(&"Tshepo Mokoena"));
}

#[test]
fn a_common_word_title_before_a_known_surname_is_that_persons_title() {
    let a = article(
        "Judge Corinne Valdez heard the case on Monday.\n\n\
         Later, Judge Valdez said she would rule in March. Justice Valdez adjourned.",
    );
    let t = recognize(&a);
    assert_eq!(
        names(&t, EntityKind::Person),
        ["Corinne Valdez"],
        "{:?}",
        t.entities
    );
    let p = t
        .find(EntityKind::Person, "Corinne Valdez")
        .expect("person");
    assert_eq!(t.entities[p].mentions.len(), 3, "{:?}", t.entities[p]);
    // Two people of that surname: the title alone does not choose between them.
    let a = article(
        "Judge Corinne Valdez and her brother Tomas Valdez spoke.\n\n\
         Later, Judge Valdez said she would rule in March.",
    );
    let t = recognize(&a);
    let people = names(&t, EntityKind::Person);
    assert!(people.contains(&"Corinne Valdez") && people.contains(&"Tomas Valdez"));
    // A role noun written as a title, before a known surname.
    let a = article(
        "Administrator Corinne Valdez spoke first.\n\n\
         Senators said even Administrator Valdez agreed with them on the plan.",
    );
    let t = recognize(&a);
    assert_eq!(
        names(&t, EntityKind::Person),
        ["Corinne Valdez"],
        "{:?}",
        t.entities
    );
    // A sentence that opens with the title and a surname nobody has is no one.
    let a = article("Justice Marlowe was the ship's name.");
    assert!(names(&recognize(&a), EntityKind::Person).is_empty());
}

#[test]
fn a_person_named_by_a_given_name_alone_has_its_gender() {
    let a = article(
        "Agnes Mwangi kept the light.\n\n\
         Her husband, Joseph, kept it with her until he died. Her daughter, Wanjiru, \
         lives in Mombasa.",
    );
    let t = recognize(&a);
    let joseph = t.find(EntityKind::Person, "Joseph").expect("Joseph");
    assert_eq!(t.person_gender(joseph), Some(Gender::Male));
    // A one-word name no list knows says nothing.
    let wanjiru = t.find(EntityKind::Person, "Wanjiru").expect("Wanjiru");
    assert_eq!(t.person_gender(wanjiru), None);
}

#[test]
fn the_family_names_of_a_longer_name_join_it() {
    let a = article(
        "President Andrés Manuel López Obrador met the economy minister, Raquel \
         Buenrostro Sánchez, on a visit to the south of the country.\n\n\
         Later, López Obrador told reporters the visit went well, and Buenrostro said \
         talks would resume.",
    );
    let t = recognize(&a);
    assert_eq!(
        names(&t, EntityKind::Person),
        ["Andrés Manuel López Obrador", "Raquel Buenrostro Sánchez"],
        "{:?}",
        t.entities
    );
    // A given name inside the longer name joins nobody alone.
    let a = article("Mary Ann Whitlow spoke first.\n\nLater, Ann said she agreed.");
    let t = recognize(&a);
    let p = t
        .find(EntityKind::Person, "Mary Ann Whitlow")
        .expect("person");
    assert_eq!(t.entities[p].mentions.len(), 1, "{:?}", t.entities);
}

#[test]
fn a_shared_surname_alone_is_the_person_named_most() {
    let a = article(
        "Marta Quill opened her campaign on Monday. Quill spoke for an hour, and her \
         husband, Leon Quill, sat in the front row.\n\n\
         Later, Quill told reporters she would win.",
    );
    let t = recognize(&a);
    let marta = t.find(EntityKind::Person, "Marta Quill").expect("Marta");
    let leon = t.find(EntityKind::Person, "Leon Quill").expect("Leon");
    assert_eq!(t.entities[marta].mentions.len(), 3, "{:?}", t.entities);
    assert_eq!(t.entities[leon].mentions.len(), 1, "{:?}", t.entities);
}

#[test]
fn a_titled_shared_surname_is_the_person_of_the_titles_gender() {
    let a = article(
        "Leon Quill and his daughter, Marta Quill, opened the shop in 1990.\n\n\
         Mr. Quill said the rent had doubled. Ms. Quill said they would stay.",
    );
    let t = recognize(&a);
    let marta = t.find(EntityKind::Person, "Marta Quill").expect("Marta");
    let leon = t.find(EntityKind::Person, "Leon Quill").expect("Leon");
    assert_eq!(t.entities[leon].mentions.len(), 2, "{:?}", t.entities);
    assert_eq!(t.entities[marta].mentions.len(), 2, "{:?}", t.entities);
}

#[test]
fn an_unknown_given_name_before_a_known_surname_is_a_relative() {
    let a = article(
        "The video shows an officer aiming a gun at Keith Lamont Scott. Rakeyia Scott can \
         be heard yelling that her husband was unarmed.",
    );
    let t = recognize(&a);
    assert!(
        names(&t, EntityKind::Person).contains(&"Rakeyia Scott"),
        "{:?}",
        t.entities
    );
    // A word the article also writes in lowercase, a plural or a verb form is no name.
    let a = article(
        "Keith Lamont Scott spoke. Endorsed Scott signs were everywhere, and the endorsed \
         man smiled. Senators Scott and Poe left.",
    );
    let t = recognize(&a);
    let people = names(&t, EntityKind::Person);
    assert!(
        !people
            .iter()
            .any(|p| p.starts_with("Endorsed") || p.starts_with("Senators"))
    );
    // Nor when the surname is a common word of the article: `Pill Hill` by `a hill`.
    let a = article("Julia Hill spoke. The hospitals sit on a hill (Pill Hill) above the lake.");
    let t = recognize(&a);
    assert!(!names(&t, EntityKind::Person).contains(&"Pill Hill"));
}

#[test]
fn surname_links_to_full_name() {
    let a = article(
        "Capt. Ines Moreau, spokeswoman for the Harbour Authority, spoke on Friday.\n\n\u{201C}We are ready,\u{201D} Moreau said.",
    );
    let t = recognize(&a);
    let p = t.find(EntityKind::Person, "Ines Moreau").expect("person");
    let e = &t.entities[p];
    assert!(e.aliases.contains(&"Moreau".to_string()));
    assert!(e.aliases.contains(&"Capt. Ines Moreau".to_string()));
    assert_eq!(e.mentions.len(), 2);
    assert_eq!(
        e.role.as_deref(),
        Some("spokeswoman for the Harbour Authority")
    );
    assert_eq!(t.person_gender(p), Some(Gender::Female));
    assert!(names(&t, EntityKind::Organization).contains(&"Harbour Authority"));
}

#[test]
fn two_word_and_caribbean_demonyms_are_known() {
    for d in [
        "Puerto Rican",
        "Costa Rican",
        "Trinidadian",
        "Bahamian",
        "Barbadian",
    ] {
        assert!(is_demonym(d), "{d}");
    }
    let a = article("A Costa Rican envoy met Ana Ruiz on Monday.");
    assert_eq!(names(&recognize(&a), EntityKind::Person), vec!["Ana Ruiz"]);
}

#[test]
fn a_sentence_adverb_or_connective_is_no_part_of_a_name() {
    let a = article(
        "Marta Quill runs the harbour board.\n\nThen Quill asked the engineers.\n\n\
         Sadly Quill left early.\n\nOverall Quill was pleased.\n\nKelly Brandt spoke last.",
    );
    let t = recognize(&a);
    let people = names(&t, EntityKind::Person);
    assert_eq!(people, vec!["Marta Quill", "Kelly Brandt"], "{people:?}");
}

#[test]
fn coordinated_organizations_with_their_own_cues_are_two() {
    let a = article(
        "Pemberton Foods and Skyreach Media backed the letter. Members of the Accra \
         Rowing Club and the Department of Health and Human Services met in June.",
    );
    let t = recognize(&a);
    let orgs = names(&t, EntityKind::Organization);
    for want in [
        "Pemberton Foods",
        "Skyreach Media",
        "Accra Rowing Club",
        "Department of Health and Human Services",
    ] {
        assert!(orgs.contains(&want), "{want} not in {orgs:?}");
    }
    assert!(!names(&t, EntityKind::Place).contains(&"Accra"));
}

#[test]
fn context_makes_an_unlisted_name_an_organization() {
    let a = article(
        "The story was first reported by Vessel Weekly. Shares of Tamsin rose 4 percent. \
         Ruth Kade, who works at Brackwater, declined to comment. A Lumora spokeswoman \
         said the firm would respond. The suit names Calder Mining and its parent, Orvex. \
         Workers at the Dunmore plant walked out.",
    );
    let t = recognize(&a);
    let orgs = names(&t, EntityKind::Organization);
    for want in [
        "Vessel Weekly",
        "Tamsin",
        "Brackwater",
        "Lumora",
        "Calder Mining",
        "Orvex",
    ] {
        assert!(orgs.contains(&want), "{want} not in {orgs:?}");
    }
    // A place before a plant is no company.
    assert!(!orgs.contains(&"Dunmore"), "{orgs:?}");
}

#[test]
fn coordinated_people_with_titles_are_two_people() {
    let a = article("Mayor Ada Brandt and Council Member Joe Fenn said they would appeal.");
    let t = recognize(&a);
    assert_eq!(
        names(&t, EntityKind::Person),
        vec!["Ada Brandt", "Joe Fenn"]
    );
    assert!(names(&t, EntityKind::Organization).is_empty());
}

#[test]
fn place_word_starting_a_name_makes_a_place() {
    let a = article(
        "Ferries from Port Velmar and Fort Castell were cancelled, and the Port Velmar Harbour Board met on Friday.",
    );
    let t = recognize(&a);
    let places = names(&t, EntityKind::Place);
    assert!(places.contains(&"Port Velmar"), "{places:?}");
    assert!(places.contains(&"Fort Castell"), "{places:?}");
    let orgs = names(&t, EntityKind::Organization);
    assert!(orgs.contains(&"Port Velmar Harbour Board"), "{orgs:?}");
}

#[test]
fn rail_and_ferry_operators_are_organizations() {
    let a = article(
        "Ticket prices at Bluewater Ferries will go up, and fares at Kestrel Rail will rise in May.",
    );
    let t = recognize(&a);
    let orgs = names(&t, EntityKind::Organization);
    assert!(orgs.contains(&"Bluewater Ferries"), "{orgs:?}");
    assert!(orgs.contains(&"Kestrel Rail"), "{orgs:?}");
    assert!(names(&t, EntityKind::Person).is_empty());
}

#[test]
fn plural_possessive_before_an_org_cue_stays_in_the_name() {
    let a = article(
        "The Dock and Canal Workers’ Union called a strike at Norway’s Halvorsen Institute.",
    );
    let t = recognize(&a);
    let orgs = names(&t, EntityKind::Organization);
    assert!(orgs.contains(&"Dock and Canal Workers’ Union"), "{orgs:?}");
    assert!(orgs.contains(&"Halvorsen Institute"), "{orgs:?}");
}

#[test]
fn different_first_names_stay_apart() {
    let a = article("Anna Berg met Olaf Berg in Oslo. Later Berg left.");
    let t = recognize(&a);
    let people = names(&t, EntityKind::Person);
    assert!(people.contains(&"Anna Berg"));
    assert!(people.contains(&"Olaf Berg"));
}

#[test]
fn country_forms_are_one_place() {
    let a = article("The U.S. and the United States are the same as the US here.");
    let t = recognize(&a);
    assert_eq!(names(&t, EntityKind::Place), ["United States"]);
    let e = &t.entities[t.find(EntityKind::Place, "United States").unwrap()];
    assert_eq!(e.mentions.len(), 3);
}

#[test]
fn acronym_defined_in_parentheses() {
    let a = article("The Coastal Research Council (CRC) said on Monday that the CRC would act.");
    let t = recognize(&a);
    let e = t
        .find(EntityKind::Organization, "Coastal Research Council")
        .unwrap();
    assert!(t.entities[e].aliases.contains(&"CRC".to_string()));
    assert_eq!(t.entities[e].mentions.len(), 3);
}

#[test]
fn acronym_of_a_product_is_not_an_org() {
    let a = article("The new Deep Radar Array (DRA) can see far, and the DRA is cheap.");
    let t = recognize(&a);
    assert!(names(&t, EntityKind::Organization).is_empty());
}

#[test]
fn acronym_of_common_nouns_is_no_company() {
    for body in [
        "Doctors found hypersensitivity pneumonitis (HP) in the man. HP is rare.",
        "The diagnosis was hypersensitivity pneumonitis, or HP. HP is rare.",
    ] {
        let t = recognize(&article(body));
        assert!(names(&t, EntityKind::Organization).is_empty(), "{body}");
    }
    // Without such a definition the company stays.
    let t = recognize(&article("HP said its printers sold well."));
    assert_eq!(names(&t, EntityKind::Organization), ["HP"]);
    // A name defined by capitalized words is untouched.
    let t = recognize(&article(
        "The Harbour Protection League (HPL) sued. HPL said it would appeal.",
    ));
    assert_eq!(
        names(&t, EntityKind::Organization),
        ["Harbour Protection League"]
    );
}

#[test]
fn credits_are_people_outside_the_body() {
    let mut a = article("Rain fell in Lisbon.");
    a.byline = vec!["Ada Mensah".into()];
    a.extra = vec!["(Reporting by Ada Mensah; Editing by Li Wei)".into()];
    let t = recognize(&a);
    let e = t.find(EntityKind::Person, "Ada Mensah").unwrap();
    assert_eq!(t.entities[e].other_mentions, 2);
    assert!(t.find(EntityKind::Person, "Li Wei").is_some());
    assert_eq!(t.genders.len(), t.entities.len());
}

#[test]
fn mention_lookup() {
    let a = article("Maj. Ana Ruiz spoke in Oslo.");
    let t = recognize(&a);
    let m = t.mention_at(0).expect("mention at title");
    assert_eq!(&a.body[m.span.clone()], "Maj. Ana Ruiz");
    assert!(t.mention_at(7).is_some());
    assert!(t.mention_at(15).is_none());
    assert_eq!(t.mentions_in(0..a.body.len()).len(), 2);
}

#[test]
fn place_from_context() {
    let t = recognize(&article(
        "The rally was held in Dunmore, Pa., on Friday. She grew up in Carvel, a village north of Elmstead. Fires burned in Tolland and Mirren counties.",
    ));
    let places = names(&t, EntityKind::Place);
    for p in [
        "Dunmore",
        "Pennsylvania",
        "Carvel",
        "Elmstead",
        "Tolland",
        "Mirren",
    ] {
        assert!(places.contains(&p), "{p} in {places:?}");
    }
}

#[test]
fn place_named_by_a_place_noun_before_of() {
    let t = recognize(&article(
        "Fares to the island of Vennick will rise. Residents of the town of Aldmere \
         Cross objected, and the Institute of Tarsk agreed.",
    ));
    let places = names(&t, EntityKind::Place);
    assert!(places.contains(&"Vennick"), "{places:?}");
    assert!(places.contains(&"Aldmere Cross"), "{places:?}");
    assert!(!places.contains(&"Tarsk"), "{places:?}");
}

#[test]
fn org_from_context() {
    let t = recognize(&article(
        "\u{201C}Prices rise,\u{201D} said Ana Ruiz, an economist at Brightwave. Bo Lind, chief strategist at Kessler Tabor, agreed.",
    ));
    let orgs = names(&t, EntityKind::Organization);
    assert!(orgs.contains(&"Brightwave"), "{orgs:?}");
    assert!(orgs.contains(&"Kessler Tabor"), "{orgs:?}");
    assert!(t.find(EntityKind::Person, "Bo Lind").is_some());
}

#[test]
fn unknown_pair_is_a_person_only_with_a_cue() {
    let t = recognize(&article(
        "The study in Ferro Quarterly was cited. Ilse Varga, a chemist at the plant, disagreed.",
    ));
    let people = names(&t, EntityKind::Person);
    assert_eq!(people, ["Ilse Varga"]);
}

#[test]
fn regions_and_adjective_tails() {
    let t = recognize(&article(
        "Smog covers North India, and a Lisbon-based group said so in Kowloon West.",
    ));
    let places = names(&t, EntityKind::Place);
    for p in ["North India", "Lisbon", "Kowloon West"] {
        assert!(places.contains(&p), "{p} in {places:?}");
    }
}

#[test]
fn works_are_not_organizations() {
    let t = recognize(&article(
        "It ran in the Royal Society Transactions and was shown in the Cabinet Room.",
    ));
    assert!(names(&t, EntityKind::Organization).is_empty());
}

#[test]
fn name_after_team_and_position() {
    let t = recognize(&article(
        "Later, Falcons DL Marcus Obi and the immunologist Ke’Vonte Ruddle spoke.",
    ));
    let people = names(&t, EntityKind::Person);
    assert!(people.contains(&"Marcus Obi"), "{people:?}");
    assert!(people.contains(&"Ke’Vonte Ruddle"), "{people:?}");
}

#[test]
fn family_name_first_links_title_form() {
    let t = recognize(&article(
        "Xi Jinping arrived. Later Mr. Xi spoke to Li Wen.",
    ));
    let e = t.find(EntityKind::Person, "Xi Jinping").expect("person");
    assert!(t.entities[e].aliases.contains(&"Mr. Xi".to_string()));
    assert_eq!(t.entities[e].mentions.len(), 2);
    assert_eq!(t.person_gender(e), Some(Gender::Male));
}

#[test]
fn organization_forms_merge() {
    let t = recognize(&article(
        "The Department of Coastal Defense met the Harbor Safety Council. The Coastal Defense Department and the Safety Council agreed, and the Harbor Public Utilities Commission (HPUC) said the PUC would pay. Vexo Corp said Vexo would pay.",
    ));
    let orgs = names(&t, EntityKind::Organization);
    assert_eq!(orgs.len(), 4, "{orgs:?}");
    let puc = t.find(EntityKind::Organization, "PUC").expect("PUC alias");
    assert_eq!(t.entities[puc].name, "Harbor Public Utilities Commission");
    let vexo = t
        .find(EntityKind::Organization, "Vexo")
        .expect("Vexo alias");
    assert_eq!(t.entities[vexo].name, "Vexo Corp");
}

#[test]
fn possessive_names_of_stores() {
    let t = recognize(&article("Shoppers went to Lowe’s and Home Depot’s stores."));
    let orgs = names(&t, EntityKind::Organization);
    assert!(orgs.contains(&"Lowe's"), "{orgs:?}");
    assert!(orgs.contains(&"Home Depot"), "{orgs:?}");
}

#[test]
fn capitalized_nouns_with_von_are_not_people() {
    let t = recognize(&article(
        "Die Herstellung von Interoperabilität kostet Geld. Omar bin Khalid sagte nein.",
    ));
    assert_eq!(names(&t, EntityKind::Person), ["Omar bin Khalid"]);
}

#[test]
fn leader_of_an_administration() {
    let t = recognize(&article(
        "Critics of the Marlow administration met in Oslo.",
    ));
    assert_eq!(names(&t, EntityKind::Person), ["Marlow"]);
}

#[test]
fn abbreviated_ranks_are_titles() {
    let t = recognize(&article(
        "The case was led by Det. Insp. Laura Brenner. Supt. Mark Oyelaran and Cllr Rita \
         Moss spoke later, with Chief Supt. Dev Anand and Const. Ivo Marsh.",
    ));
    let mut people = names(&t, EntityKind::Person);
    people.sort_unstable();
    assert_eq!(
        people,
        [
            "Dev Anand",
            "Ivo Marsh",
            "Laura Brenner",
            "Mark Oyelaran",
            "Rita Moss"
        ]
    );
    let p = t.find(EntityKind::Person, "Laura Brenner").expect("person");
    assert!(
        t.entities[p]
            .aliases
            .iter()
            .any(|a| a.ends_with("Insp. Laura Brenner"))
    );
}

#[test]
fn a_company_speaking_is_not_a_person() {
    // The org comes first or later; a speech verb after the name is no person cue then.
    for body in [
        "A manager at Dunmore Steelworks went on trial. Dunmore Steelworks said it would help.",
        "Dunmore Steelworks said it would help. A manager at Dunmore Steelworks went on trial.",
    ] {
        let t = recognize(&article(body));
        assert!(names(&t, EntityKind::Person).is_empty(), "{body}");
        assert_eq!(names(&t, EntityKind::Organization), ["Dunmore Steelworks"]);
    }
    // A person named only by context stays a person.
    let t = recognize(&article(
        "Dunmore Akers said he would help. He works at Dunmore Steelworks.",
    ));
    assert_eq!(names(&t, EntityKind::Person), ["Dunmore Akers"]);
    assert_eq!(names(&t, EntityKind::Organization), ["Dunmore Steelworks"]);
}

#[test]
fn wire_dateline_names_a_place_and_an_agency() {
    let t = recognize(&article(
        "KELLVIK HARBOUR (Newsline) \u{2013} The council met on Tuesday.\n\nMost of \
         Kellvik Harbour was dark.",
    ));
    let p = t.find(EntityKind::Place, "Kellvik Harbour").expect("place");
    assert!(
        t.entities[p]
            .aliases
            .contains(&"KELLVIK HARBOUR".to_string())
    );
    assert_eq!(t.entities[p].mentions.len(), 2);
    assert_eq!(names(&t, EntityKind::Organization), ["Newsline"]);
    // With a date before the credit, and an ASCII dash.
    let t = recognize(&article("DORVAL, May 3 (Wirecast) - Prices rose."));
    assert_eq!(names(&t, EntityKind::Place), ["Dorval"]);
    assert_eq!(names(&t, EntityKind::Organization), ["Wirecast"]);
    // Capitals that open a paragraph without a dateline's shape are no place, and a
    // page label is no place.
    let t = recognize(&article(
        "KELLVIK HARBOUR SHOWS THE WAY\n\nBREAKING \u{2014} The council met. An aside \
         (Notably) \u{2013} came later.",
    ));
    assert!(names(&t, EntityKind::Place).is_empty());
    assert!(names(&t, EntityKind::Organization).is_empty());
    let t = recognize(&article("KORVA, the rail union, said fares would rise."));
    assert!(names(&t, EntityKind::Place).is_empty());
}

#[test]
fn gender_from_name() {
    assert_eq!(person_gender("Mrs. Jo Kent"), Some(Gender::Female));
    assert_eq!(person_gender("Matt Taylor"), Some(Gender::Male));
    assert_eq!(person_gender("Taylor Quinn"), None);
}

#[test]
fn a_name_in_apposition_to_a_role_is_a_person() {
    let t = recognize(&article(
        "The country's foreign minister, Erlan Idrissov, plays down concerns.",
    ));
    assert_eq!(names(&t, EntityKind::Person), ["Erlan Idrissov"]);
}

#[test]
fn a_works_title_in_apposition_is_no_entity() {
    let t = recognize(&article(
        "In her 2003 book, Living History, Mara Quill noted the clot. His new film, Silent \
         Harbor, opens Friday. The documentary Salt Road won a prize.",
    ));
    assert_eq!(names(&t, EntityKind::Person), ["Mara Quill"]);
    assert!(names(&t, EntityKind::Place).is_empty(), "{:?}", t.entities);
    // A book's author after its comma is still a person.
    let t = recognize(&article(
        "In his new book, Mark Hollis argues that the port must close.",
    ));
    assert_eq!(names(&t, EntityKind::Person), ["Mark Hollis"]);
}

#[test]
fn gazetteer_places_in_a_place_context() {
    // A GeoNames city after a locative preposition.
    let t = recognize(&article(
        "The festival in Tarnów drew large crowds. Organisers said the square was full.",
    ));
    assert_eq!(names(&t, EntityKind::Place), ["Tarnów"]);
    // An unknown multiword name right after `near`.
    let t = recognize(&article(
        "Shelling was reported near Qaryat al-Nur on Monday, the monitors said.",
    ));
    assert_eq!(names(&t, EntityKind::Place), ["Qaryat al-Nur"]);
    // Without the context, a gazetteer name is nothing by itself, and a month is never
    // a place.
    let t = recognize(&article("The vote in March was close. Tarnów was quiet."));
    assert!(names(&t, EntityKind::Place).is_empty(), "{:?}", t.entities);
}

#[test]
fn coordinated_names_split_at_and() {
    let t = recognize(&article(
        "The grant went to the Rowing Federation and Castellan, officials said.",
    ));
    let orgs = names(&t, EntityKind::Organization);
    assert_eq!(orgs, ["Rowing Federation", "Castellan"], "{orgs:?}");
    // A name with `of` before `and`, or a cue after it, stays whole.
    let t = recognize(&article(
        "The Department of Health and Human Services and the Securities and Exchange \
         Commission spoke.",
    ));
    let orgs = names(&t, EntityKind::Organization);
    assert!(
        orgs.contains(&"Department of Health and Human Services"),
        "{orgs:?}"
    );
    assert!(
        orgs.contains(&"Securities and Exchange Commission"),
        "{orgs:?}"
    );
}

#[test]
fn subheads_in_capitals_name_nothing() {
    let t = recognize(&article(
        "CANADA ADVANCES\n\nThe team won again on Sunday, the coach said.",
    ));
    assert!(
        names(&t, EntityKind::Organization).is_empty(),
        "{:?}",
        t.entities
    );
    assert!(names(&t, EntityKind::Person).is_empty(), "{:?}", t.entities);
    // A signature block in capitals still names its person.
    let t = recognize(&article("The brief was filed.\n\nMARGARET L. OSTROVA"));
    assert_eq!(names(&t, EntityKind::Person), ["MARGARET L. OSTROVA"]);
}

#[test]
fn streets_are_not_places() {
    let t = recognize(&article(
        "The shop on Elm Street and the bank on Fifth Avenue were closed, and traffic \
         near Mill Road was slow.",
    ));
    assert!(names(&t, EntityKind::Place).is_empty(), "{:?}", t.entities);
}

#[test]
fn outlet_named_by_its_last_word() {
    let t = recognize(&article(
        "The story was first reported by Harbor Ledger on Tuesday.",
    ));
    assert_eq!(names(&t, EntityKind::Organization), ["Harbor Ledger"]);
    assert!(names(&t, EntityKind::Person).is_empty());
}

#[test]
fn players_in_a_result_line() {
    let t = recognize(&article("Tomasz Wierzbicki beat Anselm Okoro 6-4."));
    let people = names(&t, EntityKind::Person);
    assert!(people.contains(&"Tomasz Wierzbicki"), "{people:?}");
    assert!(people.contains(&"Anselm Okoro"), "{people:?}");
    // Teams are not players, and no score means no result.
    let t = recognize(&article("The Denver Falcons beat Ashby Rovers 3-1."));
    assert!(names(&t, EntityKind::Person).is_empty(), "{:?}", t.entities);
    let t = recognize(&article("Rain beat Harlow Quay again."));
    assert!(names(&t, EntityKind::Person).is_empty(), "{:?}", t.entities);
}

#[test]
fn an_organization_noun_in_apposition_makes_a_name_an_organization() {
    for body in [
        "The quarry's parent company, Hallam Aggregates, said it would cooperate.",
        "Hallam Aggregates, the parent company, said it would cooperate.",
    ] {
        let t = recognize(&article(body));
        assert!(
            names(&t, EntityKind::Organization).contains(&"Hallam Aggregates")
                && !names(&t, EntityKind::Person).contains(&"Hallam Aggregates"),
            "{body}: {:?}",
            t.entities
        );
    }
    // A lone name too.
    let t = recognize(&article("The regulator, Ofwat, rejected the criticism."));
    assert!(
        names(&t, EntityKind::Organization).contains(&"Ofwat"),
        "{:?}",
        t.entities
    );
    // A person's role noun in the same place leaves a person.
    let t = recognize(&article(
        "The company's lawyer, Neil Pryce, said the evidence was new.",
    ));
    assert!(names(&t, EntityKind::Person).contains(&"Neil Pryce"));
    // A noun that names people as often (`owner`, `rival`) makes an organization only after
    // `its`.
    let t = recognize(&article(
        "The shop's owner, Raj Mistry, said he had been woken by the alarm.",
    ));
    assert!(
        names(&t, EntityKind::Person).contains(&"Raj Mistry"),
        "{:?}",
        t.entities
    );
    let t = recognize(&article(
        "Its owner, Carrow Media, said the service would keep its name.",
    ));
    assert!(
        names(&t, EntityKind::Organization).contains(&"Carrow Media"),
        "{:?}",
        t.entities
    );
}

#[test]
fn a_title_that_names_things_too_before_a_lone_surname() {
    // `Justice Scalia wrote`: a surname alone after the title.
    let t = recognize(&article(
        "As Justice Scalia wrote in the dissent, the statute is clear.",
    ));
    assert_eq!(
        names(&t, EntityKind::Person),
        vec!["Scalia"],
        "{:?}",
        t.entities
    );
    // `the Justice Department said`: an organization word after it keeps the name whole.
    let t = recognize(&article("The Justice Department said the case was closed."));
    assert!(names(&t, EntityKind::Person).is_empty(), "{:?}", t.entities);
}

#[test]
fn a_title_and_a_given_name_before_an_organization_word_are_its_name() {
    let t = recognize(&article(
        "She was taken to the Queen Elizabeth Hospital in the town on Monday.",
    ));
    assert!(
        names(&t, EntityKind::Organization).contains(&"Queen Elizabeth Hospital"),
        "{:?}",
        t.entities
    );
    assert!(names(&t, EntityKind::Person).is_empty(), "{:?}", t.entities);
}

#[test]
fn given_names_with_accents_open_a_name() {
    let t = recognize(&article(
        "A lawyer for the owners, João Pedro de Souza, said they would appeal. The deal was \
         signed by José Luis Ortega.",
    ));
    let people = names(&t, EntityKind::Person);
    assert!(
        people.contains(&"João Pedro de Souza") && people.contains(&"José Luis Ortega"),
        "{people:?}"
    );
}

#[test]
fn a_name_never_runs_across_a_paragraph_break() {
    // `le` and `la` join names (`Ramírez de la Torre`), but not across paragraphs.
    for body in [
        "The prize went to Carla Ana le\n\nla Mendes, who said the race was hard.",
        "The prize went to Carla Ana de\n\nPinto, who said the race was hard.",
    ] {
        let t = recognize(&article(body));
        assert!(
            t.entities.iter().all(|e| !e.name.contains('\n')),
            "{body:?}: {:?}",
            t.entities
        );
    }
}
