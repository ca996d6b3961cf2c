//! The slide theme: colours, sizes and margins (one built-in light theme for now).

use super::Rgb;

/// Colours (sRGB) and metrics (PDF points) of a theme.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Slide background.
    pub background: Rgb,
    /// Title text.
    pub title: Rgb,
    /// Body text.
    pub body: Rgb,
    /// Accent (rules, bullet markers, title-slide band).
    pub accent: Rgb,
    /// Secondary text (byline, slide numbers).
    pub muted: Rgb,
    /// Margin on every side (points); text never enters it.
    pub margin: f32,
    /// Largest and smallest title size on content slides (points).
    pub title_size: (f32, f32),
    /// Largest and smallest body size (points).
    pub body_size: (f32, f32),
    /// Largest and smallest title size on the title slide (points).
    pub cover_size: (f32, f32),
}

impl Theme {
    /// A light theme: near-white background, slate text, blue accent (all text/background
    /// pairs above WCAG AA 4.5:1).
    pub fn light() -> Theme {
        Theme {
            background: Rgb::hex(0xFBFBF8),
            title: Rgb::hex(0x14213D),
            body: Rgb::hex(0x2B3440),
            accent: Rgb::hex(0x2563EB),
            muted: Rgb::hex(0x5B6675),
            margin: 56.0,
            title_size: (34.0, 24.0),
            body_size: (24.0, 16.0),
            cover_size: (46.0, 30.0),
        }
    }
}
