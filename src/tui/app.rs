//! The event loop: terminal set-up and restore, input and signal threads, the worker that
//! runs effects, and the translation of terminal events into actions.

use super::action::Action;
use super::command::Command;
use super::effect::Effect;
use super::keymap::Keymap;
use super::msg::Msg;
use super::state::State;
use super::theme::Theme;
use super::update::update;
use super::view;
use crate::config::Config;
use crate::library::Store;
use crate::library::indexer::{Gate, IndexEvent, IndexOptions, Indexer};
use crate::library::watch::LibraryWatcher;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers,
    MouseButton, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

/// Turns a terminal event into an action, if it means one.
pub fn action_for_event(state: &State, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            if state.prompt.is_some() {
                // The prompt's editing keys, else a character typed.
                if let Some(c) = state.keymap.prompt_action_for(k) {
                    return Some(Action::Command(c));
                }
                let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
                return match k.code {
                    KeyCode::Char(c) if !ctrl => Some(Action::PromptChar(c)),
                    _ => None,
                };
            }
            state.keymap.action_for(k).map(Action::Command)
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                lines: 1,
            }),
            MouseEventKind::ScrollUp => Some(Action::Scroll {
                column: m.column,
                row: m.row,
                lines: -1,
            }),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
        _ => None,
    }
}

/// Everything the event loop waits for.
enum LoopEvent {
    Term(Event),
    Msg(Msg),
    /// SIGTERM, SIGHUP, SIGINT: leave cleanly.
    Terminate,
    InputClosed,
}

/// Writes a frame in one go: buffered, then written under the stdout lock on flush, so
/// the worker's OSC 52 writes never land in the middle of a frame.
#[derive(Default)]
pub struct FrameWriter {
    buf: Vec<u8>,
}

impl Write for FrameWriter {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(data);
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let mut out = std::io::stdout().lock();
        out.write_all(&self.buf)?;
        self.buf.clear();
        out.flush()
    }
}

type Term = Terminal<CrosstermBackend<FrameWriter>>;

/// Whether the input thread may read the terminal: only while the reader holds it. Once the
/// terminal is given back (quit, signal, panic, Ctrl-Z), what is typed belongs to the shell,
/// even though the process still takes a moment to exit or stop.
static READING_INPUT: AtomicBool = AtomicBool::new(false);

/// Held by the input thread while it looks at the terminal's input (see `spawn_input`).
static INPUT_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Whether the reader is on the alternate screen (so leaving it has something to clear).
static ON_ALTERNATE_SCREEN: AtomicBool = AtomicBool::new(false);

/// Puts the terminal into the reader's mode.
fn enter_terminal() -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(std::io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    ON_ALTERNATE_SCREEN.store(true, Ordering::SeqCst);
    READING_INPUT.store(true, Ordering::SeqCst);
    Ok(())
}

/// Gives the terminal back as it was. Safe to call more than once.
///
/// The alternate screen is cleared before it is left: a terminal resized while the reader
/// ran reflows the frame to the size the shell's screen was saved at when it swaps back
/// (tmux does), and rows of a full-width frame then land above the shell's output. An
/// empty screen has nothing to reflow.
pub fn restore_terminal() {
    READING_INPUT.store(false, Ordering::SeqCst);
    // Wait for a poll under way to end (it lasts INPUT_PAUSE): after this, the input
    // thread reads nothing more. Bounded: a terminal that went away must not hold the exit
    // up; a poisoned lock (a panic while polling) is as good as a free one.
    let start = std::time::Instant::now();
    while start.elapsed() < 4 * INPUT_PAUSE {
        match INPUT_LOCK.try_lock() {
            Ok(_) | Err(std::sync::TryLockError::Poisoned(_)) => break,
            Err(std::sync::TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(1))
            }
        }
    }
    let mut out = std::io::stdout();
    if ON_ALTERNATE_SCREEN.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            out,
            crossterm::style::ResetColor,
            crossterm::terminal::Clear(crossterm::terminal::ClearType::All),
            crossterm::cursor::MoveTo(0, 0)
        );
    }
    let _ = execute!(
        out,
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

/// Restores the terminal before the default panic message is printed.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
}

