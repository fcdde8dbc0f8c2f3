//! Writes the seed corpora: `cargo run --release --example gen_corpus` (from `fuzz/`) fills
//! `corpus/<target>/` with small inputs written here, covering the shapes the loaders and
//! extraction care about. No real articles are used.

use std::path::Path;

const ESCAPES: &[&str] = &[
    "\u{1b}[2J\u{1b}[H",
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}]8;;http://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    "\u{1b}]52;c;aGVsbG8=\u{7}",
    "\u{9b}31m",
    "\u{9d}0;title\u{9c}",
    "\u{202e}desrever\u{202c}",
    "\u{7}\u{8}\u{7f}",
    "\u{1b}P+q\u{1b}\\",
];

fn texts() -> Vec<String> {
    let mut v = vec![
        String::new(),
        "Title Only".into(),
        "Council Votes On Budget\n\nBy Ana Ruiz and Tom Lee\n\nMarch 3, 2025\n\n\
         LISBON (Reuters) - \u{201c}We will not wait,\u{201d} Mayor Carla Mendes said on \
         Tuesday.\n\n\u{201c}The plan is ready,\u{201d} she added. \u{201c}It goes on\n\n\
         \u{201c}into the next paragraph.\u{201d}\n\nThe city council said it would vote \
         next week, according to a statement.\n\nShare this article\n\n\u{a9} 2025"
            .into(),
        "\"Straight quotes,\" said John Smith of Acme Corp. in New York. 'Single ones,' \
         he said. \"Unclosed..."
            .into(),
        "\u{ab}Guillemets\u{bb}, dit Marie Curie. \u{201e}Deutsche\u{201c}, sagte er.".into(),
        "a\r\nb\rc\td\u{c}e\u{2028}f\u{85}g".into(),
        "\u{feff}caf\u{e9} na\u{ef}ve \u{1F600} \u{0301}\u{0301} \u{4e2d}\u{6587}\u{201c}\u{5f15}\u{201d}".into(),
        "\u{201c}\u{201d}\u{201c}\u{201d}\"\"''\u{2018}\u{2019}".repeat(20),
        "President Joe Biden said. Dr. Jane Doe, the chief of NASA, said: \"Go.\" WASHINGTON \
         (AP) \u{2014} U.S. officials said."
            .into(),
    ];
    for e in ESCAPES {
        v.push(format!("Headline {e} here\n\nBy Evil{e} Person\n\n\u{201c}Quote {e} text,\u{201d} said Bob {e}Smith."));
    }
    v
}

fn markdowns() -> Vec<String> {
    let mut v = vec![
        "# Heading\n\n*By Ana Ruiz*\n\n> \u{201c}Quoted block,\u{201d} she said.\n\n\
         Some **bold** and _em_ and `code` and [a link](http://x.example/ \"t\") and \
         ![img](a.png).\n\n- list\n- items\n\n1. one\n2. two\n\n```\ncode block \"x\"\n```\n\n---\n"
            .into(),
        "---\ntitle: Front Matter\ndate: 2025-01-02\nauthor: A B\n---\n\nBody \"quote,\" he said.".into(),
        "Setext Title\n============\n\nText &amp; entities &#8220;q&#8221; &#x1b;[31m &#27; &#0; &#xD800; &#1114112;\n".into(),
        "[ref]: http://x.example\n\n<div>html</div> <!-- comment -->\n\n| a | b |\n|---|---|\n| 1 | 2 |".into(),
        "*".repeat(200),
        "[".repeat(100) + &"]".repeat(100),
        "> ".repeat(50) + "deep",
    ];
    for e in ESCAPES {
        v.push(format!(
            "# Title {e}\n\n[link{e}](http://x{e})\n\n\u{201c}Q{e},\u{201d} said Al{e} Gore."
        ));
    }
    v
}

