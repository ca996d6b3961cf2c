//! Analysis facts on the seed sample: quotes with speakers, figures, the employer series, the summary.

use std::path::{Path, PathBuf};

use distill::analyse::figures::FigureKind;

fn seed() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/samples/zh-webcopy-openai-talent.txt");
    if p.is_file() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared/samples/zh-webcopy-openai-talent.txt is absent");
        None
    }
}

#[test]
fn quotes_are_found_with_their_speaker_and_scare_quotes_are_not() {
    let Some(path) = seed() else { return };
    let a = distill::analysis_from_path(&path).unwrap();
    for opening in ["OpenAI 的工作氛围比较轻松", "如果当一个码农的话"] {
        let q = a
            .quotes
            .iter()
            .find(|q| q.text.starts_with(opening))
            .unwrap_or_else(|| panic!("quote {opening} missing: {:?}", a.quotes));
        assert_eq!(q.speaker.as_deref(), Some("Twinkle"), "{q:?}");
    }
    // The multi-paragraph quote runs on to its closing paragraph.
    let long = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with("OpenAI 的工作氛围比较轻松"))
        .unwrap();
    assert!(long.text.contains("选择主动加班"), "{long:?}");
    assert_eq!(a.quotes[0].text, long.text, "the longest quote ranks first");
    for scare in ["反叛", "CRUD boy"] {
        assert!(
            a.quotes.iter().all(|q| q.text.trim() != scare),
            "{scare} taken as a quote"
        );
    }
    // Source offsets point at the quoted words.
    let text = std::fs::read_to_string(&path).unwrap();
    let q = a
        .quotes
        .iter()
        .find(|q| q.text.starts_with("如果当一个码农的话"))
        .unwrap();
    assert!(text[q.start..q.end].starts_with("如果当一个码农的话"));
}

#[test]
fn figures_are_found_and_normalised() {
    let Some(path) = seed() else { return };
    let a = distill::analysis_from_path(&path).unwrap();
    let find = |text: &str| {
        a.figures
            .iter()
            .find(|f| f.text == text)
            .unwrap_or_else(|| panic!("figure {text} missing"))
    };
    let staff = find("736 名");
    assert_eq!((staff.kind, staff.value), (FigureKind::Count, 736.0));
    assert_eq!(staff.label, "OpenAI 员工");
    for (text, value) in [
        ("50 万美元", 500_000.0),
        ("1.24 亿美元", 124_000_000.0),
        ("5.8 亿美元", 580_000_000.0),
        ("13 亿美元", 1_300_000_000.0),
        ("44 亿美元", 4_400_000_000.0),
    ] {
        let f = find(text);
        assert_eq!(f.kind, FigureKind::Money, "{f:?}");
        assert_eq!(f.unit, "USD");
        assert!((f.value - value).abs() < 1e-3, "{f:?}");
        assert!(f.label.chars().count() >= 2, "{f:?}");
    }
    // Labels say what the money is, in the article's words, without asides or fillers.
    assert_eq!(find("50 万美元").label, "OpenAI 的工作年薪总包高达");
    assert_eq!(find("13 亿美元").label, "融资额超过");
    assert_eq!(find("44 亿美元").label, "最新估值");
    assert!(find("1.24 亿美元").label.contains("A 轮融资"));
    // A bracketed count is labelled by the name before the bracket.
    assert_eq!(find("34 人").label, "Meta");
    assert!(
        a.figures.iter().all(|f| f.text != "4 项"),
        "GPT-4 is a name"
    );
}

#[test]
fn employer_series_is_detected() {
    let Some(path) = seed() else { return };
    let a = distill::analysis_from_path(&path).unwrap();
    let s = a
        .series
        .iter()
        .find(|s| s.points.len() == 5)
        .unwrap_or_else(|| panic!("employer series missing: {:?}", a.series));
    let got: Vec<(&str, f64)> = s
        .points
        .iter()
        .map(|p| (p.label.as_str(), p.value))
        .collect();
    assert_eq!(
        got,
        vec![
            ("谷歌", 59.0),
            ("Meta", 34.0),
            ("苹果", 15.0),
            ("Dropbox", 14.0),
            ("亚马逊", 11.0)
        ]
    );
}

#[test]
fn chatgpt_and_gpt4_contributors_are_a_series() {
    let Some(path) = seed() else { return };
    let a = distill::analysis_from_path(&path).unwrap();
    let s = a
        .series
        .iter()
        .find(|s| s.points.len() == 2)
        .unwrap_or_else(|| panic!("contributor series missing: {:?}", a.series));
    let got: Vec<(&str, f64)> = s
        .points
        .iter()
        .map(|p| (p.label.as_str(), p.value))
        .collect();
    assert_eq!(got, vec![("ChatGPT 项目", 9.0), ("GPT-4 项目", 33.0)]);
    assert_eq!(s.unit, "人");
}

#[test]
fn summary_sentences_map_to_their_source_bytes() {
    let Some(path) = seed() else { return };
    let s = distill::summarize(&path, 5).unwrap();
    assert_eq!(s.sentences.len(), 5);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        s.sentences[0].score, 1.0,
        "the most relevant sentence comes first"
    );
    for sent in &s.sentences {
        assert_eq!(&text[sent.start..sent.end], sent.text, "{sent:?}");
    }
}
