//! Analysis facts on English samples, checked against the articles themselves: quotes
//! (block-quoted respondents of the Go survey, quoted slogans of the Rust website post),
//! percentages with labels, and series of bracketed percentages.

mod common;

use distill::analyse::figures::FigureKind;
use distill::analyse::Analysis;

fn analysis(rel: &str) -> Option<Analysis> {
    let path = common::samples()?.join(rel);
    Some(distill::analysis_from_path(&path).unwrap())
}

const GO_SURVEY: &str = "en-md-long-go-survey-2024h1/en-md-long-go-survey-2024h1.md";

#[test]
fn go_survey_respondent_quotes_are_found_without_invented_speakers() {
    let Some(a) = analysis(GO_SURVEY) else { return };
    // The respondents are anonymous: the quotes are found, and nobody is named for them.
    for opening in [
        "These aren't big challenges, but more conveniences I miss in the language.",
        "We want to keep our tech stack as homogenous as possible",
    ] {
        let q = a
            .quotes
            .iter()
            .find(|q| q.text.starts_with(opening))
            .unwrap_or_else(|| panic!("quote {opening:?} missing"));
        assert_eq!(q.speaker, None, "{q:?}");
    }
    assert!(a.quotes.len() >= 10, "{}", a.quotes.len());
}

#[test]
fn go_survey_percentages_carry_labels() {
    let Some(a) = analysis(GO_SURVEY) else { return };
    let satisfied = a
        .figures
        .iter()
        .find(|f| f.text == "93%" && f.sentence.contains("Overall satisfaction remains high"))
        .expect("93% satisfaction figure");
    assert_eq!(
        (satisfied.kind, satisfied.value),
        (FigureKind::Percent, 93.0)
    );
    assert!(satisfied.label.contains("survey"), "{:?}", satisfied.label);
    let percents = a
        .figures
        .iter()
        .filter(|f| f.kind == FigureKind::Percent)
        .count();
    assert!(percents >= 60, "{percents} percentages");
    // Years keep whole words in their labels.
    for f in a.figures.iter().filter(|f| f.kind == FigureKind::Year) {
        let first = f.label.split_whitespace().next().unwrap_or("");
        assert!(
            f.sentence.contains(&format!(" {first}")) || f.sentence.starts_with(first),
            "label {:?} starts inside a word of {:?}",
            f.label,
            f.sentence
        );
    }
}

#[test]
fn go_survey_bracketed_percentages_are_series() {
    let Some(a) = analysis(GO_SURVEY) else { return };
    let points = |first: &str| -> Vec<(String, f64)> {
        a.series
            .iter()
            .find(|s| s.points.first().is_some_and(|p| p.label == first))
            .unwrap_or_else(|| panic!("series starting {first} missing: {:?}", a.series))
            .points
            .iter()
            .map(|p| (p.label.clone(), p.value))
            .collect()
    };
    assert_eq!(
        points("Linux"),
        vec![("Linux".to_string(), 61.0), ("macOS".to_string(), 58.0)]
    );
    assert_eq!(
        points("API/RPC services"),
        vec![
            ("API/RPC services".to_string(), 74.0),
            ("command line tools".to_string(), 63.0)
        ]
    );
}

#[test]
fn rust_website_quotes_are_found_and_not_attributed_to_a_stranger() {
    let Some(a) = analysis("en-md-rust-new-look-website/en-md-rust-new-look-website.md") else {
        return;
    };
    let q = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with("Rust seems neat, but I don’t know"))
        .unwrap_or_else(|| panic!("quote missing: {:?}", a.quotes));
    assert_eq!(q.speaker, None, "{q:?}");
    // The old and new slogans are quoted too.
    assert!(a.quotes.iter().any(|q| q
        .text
        .starts_with("Rust: The programming language that empowers everyone")));
    let years: Vec<f64> = a
        .figures
        .iter()
        .filter(|f| f.kind == FigureKind::Year)
        .map(|f| f.value)
        .collect();
    assert_eq!(years, vec![2014.0, 2018.0]);
}
