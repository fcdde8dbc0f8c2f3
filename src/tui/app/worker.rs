//! The worker: runs effects off the UI thread (store access, URL opening, the clipboard,
//! exports) and sends their results back as messages.

use super::LoopEvent;
use crate::library::Store;
use crate::tui::effect::Effect;
use crate::tui::msg::Msg;
use std::io::Write;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

/// The worker: runs effects one after another off the UI thread and sends their results
/// back as messages. The receiver is closed (disconnected) once the worker has run every
/// effect sent before the sender was dropped.
pub(super) fn spawn_worker(
    store: Arc<dyn Store>,
    opener: Vec<String>,
    place: crate::tui::export::ExportPlace,
    tx: Sender<LoopEvent>,
) -> (Sender<Effect>, Receiver<()>) {
    let (etx, erx) = mpsc::channel::<Effect>();
    let (done_tx, done_rx) = mpsc::channel::<()>();
    std::thread::Builder::new()
        .name("worker".into())
        .spawn(move || {
            let _done = done_tx;
            while let Ok(first) = erx.recv() {
                // Take what else is waiting too, and fetch each list only once.
                let mut batch = vec![first];
                batch.extend(erx.try_iter());
                let mut seen = Vec::new();
                for effect in batch {
                    let reload = matches!(
                        effect,
                        Effect::LoadArticles
                            | Effect::LoadSpeakers
                            | Effect::LoadSpeakerQuotes { .. }
                    );
                    if reload {
                        if seen.contains(&effect) {
                            continue;
                        }
                        seen.push(effect.clone());
                    }
                    let actions = match effect {
                        Effect::Export(what) => {
                            vec![crate::tui::export::run(store.as_ref(), what, &place)]
                        }
                        other => run_effect_with(store.as_ref(), other, &opener),
                    };
                    for a in actions {
                        if tx.send(LoopEvent::Msg(a)).is_err() {
                            return;
                        }
                    }
                }
            }
        })
        .expect("spawn worker thread");
    (etx, done_rx)
}

/// Runs one effect; the actions it results in (a URL opens with the default opener).
pub fn run_effect(store: &dyn Store, effect: Effect) -> Vec<Msg> {
    let opener = choose_opener(
        None,
        std::env::var("BROWSER").ok().as_deref(),
        cfg!(target_os = "macos"),
    );
    run_effect_with(store, effect, &opener)
}

/// Runs one effect, opening URLs with `opener`; the actions it results in.
pub fn run_effect_with(store: &dyn Store, effect: Effect, opener: &[String]) -> Vec<Msg> {
    let mut out: Vec<Msg> = run_one(store, effect, opener).into_iter().collect();
    if let Some(Msg::ArticlesLoaded(_)) = out.first() {
        let problems = store.problems();
        if !problems.is_empty() {
            out.push(Msg::Notify(format!(
                "{} file(s) could not be read (run `onrecord extract` on them for details)",
                problems.len()
            )));
        }
    }
    out
}

