//! Keybindings: one table maps keys to commands; the `?` help overlay, `onrecord keys` and
//! the README's key list are generated from it.
//!
//! The `[keys]` config section rebinds commands: `next_quote = ["n", "ctrl-n"]`. Each entry
//! replaces that command's default keys; a key taken by an entry is removed from every
//! other command's defaults. Two entries may not share a key, `quit` must keep a key, and
//! so must `prompt_submit` or `prompt_cancel` ([`KeysConfig::problem`]).
//!
//! The keys of the [`PROMPT_GROUP`] apply while a prompt (filter, search) is open, the
//! others when none is: a key may mean one thing in each (`left` moves the cursor in a
//! prompt and the focus elsewhere).

use super::command::Command;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::HashMap;
use std::fmt;

/// One key with its modifiers, as written in the config (`"ctrl-d"`, `"G"`, `"pagedown"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyChord {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl KeyChord {
    /// The chord of a key event, normalized so it matches the table: the Shift of a
    /// printable character is part of the character.
    pub fn from_event(ev: &KeyEvent) -> KeyChord {
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        KeyChord { code, mods }
    }

    /// Parses a key name such as `q`, `G`, `?`, `ctrl-c`, `alt-enter`, `shift-tab`,
    /// `pagedown`, `f5`, `space`.
    pub fn parse(s: &str) -> Result<KeyChord, String> {
        let bad = || format!("unknown key name `{}`", crate::safe_text::one_line(s, 40));
        if s.is_empty() {
            return Err(bad());
        }
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        // A trailing "-" is the minus key, not a separator.
        while let Some((head, tail)) = rest.split_once('-').filter(|(_, t)| !t.is_empty()) {
            match head.to_ascii_lowercase().as_str() {
                "ctrl" | "control" | "c" => mods |= KeyModifiers::CONTROL,
                "alt" | "meta" | "m" => mods |= KeyModifiers::ALT,
                "shift" | "s" => mods |= KeyModifiers::SHIFT,
                _ => return Err(bad()),
            }
            rest = tail;
        }
        let lower = rest.to_ascii_lowercase();
        let code = match lower.as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => {
                if mods.contains(KeyModifiers::SHIFT) {
                    mods.remove(KeyModifiers::SHIFT);
                    KeyCode::BackTab
                } else {
                    KeyCode::Tab
                }
            }
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" | "ins" => KeyCode::Insert,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "space" => KeyCode::Char(' '),
            "minus" => KeyCode::Char('-'),
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if !c.is_control() && !c.is_whitespace() => {
                        if mods.contains(KeyModifiers::SHIFT) && c.is_ascii_alphabetic() {
                            mods.remove(KeyModifiers::SHIFT);
                            KeyCode::Char(c.to_ascii_uppercase())
                        } else if mods.contains(KeyModifiers::CONTROL) {
                            KeyCode::Char(c.to_ascii_lowercase())
                        } else {
                            KeyCode::Char(c)
                        }
                    }
                    _ => match lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                        Some(n) if (1..=24).contains(&n) => KeyCode::F(n),
                        _ => return Err(bad()),
                    },
                }
            }
        };
        if let KeyCode::Char(_) = code {
            mods.remove(KeyModifiers::SHIFT);
        }
        Ok(KeyChord { code, mods })
    }
}

impl fmt::Display for KeyChord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Insert => f.write_str("insert"),
            KeyCode::Up => f.write_str("up"),
            KeyCode::Down => f.write_str("down"),
            KeyCode::Left => f.write_str("left"),
            KeyCode::Right => f.write_str("right"),
            KeyCode::PageUp => f.write_str("pageup"),
            KeyCode::PageDown => f.write_str("pagedown"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::End => f.write_str("end"),
            KeyCode::F(n) => write!(f, "f{n}"),
            _ => f.write_str("?"),
        }
    }
}

