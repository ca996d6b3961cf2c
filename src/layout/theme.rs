//! Slide themes: colours, sizes and margins, loaded from JSON data files (the built-in
//! ones live in `assets/themes`).

use std::path::Path;

use serde::{Deserialize, Deserializer};

use super::Rgb;
use crate::error::{Error, ErrorKind};

/// Colours (sRGB) and metrics (PDF points) of a theme.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    /// Theme name.
    pub name: String,
    /// Slide background.
    #[serde(deserialize_with = "colour")]
    pub background: Rgb,
    /// Title text.
    #[serde(deserialize_with = "colour")]
    pub title: Rgb,
    /// Body text.
    #[serde(deserialize_with = "colour")]
    pub body: Rgb,
    /// Accent (rules, bullet markers, title-slide bar).
    #[serde(deserialize_with = "colour")]
    pub accent: Rgb,
    /// Secondary text (byline, slide numbers).
    #[serde(deserialize_with = "colour")]
    pub muted: Rgb,
    /// Margin on the left, right and bottom of content (points).
    pub margin: f32,
    /// Largest and smallest title size on content slides (points).
    pub title_size: (f32, f32),
    /// Largest and smallest body size (points).
    pub body_size: (f32, f32),
    /// Largest and smallest title size on the title slide (points).
    pub cover_size: (f32, f32),
}

/// Built-in themes: (name, JSON).
pub const BUILT_IN: &[(&str, &str)] = &[
    ("light", include_str!("../../assets/themes/light.json")),
    ("dark", include_str!("../../assets/themes/dark.json")),
    ("warm", include_str!("../../assets/themes/warm.json")),
];

fn colour<'de, D: Deserializer<'de>>(d: D) -> Result<Rgb, D::Error> {
    let s = String::deserialize(d)?;
    parse_hex(&s).ok_or_else(|| serde::de::Error::custom(format!("bad colour {s:?}, want #RRGGBB")))
}

fn parse_hex(s: &str) -> Option<Rgb> {
    let h = s.strip_prefix('#')?;
    if h.len() != 6 || !h.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(h, 16).ok().map(Rgb::hex)
}

impl Theme {
    /// The default light theme.
    pub fn light() -> Theme {
        Theme::built_in("light").expect("built-in light theme parses")
    }

    /// A built-in theme by name ("light", "dark", "warm"); `None` for another name.
    pub fn built_in(name: &str) -> Option<Theme> {
        BUILT_IN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, json)| serde_json::from_str(json).expect("built-in theme parses"))
    }

    /// A built-in theme by name, or a theme JSON file at that path.
    ///
    /// Errors: the file is missing or unreadable ([`ErrorKind::NotFound`], [`ErrorKind::Io`]),
    /// or its JSON is not a theme ([`ErrorKind::BadTheme`]).
    pub fn named_or_file(spec: &str) -> Result<Theme, Error> {
        if let Some(t) = Theme::built_in(spec) {
            return Ok(t);
        }
        let path = Path::new(spec);
        let text = std::fs::read_to_string(path).map_err(|e| {
            // A bare word that is neither a built-in name nor a file: say which names exist.
            if e.kind() == std::io::ErrorKind::NotFound && !spec.contains(['/', '.']) {
                let names: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
                Error::new(
                    path,
                    ErrorKind::BadTheme(format!(
                        "no built-in theme or theme file of that name (built-in: {})",
                        names.join(", ")
                    )),
                )
            } else {
                Error::new(path, ErrorKind::from_io(e, "read"))
            }
        })?;
        let theme: Theme = serde_json::from_str(&text)
            .map_err(|e| Error::new(path, ErrorKind::BadTheme(e.to_string())))?;
        theme
            .validate()
            .map_err(|why| Error::new(path, ErrorKind::BadTheme(why)))?;
        Ok(theme)
    }

    /// Checks that text fits on a slide with this theme: margin 0–120 pt, sizes
    /// 8–96 pt with the smaller first, and body/title/muted colours at least 3:1 against
    /// the background (readable; the built-in themes meet 4.5:1).
    ///
    /// Errors: a one-line description of the first bad value.
    pub fn validate(&self) -> Result<(), String> {
        if !(0.0..=120.0).contains(&self.margin) {
            return Err(format!("margin {} is outside 0–120 pt", self.margin));
        }
        for (what, (max, min)) in [
            ("title_size", self.title_size),
            ("body_size", self.body_size),
            ("cover_size", self.cover_size),
        ] {
            if !(8.0..=96.0).contains(&min) || !(8.0..=96.0).contains(&max) || min > max {
                return Err(format!(
                    "{what} [{max}, {min}] must be [largest, smallest] within 8–96 pt"
                ));
            }
        }
        for (what, c) in [
            ("title", self.title),
            ("body", self.body),
            ("muted", self.muted),
        ] {
            let r = contrast(c, self.background);
            if r < 3.0 {
                return Err(format!(
                    "{what} colour has contrast {r:.1}:1 on the background (at least 3:1 needed)"
                ));
            }
        }
        Ok(())
    }
}

/// WCAG 2.x relative luminance of an sRGB colour.
pub fn luminance(c: Rgb) -> f32 {
    let lin = |v: f32| {
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// WCAG 2.x contrast ratio between two colours (1–21).
pub fn contrast(a: Rgb, b: Rgb) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_themes_meet_wcag_aa() {
        for (name, _) in BUILT_IN {
            let t = Theme::built_in(name).unwrap();
            for (what, c) in [("title", t.title), ("body", t.body), ("muted", t.muted)] {
                let r = contrast(c, t.background);
                assert!(r >= 4.5, "{name}: {what} contrast {r:.2} < 4.5");
            }
        }
        assert!((contrast(Rgb(0.0, 0.0, 0.0), Rgb(1.0, 1.0, 1.0)) - 21.0).abs() < 0.01);
    }

    #[test]
    fn themes_without_room_for_text_are_rejected() {
        let ok = Theme::light();
        assert!(ok.validate().is_ok());
        let bad = [
            Theme {
                margin: 5000.0,
                ..ok.clone()
            },
            Theme {
                margin: -50.0,
                ..ok.clone()
            },
            Theme {
                body_size: (400.0, 300.0),
                ..ok.clone()
            },
            Theme {
                body_size: (0.0, 0.0),
                ..ok.clone()
            },
            Theme {
                title_size: (20.0, 30.0),
                ..ok.clone()
            },
            Theme {
                body: ok.background,
                ..ok.clone()
            },
        ];
        for t in bad {
            assert!(t.validate().is_err(), "{t:?}");
        }
    }

    #[test]
    fn bad_colours_are_rejected() {
        let json = BUILT_IN[0].1.replace("#FBFBF8", "#FBFBF");
        assert!(serde_json::from_str::<Theme>(&json).is_err());
    }
}
