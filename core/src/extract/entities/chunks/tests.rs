//! Tests of run finding and classification.

use super::super::tokens::tokenize;
use super::*;

fn raws(s: &str) -> Vec<(RawKind, String, String)> {
    let t = tokenize(s);
    classify(s, &t)
        .into_iter()
        .map(|r| {
            (
                r.kind,
                s[r.name.clone()].to_string(),
                s[r.full.clone()].to_string(),
            )
        })
        .collect()
}

fn has(v: &[(RawKind, String, String)], k: RawKind, name: &str) -> bool {
    v.iter().any(|(kk, n, _)| *kk == k && n == name)
}

#[test]
fn rank_then_name() {
    let v = raws("The plan was backed by Lt. Col. Dana Whitfield, who spoke first.");
    assert!(v.contains(&(
        RawKind::Person,
        "Dana Whitfield".into(),
        "Lt. Col. Dana Whitfield".into()
    )));
}

#[test]
fn place_title_name() {
    let v = raws("Later, French President Amélie Durand met Kenyan Prime Minister Joseph Otieno.");
    assert!(has(&v, RawKind::Person, "Amélie Durand"));
    assert!(has(&v, RawKind::Person, "Joseph Otieno"));
    assert!(!v.iter().any(|(_, n, _)| n.contains("French")));
}

#[test]
fn org_with_cue_and_connectors() {
    let v = raws("He works at the Halvorsen Institute for Marine and Coastal Studies in Oslo.");
    assert!(has(
        &v,
        RawKind::Org,
        "Halvorsen Institute for Marine and Coastal Studies"
    ));
    assert!(has(&v, RawKind::Place, "Oslo"));
}

#[test]
fn title_after_an_org_is_not_in_its_name() {
    let v = raws(
        "the Harbor Patrol Squadron Commander, Col. Ana Ruiz, said that the Office of Inspector General would review this matter",
    );
    assert!(has(&v, RawKind::Org, "Harbor Patrol Squadron"));
    assert!(has(&v, RawKind::Org, "Office of Inspector General"));
    assert!(has(&v, RawKind::Person, "Ana Ruiz"));
}

#[test]
fn possessive_splits_runs() {
    let v = raws("a researcher at Norway’s Halvorsen Institute said");
    assert!(has(&v, RawKind::Place, "Norway"));
    assert!(has(&v, RawKind::Org, "Halvorsen Institute"));
}

#[test]
fn east_asian_order_and_hyphens() {
    let v = raws("The talks included Park Min-ji and officials.");
    assert!(has(&v, RawKind::Person, "Park Min-ji"));
}

#[test]
fn sentence_initial_word_is_not_a_name() {
    let v = raws("Analysts expect rain. Critics disagree.");
    assert!(v.iter().all(|(k, _, _)| *k == RawKind::Unknown));
}

#[test]
fn team_after_city() {
    let v = raws("the game against the Denver Falcons ended late");
    assert!(has(&v, RawKind::Org, "Denver Falcons"));
}

#[test]
fn acronym_is_org() {
    let v = raws("a deal with the WTO was signed by PZQ officials");
    assert!(has(&v, RawKind::Org, "WTO"));
    assert!(has(&v, RawKind::Org, "PZQ"));
}

#[test]
fn name_with_its_initials_is_an_org() {
    let v = raws("They joined Nurses for Open Borders (NOB) last year.");
    assert!(has(&v, RawKind::Org, "Nurses for Open Borders"));
    let v = raws("They joined the group Nurses for Open Borders, NOB, last year.");
    assert!(has(&v, RawKind::Org, "Nurses for Open Borders"));
}

#[test]
fn weak_titles_need_a_given_name() {
    let v = raws("shares of General Foobar rose, and General Ana Ruiz and Major Ivan Dahl spoke");
    assert!(has(&v, RawKind::Person, "Ana Ruiz"));
    assert!(has(&v, RawKind::Person, "Ivan Dahl"));
    assert!(v.contains(&(
        RawKind::Person,
        "Ivan Dahl".into(),
        "Major Ivan Dahl".into()
    )));
    assert!(v.contains(&(
        RawKind::Person,
        "Ana Ruiz".into(),
        "General Ana Ruiz".into()
    )));
    assert!(
        !v.iter()
            .any(|(k, n, _)| *k == RawKind::Person && n == "Foobar")
    );
}

#[test]
fn menus_are_not_names() {
    let v = raws(
        "Home News Sport Scores Teams Players Stats Odds Picks Video Shop Golf Tennis Racing Boxing Rugby Soccer Hockey",
    );
    assert!(v.is_empty());
}

#[test]
fn gerund_opener_and_company_suffix() {
    let v = raws("Watching Harbor League games is fun. They bought Vexo Inc. Dana Obi said so.");
    assert!(has(&v, RawKind::Org, "Harbor League"));
    assert!(has(&v, RawKind::Org, "Vexo Inc."));
    assert!(has(&v, RawKind::Person, "Dana Obi"));
}

