//! The prompt line (filter and search): its text, its cursor, and the editing keys a shell
//! has (a cursor that moves by character and to either end, Backspace and Delete at the
//! cursor, Ctrl-W deleting the word before it, Ctrl-U the whole line before it, Ctrl-K the
//! rest). The keys are in the one key table ([`super::keymap`]), scoped to the prompt.

use super::command::Command;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// Fuzzy filter of the article list, as you type.
    Filter,
    /// Full-text search of the library (on Enter).
    LibrarySearch,
    /// Search within the open article (on Enter), then `n`/`N`.
    ArticleSearch,
    /// Fuzzy filter of the Speakers view, as you type.
    SpeakerFilter,
    /// A new name for the selected speaker (on Enter).
    RenameSpeaker,
    /// Fuzzy filter of the entity sidebar, as you type.
    SidebarFilter,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
    /// Byte offset of the cursor in `text` (on a character boundary).
    pub cursor: usize,
}

impl Prompt {
    /// A prompt holding `text`, with the cursor at its end.
    pub fn new(kind: PromptKind, text: String) -> Prompt {
        Prompt {
            kind,
            cursor: text.len(),
            text,
        }
    }

    pub fn label(&self) -> &'static str {
        match self.kind {
            PromptKind::Filter => "filter",
            PromptKind::LibrarySearch => "search library",
            PromptKind::ArticleSearch => "search article",
            PromptKind::SpeakerFilter => "filter speakers",
            PromptKind::RenameSpeaker => "rename speaker to",
            PromptKind::SidebarFilter => "filter sidebar",
        }
    }

    /// Types a character at the cursor; true when it went in (control and other unsafe
    /// characters do not).
    pub fn type_char(&mut self, c: char) -> bool {
        if c.is_control() || crate::safe_text::is_unsafe(c) {
            return false;
        }
        let at = self.cursor.min(self.text.len());
        self.text.insert(at, c);
        self.cursor = at + c.len_utf8();
        true
    }

    /// Applies an editing command; true when the text changed. Other commands do nothing.
    pub fn edit(&mut self, command: &Command) -> bool {
        let before = self.text.len();
        let at = self.cursor.min(self.text.len());
        match command {
            Command::PromptBackspace => {
                let start = self.prev_boundary(at);
                self.text.replace_range(start..at, "");
                self.cursor = start;
            }
            Command::PromptDelete => {
                let end = self.next_boundary(at);
                self.text.replace_range(at..end, "");
            }
            Command::PromptLeft => self.cursor = self.prev_boundary(at),
            Command::PromptRight => self.cursor = self.next_boundary(at),
            Command::PromptStart => self.cursor = 0,
            Command::PromptEnd => self.cursor = self.text.len(),
            Command::PromptDeleteWord => {
                // As a shell's Ctrl-W: the spaces before the cursor, then the word.
                let head = &self.text[..at];
                let word_end = head.trim_end().len();
                let start = head[..word_end].rfind(char::is_whitespace).map_or(0, |i| {
                    i + head[i..].chars().next().map_or(1, char::len_utf8)
                });
                self.text.replace_range(start..at, "");
                self.cursor = start;
            }
            Command::PromptDeleteToStart => {
                self.text.replace_range(..at, "");
                self.cursor = 0;
            }
            Command::PromptDeleteToEnd => self.text.truncate(at),
            _ => {}
        }
        self.text.len() != before
    }

    fn prev_boundary(&self, at: usize) -> usize {
        self.text[..at]
            .chars()
            .next_back()
            .map_or(0, |c| at - c.len_utf8())
    }

    fn next_boundary(&self, at: usize) -> usize {
        self.text[at..]
            .chars()
            .next()
            .map_or(at, |c| at + c.len_utf8())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Command::*;

    fn typed(text: &str) -> Prompt {
        Prompt::new(PromptKind::Filter, text.to_string())
    }

    fn run(p: &mut Prompt, commands: &[Command]) {
        for c in commands {
            p.edit(c);
        }
    }

    #[test]
    fn typing_goes_in_at_the_cursor() {
        let mut p = typed("brdge");
        run(&mut p, &[PromptLeft, PromptLeft, PromptLeft]);
        p.type_char('i');
        assert_eq!(p.text, "bridge");
        assert_eq!(p.cursor, 3);
        run(&mut p, &[PromptStart]);
        p.type_char('>');
        run(&mut p, &[PromptEnd]);
        p.type_char('!');
        assert_eq!(p.text, ">bridge!");
    }

    #[test]
    fn backspace_and_delete_work_at_the_cursor() {
        let mut p = typed("Brücke");
        run(
            &mut p,
            &[PromptLeft, PromptLeft, PromptLeft, PromptBackspace],
        );
        assert_eq!(p.text, "Brcke");
        run(&mut p, &[PromptDelete]);
        assert_eq!(p.text, "Brke");
        run(&mut p, &[PromptStart, PromptBackspace, PromptLeft]);
        assert_eq!((p.text.as_str(), p.cursor), ("Brke", 0));
        run(&mut p, &[PromptEnd, PromptDelete, PromptRight]);
        assert_eq!((p.text.as_str(), p.cursor), ("Brke", 4));
    }

    #[test]
    fn ctrl_w_deletes_the_word_before_the_cursor_and_ctrl_u_the_line() {
        let mut p = typed("river  bridge  ");
        run(&mut p, &[PromptDeleteWord]);
        assert_eq!(p.text, "river  ");
        run(&mut p, &[PromptDeleteWord]);
        assert_eq!(p.text, "");
        let mut p = typed("old bridge vote");
        run(
            &mut p,
            &[PromptLeft, PromptLeft, PromptLeft, PromptLeft, PromptLeft],
        );
        run(&mut p, &[PromptDeleteToStart]);
        assert_eq!((p.text.as_str(), p.cursor), (" vote", 0));
        let mut p = typed("old bridge vote");
        run(
            &mut p,
            &[PromptStart, PromptRight, PromptRight, PromptRight],
        );
        run(&mut p, &[PromptDeleteToEnd]);
        assert_eq!(p.text, "old");
    }

    #[test]
    fn control_characters_are_not_typed() {
        let mut p = typed("a");
        assert!(!p.type_char('\u{1b}'));
        assert!(!p.type_char('\u{202e}'));
        assert_eq!(p.text, "a");
    }
}