/// Where the reader's articles come from.
pub enum Library {
    /// A store that is complete as it is (the sample library, an in-memory library).
    Fixed(Arc<dyn Store>),
    /// The SQLite index of library folders: brought up to date in the background while the
    /// reader is already usable, and kept up to date while it runs (files added, changed
    /// or removed show up without a restart).
    Indexed {
        store: Arc<dyn Store>,
        roots: Vec<PathBuf>,
        db: PathBuf,
        opts: IndexOptions,
    },
}

/// What a background indexing event means for the reader.
pub fn msg_for_index_event(ev: IndexEvent) -> Option<Msg> {
    match ev {
        IndexEvent::Notice(n) => Some(Msg::Notify(n)),
        IndexEvent::Planned { total, .. } => Some(Msg::IndexProgress { done: 0, total }),
        IndexEvent::Progress { done, total } => Some(Msg::IndexProgress { done, total }),
        IndexEvent::Committed { .. } => Some(Msg::ArticlesCommitted),
        IndexEvent::Removed { .. } => Some(Msg::LibraryChanged),
        IndexEvent::Finished(summary) => {
            let mut problems = Vec::new();
            if summary.failed > 0 {
                problems.push(format!(
                    "{} file(s) could not be read (listed in {})",
                    summary.failed,
                    crate::config::log::path().display()
                ));
            }
            problems.extend(summary.scan_errors.iter().take(1).cloned());
            problems.extend(summary.notices.iter().cloned());
            let changed = summary.new + summary.changed + summary.reextracted + summary.removed;
            let message = if !problems.is_empty() {
                Some(problems.join("; "))
            } else if changed > 0 {
                Some(format!("library updated: {}", summary.line()))
            } else {
                None
            };
            let only_added = summary.changed + summary.reextracted + summary.removed == 0;
            Some(Msg::IndexFinished {
                message,
                only_added,
            })
        }
        IndexEvent::Failed(e) => Some(Msg::IndexFinished {
            message: Some(format!("indexing failed: {e}")),
            only_added: false,
        }),
    }
}

/// Starts indexing and watching; the handles stop them when dropped.
fn start_background(
    library: &Library,
    tx: &Sender<LoopEvent>,
    gate: &Gate,
) -> (Option<Indexer>, Option<LibraryWatcher>) {
    let Library::Indexed {
        roots, db, opts, ..
    } = library
    else {
        return (None, None);
    };
    let send = |tx: Sender<LoopEvent>| {
        move |ev: IndexEvent| {
            // Which files failed, for later: the status bar only has room for a count.
            if let IndexEvent::Finished(summary) = &ev {
                let lines: Vec<String> = summary
                    .scan_errors
                    .iter()
                    .chain(summary.failures.iter().map(|(_, m)| m))
                    .map(|m| format!("index: {m}"))
                    .collect();
                let _ = crate::config::log::append(&lines);
            }
            if let Some(a) = msg_for_index_event(ev) {
                let _ = tx.send(LoopEvent::Msg(a));
            }
        }
    };
    // The index pass waits for the first article list (at most 2 s): see `Gate`.
    let indexer = Indexer::spawn_gated(
        roots.clone(),
        db.clone(),
        opts.clone(),
        gate.clone(),
        std::time::Duration::from_secs(2),
        send(tx.clone()),
    );
    let watcher = match LibraryWatcher::spawn(roots, db.clone(), opts.clone(), send(tx.clone())) {
        Ok(w) => Some(w),
        Err(e) => {
            let _ = tx.send(LoopEvent::Msg(Msg::Notify(format!(
                "not watching the library for changes: {e:#}"
            ))));
            None
        }
    };
    (Some(indexer), watcher)
}

