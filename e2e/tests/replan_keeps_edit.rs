//! Scenario 8: changing bullets per slide plans the deck again and re-renders it, and an earlier edit is kept.

use std::time::{Duration, Instant};

use distill_e2e::{App, Harness, WAIT};

const BULLET_SLIDES: &str = "[data-testid=slide-item][data-kind=bullets]";
const BULLETS: &str = "[data-testid=slide-item][data-kind=bullets] [data-testid=slide-bullet]";
/// The edit that must survive the re-plan (Latin and Han).
const EDITED: &str = "Kept through a re-plan 重新规划后保留";

/// Number of bullets on each bullets slide, in order.
async fn per_slide(app: &App) -> Vec<usize> {
    app.js(
        "return Array.from(document.querySelectorAll(arguments[0]), li => li.querySelectorAll('[data-testid=slide-bullet]').length)",
        vec![BULLET_SLIDES.into()],
    )
    .await
    .as_array()
    .expect("counts")
    .iter()
    .map(|v| v.as_u64().unwrap_or(0) as usize)
    .collect()
}

/// The preview's `<img>` sources (blob: URLs, new ones after every render).
async fn preview_srcs(app: &App) -> String {
    app.js(
        "return Array.from(document.querySelectorAll('[data-testid=preview] img'), i => i.src).join(' ')",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

#[tokio::test]
async fn fewer_bullets_per_slide_replans_and_keeps_the_edit() {
    let Some(h) = Harness::new("replan-keeps-edit") else {
        return;
    };
    let profile = h.profile();
    let mut app = h.launch_fixture(&profile, "lighthouse.md").await;
    let before = per_slide(&app).await;
    assert!(
        before.iter().all(|&n| n > 3),
        "the fixture's sections should plan more than 3 bullets each: {before:?}"
    );
    let bullets = app.wait_count(BULLETS, 1).await;
    app.edit(&bullets[0], EDITED, None).await;
    app.wait_text(BULLETS, EDITED).await;
    // Clicking the bullet showed its source sentence; only the source panel scrolls to it,
    // the side pane keeps the settings in view (it used to scroll them away).
    let side = app
        .js(
            "return document.querySelector('.side-pane').scrollTop",
            vec![],
        )
        .await;
    assert_eq!(side.as_f64(), Some(0.0), "the side pane scrolled: {side}");
    let deadline = Instant::now() + WAIT;
    let mut srcs = preview_srcs(&app).await;
    while srcs.is_empty() {
        assert!(Instant::now() < deadline, "the preview never showed");
        tokio::time::sleep(Duration::from_millis(150)).await;
        srcs = preview_srcs(&app).await;
    }

    app.testid("bullets-select")
        .await
        .select_by_value("3")
        .await
        .expect("select 3 bullets per slide");
    // Re-planned: at most 3 bullets per slide, except the edited one kept on top of them.
    let deadline = Instant::now() + WAIT;
    loop {
        let now = per_slide(&app).await;
        if now.len() == before.len() && now[1..].iter().all(|&n| n == 3) && now[0] <= 4 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "bullets per slide after choosing 3: {now:?} (before {before:?})"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    app.wait_state(&["loaded"]).await;
    let texts = app.texts(BULLETS).await;
    assert!(
        texts.contains(&EDITED.to_string()),
        "the re-plan dropped the edit; bullets: {texts:?}"
    );
    // And drawn again: the preview's images are new.
    let deadline = Instant::now() + WAIT;
    while preview_srcs(&app).await == srcs {
        assert!(
            Instant::now() < deadline,
            "the preview was not rendered again"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    app.shot("replanned").await;

    // Undo brings back the deck as it was before the re-plan.
    let undo = format!(
        "{}z{}",
        distill_e2e::fantoccini::key::Key::Control,
        distill_e2e::fantoccini::key::Key::Control
    );
    app.testid("slide-item")
        .await
        .send_keys(&undo)
        .await
        .expect("Ctrl+Z");
    let deadline = Instant::now() + WAIT;
    while per_slide(&app).await != before {
        assert!(
            Instant::now() < deadline,
            "Ctrl+Z did not bring back {before:?}: {:?}",
            per_slide(&app).await
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    assert_eq!(app.texts(BULLETS).await[0], EDITED);
    app.quit().await;
}