fn run_one(store: &dyn Store, effect: Effect, opener: &[String]) -> Option<Msg> {
    let fail = |what: &str, e: anyhow::Error| {
        Some(Msg::Notify(format!(
            "{what}: {}",
            crate::safe_text::one_line(&format!("{e:#}"), 200)
        )))
    };
    match effect {
        Effect::LoadArticles => match store.articles() {
            Ok(v) => Some(Msg::ArticlesLoaded(v)),
            Err(e) => fail("cannot list articles", e),
        },
        Effect::LoadArticlesAfter(id) => match store.articles_after(id) {
            Ok(v) => Some(Msg::ArticlesAdded(v)),
            Err(e) => fail("cannot list articles", e),
        },
        Effect::LoadArticle(id) => match store.open(id) {
            Ok((article, analysis)) => Some(Msg::ArticleLoaded {
                id,
                article: Box::new(article),
                analysis: Box::new(analysis),
            }),
            Err(e) => fail("cannot open article", e),
        },
        // Quiet when it fails: the list, fetched with it, shows what became of the file.
        Effect::ReloadArticle(id) => {
            store
                .open(id)
                .ok()
                .map(|(article, analysis)| Msg::ArticleReloaded {
                    id,
                    article: Box::new(article),
                    analysis: Box::new(analysis),
                })
        }
        Effect::LoadSpeakers => match store.speakers() {
            Ok(v) => Some(Msg::SpeakersLoaded(v)),
            Err(e) => fail("cannot list speakers", e),
        },
        Effect::LoadSpeakerQuotes { speaker, limit } => {
            match store.quotes_page(&speaker, None, limit) {
                Ok(page) => Some(Msg::SpeakerQuotesLoaded { speaker, page }),
                Err(e) => fail("cannot list quotes", e),
            }
        }
        Effect::LoadMoreSpeakerQuotes { speaker, after } => {
            match store.quotes_page(&speaker, Some(&after), crate::tui::state::QUOTE_PAGE) {
                Ok(page) => Some(Msg::SpeakerQuotesMore {
                    speaker,
                    after,
                    page,
                }),
                Err(e) => Some(Msg::SpeakerQuotesFailed {
                    speaker,
                    message: format!("cannot list more quotes: {e:#}"),
                }),
            }
        }
        Effect::SearchLibrary(q) => match store.search(&q, 500) {
            Ok(hits) => Some(Msg::SearchResults { query: q, hits }),
            Err(e) => fail("search failed", e),
        },
        Effect::SetRead(id) => match store.set_read(id, true) {
            Ok(()) => None,
            Err(e) => fail("cannot save reading state", e),
        },
        Effect::MarkRead { ids, read } => match store.set_read_many(&ids, read) {
            Ok(()) => None,
            Err(e) => fail("cannot save reading state", e),
        },
        Effect::Star { id, starred } => match store.set_starred(id, starred) {
            Ok(()) => None,
            Err(e) => fail("cannot save the star", e),
        },
        Effect::OpenUrl(url) => match open_url(&url, opener) {
            Ok(()) => Some(Msg::Notify(format!(
                "opening {}",
                crate::safe_text::one_line(&url, 100)
            ))),
            Err(e) => fail("cannot open the URL", e),
        },
        Effect::Copy(text) => match copy_osc52(&text) {
            Ok(()) => Some(Msg::Notify("quote copied".into())),
            Err(e) => fail("cannot copy", e.into()),
        },
        Effect::CopyUrl(url) => match copy_osc52(&url) {
            Ok(()) => Some(Msg::Notify(format!(
                "copied {}",
                crate::safe_text::one_line(&url, 100)
            ))),
            Err(e) => fail("cannot copy", e.into()),
        },
        // Run by the event loop, which owns the terminal.
        Effect::OpenFile { .. } => None,
        e @ (Effect::RenameSpeaker { .. } | Effect::UndoSpeakerEdit) => {
            crate::tui::speaker_edit::run(store, e)
        }
        // Run by the worker with the export folder (see `spawn_worker`).
        Effect::Export(_) => None,
        Effect::Suspend | Effect::Quit => None,
    }
}

/// The command `o` opens web addresses with: the `[reader] browser` config key, else
/// `$BROWSER` (its first entry when it lists several, separated by `:`), else the platform
/// opener (`open` on macOS, `xdg-open` elsewhere). A command is a program and its
/// arguments split at spaces: it never goes through a shell. Empty values count as unset.
pub fn choose_opener(
    configured: Option<&str>,
    browser_env: Option<&str>,
    macos: bool,
) -> Vec<String> {
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(str::to_string).collect() };
    if let Some(c) = configured.map(words).filter(|w| !w.is_empty()) {
        return c;
    }
    if let Some(b) = browser_env.and_then(|b| b.split(':').map(words).find(|w| !w.is_empty())) {
        return b;
    }
    vec![if macos { "open" } else { "xdg-open" }.to_string()]
}

/// The program and arguments that open `url` with `opener`: the URL is one argument, in
/// place of `%s` when the command has one, else last.
pub fn opener_command(opener: &[String], url: &str) -> (String, Vec<String>) {
    let (program, args) = match opener.split_first() {
        Some((p, a)) => (p.clone(), a.to_vec()),
        None => ("xdg-open".to_string(), Vec::new()),
    };
    let mut placed = false;
    let mut args: Vec<String> = args
        .into_iter()
        .map(|a| {
            if a.contains("%s") {
                placed = true;
                a.replace("%s", url)
            } else {
                a
            }
        })
        .collect();
    if !placed {
        args.push(url.to_string());
    }
    (program, args)
}