fn htmls() -> Vec<String> {
    let mut v = vec![
        "<!doctype html><html lang=\"en\"><head><title>Page &amp; Title</title>\
         <meta name=\"author\" content=\"Ana Ruiz\"><meta property=\"og:title\" content=\"OG\">\
         <meta property=\"article:published_time\" content=\"2025-03-03T10:00:00Z\">\
         <link rel=\"canonical\" href=\"https://news.example/a\">\
         <script>var s = \"<p>not text</p>\";</script><style>p{}</style></head>\
         <body><nav><a href=/>Home</a></nav><article><h1>Head</h1>\
         <p class=byline>By Ana Ruiz</p><p>&ldquo;We will,&rdquo; said Mayor Carla Mendes.</p>\
         <p>It&#8217;s &#x201C;fine&#x201D; &nbsp; &lt;b&gt; <b>bold</b> <i>it</i><br>line</p>\
         <figure><img src=a.png alt=\"alt\"><figcaption>Caption</figcaption></figure>\
         <blockquote>\u{201c}Block,\u{201d} he said.</blockquote></article>\
         <aside>Related</aside><footer>\u{a9} 2025</footer></body></html>"
            .into(),
        "<p>unclosed <p>para <div><p>nested</div></p></p>".into(),
        "<title>t</title".into(),
        "<p".into(),
        "<!-- <p>commented</p> --><![CDATA[ x ]]><?xml version=\"1.0\"?><p>after</p>".into(),
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"LD\",\
         \"author\":{\"name\":\"Ana\"},\"datePublished\":\"2025-01-01\"}</script><p>x</p>"
            .into(),
        "<div>".repeat(300) + "<p>deep</p>" + &"</div>".repeat(300),
        "<table><tr><td><p>cell &#0; &#xFFFFFF; &#; &amp &unknown; &#1234567890123;</p></td></tr></table>".into(),
        "<P CLASS=\"X\">UPPER</P><pre>  pre\n  text</pre><svg><p>in svg</p></svg><template><p>t</p></template>".into(),
        "<noscript><p>ns</p></noscript><iframe src=x></iframe><form><input value=\"v\"></form>".into(),
        "<p dir=rtl>\u{5e9}\u{5dc}\u{5d5}\u{5dd} &#x202E;rev</p>".into(),
    ];
    for e in ESCAPES {
        v.push(format!("<html><head><title>T{e}</title><meta name=author content=\"A{e}\"></head><body><p>\u{201c}Q{e},\u{201d} said Bo{e}b.</p></body></html>"));
    }
    v.push(
        ESCAPES
            .iter()
            .map(|e| format!("<p>&#27;[31m {}</p>", e.escape_default()))
            .collect(),
    );
    v
}

fn configs() -> Vec<String> {
    vec![
        String::new(),
        "[library]\npaths = [\"/tmp/a\", \"~/news\"]\nindex = \"/tmp/idx\"\n\n[limits]\nmax_file_bytes = 1048576\n".into(),
        "[limits]\nmax_file_bytes = -1\n".into(),
        "[limits]\nmax_file_bytes = 18446744073709551615\n".into(),
        "[keys]\n\n[theme]\n".into(),
        "[library]\npaths = \"not a list\"\n".into(),
        "[library]\ncolour = 1\n".into(),
        "[[library]]\n".into(),
        "a = \"\u{1b}]0;x\u{7}\"\n".into(),
        "[library]\npaths = [\n".into(),
        "[limits]\nmax_file_bytes = 1e3\n\"\u{1b}[2J\" = 1\n".into(),
        "x = { a = [ { b = 1 } ] }\n'''multi\nline'''\n".into(),
        "\u{feff}[library]\r\npaths = []\r\n".into(),
    ]
}

fn write(dir: &Path, items: &[Vec<u8>]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (i, bytes) in items.iter().enumerate() {
        std::fs::write(dir.join(format!("seed-{i:03}")), bytes)?;
    }
    println!("{}: {} seeds", dir.display(), items.len());
    Ok(())
}

