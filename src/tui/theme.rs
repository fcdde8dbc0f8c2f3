//! Colours: the `[theme]` config section and the styles the views use.
//!
//! Colours may be written as names (`"red"`, `"lightblue"`), 256-colour indexes (`"208"`)
//! or `"#rrggbb"`. They are reduced to what the terminal supports (`colors = "auto"` looks
//! at `COLORTERM` and `TERM`), and `NO_COLOR` (or `colors = "none"`) turns colour off:
//! then quotes are told apart by bold, italic and underline only.

use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Serialize};

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorMode {
    /// Decide from `NO_COLOR`, `COLORTERM` and `TERM`.
    #[default]
    Auto,
    #[serde(rename = "truecolor", alias = "24bit")]
    TrueColor,
    #[serde(rename = "256")]
    C256,
    #[serde(rename = "16")]
    C16,
    None,
}

/// The `[theme]` section of the config.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThemeConfig {
    /// `auto`, `truecolor`, `256`, `16` or `none`.
    pub colors: ColorMode,
    /// Speaker colours, used in order of each speaker's first quote in an article.
    #[serde(deserialize_with = "color_list")]
    pub speakers: Vec<String>,
    /// Focused pane border and titles.
    #[serde(deserialize_with = "color_name")]
    pub accent: String,
    /// Background of the quotes of the speaker selected in the sidebar.
    #[serde(deserialize_with = "color_name")]
    pub selected_speaker_bg: String,
    /// Background of the current quote and of search matches.
    #[serde(deserialize_with = "color_name")]
    pub current_bg: String,
    /// Secondary text (dates, counts, hints).
    #[serde(deserialize_with = "color_name")]
    pub dim: String,
}

impl Default for ThemeConfig {
    fn default() -> Self {
        ThemeConfig {
            colors: ColorMode::Auto,
            speakers: [
                "#5fafff", "#ffaf5f", "#87d787", "#ff87af", "#d7af5f", "#af87ff", "#5fd7d7",
                "#ff5f5f",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect(),
            accent: "#5fafff".into(),
            selected_speaker_bg: "#303a4a".into(),
            current_bg: "#5f5f00".into(),
            dim: "#8a8a8a".into(),
        }
    }
}

/// Parses a colour as written in the config.
pub fn parse_color(s: &str) -> Result<Color, String> {
    s.trim()
        .parse::<Color>()
        .map_err(|_| format!("unknown colour `{}`", crate::safe_text::one_line(s, 40)))
}

fn color_name<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let s = String::deserialize(d)?;
    parse_color(&s).map_err(serde::de::Error::custom)?;
    Ok(s)
}

fn color_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let v = Vec::<String>::deserialize(d)?;
    for s in &v {
        parse_color(s).map_err(serde::de::Error::custom)?;
    }
    if v.is_empty() {
        return Err(serde::de::Error::custom("needs at least one colour"));
    }
    Ok(v)
}

/// The styles the views draw with.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub mode: ColorMode,
    speakers: Vec<Color>,
    accent: Color,
    selected_bg: Color,
    current_bg: Color,
    dim: Color,
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(&ThemeConfig::default(), ColorMode::TrueColor)
    }
}

impl Theme {
    /// The colour mode `auto` stands for in this environment.
    pub fn detect(config: ColorMode, env: &dyn Fn(&str) -> Option<String>) -> ColorMode {
        if env("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return ColorMode::None;
        }
        if config != ColorMode::Auto {
            return config;
        }
        let colorterm = env("COLORTERM").unwrap_or_default().to_ascii_lowercase();
        let term = env("TERM").unwrap_or_default().to_ascii_lowercase();
        if colorterm.contains("truecolor") || colorterm.contains("24bit") {
            ColorMode::TrueColor
        } else if term.contains("256") {
            ColorMode::C256
        } else if term == "dumb" {
            ColorMode::None
        } else {
            ColorMode::C16
        }
    }

    /// A theme from the config for a resolved colour mode. Unparsable colours fall back
    /// to the defaults (the config loader reports them).
    pub fn new(config: &ThemeConfig, mode: ColorMode) -> Theme {
        let defaults = ThemeConfig::default();
        let pick = |s: &str, d: &str| {
            let c = parse_color(s)
                .or_else(|_| parse_color(d))
                .unwrap_or(Color::Reset);
            reduce(c, mode)
        };
        let mut speakers: Vec<Color> = config
            .speakers
            .iter()
            .filter_map(|s| parse_color(s).ok())
            .map(|c| reduce(c, mode))
            .collect();
        if speakers.is_empty() {
            speakers = defaults
                .speakers
                .iter()
                .filter_map(|s| parse_color(s).ok())
                .map(|c| reduce(c, mode))
                .collect();
        }
        Theme {
            mode,
            speakers,
            accent: pick(&config.accent, &defaults.accent),
            selected_bg: visible_bg(
                pick(&config.selected_speaker_bg, &defaults.selected_speaker_bg),
                &config.selected_speaker_bg,
                mode,
            ),
            current_bg: visible_bg(
                pick(&config.current_bg, &defaults.current_bg),
                &config.current_bg,
                mode,
            ),
            dim: pick(&config.dim, &defaults.dim),
        }
    }

