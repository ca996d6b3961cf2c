//! The user's deck settings (theme, aspect, bullets per slide, extras, UI language) and their library options.

use distill::deck::extras::Extras;
use distill::layout::theme::Theme;
use distill::layout::{Aspect, LayoutOptions};
use distill::Options;
use serde::{Deserialize, Serialize};

use crate::commands::{CmdError, CmdErrorKind};

/// Fewest and most bullets per slide the settings accept.
pub const BULLETS_RANGE: (usize, usize) = (2, 8);

/// What the settings panel edits; saved in the app's config folder as `settings.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct Settings {
    /// Built-in theme name: "light", "dark" or "warm".
    pub theme: String,
    /// Page shape: "16:9" or "4:3".
    pub aspect: String,
    /// Most bullets on one slide (2–8) before a section continues on another slide.
    pub max_bullets: usize,
    /// Whether the planner may make quote slides.
    pub quotes: bool,
    /// Whether the planner may make key-figures slides.
    pub figures: bool,
    /// Whether the planner may make chart slides.
    pub charts: bool,
    /// UI language chosen in the settings ("en", "zh"); `None` follows the system locale.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        let opts = Options::default();
        Settings {
            theme: "light".into(),
            aspect: "16:9".into(),
            max_bullets: opts.max_bullets,
            quotes: opts.extras.quotes,
            figures: opts.extras.figures,
            charts: opts.extras.charts,
            lang: None,
        }
    }
}

impl Settings {
    /// The library options these settings stand for.
    ///
    /// Errors: [`CmdErrorKind::Settings`] for an unknown theme or aspect, or bullets
    /// per slide outside [`BULLETS_RANGE`].
    pub fn options(&self) -> Result<Options, CmdError> {
        let bad = |msg: String| CmdError::new(CmdErrorKind::Settings, msg);
        let theme = Theme::built_in(&self.theme)
            .ok_or_else(|| bad(format!("unknown theme \"{}\"", self.theme)))?;
        let aspect = Aspect::parse(&self.aspect)
            .ok_or_else(|| bad(format!("unknown aspect \"{}\" (16:9 or 4:3)", self.aspect)))?;
        let (lo, hi) = BULLETS_RANGE;
        if !(lo..=hi).contains(&self.max_bullets) {
            return Err(bad(format!(
                "bullets per slide must be {lo}–{hi}, not {}",
                self.max_bullets
            )));
        }
        let defaults = Options::default();
        Ok(Options {
            max_bullets: self.max_bullets,
            min_bullets: defaults.min_bullets.min(self.max_bullets),
            layout: LayoutOptions {
                theme,
                aspect,
                notes: false,
            },
            extras: Extras {
                quotes: self.quotes,
                figures: self.figures,
                charts: self.charts,
            },
        })
    }
}

/// The UI language ("en" or "zh"): `DISTILL_LANG` if set to one of them, else the
/// language chosen in the settings, else the system locale (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`, first one set), Chinese for any `zh*` locale, English otherwise.
pub fn ui_language(env: impl Fn(&str) -> Option<String>, chosen: Option<&str>) -> &'static str {
    let known = |v: &str| match v.trim().to_ascii_lowercase().get(..2) {
        Some("zh") => Some("zh"),
        Some("en") => Some("en"),
        _ => None,
    };
    if let Some(lang) = env("DISTILL_LANG").as_deref().and_then(known) {
        return lang;
    }
    if let Some(lang) = chosen.and_then(known) {
        return lang;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| env(k).filter(|v| !v.is_empty()));
    match locale {
        Some(l) if l.to_ascii_lowercase().starts_with("zh") => "zh",
        _ => "en",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn language_precedence_is_override_then_choice_then_locale() {
        assert_eq!(ui_language(env(&[("LANG", "zh_CN.UTF-8")]), None), "zh");
        assert_eq!(ui_language(env(&[("LANG", "de_DE.UTF-8")]), None), "en");
        assert_eq!(ui_language(env(&[]), None), "en");
        assert_eq!(
            ui_language(env(&[("LC_ALL", "en_US"), ("LANG", "zh_CN")]), None),
            "en"
        );
        assert_eq!(ui_language(env(&[("LANG", "zh_CN")]), Some("en")), "en");
        assert_eq!(
            ui_language(
                env(&[("DISTILL_LANG", "zh"), ("LANG", "en_US")]),
                Some("en")
            ),
            "zh"
        );
        assert_eq!(
            ui_language(env(&[("DISTILL_LANG", "fr"), ("LANG", "zh_TW")]), None),
            "zh"
        );
    }

    #[test]
    fn settings_map_to_options_and_reject_bad_values() {
        let s = Settings {
            theme: "dark".into(),
            aspect: "4:3".into(),
            max_bullets: 2,
            quotes: false,
            ..Settings::default()
        };
        let o = s.options().unwrap();
        assert_eq!(o.layout.aspect, Aspect::Standard);
        assert_eq!(o.layout.theme, Theme::built_in("dark").unwrap());
        assert_eq!((o.max_bullets, o.min_bullets), (2, 2));
        assert!(!o.extras.quotes && o.extras.figures);

        let bad_theme = Settings {
            theme: "neon".into(),
            ..Settings::default()
        };
        assert_eq!(
            bad_theme.options().unwrap_err().kind,
            CmdErrorKind::Settings
        );
        let bad_bullets = Settings {
            max_bullets: 40,
            ..Settings::default()
        };
        assert!(bad_bullets.options().unwrap_err().message.contains("40"));
    }
}
