//! End to end in a real terminal: the real binary driven in tmux (each test with its own
//! tmux server), and the README's examples and screen capture made by the program. One test
//! binary; each file is a module.

mod readme_support;

mod e2e_tmux;
mod readme;
mod terminal;