/// The keys of one `[keys]` entry: one name or a list of names.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyList(pub Vec<KeyChord>);

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            One(String),
            Many(Vec<String>),
        }
        let names = match OneOrMany::deserialize(d)
            .map_err(|_| serde::de::Error::custom("expected a key name or a list of key names"))?
        {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        };
        names
            .iter()
            .map(|n| KeyChord::parse(n).map_err(serde::de::Error::custom))
            .collect::<Result<Vec<_>, _>>()
            .map(KeyList)
    }
}

impl Serialize for KeyList {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let names: Vec<String> = self.0.iter().map(|k| k.to_string()).collect();
        names.serialize(s)
    }
}

/// One row of the table: an action, its default keys, what it does.
#[derive(Debug, Clone)]
pub struct Binding {
    pub action: Command,
    pub group: &'static str,
    pub defaults: &'static [&'static str],
    pub help: &'static str,
}

/// The group of the keys that edit the prompt line.
pub const PROMPT_GROUP: &str = "Prompt (filter, search)";

/// Where a key applies: with a prompt open or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    Main,
    Prompt,
}

impl Binding {
    pub fn scope(&self) -> Scope {
        scope_of(self.group)
    }
}

fn scope_of(group: &str) -> Scope {
    if group == PROMPT_GROUP {
        Scope::Prompt
    } else {
        Scope::Main
    }
}

/// The scope of a bindable action.
fn action_scope(action: &Command) -> Scope {
    table()
        .iter()
        .find(|b| &b.action == action)
        .map_or(Scope::Main, Binding::scope)
}

macro_rules! key_table {
    ($( $group:literal { $( $variant:ident $field:ident [$($key:literal),*] $help:literal ),* $(,)? } )*) => {
        /// The `[keys]` section of the config: one optional entry per action.
        #[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct KeysConfig {
            $($(
                #[doc = $help]
                #[serde(skip_serializing_if = "Option::is_none")]
                pub $field: Option<KeyList>,
            )*)*
        }

        impl KeysConfig {
            /// The entries that are set, with their actions.
            pub fn entries(&self) -> Vec<(Command, &KeyList)> {
                let mut out = Vec::new();
                $($(
                    if let Some(k) = &self.$field {
                        out.push((Command::$variant, k));
                    }
                )*)*
                out
            }
        }

        /// The default keymap: every bindable action, grouped as the help shows them.
        pub fn table() -> Vec<Binding> {
            vec![$($(
                Binding {
                    action: Command::$variant,
                    group: $group,
                    defaults: &[$($key),*],
                    help: $help,
                },
            )*)*]
        }
    };
}

