//! Synthetic library generator (dev-only): N realistic-looking news articles with speakers
//! shared across articles and quotes of every kind (direct with attribution before or after,
//! partial, indirect "X said that", "according to", pronoun follow-ups, quotes that continue
//! over paragraphs). Plain text and Markdown, 2-8 KB each, in folders of 1,000.
//!
//! [`Density::News`] (the default) has quotes as often as real reporting: the hand-labelled
//! dev articles in `../shared/eval` average 2.6 quotes per KB (348 quotes in 133 KB), and
//! these come out at about the same (narrative paragraphs between the quoted ones).
//! [`Density::Dense`] leaves the narrative out (about four times as many quotes per KB), a
//! stress case for the quote tables.
//!
//! Used by `examples/gen_corpus.rs`, `examples/libbench.rs` and the library tests (a
//! dev-dependency, so nothing here ships in the binary). Deterministic for a seed.

use std::path::{Path, PathBuf};

/// A small deterministic PRNG (splitmix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    // The next number of the sequence (never ends, so not an `Iterator`).
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Skewed towards small indexes (a few speakers are quoted far more than most).
    pub fn skewed(&mut self, n: usize) -> usize {
        let a = self.below(n);
        let b = self.below(n);
        let c = self.below(n);
        a.min(b).min(c)
    }
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FIRST_F: &[&str] = &[
    "Maria",
    "Anna",
    "Sofia",
    "Elena",
    "Grace",
    "Aisha",
    "Priya",
    "Ingrid",
    "Chloe",
    "Fatima",
    "Hannah",
    "Leila",
    "Marta",
    "Nadia",
    "Olivia",
    "Rosa",
    "Sarah",
    "Yuki",
    "Zainab",
    "Camille",
    "Beatriz",
    "Dorothy",
    "Eun-ji",
    "Francesca",
    "Helena",
    "Irene",
    "Julia",
    "Katarzyna",
];
const FIRST_M: &[&str] = &[
    "James", "David", "Ahmed", "Carlos", "Daniel", "Erik", "Farid", "George", "Hiroshi", "Ivan",
    "Jonas", "Kwame", "Luis", "Marco", "Nikolai", "Omar", "Pedro", "Rahul", "Samuel", "Thomas",
    "Victor", "William", "Yusuf", "Andrzej", "Bruno", "Connor", "Dmitri", "Felix",
];
const SURNAMES: &[&str] = &[
    "Chen",
    "Okafor",
    "Müller",
    "García",
    "Novak",
    "Haddad",
    "Kowalski",
    "Lindqvist",
    "Mensah",
    "Tanaka",
    "Rossi",
    "Dubois",
    "Petrov",
    "Singh",
    "O'Brien",
    "Álvarez",
    "Fischer",
    "Nakamura",
    "Abebe",
    "Kim",
    "Larsen",
    "Moreau",
    "Nguyen",
    "Oyelaran",
    "Papadopoulos",
    "Quintero",
    "Reyes",
    "Schmidt",
    "Takahashi",
    "Ulloa",
    "Varga",
    "Walsh",
    "Xu",
    "Yilmaz",
    "Zielinski",
    "Brennan",
    "Castillo",
    "Da Silva",
    "Eriksen",
    "Ferreira",
    "Gallagher",
    "Hoffmann",
    "Ivanova",
    "Jansen",
    "Kaur",
    "Lopez",
    "Mahmoud",
    "Nilsen",
    "Osei",
    "Park",
    "Qureshi",
    "Romero",
    "Santos",
    "Torres",
    "Usman",
    "Vogel",
    "Weber",
    "Yamamoto",
    "Zhang",
    "Adeyemi",
];
const ROLES: &[&str] = &[
    "the finance minister",
    "a spokesperson for",
    "the chief executive of",
    "a senior analyst at",
    "the mayor of",
    "a professor of economics at",
    "the head of",
    "a lawyer representing",
    "the director of",
    "a researcher at",
    "the union leader at",
    "an adviser to",
    "the deputy governor of",
    "a board member of",
    "the police chief of",
    "a doctor at",
];
const ORGS: &[&str] = &[
    "the Ministry of Finance",
    "Northwind Energy",
    "the Central Bank",
    "the City Council",
    "the World Health Organization",
    "Harbor Logistics",
    "the National Teachers Union",
    "the Port Authority",
    "Meridian Pharmaceuticals",
    "the Supreme Court",
    "the Red Cross",
    "the Transport Agency",
    "Bluewater Holdings",
    "the Environmental Protection Agency",
    "the University of Lakeside",
    "the Interior Ministry",
    "Atlas Motors",
    "the Farmers' Union",
    "the Statistics Office",
    "the European Commission",
    "the United Nations",
    "Orion Telecom",
];
const PLACES: &[&str] = &[
    "Lisbon",
    "Nairobi",
    "Osaka",
    "Warsaw",
    "Toronto",
    "Lagos",
    "Seoul",
    "Lyon",
    "Bogotá",
    "Gdańsk",
    "Accra",
    "Melbourne",
    "Istanbul",
    "Mumbai",
    "Santiago",
    "Hamburg",
    "Dublin",
    "Cairo",
    "Manila",
    "Oslo",
    "Riverside",
    "Port Elliot",
];
const AGENCIES: &[&str] = &["Reuters", "AP", "AFP", "Staff"];
const REPORTERS: &[&str] = &[
    "Lena Hart",
    "Tom Okoro",
    "Ines Brandt",
    "Paul Mercer",
    "Ada Fong",
    "Ravi Menon",
    "Clara Voss",
    "Diego Luna",
];