/// Opens a web URL with `opener` ([`choose_opener`]): the URL is one argument, no shell.
pub fn open_url(url: &str, opener: &[String]) -> anyhow::Result<()> {
    if !crate::tui::outside::is_web_url(url) {
        anyhow::bail!("not a web address");
    }
    let (program, args) = opener_command(opener, url);
    let mut child = std::process::Command::new(&program)
        .args(&args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| anyhow::anyhow!("{}: {e}", crate::safe_text::one_line(&program, 100)))?;
    // Reap it without making the worker wait for the browser.
    std::thread::spawn(move || child.wait());
    Ok(())
}

/// The OSC 52 sequence that puts `text` on the clipboard; the text goes through the output
/// policy first ([`crate::safe_text::clipboard`]): one line, no control character.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    let text = crate::safe_text::clipboard(text);
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{b64}\x07")
}

fn copy_osc52(text: &str) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_is_base64_of_the_text() {
        let s = osc52("“Hi,” — Ana");
        assert!(s.starts_with("\x1b]52;c;"));
        assert!(s.ends_with('\x07'));
        let b64 = &s[7..s.len() - 1];
        use base64::Engine;
        let back = base64::engine::general_purpose::STANDARD
            .decode(b64)
            .unwrap();
        assert_eq!(String::from_utf8(back).unwrap(), "“Hi,” — Ana");
        // Nothing but the base64 alphabet between the markers.
        assert!(
            b64.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c))
        );
    }

    #[test]
    fn the_clipboard_payload_cannot_end_a_bracketed_paste_or_run_a_command() {
        let s = osc52("\u{201c}Hi\u{201d} \u{2014} Ana, x\u{1b}[201~\ntouch PWNED\nnote.txt");
        use base64::Engine;
        let payload = base64::engine::general_purpose::STANDARD
            .decode(&s[7..s.len() - 1])
            .unwrap();
        let payload = String::from_utf8(payload).unwrap();
        assert!(
            !payload.chars().any(crate::safe_text::is_unsafe),
            "{payload:?}"
        );
        assert!(
            payload.contains("touch PWNED"),
            "the text is kept: {payload:?}"
        );
    }

    #[test]
    fn refuses_non_web_urls_before_running_anything() {
        let opener = vec!["xdg-open".to_string()];
        assert!(open_url("file:///etc/passwd", &opener).is_err());
        assert!(open_url("https://a b", &opener).is_err());
    }

    #[test]
    fn the_opener_is_the_config_key_then_browser_then_the_platform_opener() {
        let v = |s: &[&str]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // The config key first, then $BROWSER, then the platform's opener.
        assert_eq!(
            choose_opener(Some("firefox --new-tab"), Some("w3m"), false),
            v(&["firefox", "--new-tab"])
        );
        assert_eq!(choose_opener(None, Some("w3m"), false), v(&["w3m"]));
        assert_eq!(choose_opener(Some("  "), Some("w3m"), true), v(&["w3m"]));
        assert_eq!(choose_opener(None, None, false), v(&["xdg-open"]));
        assert_eq!(choose_opener(None, None, true), v(&["open"]));
        assert_eq!(choose_opener(None, Some(""), false), v(&["xdg-open"]));
        // $BROWSER may list several commands: the first one.
        assert_eq!(
            choose_opener(None, Some(":lynx -dump:links"), false),
            v(&["lynx", "-dump"])
        );
        // The URL is one argument, as written: last, or where `%s` is.
        let url = "https://x.example/a?b=$(touch PWNED);`c` d";
        assert_eq!(
            opener_command(&v(&["firefox", "--new-tab"]), url),
            ("firefox".to_string(), v(&["--new-tab", url]))
        );
        assert_eq!(
            opener_command(&v(&["browser", "--url=%s", "--x"]), url),
            ("browser".to_string(), v(&[&format!("--url={url}"), "--x"]))
        );
        assert_eq!(
            opener_command(&v(&["xdg-open"]), url),
            ("xdg-open".to_string(), v(&[url]))
        );
    }
}