key_table! {
    "Move" {
        Down down ["j", "down"] "Move down / scroll down",
        Up up ["k", "up"] "Move up / scroll up",
        PageDown page_down ["pagedown", "space"] "Page down",
        PageUp page_up ["pageup"] "Page up",
        Top top ["g", "home"] "Go to the top",
        Bottom bottom ["G", "end"] "Go to the bottom",
    }
    "Panes" {
        FocusNext focus_next ["tab"] "Focus the next pane",
        FocusPrev focus_prev ["shift-tab"] "Focus the previous pane",
        FocusLeft focus_left ["h", "left"] "Focus the pane to the left",
        FocusRight focus_right ["l", "right"] "Focus the pane to the right",
        Enter enter ["enter"] "Open article / speaker / quote; jump to (next) mention",
        Back back ["esc"] "Back: close, clear search or filter, leave a view (never quits)",
        Quit quit ["q", "ctrl-c"] "Quit",
        ToggleSidebar toggle_sidebar ["e"] "Show or hide the entity sidebar",
        SideKind side_kind ["c"] "Sidebar: speakers, people, organizations, places, or all (cycles; f there filters by text)",
        ReadingMode reading_mode ["z"] "Reading mode: the article alone, centred, lines at most reading_width long",
        SpeakersView speakers_view ["w"] "Speakers view: who said what in the folders opened (on the speaker in hand)",
        ToggleHelp toggle_help ["?"] "This help",
    }
    "Quotes" {
        NextQuote next_quote ["n"] "Next quote (next match while searching)",
        PrevQuote prev_quote ["N"] "Previous quote (previous match while searching)",
        NextSpeaker next_speaker ["s"] "Next speaker: jump to their first quote",
        PrevSpeaker prev_speaker ["S"] "Previous speaker: jump to their first quote",
        NextSameSpeaker next_same_speaker ["]"] "Next quote by the same speaker (across articles after the Speakers view)",
        PrevSameSpeaker prev_same_speaker ["["] "Previous quote by the same speaker",
        ToggleIndirect toggle_indirect ["i"] "Include or skip indirect quotes when navigating",
    }
    "Find" {
        Search search ["/"] "Search: in the article (body) or the whole library (list)",
        Filter filter ["f"] "Filter the list as you type (fuzzy)",
        CycleSort cycle_sort ["t"] "Sort the list by date, title or quote count",
        ReverseSort reverse_sort ["T"] "Reverse the list's order (oldest first, Z to A, fewest quotes first)",
    }
    "Speakers view" {
        RenameSpeaker rename_speaker ["r"] "Rename the selected speaker (everywhere; U undoes)",
        MergeSpeaker merge_speaker ["+"] "Merge speakers: + on one, then + on the one to merge it into",
        UndoSpeakerEdit undo_speaker_edit ["U"] "Undo the latest rename or merge",
    }
    "Marks" {
        ToggleRead toggle_read ["m"] "Mark the article read or unread (the selected one in the list)",
        MarkAllRead mark_all_read ["M"] "Mark every article listed read",
        UnreadOnly unread_only ["u"] "List unread articles only, or all again",
        ToggleStar toggle_star ["*"] "Star or unstar the article",
    }
    "Other" {
        OpenUrl open_url ["o"] "Open the article's source URL in the browser",
        CopyQuote copy_quote ["y"] "Copy the current quote with its citation (OSC 52)",
        CopyUrl copy_url ["Y"] "Copy the article's source URL (OSC 52)",
        OpenInEditor open_in_editor ["E"] "Open the article's file in $VISUAL or $EDITOR (vi); the reader comes back after",
        OpenInPager open_in_pager ["v"] "Read the article's file in $PAGER (less); the reader comes back after",
        ExportQuotes export_quotes ["x"] "Export quotes with citations to a file: the article's, or the speaker's (Speakers view)",
        Suspend suspend ["ctrl-z"] "Suspend to the shell",
    }
    "Prompt (filter, search)" {
        PromptSubmit prompt_submit ["enter"] "Search (a filter is already applied as you type)",
        PromptCancel prompt_cancel ["esc", "ctrl-c", "ctrl-g"] "Leave the prompt (a filter is cleared)",
        PromptLeft prompt_left ["left", "ctrl-b"] "Cursor left",
        PromptRight prompt_right ["right", "ctrl-f"] "Cursor right",
        PromptStart prompt_start ["home", "ctrl-a"] "Cursor to the start",
        PromptEnd prompt_end ["end", "ctrl-e"] "Cursor to the end",
        PromptBackspace prompt_backspace ["backspace"] "Delete the character before the cursor",
        PromptDelete prompt_delete ["delete", "ctrl-d"] "Delete the character at the cursor",
        PromptDeleteWord prompt_delete_word ["ctrl-w", "alt-backspace"] "Delete the word before the cursor",
        PromptDeleteToStart prompt_delete_to_start ["ctrl-u"] "Delete everything before the cursor",
        PromptDeleteToEnd prompt_delete_to_end ["ctrl-k"] "Delete everything from the cursor on",
    }
}

