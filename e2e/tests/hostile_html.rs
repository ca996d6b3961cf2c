//! Scenario 3: a hostile HTML article is imported; its markup shows as literal text and none of its scripts run.

use distill_e2e::serde_json::Value;
use distill_e2e::{fixtures, Harness};

#[tokio::test]
async fn hostile_html_shows_as_text_and_runs_no_script() {
    let Some(h) = Harness::new("hostile-html") else {
        return;
    };
    let profile = h.profile();
    // Import from a copy, so the check below can also confirm the input is left untouched.
    let article = profile.out_dir().join("hostile.html");
    let original = std::fs::read(fixtures().join("hostile.html")).expect("fixture");
    std::fs::write(&article, &original).expect("copy fixture");

    let mut app = h
        .launch(&profile, &[article.clone().into_os_string()])
        .await;
    app.wait_state(&["loaded"]).await;
    app.wait_count("[data-testid=slide-item]", 2).await;
    app.shot("hostile-loaded").await;

    // Escaped markup in the article (`&lt;script&gt;` in a heading) is text and must read as
    // such in the outline: the characters `<script>` are visible, no element was made of them.
    let titles: Vec<String> = {
        let mut out = Vec::new();
        for el in app.all("[data-testid=slide-title]").await {
            out.push(text_of(&app, &el).await);
        }
        out
    };
    assert!(
        titles
            .iter()
            .any(|t| t.contains("Water <script>alert(1)</script> in the reading room")),
        "the heading's escaped <script> should show literally; slide titles: {titles:?}"
    );
    assert!(
        titles
            .iter()
            .any(|t| t.contains("What comes next for the <i>harbour</i>")),
        "the heading's escaped <i> should show literally; slide titles: {titles:?}"
    );
    // The article's real text made it through extraction.
    let body = app
        .js("return document.body.innerText", vec![])
        .await
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(
        body.contains("twelve thousand books"),
        "article paragraphs should reach the outline; page text:\n{body}"
    );

    // Nothing executable from the article reached the DOM, and no payload ran.
    let dom = app
        .js(
            r#"return {
                pwned: typeof window.__pwned,
                iframes: document.querySelectorAll('iframe, object, embed').length,
                handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
                jsLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
                scripts: Array.from(document.scripts).filter(s => !s.src).length,
                title: document.title
            }"#,
            vec![],
        )
        .await;
    assert_eq!(
        dom["pwned"],
        Value::from("undefined"),
        "a payload ran: {dom}"
    );
    assert_eq!(dom["iframes"], Value::from(0), "{dom}");
    assert_eq!(dom["handlers"], Value::from(0), "{dom}");
    assert_eq!(dom["jsLinks"], Value::from(0), "{dom}");
    assert_eq!(
        dom["scripts"],
        Value::from(0),
        "inline scripts in the page: {dom}"
    );
    assert_ne!(dom["title"], Value::from("pwned"), "{dom}");

    // Give any delayed payload (an image error handler, a frame load) time to fire, then look again.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(
        app.js("return typeof window.__pwned", vec![]).await,
        Value::from("undefined"),
        "a delayed payload ran"
    );
    app.shot("hostile-checked").await;
    app.quit().await;

    assert_eq!(
        std::fs::read(&article).expect("article still there"),
        original,
        "the app modified its input"
    );
}

/// The element's text content (what a reader sees, markup-free).
async fn text_of(
    app: &distill_e2e::App,
    el: &distill_e2e::fantoccini::elements::Element,
) -> String {
    app.js(
        "return arguments[0].textContent",
        vec![distill_e2e::serde_json::to_value(el).expect("element as json")],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}