/// The reader needs a terminal on stdin and stdout.
pub fn check_terminal() -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; for output to a pipe use `onrecord extract` or `onrecord keys`"
        );
    }
    Ok(())
}

/// Runs the reader until the user quits.
pub fn run(library: Library, config: &Config, notices: Vec<String>) -> anyhow::Result<()> {
    check_terminal()?;
    let keymap = Keymap::new(&config.keys);
    let mode = Theme::detect(config.theme.colors, &|k| std::env::var(k).ok());
    let theme = Theme::new(&config.theme, mode);
    let mut state = State::new(keymap, theme);
    state.reading_width = usize::from(config.reader.reading_width);

    let (tx, rx) = mpsc::channel::<LoopEvent>();
    let store = match &library {
        Library::Fixed(s) | Library::Indexed { store: s, .. } => s.clone(),
    };
    let opener = choose_opener(
        config.reader.browser.as_deref(),
        std::env::var("BROWSER").ok().as_deref(),
        cfg!(target_os = "macos"),
    );
    let roots = match &library {
        Library::Indexed { roots, .. } => roots.clone(),
        Library::Fixed(_) => crate::sample::dir().into_iter().collect(),
    };
    let place = super::export::ExportPlace::new(roots);
    let (effects, worker_done) = spawn_worker(store, opener, place, tx.clone());
    spawn_signals(tx.clone())?;
    for n in notices {
        let _ = tx.send(LoopEvent::Msg(Msg::Notify(n)));
    }

    install_panic_hook();
    enter_terminal()?;
    let result = (|| -> anyhow::Result<()> {
        let mut terminal = new_terminal()?;
        let gate = Gate::default();
        let _background = start_background(&library, &tx, &gate);
        spawn_input(tx);
        let size = terminal.size()?;
        update(&mut state, Action::Resize(size.width, size.height));
        effects.send(Effect::LoadArticles).ok();
        let programs = super::outside::Programs::from_env(&|k| std::env::var(k).ok());
        let result = event_loop(&mut terminal, &mut state, &rx, &effects, &gate, &programs);
        close_terminal(terminal);
        result
    })();
    restore_terminal();
    // What the worker still has to do (marking the article read) is done before leaving,
    // within a bound: a slow store never holds the exit up for long.
    drop(effects);
    let _ = worker_done.recv_timeout(std::time::Duration::from_millis(500));
    match result {
        // The terminal went away (a closed window or ssh connection): a normal exit, with
        // nothing to print and nowhere to print it.
        Err(e) if terminal_gone(&e) => Ok(()),
        other => other,
    }
}

/// Set when the terminal hung up (SIGHUP): from then on, failing to read or write it is
/// the expected way out, not an error.
static HUNG_UP: AtomicBool = AtomicBool::new(false);

/// Whether `e` comes from a terminal that is gone: after SIGHUP, or an I/O error that means
/// the terminal was closed (EIO, ENXIO, a broken pipe, end of input).
pub fn terminal_gone(e: &anyhow::Error) -> bool {
    HUNG_UP.load(Ordering::SeqCst)
        || e.chain().any(|c| {
            c.downcast_ref::<std::io::Error>()
                .is_some_and(io_error_means_terminal_gone)
        })
}

/// An I/O error that a closed terminal gives.
pub fn io_error_means_terminal_gone(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::*;
    #[cfg(unix)]
    if matches!(
        e.raw_os_error(),
        Some(libc::EIO | libc::ENXIO | libc::EBADF)
    ) {
        return true;
    }
    matches!(e.kind(), BrokenPipe | UnexpectedEof | WriteZero)
}