fn utf16(s: &str, le: bool) -> Vec<u8> {
    let mut out = if le {
        vec![0xFF, 0xFE]
    } else {
        vec![0xFE, 0xFF]
    };
    for u in s.encode_utf16() {
        out.extend(if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    // load_extract: first byte is the format (0 text, 1 Markdown).
    let mut le = Vec::new();
    for t in texts() {
        le.push([&[0u8][..], t.as_bytes()].concat());
        le.push([&[0u8][..], &utf16(&t, true)].concat());
        le.push([&[0u8][..], &utf16(&t, false)].concat());
    }
    for m in markdowns() {
        le.push([&[1u8][..], m.as_bytes()].concat());
    }
    le.push(vec![
        0, b'c', b'a', b'f', 0xE9, b' ', 0xC3, 0x28, 0xF0, 0x9F,
    ]);
    le.push(vec![1, 0xEF, 0xBB, 0xBF, b'#', b' ', b'x', 0x80]);
    le.push(b"\x00\x89PNG\r\n\x1a\n".to_vec());
    write(&root.join("load_extract"), &le)?;

    let mut html: Vec<Vec<u8>> = htmls().into_iter().map(String::into_bytes).collect();
    html.push(b"<p>caf\xE9 \xC3\x28</p>".to_vec());
    html.push(utf16("<p>\u{201c}utf16,\u{201d} said X.</p>", true));
    html.push(b"<meta charset=\"windows-1252\"><p>\x93quoted\x94 said A.</p>".to_vec());
    write(&root.join("html"), &html)?;

    let cfg: Vec<Vec<u8>> = configs().into_iter().map(String::into_bytes).collect();
    write(&root.join("config"), &cfg)?;

    // markdown: first byte 0 as it is, 2 YAML / 3 TOML front matter up to the first NUL.
    let mut md: Vec<Vec<u8>> = markdowns()
        .iter()
        .map(|m| [&[0u8][..], m.as_bytes()].concat())
        .collect();
    for (fm, text) in front_matters() {
        for fence in [2u8, 3] {
            md.push([&[fence][..], fm.as_bytes(), b"\0", text.as_bytes()].concat());
        }
    }
    md.push([&[0u8][..], &utf16(&markdowns()[0], true)].concat());
    write(&root.join("markdown"), &md)?;

    // index: files separated by 0x1E, each led by a byte for its format (modulo 3: text,
    // Markdown, HTML), name length (bits 2-4) and subfolder (bit 7).
    let (t, m, h) = (texts(), markdowns(), htmls());
    let mut ix: Vec<Vec<u8>> = vec![
        [&[0u8][..], t[2].as_bytes()].concat(),
        [&[1u8][..], m[0].as_bytes()].concat(),
        [&[2u8][..], h[0].as_bytes()].concat(),
    ];
    let same_speaker = [
        "Bridge Opens\n\n\u{201c}It is open,\u{201d} said Mayor Carla Mendes.".to_string(),
        "Bridge Closes\n\n\u{201c}It is shut,\u{201d} Mendes said. Carla Mendes spoke.".to_string(),
    ];
    ix.push(join_files(&[
        (0, same_speaker[0].as_bytes()),
        (0x80 | (2 << 2), same_speaker[1].as_bytes()),
    ]));
    ix.push(join_files(&[
        (0, t[2].as_bytes()),
        (1, m[1].as_bytes()),
        (2 | (3 << 2), h[0].as_bytes()),
        (
            0x80 | (7 << 2),
            b"\xff\xfe\x1b[2J\x9bname\n\nbody with \xe9",
        ),
    ]));
    ix.push(join_files(&[
        (0, b"\x89PNG\r\n\x1a\n"),
        (0, t[3].as_bytes()),
    ]));
    for e in ESCAPES {
        let name = format!("{e}x");
        let name = &name.as_bytes()[..name.len().min(7)];
        let file = format!("No headline, {e} \u{201c}a quote,\u{201d} said Bob {e}Smith.");
        ix.push(join_files(&[(
            ((name.len() as u8) << 2),
            &[name, file.as_bytes()].concat(),
        )]));
    }
    write(&root.join("index"), &ix)?;
    format_seeds(&root)
}

/// Seeds of the five format targets, from the project's own test fixtures
/// (`tests/data/`: written for the tests, no real articles).
fn format_seeds(root: &Path) -> std::io::Result<()> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/data");
    let files_in = |dir: &Path| -> std::io::Result<Vec<Vec<u8>>> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            let mut entries: Vec<_> = std::fs::read_dir(&d)?.collect::<Result<_, _>>()?;
            entries.sort_by_key(|e| e.path());
            for e in entries {
                if e.file_type()?.is_dir() {
                    stack.push(e.path());
                } else {
                    out.push(std::fs::read(e.path())?);
                }
            }
        }
        Ok(out)
    };
    let is_mbox = |b: &Vec<u8>| b.starts_with(b"From ");
    write(&root.join("mhtml"), &files_in(&data.join("mhtml"))?)?;
    let mail = files_in(&data.join("email"))?;
    let messages: Vec<Vec<u8>> = mail.iter().filter(|b| !is_mbox(b)).cloned().collect();
    write(&root.join("email"), &messages)?;
    // mbox: the fixture's mbox, and the single messages joined with "From " lines.
    let mut boxes: Vec<Vec<u8>> = mail.iter().filter(|b| is_mbox(b)).cloned().collect();
    let mut joined = Vec::new();
    for m in &messages {
        joined.extend_from_slice(b"From someone@example.org Mon Mar  3 10:00:00 2025\n");
        joined.extend_from_slice(m);
        joined.extend_from_slice(b"\n");
    }
    boxes.push(joined);
    write(&root.join("mbox"), &boxes)?;
    write(&root.join("feed"), &files_in(&data.join("feeds"))?)?;
    let book = data.join("epub/book");
    let epubs = [zip::CompressionMethod::Stored, zip::CompressionMethod::Deflated]
        .into_iter()
        .map(|method| zip_dir(&book, method))
        .collect::<std::io::Result<Vec<_>>>()?;
    write(&root.join("epub"), &epubs)
}

