//! The event loop: sets the reader up, turns terminal events into actions, applies them
//! and messages with the update function, runs the effects that need the terminal, and
//! redraws when something changed.

use super::LoopEvent;
use super::background::{Library, start_background};
use super::terminal::{
    Term, TerminalGuard, check_terminal, close_terminal, install_panic_hook, new_terminal,
    run_outside, spawn_input, spawn_signals, suspend, terminal_gone,
};
use super::worker::{choose_opener, spawn_worker};
use crate::library::indexer::Gate;
use crate::tui::action::Action;
use crate::tui::command::Command;
use crate::tui::effect::Effect;
use crate::tui::keymap::Keymap;
use crate::tui::msg::Msg;
use crate::tui::settings::Settings;
use crate::tui::state::State;
use crate::tui::theme::Theme;
use crate::tui::update::update;
use crate::tui::view;
use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind};
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

/// Runs the reader until the user quits.
pub fn run(library: Library, settings: Settings<'_>, notices: Vec<String>) -> anyhow::Result<()> {
    check_terminal()?;
    let keymap = Keymap::new(settings.keys);
    let mode = Theme::detect(settings.theme.colors, &|k| std::env::var(k).ok());
    let theme = Theme::new(settings.theme, mode);
    let mut state = State::new(keymap, theme);
    state.reading_width = usize::from(settings.reader.reading_width);

    let (tx, rx) = mpsc::channel::<LoopEvent>();
    let store = match &library {
        Library::Fixed(s) | Library::Indexed { store: s, .. } => s.clone(),
    };
    let opener = choose_opener(
        settings.reader.browser.as_deref(),
        std::env::var("BROWSER").ok().as_deref(),
        cfg!(target_os = "macos"),
    );
    let roots = match &library {
        Library::Indexed { roots, .. } => roots.clone(),
        Library::Fixed(_) => crate::sample::dir().into_iter().collect(),
    };
    let place = crate::tui::export::ExportPlace::new(roots);
    let (effects, worker_done) = spawn_worker(store, opener, place, tx.clone());
    spawn_signals(tx.clone())?;
    for n in notices {
        let _ = tx.send(LoopEvent::Msg(Msg::Notify(n)));
    }

    install_panic_hook();
    let held = TerminalGuard::enter()?;
    let result = (|| -> anyhow::Result<()> {
        let mut terminal = new_terminal()?;
        let gate = Gate::default();
        let _background = start_background(&library, &tx, &gate);
        spawn_input(tx);
        let size = terminal.size()?;
        update(&mut state, Action::Resize(size.width, size.height));
        effects.send(Effect::LoadArticles).ok();
        let programs = crate::tui::outside::Programs::from_env(&|k| std::env::var(k).ok());
        let result = event_loop(&mut terminal, &mut state, &rx, &effects, &gate, &programs);
        close_terminal(terminal);
        result
    })();
    held.leave();
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
    programs: &crate::tui::outside::Programs,
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
    programs: &crate::tui::outside::Programs,
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