struct Topic {
    headline: &'static [&'static str],
    nouns: &'static [&'static str],
    verbs: &'static [&'static str],
}

const TOPICS: &[Topic] = &[
    Topic {
        headline: &[
            "Budget talks stall over spending cuts",
            "Lawmakers clash over new budget",
            "Tax plan divides coalition",
        ],
        nouns: &[
            "the budget",
            "the spending cuts",
            "the tax plan",
            "public debt",
            "the deficit",
            "the pension reform",
        ],
        verbs: &[
            "will hurt families",
            "is long overdue",
            "cannot be delayed any further",
            "needs a second look",
            "puts jobs at risk",
        ],
    },
    Topic {
        headline: &[
            "Port strike enters second week",
            "Dock workers reject pay offer",
            "Shipping delays spread after strike",
        ],
        nouns: &[
            "the strike",
            "the pay offer",
            "the shipping delays",
            "the new contract",
            "the negotiations",
        ],
        verbs: &[
            "has gone on too long",
            "is fair to everyone",
            "will end soon",
            "was never serious",
            "deserves a fresh start",
        ],
    },
    Topic {
        headline: &[
            "Hospital waiting lists grow",
            "Health officials warn of staff shortages",
            "New clinic opens amid doctor shortage",
        ],
        nouns: &[
            "the waiting lists",
            "the staff shortage",
            "the new clinic",
            "emergency care",
            "the vaccination campaign",
        ],
        verbs: &[
            "is a national emergency",
            "will take years to fix",
            "shows what is possible",
            "has saved lives",
            "needs more funding",
        ],
    },
    Topic {
        headline: &[
            "Floods force thousands from homes",
            "River levels rise after storms",
            "Cleanup begins after record rainfall",
        ],
        nouns: &[
            "the flood defences",
            "the evacuation",
            "the relief effort",
            "the insurance claims",
            "the storm warning",
        ],
        verbs: &[
            "came too late",
            "worked as planned",
            "must be reviewed",
            "was handled well",
            "left people stranded",
        ],
    },
    Topic {
        headline: &[
            "Electric car sales surge",
            "Carmaker unveils battery plant",
            "Charging network expands",
        ],
        nouns: &[
            "the battery plant",
            "the charging network",
            "the subsidy scheme",
            "the sales figures",
            "the new model",
        ],
        verbs: &[
            "will create thousands of jobs",
            "is ahead of schedule",
            "is good news for the region",
            "has exceeded expectations",
            "faces supply problems",
        ],
    },
    Topic {
        headline: &[
            "Court rules on data privacy case",
            "Judges weigh landmark appeal",
            "Privacy law faces legal test",
        ],
        nouns: &[
            "the ruling",
            "the appeal",
            "the privacy law",
            "the evidence",
            "the verdict",
        ],
        verbs: &[
            "sets an important precedent",
            "will be challenged",
            "protects ordinary people",
            "goes too far",
            "changes nothing in practice",
        ],
    },
    Topic {
        headline: &[
            "Schools brace for teacher shortage",
            "Exam results improve",
            "Union warns over class sizes",
        ],
        nouns: &[
            "the class sizes",
            "the exam results",
            "the teacher shortage",
            "the school funding",
            "the curriculum",
        ],
        verbs: &[
            "are a credit to the students",
            "cannot continue",
            "need urgent attention",
            "were expected",
            "will be reviewed next year",
        ],
    },
    Topic {
        headline: &[
            "Central bank holds rates",
            "Inflation eases for third month",
            "Markets rally on rate decision",
        ],
        nouns: &[
            "inflation",
            "the interest rate decision",
            "the housing market",
            "consumer spending",
            "the currency",
        ],
        verbs: &[
            "is moving in the right direction",
            "remains too high",
            "will stabilise",
            "surprised the markets",
            "is under control",
        ],
    },
];