/// A `[keys]` section that cannot work.
#[derive(Debug, Clone, PartialEq)]
pub enum KeysProblem {
    /// One key in the entries of two actions.
    Conflict {
        key: KeyChord,
        first: Command,
        second: Command,
    },
    /// `quit` has no key left.
    NoWayOut,
    /// Neither `prompt_submit` nor `prompt_cancel` has a key left: a prompt could not be
    /// left.
    NoWayOutOfPrompt,
}

impl KeysConfig {
    /// What makes these entries unusable, if anything: a key given to two actions, or no
    /// key left to quit with.
    pub fn problem(&self) -> Option<KeysProblem> {
        let mut owner: HashMap<(Scope, KeyChord), Command> = HashMap::new();
        for (action, keys) in self.entries() {
            let scope = action_scope(&action);
            for k in &keys.0 {
                match owner.get(&(scope, *k)) {
                    Some(first) if *first != action => {
                        return Some(KeysProblem::Conflict {
                            key: *k,
                            first: first.clone(),
                            second: action,
                        });
                    }
                    _ => {
                        owner.insert((scope, *k), action.clone());
                    }
                }
            }
        }
        let keymap = Keymap::new(self);
        if keymap.keys_for(&Command::Quit).is_empty() {
            return Some(KeysProblem::NoWayOut);
        }
        if keymap.keys_for(&Command::PromptSubmit).is_empty()
            && keymap.keys_for(&Command::PromptCancel).is_empty()
        {
            return Some(KeysProblem::NoWayOutOfPrompt);
        }
        None
    }
}

/// The effective keymap: defaults with the config's entries applied.
#[derive(Debug, Clone)]
pub struct Keymap {
    rows: Vec<(Binding, Vec<KeyChord>)>,
    lookup: HashMap<(Scope, KeyChord), Command>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap::new(&KeysConfig::default())
    }
}

impl Keymap {
    /// Builds the keymap from the defaults and the config.
    pub fn new(config: &KeysConfig) -> Keymap {
        let mut rows: Vec<(Binding, Vec<KeyChord>)> = table()
            .into_iter()
            .map(|b| {
                let keys = b
                    .defaults
                    .iter()
                    .map(|k| KeyChord::parse(k).expect("default key names parse"))
                    .collect();
                (b, keys)
            })
            .collect();
        let entries = config.entries();
        for (action, keys) in &entries {
            let scope = action_scope(action);
            for (b, ks) in rows.iter_mut() {
                if &b.action == action {
                    *ks = keys.0.clone();
                } else if b.scope() == scope {
                    ks.retain(|k| !keys.0.contains(k));
                }
            }
        }
        let mut lookup = HashMap::new();
        for (b, ks) in &rows {
            for k in ks {
                lookup.insert((b.scope(), *k), b.action.clone());
            }
        }
        Keymap { rows, lookup }
    }

    /// The action bound to a key event when no prompt is open, if any.
    pub fn action_for(&self, ev: &KeyEvent) -> Option<Command> {
        self.lookup
            .get(&(Scope::Main, KeyChord::from_event(ev)))
            .cloned()
    }

    /// The prompt-editing action bound to a key event while a prompt is open, if any.
    pub fn prompt_action_for(&self, ev: &KeyEvent) -> Option<Command> {
        self.lookup
            .get(&(Scope::Prompt, KeyChord::from_event(ev)))
            .cloned()
    }

    /// The keys bound to an action.
    pub fn keys_for(&self, action: &Command) -> &[KeyChord] {
        self.rows
            .iter()
            .find(|(b, _)| &b.action == action)
            .map_or(&[], |(_, k)| k.as_slice())
    }

    /// The first key of an action as shown in hints (`n`), or an empty string.
    pub fn hint(&self, action: &Command) -> String {
        self.keys_for(action)
            .first()
            .map(|k| k.to_string())
            .unwrap_or_default()
    }

