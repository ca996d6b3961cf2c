//! The planner on the reference sample: agenda, quote, key-figures, chart, takeaways and
//! sources slides, and the CLI switches that turn the extras off.

mod common;

use common::*;

fn deck_json(extra: &[&str]) -> Option<serde_json::Value> {
    let samples = samples()?;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("deck.json");
    let input = samples.join("zh-webcopy-openai-talent.txt");
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "convert".as_ref(),
        input.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    let o = distill(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Some(serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap())
}

fn of_kind<'a>(deck: &'a serde_json::Value, kind: &str) -> Vec<&'a serde_json::Value> {
    deck["slides"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["kind"] == kind)
        .collect()
}

#[test]
fn seed_deck_has_every_kind_of_slide() {
    let Some(deck) = deck_json(&[]) else { return };
    let kinds: Vec<&str> = deck["slides"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds.first(), Some(&"title"));
    assert_eq!(kinds.get(1), Some(&"agenda"));
    assert_eq!(kinds.last(), Some(&"sources"));

    // The agenda lists the three question headings.
    let agenda = of_kind(&deck, "agenda");
    assert_eq!(agenda[0]["items"].as_array().unwrap().len(), 3);

    // Quote slides carry the speaker; one of them is Twinkle's quote on the work climate.
    let quotes = of_kind(&deck, "quote");
    assert!(!quotes.is_empty());
    assert!(quotes.iter().all(|q| q["items"][0]["label"].is_string()));
    assert!(quotes.iter().any(|q| q["items"][0]["label"] == "Twinkle"
        && q["items"][0]["text"]
            .as_str()
            .unwrap()
            .starts_with("OpenAI 的工作氛围比较轻松")));

    // A key-figures slide with two to four distinct numbers, each labelled.
    let figures = of_kind(&deck, "figures");
    assert!(!figures.is_empty());
    for f in &figures {
        let items = f["items"].as_array().unwrap();
        assert!((2..=4).contains(&items.len()));
        let texts: Vec<&str> = items.iter().map(|i| i["text"].as_str().unwrap()).collect();
        let mut dedup = texts.clone();
        dedup.dedup();
        assert_eq!(dedup.len(), texts.len(), "{texts:?}");
        assert!(items
            .iter()
            .all(|i| !i["label"].as_str().unwrap_or("").is_empty()));
    }
    let all_figures: Vec<&str> = figures
        .iter()
        .flat_map(|f| f["items"].as_array().unwrap())
        .map(|i| i["text"].as_str().unwrap())
        .collect();
    assert!(all_figures.contains(&"44 亿美元"), "{all_figures:?}");
    // Labels are short and in the article's words: no bracketed asides, no bare "there are".
    for item in figures.iter().flat_map(|f| f["items"].as_array().unwrap()) {
        let label = item["label"].as_str().unwrap();
        assert!(label.chars().count() <= 24, "{label}");
        assert!(!label.contains('(') && !label.ends_with('有'), "{label}");
    }

    // The former-employer series becomes a bar chart.
    let charts = of_kind(&deck, "chart");
    let employers = charts
        .iter()
        .find(|c| c["items"][0]["text"] == "谷歌")
        .expect("employer chart");
    let bars: Vec<(&str, f64)> = employers["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["text"].as_str().unwrap(), i["value"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        bars,
        vec![
            ("谷歌", 59.0),
            ("Meta", 34.0),
            ("苹果", 15.0),
            ("Dropbox", 14.0),
            ("亚马逊", 11.0)
        ]
    );

    assert_eq!(of_kind(&deck, "takeaways").len(), 1);
}

#[test]
fn extras_can_be_turned_off() {
    let Some(deck) = deck_json(&["--no-quotes", "--no-figures", "--no-charts"]) else {
        return;
    };
    for kind in ["quote", "figures", "chart"] {
        assert!(
            of_kind(&deck, kind).is_empty(),
            "{kind} slide made although turned off"
        );
    }
    assert_eq!(of_kind(&deck, "bullets").len(), 4);
}

/// An agenda for a handful of sections, none for hundreds (it would fill slides alone).
#[test]
fn agenda_only_for_a_reasonable_number_of_sections() {
    let dir = tempfile::tempdir().unwrap();
    for (sections, expect_agenda) in [(5, true), (200, false)] {
        let mut md = String::from("# Many parts\n\n");
        for i in 0..sections {
            md.push_str(&format!(
                "## Part {i}\n\nSentence number {i} is here. Another one follows it.\n\n"
            ));
        }
        let input = dir.path().join("many.md");
        std::fs::write(&input, md).unwrap();
        let out = dir.path().join("many.json");
        convert(&input, &out);
        let deck: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
        assert_eq!(
            !of_kind(&deck, "agenda").is_empty(),
            expect_agenda,
            "{sections} sections"
        );
    }
}

