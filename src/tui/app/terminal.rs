//! The terminal, owned by the reader while it runs: entering and leaving its mode,
//! giving it to a program (editor, pager) or to the shell (Ctrl-Z) and taking it back,
//! restoring it on panic, on a signal and when [`TerminalGuard`] is dropped, and the input
//! and signal threads that only read it while the reader holds it.

use super::LoopEvent;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

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

pub(super) type Term = Terminal<CrosstermBackend<FrameWriter>>;

/// Whether the input thread may read the terminal: only while the reader holds it. Once the
/// terminal is given back (quit, signal, panic, Ctrl-Z), what is typed belongs to the shell,
/// even though the process still takes a moment to exit or stop.
static READING_INPUT: AtomicBool = AtomicBool::new(false);

/// Held by the input thread while it looks at the terminal's input (see `spawn_input`).
static INPUT_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Whether the reader is on the alternate screen (so leaving it has something to clear).
static ON_ALTERNATE_SCREEN: AtomicBool = AtomicBool::new(false);

/// Puts the terminal into the reader's mode.
pub(super) fn enter_terminal() -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(std::io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    ON_ALTERNATE_SCREEN.store(true, Ordering::SeqCst);
    READING_INPUT.store(true, Ordering::SeqCst);
    Ok(())
}

/// The terminal in the reader's mode until [`TerminalGuard::leave`], or until the guard
/// is dropped without it (an early return, or unwinding when no panic hook restored the
/// terminal already).
pub struct TerminalGuard {
    left: bool,
}

impl TerminalGuard {
    /// Puts the terminal into the reader's mode.
    pub fn enter() -> std::io::Result<TerminalGuard> {
        enter_terminal()?;
        Ok(TerminalGuard { left: false })
    }

    /// Gives the terminal back as it was.
    pub fn leave(mut self) {
        self.left = true;
        restore_terminal();
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        // While unwinding, the panic hook ([`install_panic_hook`]) has given the terminal
        // back already: leaving the alternate screen a second time would move the cursor
        // back over the panic message.
        let restored_by_hook =
            std::thread::panicking() && !ON_ALTERNATE_SCREEN.load(Ordering::SeqCst);
        if !self.left && !restored_by_hook {
            restore_terminal();
        }
    }
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

/// A terminal on a cleared screen, with nothing drawn yet (so the next draw is complete).
/// (`Terminal::clear` would ask the terminal for the cursor position, which cannot be
/// read while the input thread waits for events.)
pub(super) fn new_terminal() -> anyhow::Result<Term> {
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

/// Set when a SIGINT is delivered while [`OUTSIDE`] is: that Ctrl-C was for the program,
/// even when the signal thread reads it only after the program ended (its check of
/// `OUTSIDE` comes later than the delivery, and the program may end first).
static SIGINT_WHILE_OUTSIDE: AtomicBool = AtomicBool::new(false);

/// Gives the terminal to `program` (run with `args`, no shell) until it ends, then takes
/// it back; a message when the program could not run or failed.
pub(super) fn run_outside(
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
pub(super) fn suspend(terminal: &mut Term) -> anyhow::Result<()> {
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
pub(super) fn close_terminal(mut terminal: Term) {
    if terminal.show_cursor().is_err() {
        std::mem::forget(terminal);
    }
}

/// How long the input thread waits for an event before looking at [`READING_INPUT`] again.
const INPUT_PAUSE: std::time::Duration = std::time::Duration::from_millis(25);

pub(super) fn spawn_input(tx: Sender<LoopEvent>) {
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

pub(super) fn spawn_signals(tx: Sender<LoopEvent>) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    // SAFETY: the action only loads and stores atomics, which is async-signal-safe.
    unsafe {
        signal_hook::low_level::register(SIGINT, || {
            if OUTSIDE.load(Ordering::SeqCst) {
                SIGINT_WHILE_OUTSIDE.store(true, Ordering::SeqCst);
            }
        })?;
    }
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if signal == SIGINT
                    && (SIGINT_WHILE_OUTSIDE.swap(false, Ordering::SeqCst)
                        || OUTSIDE.load(Ordering::SeqCst))
                {
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