    /// Help rows: (group, keys as text, action name, description), in table order.
    pub fn help_rows(&self) -> Vec<HelpRow> {
        self.rows
            .iter()
            .map(|(b, ks)| HelpRow {
                group: b.group,
                keys: ks
                    .iter()
                    .map(|k| k.to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                action: b.action.name(),
                help: b.help,
            })
            .collect()
    }

    /// The key list as plain text (for `onrecord keys`).
    pub fn to_text(&self) -> String {
        let rows = self.help_rows();
        let kw = rows
            .iter()
            .map(|r| r.keys.chars().count())
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        let mut group = "";
        for r in &rows {
            if r.group != group {
                if !group.is_empty() {
                    out.push('\n');
                }
                group = r.group;
                out.push_str(group);
                out.push_str(":\n");
            }
            out.push_str(&format!("  {:<kw$}  {}\n", r.keys, r.help));
        }
        out.push('\n');
        out.push_str(MOUSE_HELP);
        out.push('\n');
        out
    }

    /// The key list as Markdown tables (for the README): the reader's keys, then the
    /// prompt's.
    pub fn to_markdown(&self) -> String {
        const HEAD: &str = "| Keys | Config name | What it does |\n|---|---|---|\n";
        let mut out = String::from(HEAD);
        let mut in_prompt = false;
        for r in self.help_rows() {
            if r.group == PROMPT_GROUP && !in_prompt {
                in_prompt = true;
                out.push_str(
                    "\nWhile a filter or search prompt is open (other keys type their \
                     character):\n\n",
                );
                out.push_str(HEAD);
            }
            let keys = r
                .keys
                .split(", ")
                .filter(|k| !k.is_empty())
                .map(|k| format!("`{}`", k.replace('|', "\\|")))
                .collect::<Vec<_>>()
                .join(" ");
            out.push_str(&format!("| {keys} | `{}` | {} |\n", r.action, r.help));
        }
        out.push('\n');
        out.push_str(MOUSE_HELP);
        out.push('\n');
        out
    }
}

/// What the mouse does (not rebindable), shown under the key list.
pub const MOUSE_HELP: &str =
    "Mouse: click a pane to focus it, a row to select it (again to open); the wheel scrolls.";

/// One line of the help.
#[derive(Debug, Clone, PartialEq)]
pub struct HelpRow {
    pub group: &'static str,
    pub keys: String,
    pub action: String,
    pub help: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, mods, KeyEventKind::Press)
    }

    #[test]
    fn parses_and_prints_names() {
        for name in [
            "q",
            "G",
            "?",
            "ctrl-c",
            "shift-tab",
            "pagedown",
            "f5",
            "space",
            "]",
            "-",
        ] {
            let k = KeyChord::parse(name).unwrap();
            assert_eq!(KeyChord::parse(&k.to_string()).unwrap(), k, "{name}");
        }
        assert!(KeyChord::parse("ctrl-foo").is_err());
        assert!(KeyChord::parse("hyper-x").is_err());
        assert!(KeyChord::parse("").is_err());
    }

    #[test]
    fn shifted_letters_match_their_events() {
        let km = Keymap::default();
        let a = km.action_for(&ev(KeyCode::Char('N'), KeyModifiers::SHIFT));
        assert_eq!(a, Some(Command::PrevQuote));
        let a = km.action_for(&ev(KeyCode::BackTab, KeyModifiers::SHIFT));
        assert_eq!(a, Some(Command::FocusPrev));
        let a = km.action_for(&ev(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(a, Some(Command::Quit));
    }

    #[test]
    fn every_field_is_named_like_its_action() {
        // The [keys] field names and the Command names must agree (help shows the latter).
        let json = serde_json::to_value(KeysConfig::default()).unwrap();
        assert_eq!(json, serde_json::json!({}));
        for b in table() {
            let name = b.action.name();
            let text = format!("{name} = \"f9\"");
            let cfg: KeysConfig = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(cfg.entries().len(), 1, "{name}");
            assert_eq!(cfg.entries()[0].0, b.action);
        }
    }

    #[test]
    fn config_rebinds_and_steals_keys() {
        let cfg: KeysConfig = toml::from_str("next_quote = [\"x\", \"j\"]").unwrap();
        let km = Keymap::new(&cfg);
        let a = km.action_for(&ev(KeyCode::Char('j'), KeyModifiers::NONE));
        assert_eq!(a, Some(Command::NextQuote));
        assert_eq!(
            km.action_for(&ev(KeyCode::Char('n'), KeyModifiers::NONE)),
            None
        );
        // `down` keeps its other key.
        let a = km.action_for(&ev(KeyCode::Down, KeyModifiers::NONE));
        assert_eq!(a, Some(Command::Down));
    }

    #[test]
    fn bad_names_are_errors_that_name_them() {
        let e = toml::from_str::<KeysConfig>("next_quote = \"ctrl-bogus\"").unwrap_err();
        assert!(e.to_string().contains("ctrl-bogus"), "{e}");
        let e = toml::from_str::<KeysConfig>("next_qoute = \"n\"").unwrap_err();
        assert!(e.to_string().contains("next_qoute"), "{e}");
    }

    #[test]
    fn defaults_have_no_duplicate_keys() {
        let mut seen = HashMap::new();
        for b in table() {
            for k in b.defaults {
                let prev = seen.insert((b.scope(), KeyChord::parse(k).unwrap()), b.action.clone());
                assert!(prev.is_none(), "{k} bound twice");
            }
        }
    }

    #[test]
    fn prompt_keys_apply_only_in_the_prompt() {
        let km = Keymap::default();
        let left = ev(KeyCode::Left, KeyModifiers::NONE);
        assert_eq!(km.action_for(&left), Some(Command::FocusLeft));
        assert_eq!(km.prompt_action_for(&left), Some(Command::PromptLeft));
        let ctrl_u = ev(KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(
            km.prompt_action_for(&ctrl_u),
            Some(Command::PromptDeleteToStart)
        );
        let esc = ev(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(km.prompt_action_for(&esc), Some(Command::PromptCancel));
        assert_eq!(km.action_for(&esc), Some(Command::Back));
        // Rebinding a prompt key leaves the main key of the same name alone.
        let cfg: KeysConfig = toml::from_str("prompt_start = \"ctrl-a\"").unwrap();
        let km = Keymap::new(&cfg);
        let home = ev(KeyCode::Home, KeyModifiers::NONE);
        assert_eq!(km.prompt_action_for(&home), None);
        assert_eq!(km.action_for(&home), Some(Command::Top));
        // The same key for a main and a prompt action is no conflict.
        let cfg: KeysConfig =
            toml::from_str("top = \"ctrl-a\"\nprompt_start = \"ctrl-a\"").unwrap();
        assert_eq!(cfg.problem(), None);
    }

    #[test]
    fn quit_and_a_way_out_of_the_prompt_must_keep_a_key() {
        let cfg: KeysConfig = toml::from_str("quit = []").unwrap();
        assert_eq!(cfg.problem(), Some(KeysProblem::NoWayOut));
        // Back never quits: it cannot stand in for quit.
        let cfg: KeysConfig = toml::from_str("quit = []\nback = \"esc\"").unwrap();
        assert_eq!(cfg.problem(), Some(KeysProblem::NoWayOut));
        let cfg: KeysConfig = toml::from_str("prompt_submit = []\nprompt_cancel = []").unwrap();
        assert_eq!(cfg.problem(), Some(KeysProblem::NoWayOutOfPrompt));
        let cfg: KeysConfig = toml::from_str("prompt_submit = []").unwrap();
        assert_eq!(cfg.problem(), None);
    }

    #[test]
    fn help_lists_every_action() {
        let km = Keymap::default();
        let md = km.to_markdown();
        for b in table() {
            assert!(
                md.contains(&format!("`{}`", b.action.name())),
                "{}",
                b.action.name()
            );
        }
        assert!(km.to_text().contains("Next quote"));
    }
}