/// Test hook: with `ONRECORD_PANIC_ON_KEY=c` in the environment, pressing `c` panics inside
/// the event loop, so the end-to-end tests can prove on the real binary that a panic leaves
/// the terminal restored. Unset (always, for users), nothing changes.
fn panic_key() -> Option<char> {
    static KEY: std::sync::OnceLock<Option<char>> = std::sync::OnceLock::new();
    *KEY.get_or_init(|| {
        std::env::var("ONRECORD_PANIC_ON_KEY")
            .ok()
            .and_then(|v| v.chars().next())
    })
}

fn event_loop(
    terminal: &mut Term,
    state: &mut State,
    rx: &Receiver<LoopEvent>,
    effects: &Sender<Effect>,
    list_gate: &Gate,
    programs: &super::outside::Programs,
) -> anyhow::Result<()> {
    terminal.draw(|f| view::draw(f, state))?;
    loop {
        let msg = rx.recv()?;
        let mut changed = handle(terminal, state, msg, effects, list_gate, programs)?;
        // Apply whatever else is already waiting before drawing once.
        while !state.quit {
            match rx.try_recv() {
                Ok(m) => changed |= handle(terminal, state, m, effects, list_gate, programs)?,
                Err(_) => break,
            }
        }
        if state.quit {
            return Ok(());
        }
        if changed {
            terminal.draw(|f| view::draw(f, state))?;
        }
    }
}

/// Applies one message; true when the state changed (a redraw is due). The first article
/// list opens `list_gate` (the background index pass waits for it).
fn handle(
    terminal: &mut Term,
    state: &mut State,
    msg: LoopEvent,
    effects: &Sender<Effect>,
    list_gate: &Gate,
    programs: &super::outside::Programs,
) -> anyhow::Result<bool> {
    if let LoopEvent::Msg(Msg::ArticlesLoaded(_)) = &msg {
        list_gate.open();
    }
    if let LoopEvent::Term(Event::Key(k)) = &msg
        && k.kind == KeyEventKind::Press
        && panic_key().is_some_and(|c| k.code == KeyCode::Char(c))
    {
        panic!("panic requested with ONRECORD_PANIC_ON_KEY");
    }
    let actions: Vec<Action> = match msg {
        LoopEvent::Term(Event::Paste(s)) if state.prompt.is_some() => s
            .chars()
            .filter(|c| !c.is_control())
            .map(Action::PromptChar)
            .collect(),
        LoopEvent::Term(ev) => action_for_event(state, &ev).into_iter().collect(),
        LoopEvent::Msg(m) => vec![Action::Msg(m)],
        LoopEvent::Terminate | LoopEvent::InputClosed => vec![Action::Command(Command::Quit)],
    };
    let changed = !actions.is_empty();
    for a in actions {
        if let Action::Resize(..) = a {
            terminal.autoresize()?;
        }
        for e in update(state, a) {
            match e {
                Effect::Quit => state.quit = true,
                Effect::Suspend => suspend(terminal)?,
                Effect::OpenFile { viewer, path } => {
                    let (program, args) = programs.command(viewer, &path);
                    let message = run_outside(terminal, &program, &args)?;
                    let size = terminal.size()?;
                    update(state, Action::Resize(size.width, size.height));
                    if let Some(m) = message {
                        update(state, Msg::Notify(m));
                    }
                }
                other => {
                    effects.send(other).ok();
                }
            }
        }
    }
    Ok(changed)
}

/// A terminal on a cleared screen, with nothing drawn yet (so the next draw is complete).
/// (`Terminal::clear` would ask the terminal for the cursor position, which cannot be
/// read while the input thread waits for events.)
fn new_terminal() -> anyhow::Result<Term> {
    execute!(
        std::io::stdout(),
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )?;
    Ok(Terminal::new(
        CrosstermBackend::new(FrameWriter::default()),
    )?)
}

/// Set while a program the reader started (editor, pager) has the terminal: Ctrl-C there is
/// for that program, not a reason for the reader to quit.
static OUTSIDE: AtomicBool = AtomicBool::new(false);

