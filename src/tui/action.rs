//! Actions: everything that can change the reader's state, the input of
//! [`super::update::update`].
//!
//! An action is a [`Command`] (what a key is bound to), an event from the terminal
//! (typing into the prompt, the mouse, a resize), or a [`Msg`] sent back by the worker, so
//! the update function is the only place where state changes.

pub use super::command::Command;
pub use super::msg::Msg;

/// One thing that happens to the reader.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A command, from a key.
    Command(Command),
    /// Typing into the prompt line.
    PromptChar(char),
    /// The terminal's new size.
    Resize(u16, u16),
    /// A left click.
    Click { column: u16, row: u16 },
    /// The mouse wheel: `lines` down (negative: up).
    Scroll { column: u16, row: u16, lines: i32 },
    /// A result from the worker or a notice.
    Msg(Msg),
}

impl Action {
    /// Whether the user did this (a key, typing, the mouse), as opposed to the terminal or
    /// the worker: user input clears the status message and goes to the help when it is open.
    pub fn is_user_input(&self) -> bool {
        !matches!(self, Action::Msg(_) | Action::Resize(..))
    }
}

impl From<Command> for Action {
    fn from(c: Command) -> Action {
        Action::Command(c)
    }
}

impl From<Msg> for Action {
    fn from(m: Msg) -> Action {
        Action::Msg(m)
    }
}
