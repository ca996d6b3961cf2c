//! Scenario 5: closing the window with unsaved edits asks first (save / discard / cancel); cancel keeps the window and the edit, discard exits; an unedited deck closes at once.

use std::time::{Duration, Instant};

use distill_e2e::{fixtures, Harness, WAIT};

/// Items of bullet slides (agenda items are derived from section titles, so not these).
const BULLETS: &str = "[data-testid=slide-item][data-kind=bullets] [data-testid=slide-bullet]";
/// The edit that must not be dropped silently (Latin and Han).
const EDITED: &str = "Unsaved edit 未保存的修改";
/// A part of it that is plain ASCII in the autosave JSON.
const MARKER: &str = "Unsaved edit";

#[tokio::test]
async fn closing_with_unsaved_edits_asks_first() {
    let Some(h) = Harness::new("close-unsaved") else {
        return;
    };
    let article = fixtures().join("lighthouse.md");
    let profile = h.profile();

    // An unedited deck closes at once: nothing to lose.
    let app = h
        .launch(&profile, &[article.clone().into_os_string()])
        .await;
    app.wait_state(&["loaded"]).await;
    app.request_close().await;
    app.wait_exit().await;

    let mut app = h.launch(&profile, &[article.into_os_string()]).await;
    app.wait_state(&["loaded"]).await;
    let bullets = app.wait_count(BULLETS, 1).await;
    app.edit(&bullets[0], EDITED, None).await;
    app.wait_text(BULLETS, EDITED).await;
    let deadline = Instant::now() + WAIT;
    while profile.data_files_containing(MARKER).is_empty() {
        assert!(Instant::now() < deadline, "the edit was never autosaved");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }

    // The close button: the window stays and asks.
    app.request_close().await;
    app.wait_state(&["closing"]).await;
    let dialog = app.testid("close-dialog").await;
    assert!(
        dialog.is_displayed().await.unwrap_or(false),
        "the close dialog is not shown"
    );
    for id in ["close-save", "close-discard", "close-cancel"] {
        let button = app.testid(id).await;
        assert!(button.is_displayed().await.unwrap_or(false), "{id} hidden");
    }
    app.shot("close-dialog").await;
    assert!(
        app.app_alive(),
        "the app exited although the deck had edits"
    );
    assert!(
        !profile.data_files_containing(MARKER).is_empty(),
        "the autosave must stay while the question is open (a crash now must lose nothing)"
    );

    // Cancel: back to the deck, edit intact, still running.
    app.testid("close-cancel")
        .await
        .click()
        .await
        .expect("click cancel");
    app.wait_state(&["loaded"]).await;
    assert!(
        !dialog.is_displayed().await.unwrap_or(true),
        "the dialog stays after Cancel"
    );
    assert!(app.app_alive(), "Cancel closed the app");
    assert_eq!(app.texts(BULLETS).await[0], EDITED, "Cancel lost the edit");
    assert!(!profile.data_files_containing(MARKER).is_empty());
    app.shot("cancelled").await;

    // Close again and discard: the app exits and the autosave goes with the edit.
    app.request_close().await;
    app.wait_state(&["closing"]).await;
    app.testid("close-discard")
        .await
        .click()
        .await
        .expect("click discard");
    app.wait_exit().await;
    assert!(
        profile.data_files_containing(MARKER).is_empty(),
        "Discard left the autosave behind: {:?}",
        profile.data_files_containing(MARKER)
    );
}