const FILLER: &[&str] = &[
    "The announcement came after weeks of speculation and several rounds of closed-door meetings.",
    "Officials did not say when a final decision would be made.",
    "The figures were published on Tuesday in a report of more than two hundred pages.",
    "Critics have long argued that the process lacks transparency.",
    "Opposition parties called for a full debate in parliament before any vote.",
    "Local businesses said they were watching developments closely.",
    "Similar measures were introduced in neighbouring countries last year with mixed results.",
    "The issue has dominated local news coverage for most of the month.",
    "Protesters gathered outside the building on Monday morning, holding banners and chanting.",
    "Analysts expect the debate to continue well into next year.",
    "The report also recommended a review of existing rules and a new oversight body.",
    "Several smaller groups have joined the campaign in recent days.",
    "A public consultation is scheduled to begin next month and will run for six weeks.",
    "Residents interviewed on Wednesday expressed a mix of frustration and cautious hope.",
    "The previous government had promised similar changes but never delivered them.",
];

/// One person of the synthetic world.
#[derive(Clone, Debug)]
pub struct Person {
    pub first: String,
    pub last: String,
    pub female: bool,
    pub role: String,
}

impl Person {
    pub fn full(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

/// The people of the world for a seed: several share surnames (different people).
pub fn people(seed: u64, count: usize) -> Vec<Person> {
    let mut rng = Rng::new(seed ^ 0xFEED);
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    while out.len() < count {
        let female = rng.chance(50);
        let first = if female {
            rng.pick(FIRST_F)
        } else {
            rng.pick(FIRST_M)
        };
        let last = rng.pick(SURNAMES);
        if !seen.insert((first.to_string(), last.to_string())) {
            if seen.len() >= (FIRST_F.len() + FIRST_M.len()) * SURNAMES.len() {
                break;
            }
            continue;
        }
        let role = rng.pick(ROLES);
        let role = if role.ends_with(" of")
            || role.ends_with(" at")
            || role.ends_with(" for")
            || role.ends_with(" to")
        {
            format!("{role} {}", rng.pick(ORGS))
        } else {
            role.to_string()
        };
        out.push(Person {
            first: first.to_string(),
            last: last.to_string(),
            female,
            role,
        });
    }
    out
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// What one generated article contains, for checks.
pub struct Generated {
    pub path: PathBuf,
    pub speakers: Vec<String>,
}

/// Writes article `i` of the corpus under `dir`.
/// How often articles quote someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Density {
    /// Like real news (about 2.6 quotes per KB).
    News,
    /// Nearly every paragraph a quote (about 10 per KB).
    Dense,
}

/// A narrative paragraph of three to five background sentences.
fn narrative(rng: &mut Rng) -> String {
    let n = 3 + rng.below(3);
    let mut out = String::new();
    for k in 0..n {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(rng.pick::<&str>(FILLER));
    }
    out
}

pub fn write_article(
    dir: &Path,
    i: usize,
    seed: u64,
    world: &[Person],
    density: Density,
) -> std::io::Result<Generated> {
    let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(i as u64));
    let topic = rng.pick(TOPICS);
    let place = rng.pick(PLACES);
    let year = 2015 + rng.below(11);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let date = format!("{year:04}-{month:02}-{day:02}");
    let title = format!("{} in {}", rng.pick(topic.headline), place);
    let target = 2_000 + rng.below(6_000);
    let cast_n = 2 + rng.below(4);
    let cast: Vec<&Person> = (0..cast_n)
        .map(|_| &world[rng.skewed(world.len())])
        .collect();
    let org = rng.pick(ORGS);
    let mut paras: Vec<String> = Vec::new();
    let agency = rng.pick(AGENCIES);
    paras.push(format!(
        "{} ({agency}) — {} {} {}, officials said on {}.",
        place.to_uppercase(),
        cap(rng.pick::<&str>(topic.nouns)),
        rng.pick(topic.verbs),
        if rng.chance(50) {
            "according to early estimates"
        } else {
            "as pressure grows"
        },
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][rng.below(5)]
    ));
    let mut introduced = vec![false; cast.len()];
    let mut speakers = Vec::new();
    let mut size: usize = title.len() + paras[0].len();
    while size < target {
        let who = rng.below(cast.len());
        let p = cast[who];
        let noun = rng.pick(topic.nouns);
        let verb = rng.pick(topic.verbs);
        let sentence = format!("{} {}", cap(noun), verb);
        let name = if introduced[who] {
            p.last.clone()
        } else {
            p.full()
        };
        let pron = if p.female { "she" } else { "he" };
        let para = match rng.below(10) {
            0 if !introduced[who] => format!("“{sentence},” said {name}, {}.", p.role),
            0 | 1 => format!(
                "“{sentence},” {name} said. “We have been clear about this from the start.”"
            ),
            2 => format!(
                "{name}, {}, said: “{sentence}. Nobody should be surprised.”",
                if introduced[who] {
                    "speaking later"
                } else {
                    p.role.as_str()
                }
            ),
            3 => format!("{name} said that {noun} {verb} and that more time was needed."),
            4 => format!(
                "{name} called {noun} “a {} mistake” and urged a rethink.",
                ["serious", "costly", "historic", "avoidable"][rng.below(4)]
            ),
            5 => format!("According to {org}, {noun} {verb}."),
            6 => format!("“{sentence},” {org} said in a statement."),
            7 => format!(
                "“{sentence},” {name} told reporters. “It is as simple as that,” {pron} added."
            ),
            8 => format!(
                "“{sentence}.\n\n“We will keep working on it until it is done,” {name} said."
            ),
            _ => rng.pick(FILLER).to_string(),
        };
        if para.contains(&name) {
            introduced[who] = true;
            speakers.push(p.full());
        }
        size += para.len() + 2;
        paras.push(para);
        match density {
            Density::Dense => {
                if rng.chance(40) {
                    let f = rng.pick(FILLER).to_string();
                    size += f.len() + 2;
                    paras.push(f);
                }
            }
            Density::News => {
                for _ in 0..2 + usize::from(rng.chance(20)) {
                    let f = narrative(&mut rng);
                    size += f.len() + 2;
                    paras.push(f);
                }
            }
        }
    }
    let folder = dir.join(format!("{:04}", i / 1000));
    std::fs::create_dir_all(&folder)?;
    let markdown = rng.chance(30);
    let reporter = rng.pick(REPORTERS);
    let slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let (path, text) = if markdown {
        let mut t = format!("---\ntitle: \"{title}\"\ndate: {date}\nauthor: {reporter}\n---\n\n");
        for p in &paras {
            t.push_str(p);
            t.push_str("\n\n");
        }
        (folder.join(format!("{i:07}-{slug}.md")), t)
    } else {
        let mut t = format!("{title}\n\nBy {reporter}\n\n{date}\n\n");
        for p in &paras {
            t.push_str(p);
            t.push_str("\n\n");
        }
        (folder.join(format!("{i:07}-{slug}.txt")), t)
    };
    std::fs::write(&path, text)?;
    speakers.sort();
    speakers.dedup();
    Ok(Generated { path, speakers })
}

/// Writes `n` articles under `dir` (in parallel); returns their paths.
pub fn generate(dir: &Path, n: usize, seed: u64) -> std::io::Result<Vec<PathBuf>> {
    generate_with(dir, n, seed, Density::News)
}

/// [`generate`] with a chosen quote density.
pub fn generate_with(
    dir: &Path,
    n: usize,
    seed: u64,
    density: Density,
) -> std::io::Result<Vec<PathBuf>> {
    use rayon::prelude::*;
    let world = people(seed, 2_000);
    (0..n)
        .into_par_iter()
        .map(|i| write_article(dir, i, seed, &world, density).map(|g| g.path))
        .collect()
}