/// A page's own address (canonical link, else `og:url`; relative ones ignored) ends on
/// the sources slide as a link.
#[test]
fn the_pages_address_is_a_link_on_the_sources_slide() {
    let dir = tempfile::tempdir().unwrap();
    let para = "<p>The harbour bridge reopened to traffic on Friday morning after a repair programme that lasted two years and cost the city far more than planned.</p>";
    let page = format!(
        "<html><head><title>Bridge reopens</title><link rel=\"canonical\" href=\"/relative/only\"><meta property=\"og:url\" content=\"https://news.example/bridge-reopens\"></head><body><article><h1>Bridge reopens</h1>{para}{para}</article></body></html>"
    );
    let input = dir.path().join("bridge.html");
    std::fs::write(&input, page).unwrap();
    let doc = distill::document_from_path(&input).unwrap();
    assert_eq!(
        doc.meta.url.as_deref(),
        Some("https://news.example/bridge-reopens")
    );
    let out = dir.path().join("bridge.pdf");
    convert(&input, &out);
    let text = squash(&pdf_text(&out));
    assert!(
        text.contains("Link:https://news.example/bridge-reopens"),
        "{text}"
    );
    let pdf = std::fs::read(&out).unwrap();
    let needle = b"https://news.example/bridge-reopens";
    assert!(
        pdf.windows(needle.len()).any(|w| w == needle),
        "the PDF holds the link's URI"
    );
}

/// Japanese and Korean articles get the planner's words in their language (agenda,
/// takeaways, sources, untitled introduction, byline prefix).
#[test]
fn japanese_and_korean_decks_are_labelled_in_their_language() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "ja.md",
            "---\ntitle: 港町の朝市\nauthor: 佐藤一郎\n---\n\n毎朝六時になると、港の広場に小さな市場が開かれる。漁師たちはその日に獲れた魚を並べ、近所の人々が買いに来る。\n\n## 市場の始まり\n\n市場は戦後まもなく始まった。最初は数人の漁師が船の上で魚を売っていただけだった。\n\nやがて農家も野菜を持ち込むようになり、広場はにぎやかになった。\n\n## 今の様子\n\n今では観光客も多く訪れる。週末には五十を超える店が並ぶ。\n\n地元の学生が案内役を務め、外国からの客にも魚の食べ方を教えている。\n\n## これから\n\n市は広場に屋根を付ける計画を進めている。雨の日でも市場が開けるようにするためだ。\n",
            ["はじめに", "目次", "まとめ", "出典"],
            "著者 佐藤一郎",
        ),
        (
            "ko.md",
            "---\ntitle: 항구의 아침 시장\nauthor: 이서연\n---\n\n매일 아침 여섯 시가 되면 항구 광장에 작은 시장이 열린다. 어부들은 그날 잡은 생선을 늘어놓고 이웃들이 사러 온다.\n\n## 시장의 시작\n\n시장은 전쟁이 끝난 직후에 시작되었다. 처음에는 몇몇 어부가 배 위에서 생선을 팔았을 뿐이었다.\n\n곧 농부들도 채소를 가지고 오기 시작했고 광장은 붐비게 되었다.\n\n## 지금의 모습\n\n지금은 관광객도 많이 찾아온다. 주말에는 오십 개가 넘는 가게가 들어선다.\n\n지역 학생들이 안내를 맡아 외국인 손님에게도 생선 먹는 법을 알려 준다.\n\n## 앞으로\n\n시는 광장에 지붕을 씌우는 계획을 추진하고 있다. 비 오는 날에도 시장을 열 수 있도록 하기 위해서다.\n",
            ["들어가며", "목차", "핵심 요약", "출처"],
            "글쓴이 이서연",
        ),
    ];
    for (name, text, titles, byline) in cases {
        let input = dir.path().join(name);
        std::fs::write(&input, text).unwrap();
        let deck = distill::deck_from_path(&input, &distill::Options::default()).unwrap();
        let all: Vec<&str> = deck.slides.iter().map(|s| s.title.as_str()).collect();
        for t in titles {
            assert!(all.contains(&t), "{name}: {t} in {all:?}");
        }
        assert!(
            !all.iter()
                .any(|t| ["Agenda", "Introduction", "Key takeaways", "Sources"].contains(t)),
            "{name}: {all:?}"
        );
        assert_eq!(deck.slides[0].subtitle.as_deref(), Some(byline), "{name}");
    }
}
