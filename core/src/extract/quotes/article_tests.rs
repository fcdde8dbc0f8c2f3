//! Whole news-style articles written for these tests: the constructions wire copy is made of.

use super::*;
use crate::article::Article;

type ArticleQuotes = Vec<(QuoteKind, String, Option<String>)>;
type ArticleEntities = Vec<(String, crate::extract::EntityKind)>;

fn article_analysis(body: &str) -> (ArticleQuotes, ArticleEntities) {
    let mut a = Article::default();
    a.set_paragraphs(body.split("\n\n"));
    let an = crate::extract::analyze(&a);
    let quotes = an
        .quotes
        .iter()
        .map(|q| {
            (
                q.kind,
                a.body[q.span.clone()].to_string(),
                q.speaker.clone(),
            )
        })
        .collect();
    let ents = an
        .entities
        .iter()
        .map(|e| (e.name.clone(), e.kind))
        .collect();
    (quotes, ents)
}

#[test]
fn a_court_story_with_a_dateline_ranks_and_documents() {
    use crate::extract::EntityKind as K;
    let (q, ents) = article_analysis(
        "DUNMORE (Newsline) \u{2014} A former commodities trader was charged on Tuesday with \
         defrauding investors of 4.5 million dollars, police said.\n\n\
         Det. Supt. Helen Varga, who led the inquiry, said officers had traced the money to \
         accounts in three countries. \"This was a patient, deliberate scheme,\" Varga told \
         reporters. \"He knew exactly what he was doing.\"\n\n\
         The complaint alleges that Marcus Lind, 46, promised clients returns of 20 percent a \
         year. According to court documents, Lind moved most of the money to a firm registered \
         in Cyprus.\n\n\
         Lind's lawyer, Sara Quist, said her client would plead not guilty.\n\n\
         The Financial Conduct Authority did not immediately respond to a request for comment.",
    );
    let find = |t: &str| {
        q.iter()
            .find(|x| x.1 == t)
            .unwrap_or_else(|| panic!("no quote {t:?} in {q:?}"))
    };
    assert_eq!(
        find("A former commodities trader was charged on Tuesday with defrauding investors of 4.5 million dollars").2.as_deref(),
        Some("police")
    );
    assert_eq!(
        find("officers had traced the money to accounts in three countries")
            .2
            .as_deref(),
        Some("Helen Varga")
    );
    assert_eq!(
        find("He knew exactly what he was doing.").2.as_deref(),
        Some("Helen Varga")
    );
    let doc = find("Marcus Lind, 46, promised clients returns of 20 percent a year");
    assert_eq!(doc.2.as_deref(), Some("complaint"));
    assert_eq!(
        find("her client would plead not guilty").2.as_deref(),
        Some("Sara Quist")
    );
    assert_eq!(
        find("Lind moved most of the money to a firm registered in Cyprus")
            .2
            .as_deref(),
        Some("court documents")
    );
    // `did not immediately respond to a request for comment` reports nothing.
    assert_eq!(q.len(), 7, "{q:?}");
    for (name, kind) in [
        ("Dunmore", K::Place),
        ("Newsline", K::Organization),
        ("Helen Varga", K::Person),
        ("Marcus Lind", K::Person),
        ("Sara Quist", K::Person),
        ("Cyprus", K::Place),
        ("Financial Conduct Authority", K::Organization),
    ] {
        assert!(
            ents.contains(&(name.to_string(), kind)),
            "{name} in {ents:?}"
        );
    }
    assert_eq!(ents.len(), 7, "{ents:?}");
}

#[test]
fn a_politics_story_with_party_tags_filings_and_analysts() {
    let (q, _) = article_analysis(
        "WASHINGTON (Wirecast) - Sen. Maria Ortiz, D-N.M., said on Wednesday that Arlo Motors \
         had waited too long to recall 80,000 electric cars.\n\n\
         Arlo Motors said in a regulatory filing that the recall would cost about 300 million \
         dollars.\n\n\
         Analysts at Fenwick Securities wrote in a note to clients that the recall was unlikely \
         to hurt sales. \"We see limited damage to the brand,\" they wrote.\n\n\
         Rep. James Hollis, R-Ohio, disagreed. \"This is a company that put speed ahead of \
         safety,\" said Hollis, who chairs a House subcommittee.\n\n\
         Chief Executive Daniel Brandt added two new board members last month.",
    );
    let got: Vec<(&str, Option<&str>)> = q.iter().map(|x| (x.1.as_str(), x.2.as_deref())).collect();
    assert_eq!(
        got,
        [
            (
                "Arlo Motors had waited too long to recall 80,000 electric cars",
                Some("Maria Ortiz")
            ),
            (
                "the recall would cost about 300 million dollars",
                Some("Arlo Motors")
            ),
            (
                "the recall was unlikely to hurt sales",
                Some("Analysts at Fenwick Securities")
            ),
            (
                "We see limited damage to the brand,",
                Some("Analysts at Fenwick Securities")
            ),
            (
                "This is a company that put speed ahead of safety,",
                Some("James Hollis")
            ),
        ]
    );
}