/// The folder `dir` as a zip file (an EPUB when it holds one): `mimetype` first, then the
/// other files in name order.
fn zip_dir(dir: &Path, method: zip::CompressionMethod) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    let mut names = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d)? {
            let p = e?.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(rel) = p.strip_prefix(dir) {
                names.push(rel.to_string_lossy().into_owned());
            }
        }
    }
    names.sort_by_key(|n| (n != "mimetype", n.clone()));
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(method);
    for n in names {
        w.start_file(n.as_str(), opts).map_err(std::io::Error::other)?;
        w.write_all(&std::fs::read(dir.join(&n))?)?;
    }
    Ok(w.finish().map_err(std::io::Error::other)?.into_inner())
}

fn front_matters() -> Vec<(String, String)> {
    vec![
        (
            "title: \"Front \\\"Matter\\\"\"\nauthor: [Ana Ruiz, 'Tom O''Lee']\ndate: 2025-01-02\n\
             url: https://x.example/a\nlang: en"
                .into(),
            "Front \"Matter\"\n\n\u{201c}Body,\u{201d} he said.".into(),
        ),
        (
            "authors:\n  - name: Ada Mensah\n  - Bo Li\n-\nnot a pair\n# comment\n  indented: x".into(),
            "# Heading\n\ntext".into(),
        ),
        (
            "title = \"T\"\nauthor = [\"A\", { name = \"B\" }]\ndate = 2025-01-02T03:04:05Z\n[extra]\nk = 1"
                .into(),
            "text".into(),
        ),
        ("title = \"unclosed\n".into(), "text".into()),
        (String::new(), String::new()),
        (
            format!("title: T{}\nauthor: A{}", ESCAPES[0], ESCAPES[5]),
            format!("Body {}", ESCAPES[6]),
        ),
    ]
}

fn join_files(files: &[(u8, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, (head, bytes)) in files.iter().enumerate() {
        if i > 0 {
            out.push(0x1E);
        }
        out.push(*head);
        out.extend_from_slice(bytes);
    }
    out
}
