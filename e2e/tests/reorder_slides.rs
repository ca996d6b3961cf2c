//! Scenario 7: reorder slides in the outline by keyboard (Alt+↑) and by a real mouse drag, then check the order in the outline and in the exported PDF.

use std::time::Duration;

use distill_e2e::{pdf_text, xdo, App, Harness, WAIT};

const A: &str = "Building the tower";
const B: &str = "Life at the light";
const C: &str = "The end of the keepers";

/// The section slides' titles in outline order.
async fn section_order(app: &App) -> Vec<String> {
    app.texts("[data-testid=slide-item][data-kind=bullets] [data-testid=slide-title]")
        .await
        .into_iter()
        .filter(|t| [A, B, C].contains(&t.as_str()))
        .collect()
}

/// Waits until the section slides read `want`, in order.
async fn wait_order(app: &App, want: [&str; 3]) {
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let have = section_order(app).await;
        if have == want {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "outline order {have:?}, want {want:?}"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
}

/// CSS for the number badge (a non-editable part) of the slide titled `title`.
async fn handle_of(app: &App, title: &str) -> String {
    let index = app
        .js(
            "const items = Array.from(document.querySelectorAll('[data-testid=slide-item]'));\n\
             const li = items.find(li => li.querySelector('[data-testid=slide-title]').textContent.trim() === arguments[0]);\n\
             return li ? Number(li.dataset.index) : null",
            vec![title.into()],
        )
        .await;
    let index = index
        .as_i64()
        .unwrap_or_else(|| panic!("no slide titled {title:?}"));
    format!("[data-testid=slide-item][data-index=\"{index}\"] .slide-num")
}

#[tokio::test]
async fn reorder_by_keyboard_and_drag_reaches_the_pdf() {
    let Some(h) = Harness::new("reorder-slides") else {
        return;
    };
    let profile = h.profile();
    let mut app = h.launch_fixture(&profile, "lighthouse.md").await;
    wait_order(&app, [A, B, C]).await;

    // Keyboard: focus B's outline entry, Alt+↑ moves it above A.
    use distill_e2e::fantoccini::key::Key;
    let css = handle_of(&app, B).await;
    app.client()
        .find(distill_e2e::fantoccini::Locator::Css(&css))
        .await
        .expect("B's badge")
        .click()
        .await
        .expect("click B");
    let alt_up = format!("{}{}{}", Key::Alt, Key::Up, Key::Alt);
    app.client()
        .active_element()
        .await
        .expect("focused slide")
        .send_keys(&alt_up)
        .await
        .expect("Alt+Up");
    wait_order(&app, [B, A, C]).await;
    app.shot("moved-by-keyboard").await;

    // Mouse: a real drag (X pointer events) of C's entry onto B's, which is first.
    let (sx, sy) = app.screen_point(&handle_of(&app, C).await).await;
    let (tx, ty) = app.screen_point(&handle_of(&app, B).await).await;
    xdo(&["mousemove", &sx.to_string(), &sy.to_string()]);
    tokio::time::sleep(Duration::from_millis(150)).await;
    xdo(&["mousedown", "1"]);
    let steps = 12;
    for i in 1..=steps {
        let px = sx + (tx - sx) * i / steps;
        let py = sy + (ty - sy) * i / steps;
        xdo(&["mousemove", &px.to_string(), &py.to_string()]);
        tokio::time::sleep(Duration::from_millis(60)).await;
    }
    // A last wiggle on the target so it sees a drag-over before the drop.
    xdo(&["mousemove", &(tx + 2).to_string(), &ty.to_string()]);
    tokio::time::sleep(Duration::from_millis(100)).await;
    xdo(&["mousemove", &tx.to_string(), &ty.to_string()]);
    tokio::time::sleep(Duration::from_millis(100)).await;
    xdo(&["mouseup", "1"]);
    wait_order(&app, [C, B, A]).await;
    app.shot("moved-by-drag").await;

    // The PDF has the slides in the new order.
    app.export().await;
    app.quit().await;
    let text = pdf_text(&profile.save_path());
    // Pages are separated by form feeds; a section slide's page starts with its title.
    let firsts: Vec<String> = text
        .split('\u{c}')
        .filter_map(|page| page.lines().map(str::trim).find(|l| !l.is_empty()))
        .map(str::to_string)
        .filter(|l| [A, B, C].contains(&l.as_str()))
        .collect();
    assert_eq!(
        firsts,
        [C, B, A],
        "section pages in the PDF are not in the outline's order; PDF text:\n{text}"
    );
}