#[test]
fn headlines_keep_only_firm_names() {
    let v = raws("Adam Poe Working Late Again As Lund University Study Finds Nothing New");
    assert!(has(&v, RawKind::Person, "Adam Poe"));
    assert!(has(&v, RawKind::Org, "Lund University"));
    assert!(
        !v.iter()
            .any(|(k, _, _)| matches!(k, RawKind::Unknown | RawKind::UnknownMulti))
    );
}

#[test]
fn newspapers() {
    let v = raws("a report in the Dunmore News-Register and the Harbor City Herald said");
    assert!(has(&v, RawKind::Org, "Dunmore News-Register"));
    assert!(has(&v, RawKind::Org, "Harbor City Herald"));
    let v = raws("said Mary Sun and Jake Daily");
    assert!(has(&v, RawKind::Person, "Mary Sun"));
    assert!(has(&v, RawKind::Person, "Jake Daily"));
}

#[test]
fn given_name_that_is_a_place() {
    let v = raws("the coach Jordan Ellery said");
    assert!(has(&v, RawKind::Person, "Jordan Ellery"));
}

#[test]
fn a_name_then_of_and_where_they_work_is_a_person_and_an_organization() {
    let v = raws("Nadia Okafor of Lakeshore University said wages had stalled.");
    assert!(has(&v, RawKind::Person, "Nadia Okafor"), "{v:?}");
    assert!(has(&v, RawKind::Org, "Lakeshore University"), "{v:?}");
    let v = raws("Economist Tomas Berg of Harbor Capital Group agreed.");
    assert!(has(&v, RawKind::Person, "Tomas Berg"), "{v:?}");
    assert!(has(&v, RawKind::Org, "Harbor Capital Group"), "{v:?}");
    // Names that hold `of` stay whole.
    let v = raws("The Bank of Lakeshore and the University of Harbor Falls replied.");
    assert!(has(&v, RawKind::Org, "Bank of Lakeshore"), "{v:?}");
    assert!(has(&v, RawKind::Org, "University of Harbor Falls"), "{v:?}");
}

#[test]
fn a_leading_initial_belongs_to_the_name() {
    let v = raws("Later, lawyer J. Gerald Hebert spoke again. Then C. Stewart Vance Jr. said so.");
    assert!(has(&v, RawKind::Person, "J. Gerald Hebert"), "{v:?}");
    assert!(has(&v, RawKind::Person, "C. Stewart Vance Jr."), "{v:?}");
    // Words before a given name still are not (`Insider Jason Poe`).
    let v = raws("The report by Insider Jason Poe came out.");
    assert!(has(&v, RawKind::Person, "Jason Poe"), "{v:?}");
}

#[test]
fn a_show_or_a_campaign_named_after_someone_is_not_a_person() {
    let v = raws("She told the Nora Vance Show on Monday that the Ortiz Campaign would win.");
    assert!(!has(&v, RawKind::Person, "Nora Vance Show"), "{v:?}");
    assert!(!has(&v, RawKind::Person, "Ortiz Campaign"), "{v:?}");
}

#[test]
fn a_pronoun_in_a_title_case_headline_starts_no_name() {
    let v = raws("Vance: Ortiz Must Decide If He Wants a Second Term.");
    assert!(!v.iter().any(|(_, n, _)| n.starts_with("He ")), "{v:?}");
    // A family name that is also a function word, after a given name, stays.
    let v = raws("Vice Premier Liu He met the delegation.");
    assert!(has(&v, RawKind::Person, "Liu He"), "{v:?}");
    let v = raws("The director, Oh Kyeong Taek, spoke.");
    assert!(has(&v, RawKind::Person, "Oh Kyeong Taek"), "{v:?}");
}

#[test]
fn a_company_name_after_a_given_name_is_a_surname() {
    for (text, name) in [
        (
            "The talks stalled, said Robert Ford, a former envoy.",
            "Robert Ford",
        ),
        (
            "The talks stalled, said Robert S. Ford, a former envoy.",
            "Robert S. Ford",
        ),
    ] {
        let v = raws(text);
        assert!(has(&v, RawKind::Person, name), "{text}: {v:?}");
    }
    // Alone, or after a word that is no given name, it is the company.
    let v = raws("Workers at Ford and at the Ford plant in Detroit voted.");
    assert!(v.iter().all(|(k, _, _)| *k != RawKind::Person), "{v:?}");
}

#[test]
fn a_place_name_after_a_given_name_and_initial_is_a_surname() {
    let v = raws("The film was finished, said Michael B. Jordan, its star.");
    assert!(has(&v, RawKind::Person, "Michael B. Jordan"), "{v:?}");
    // Alone it is the country.
    let v = raws("The talks were held in Jordan last week.");
    assert!(has(&v, RawKind::Place, "Jordan"), "{v:?}");
}

#[test]
fn a_newspaper_named_for_its_city_is_an_organization() {
    let v =
        raws("The Harbor Star and the Dunmore Sun both ran the story, as did the Kestrel Record.");
    for name in ["Harbor Star", "Dunmore Sun", "Kestrel Record"] {
        assert!(has(&v, RawKind::Org, name), "{name}: {v:?}");
    }
    // A lone head word names nothing; a given name before it is a person's.
    let v = raws("The Sun rose over Paul Star's farm.");
    assert!(!has(&v, RawKind::Org, "Sun"), "{v:?}");
}

