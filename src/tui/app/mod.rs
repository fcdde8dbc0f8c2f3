//! Running the reader: the terminal it owns ([`terminal`]), the worker that runs effects
//! ([`worker`]), background indexing ([`background`]) and the event loop that ties them
//! to the update function ([`event_loop`]).

pub mod background;
pub mod event_loop;
pub mod terminal;
pub mod worker;

pub use background::{Library, msg_for_index_event};
pub use event_loop::{action_for_event, run};
pub use terminal::{
    FrameWriter, TerminalGuard, check_terminal, install_panic_hook, io_error_means_terminal_gone,
    restore_terminal, terminal_gone,
};
pub use worker::{choose_opener, open_url, opener_command, osc52, run_effect, run_effect_with};

use super::msg::Msg;
use crossterm::event::Event;

/// Everything the event loop waits for.
enum LoopEvent {
    Term(Event),
    Msg(Msg),
    /// SIGTERM, SIGHUP, SIGINT: leave cleanly.
    Terminate,
    InputClosed,
}
