//! Scenario 6: Ctrl+V (real X key events) of plain text on the real X clipboard into the empty window makes a deck of it.

use distill_e2e::{required, xdo, Clipboard, Harness};
use std::process::{Command, Stdio};

/// A short article of our own, with a heading per section (Latin and Han in one bullet).
const ARTICLE: &str = "# Night Markets of the River Town\n\n\
## Opening time\n\n\
The night market opens when the last ferry stops running. Stall owners push their carts onto the quay at dusk. \
Lanterns are hung on wires between the old plane trees. The first customers are usually the ferry crews. \
夜市在最后一班渡轮停航后开张。\n\n\
## What is sold\n\n\
Most stalls sell hot food cooked on small charcoal stoves. Noodle soup is the favourite dish on cold nights. \
A few stalls sell cheap toys and second-hand books. The book stall is run by a retired teacher from the school.\n";

#[tokio::test]
async fn ctrl_v_of_plain_text_makes_a_deck() {
    let Some(h) = Harness::new("paste-text") else {
        return;
    };
    let gi_ok = Command::new("/usr/bin/python3")
        .args(["-c", "import gi; gi.require_version('Gtk', '3.0')"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !gi_ok {
        let message = "the paste scenario needs /usr/bin/python3 with GTK 3 (Debian: python3-gi gir1.2-gtk-3.0)";
        if required() {
            panic!("{message}");
        }
        eprintln!("skipping: {message}");
        return;
    }
    let profile = h.profile();
    let mut app = h.launch(&profile, &[]).await;
    app.wait_state(&["empty"]).await;
    let _clipboard = Clipboard::hold(ARTICLE);

    // The user's Ctrl+V: real X key events to the window under the pointer.
    let (x, y) = app.screen_point("[data-testid=empty-state] h1").await;
    xdo(&["mousemove", &x.to_string(), &y.to_string(), "click", "1"]);
    xdo(&["key", "ctrl+v"]);
    app.wait_state(&["loaded"]).await;
    let titles = app.texts("[data-testid=slide-title]").await;
    assert_eq!(
        titles.first().map(String::as_str),
        Some("Night Markets of the River Town"),
        "the pasted article's title slide; titles: {titles:?}"
    );
    for section in ["Opening time", "What is sold"] {
        assert!(
            titles.iter().any(|t| t == section),
            "no slide for the pasted section {section:?}: {titles:?}"
        );
    }
    let outline = app
        .js(
            "return document.querySelector('[data-testid=slide-list]').innerText",
            vec![],
        )
        .await;
    assert!(
        outline.as_str().unwrap_or_default().contains("ferry"),
        "the pasted sentences should be bullets: {outline}"
    );
    app.shot("pasted-deck").await;
    app.quit().await;
}