    /// A theme without colours (snapshot tests, `NO_COLOR`).
    pub fn plain() -> Theme {
        Theme::new(&ThemeConfig::default(), ColorMode::None)
    }

    fn color(&self) -> bool {
        self.mode != ColorMode::None
    }

    fn fg(&self, c: Color) -> Style {
        if self.color() {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// Style of a quote by the speaker with this colour slot.
    pub fn quote(&self, slot: Option<usize>, kind: crate::extract::QuoteKind) -> Style {
        use crate::extract::QuoteKind::*;
        let base = match slot {
            Some(i) if self.color() => Style::new().fg(self.speakers[i % self.speakers.len()]),
            _ => Style::new(),
        };
        match kind {
            Direct => base.add_modifier(Modifier::BOLD),
            Partial => base.add_modifier(Modifier::ITALIC),
            Indirect => base.add_modifier(Modifier::UNDERLINED),
        }
    }

    /// Added to every quote of the speaker selected in the sidebar.
    pub fn selected_speaker(&self) -> Style {
        if self.color() {
            Style::new().bg(self.selected_bg)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    /// Added to the current quote, the current search match and a jumped-to mention.
    /// With 16 colours a dark background would come out as the terminal's own (or the
    /// same grey as the selected speaker's), so the current quote is reversed instead.
    pub fn current(&self) -> Style {
        if self.color() && self.mode != ColorMode::C16 {
            Style::new()
                .bg(self.current_bg)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// A speaker's colour swatch in the sidebar and status bar.
    pub fn speaker(&self, slot: usize) -> Style {
        self.fg(self.speakers[slot % self.speakers.len()])
            .add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.color() {
            Style::new().fg(self.dim)
        } else {
            Style::new()
        }
    }

    pub fn title(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(self.accent).add_modifier(Modifier::BOLD)
        } else {
            self.dim()
        }
    }

    /// The selected row of a focused list.
    pub fn selection(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    pub fn status(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }
}

/// A background reduced to 16 colours must not vanish: a dark shade that comes out as
/// black (the usual terminal background) takes the nearest other colour instead, unless
/// the config asked for black.
fn visible_bg(reduced: Color, written: &str, mode: ColorMode) -> Color {
    if mode != ColorMode::C16 || reduced != Color::Black {
        return reduced;
    }
    match parse_color(written) {
        Ok(Color::Black) | Ok(Color::Indexed(0)) => Color::Black,
        Ok(Color::Rgb(r, g, b)) => nearest_16((r, g, b), &[Color::Black]),
        Ok(Color::Indexed(i)) => nearest_16(indexed_to_rgb(i), &[Color::Black]),
        _ => Color::DarkGray,
    }
}

/// Reduces a colour to what the mode can show.
pub fn reduce(c: Color, mode: ColorMode) -> Color {
    match (mode, c) {
        (ColorMode::None, _) => Color::Reset,
        (ColorMode::TrueColor | ColorMode::Auto, c) => c,
        (ColorMode::C256, Color::Rgb(r, g, b)) => Color::Indexed(rgb_to_256(r, g, b)),
        (ColorMode::C256, c) => c,
        (ColorMode::C16, Color::Rgb(r, g, b)) => rgb_to_16(r, g, b),
        (ColorMode::C16, Color::Indexed(i)) => {
            let (r, g, b) = indexed_to_rgb(i);
            rgb_to_16(r, g, b)
        }
        (ColorMode::C16, c) => c,
    }
}

const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

fn rgb_to_256(r: u8, g: u8, b: u8) -> u8 {
    let near = |v: u8| {
        CUBE.iter()
            .enumerate()
            .min_by_key(|(_, c)| (i32::from(**c) - i32::from(v)).abs())
            .map_or(0, |(i, _)| i as u8)
    };
    let (ri, gi, bi) = (near(r), near(g), near(b));
    let cube = 16 + 36 * ri + 6 * gi + bi;
    let cube_err = dist(
        (r, g, b),
        (CUBE[ri as usize], CUBE[gi as usize], CUBE[bi as usize]),
    );
    let avg = ((u16::from(r) + u16::from(g) + u16::from(b)) / 3) as u8;
    let gi = (avg.saturating_sub(3) / 10).min(23);
    let gv = 8 + 10 * gi;
    if dist((r, g, b), (gv, gv, gv)) < cube_err {
        232 + gi
    } else {
        cube
    }
}

fn indexed_to_rgb(i: u8) -> (u8, u8, u8) {
    match i {
        0..=15 => ANSI[i as usize].1,
        16..=231 => {
            let i = i - 16;
            (
                CUBE[(i / 36) as usize],
                CUBE[((i / 6) % 6) as usize],
                CUBE[(i % 6) as usize],
            )
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            (v, v, v)
        }
    }
}

const ANSI: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

fn rgb_to_16(r: u8, g: u8, b: u8) -> Color {
    nearest_16((r, g, b), &[])
}

/// The nearest of the 16 ANSI colours but `except`.
fn nearest_16(rgb: (u8, u8, u8), except: &[Color]) -> Color {
    ANSI.iter()
        .filter(|(c, _)| !except.contains(c))
        .min_by_key(|(_, c)| dist(rgb, *c))
        .map_or(Color::Reset, |(c, _)| *c)
}

fn dist(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).pow(2) as u32;
    d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn no_color_wins() {
        let e = env(&[("NO_COLOR", "1"), ("COLORTERM", "truecolor")]);
        assert_eq!(Theme::detect(ColorMode::TrueColor, &e), ColorMode::None);
        let e = env(&[("NO_COLOR", ""), ("COLORTERM", "truecolor")]);
        assert_eq!(Theme::detect(ColorMode::Auto, &e), ColorMode::TrueColor);
    }

    #[test]
    fn detects_depth() {
        let e = env(&[("TERM", "xterm-256color")]);
        assert_eq!(Theme::detect(ColorMode::Auto, &e), ColorMode::C256);
        let e = env(&[("TERM", "xterm")]);
        assert_eq!(Theme::detect(ColorMode::Auto, &e), ColorMode::C16);
        assert_eq!(Theme::detect(ColorMode::C16, &env(&[])), ColorMode::C16);
    }

    #[test]
    fn reduces_colors() {
        assert_eq!(
            reduce(Color::Rgb(255, 0, 0), ColorMode::C256),
            Color::Indexed(196)
        );
        assert_eq!(
            reduce(Color::Rgb(128, 128, 128), ColorMode::C256),
            Color::Indexed(244)
        );
        assert_eq!(
            reduce(Color::Rgb(250, 10, 10), ColorMode::C16),
            Color::LightRed
        );
        assert_eq!(reduce(Color::Indexed(21), ColorMode::C16), Color::Blue);
        assert_eq!(reduce(Color::Red, ColorMode::None), Color::Reset);
        let t = Theme::new(&ThemeConfig::default(), ColorMode::C16);
        assert!(
            t.speakers
                .iter()
                .all(|c| !matches!(c, Color::Rgb(..) | Color::Indexed(_)))
        );
    }

    #[test]
    fn sixteen_colours_keep_the_highlights_visible() {
        // The default backgrounds are dark shades that the nearest-colour rule turns into
        // black: on a black terminal the selected speaker's quotes would not stand out.
        let t = Theme::new(&ThemeConfig::default(), ColorMode::C16);
        let sel = t.selected_speaker();
        assert!(
            !matches!(sel.bg, None | Some(Color::Black) | Some(Color::Reset)),
            "{sel:?}"
        );
        let cur = t.current();
        assert!(cur.add_modifier.contains(Modifier::REVERSED), "{cur:?}");
        assert_ne!(cur, sel);
        // Black asked for is black.
        let cfg: ThemeConfig = toml::from_str("selected_speaker_bg = \"black\"").unwrap();
        let t = Theme::new(&cfg, ColorMode::C16);
        assert_eq!(t.selected_speaker().bg, Some(Color::Black));
        // Other modes keep the colours as written.
        let t = Theme::new(&ThemeConfig::default(), ColorMode::TrueColor);
        assert_eq!(t.selected_speaker().bg, Some(Color::Rgb(0x30, 0x3a, 0x4a)));
        assert!(!t.current().add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn plain_theme_still_tells_kinds_apart() {
        use crate::extract::QuoteKind::*;
        let t = Theme::plain();
        let styles = [
            t.quote(Some(0), Direct),
            t.quote(Some(0), Partial),
            t.quote(Some(0), Indirect),
        ];
        assert_ne!(styles[0], styles[1]);
        assert_ne!(styles[1], styles[2]);
        assert_ne!(styles[0], styles[2]);
        assert_eq!(t.quote(Some(0), Direct).fg, None);
    }

    #[test]
    fn config_rejects_unknown_fields_and_colors() {
        assert!(toml::from_str::<ThemeConfig>("colour = \"red\"").is_err());
        let e = toml::from_str::<ThemeConfig>("accent = \"nope\"").unwrap_err();
        assert!(e.to_string().contains("nope"), "{e}");
        assert!(toml::from_str::<ThemeConfig>("speakers = [\"red\", \"bad\"]").is_err());
        let c: ThemeConfig =
            toml::from_str("colors = \"256\"\nspeakers = [\"red\", \"#00ff00\", \"33\"]").unwrap();
        assert_eq!(c.colors, ColorMode::C256);
    }
}