/// Gives the terminal to `program` (run with `args`, no shell) until it ends, then takes
/// it back; a message when the program could not run or failed.
fn run_outside(
    terminal: &mut Term,
    program: &str,
    args: &[std::ffi::OsString],
) -> anyhow::Result<Option<String>> {
    restore_terminal();
    OUTSIDE.store(true, Ordering::SeqCst);
    let status = std::process::Command::new(program).args(args).status();
    OUTSIDE.store(false, Ordering::SeqCst);
    enter_terminal()?;
    close_terminal(std::mem::replace(terminal, new_terminal()?));
    let shown = crate::safe_text::one_line(program, 100);
    Ok(match status {
        Ok(s) if s.success() => None,
        Ok(s) => Some(format!("{shown} ended with {s}")),
        Err(e) => Some(format!("cannot run {shown}: {e}")),
    })
}

/// Ctrl-Z: restore the terminal, stop, and take it back when the shell continues us.
fn suspend(terminal: &mut Term) -> anyhow::Result<()> {
    restore_terminal();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter_terminal()?;
    close_terminal(std::mem::replace(terminal, new_terminal()?));
    Ok(())
}

/// Drops a terminal without a word on stderr. Ratatui's `Drop` shows the cursor and, when
/// that fails (the terminal is gone), prints with `eprintln!`, which panics when stderr is
/// gone too; `restore_terminal` shows the cursor anyway, so a terminal that cannot is
/// forgotten instead (the process is about to end).
fn close_terminal(mut terminal: Term) {
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
    }
}

/// How long the input thread waits for an event before looking at [`READING_INPUT`] again.
const INPUT_PAUSE: std::time::Duration = std::time::Duration::from_millis(25);

fn spawn_input(tx: Sender<LoopEvent>) {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                // Polls (rather than blocking in `read`) so that it stops reading as soon as
                // the terminal is given back; each poll holds INPUT_LOCK, which
                // `restore_terminal` takes, so no byte is read once the terminal is the
                // shell's (what is typed right after quitting reaches the shell).
                let guard = INPUT_LOCK.lock().unwrap_or_else(|p| p.into_inner());
                if !READING_INPUT.load(Ordering::SeqCst) {
                    drop(guard);
                    std::thread::sleep(INPUT_PAUSE);
                    continue;
                }
                let polled = event::poll(INPUT_PAUSE);
                drop(guard);
                match polled {
                    Ok(false) => continue,
                    Ok(true) if !READING_INPUT.load(Ordering::SeqCst) => continue,
                    Ok(true) => {}
                    Err(_) => {
                        let _ = tx.send(LoopEvent::InputClosed);
                        return;
                    }
                }
                match event::read() {
                    Ok(ev) => {
                        if tx.send(LoopEvent::Term(ev)).is_err() {
                            return;
                        }
                    }
                    Err(_) => {
                        let _ = tx.send(LoopEvent::InputClosed);
                        return;
                    }
                }
            }
        })
        .expect("spawn input thread");
}

fn spawn_signals(tx: Sender<LoopEvent>) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if signal == SIGINT && OUTSIDE.load(Ordering::SeqCst) {
                    continue;
                }
                if signal == SIGHUP {
                    HUNG_UP.store(true, Ordering::SeqCst);
                }
                let _ = tx.send(LoopEvent::Terminate);
                break;
            }
        })?;
    Ok(())
}

/// The worker: runs effects one after another off the UI thread and sends their results
/// back as actions. The receiver is closed (disconnected) once the worker has run every
/// effect sent before the sender was dropped.
fn spawn_worker(
    store: Arc<dyn Store>,
    opener: Vec<String>,
    place: super::export::ExportPlace,
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
                            vec![super::export::run(store.as_ref(), what, &place)]
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
            match store.quotes_page(&speaker, Some(&after), super::state::QUOTE_PAGE) {
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
            super::speaker_edit::run(store, e)
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
    if !super::outside::is_web_url(url) {
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