#[test]
fn an_organizations_name_after_a_role_noun_is_a_given_name() {
    let v = raws("The talks stalled, said campaign consultant Cornell Belcher on Monday.");
    assert!(!has(&v, RawKind::Org, "Cornell"), "{v:?}");
    // Without the role noun before it, the university stays.
    let v = raws("Students at Cornell protested on Monday.");
    assert!(has(&v, RawKind::Org, "Cornell"), "{v:?}");
}

#[test]
fn a_name_after_a_role_and_at_is_an_employer() {
    let v = raws("Rob Kessler, an analyst at Morgan Brooks, expects more cuts.");
    assert!(has(&v, RawKind::Org, "Morgan Brooks"), "{v:?}");
    assert!(has(&v, RawKind::Person, "Rob Kessler"), "{v:?}");
    // `at` after other words names a person still.
    let v = raws("The crowd cheered at Morgan Brooks when she arrived.");
    assert!(has(&v, RawKind::Person, "Morgan Brooks"), "{v:?}");
}

#[test]
fn letters_after_a_name_are_no_part_of_it() {
    let v = raws("The bill was attacked by Helen Marsh MP, who said it was rushed.");
    assert!(has(&v, RawKind::Person, "Helen Marsh"), "{v:?}");
    assert!(!v.iter().any(|(_, n, _)| n.contains("MP")), "{v:?}");
    let v = raws("Later, Sir Oliver Pryce KC OBE told the inquiry it had been misled.");
    assert!(v.iter().any(|(k, n, f)| *k == RawKind::Person
        && n == "Oliver Pryce"
        && f == "Sir Oliver Pryce KC OBE"));
    // Before a name the letters are a role, and the name keeps its own words.
    let v = raws("The plan was opposed by Conservative MP Helen Marsh on Monday.");
    assert!(has(&v, RawKind::Person, "Helen Marsh"), "{v:?}");
    // Letters after one capitalized word are no person's: `Labour MP` stays as it was.
    let v = raws("The motion was tabled by the Labour MP for Leeds North.");
    assert!(!has(&v, RawKind::Person, "Labour"), "{v:?}");
    // After an article the words are a description, and the letters stay with them.
    let v = raws("Paul Dewar, an Ottawa New Democrat MP, said the lapses were serious.");
    assert!(
        !v.iter().any(|(_, n, _)| n == "Ottawa New Democrat"),
        "{v:?}"
    );
}

#[test]
fn a_weak_title_before_two_plain_words_is_a_title() {
    let v = raws("The head of navigation, Captain Idris Farah, remembers the talk.");
    assert!(
        v.contains(&(
            RawKind::Person,
            "Idris Farah".into(),
            "Captain Idris Farah".into()
        )),
        "{v:?}"
    );
    // Words an organization, a lexicon or a title knows keep the name as it was.
    for s in [
        "Shares of General Electric Company fell.",
        "The deal with Major League Baseball was signed.",
        "He was named Chief Executive Officer on Monday.",
    ] {
        let v = raws(s);
        assert!(
            !v.iter().any(|(k, _, _)| *k == RawKind::Person),
            "{s}: {v:?}"
        );
    }
}

#[test]
fn a_saints_possessive_stays_inside_a_name() {
    let v = raws("Nurses at St. Brendan's Hospital walked out on Monday.");
    assert!(has(&v, RawKind::Org, "St. Brendan's Hospital"), "{v:?}");
    // Another possessive still ends the name before it.
    let v = raws("He spoke to Halvorsen's Board on Monday.");
    assert!(!v.iter().any(|(_, n, _)| n == "Halvorsen's Board"), "{v:?}");
}

#[test]
fn two_particles_stay_inside_a_name() {
    let v = raws("\u{201c}Nobody is specific,\u{201d} said Carlos Ramírez de la Torre, a lawyer.");
    assert!(
        has(&v, RawKind::Person, "Carlos Ramírez de la Torre"),
        "{v:?}"
    );
    let v = raws("The judges included Pieter van der Berg of Utrecht.");
    assert!(has(&v, RawKind::Person, "Pieter van der Berg"), "{v:?}");
    // Without a given name in the run the words stay apart.
    let v = raws("The Museo de la Ciudad reopened.");
    assert!(!v.iter().any(|(k, _, _)| *k == RawKind::Person), "{v:?}");
}

#[test]
fn a_nickname_in_quotation_marks_stays_inside_a_name() {
    let v = raws("Juan \u{201c}Chico\u{201d} Manriquez of Oakland carried a photo.");
    assert!(
        v.iter().any(|(k, n, _)| *k == RawKind::Person
            && n.starts_with("Juan")
            && n.ends_with("Manriquez")),
        "{v:?}"
    );
    // Quoted words after a name that no surname follows are not a nickname.
    let v = raws("They met Juan \u{201c}at the gate\u{201d} on Monday.");
    assert!(!v.iter().any(|(_, n, _)| n.contains("gate")), "{v:?}");
}
