//! Scenario 4: the app is killed (SIGKILL) after an edit; the next start offers the autosaved deck back and restores the edit.

use std::time::{Duration, Instant};

use distill_e2e::{shared_samples, Harness, WAIT};

/// Items of bullet slides (agenda items are derived from section titles, so not these).
const BULLETS: &str = "[data-testid=slide-item][data-kind=bullets] [data-testid=slide-bullet]";

/// The edit that must survive the crash (Latin and Han).
const EDITED: &str = "Kept after a crash 崩溃后保留";

#[tokio::test]
async fn killed_app_offers_the_edit_back() {
    let Some(samples) = shared_samples() else {
        return;
    };
    let Some(h) = Harness::new("crash-restore") else {
        return;
    };
    let seed = samples.join("zh-webcopy-openai-talent.txt");
    let profile = h.profile();

    // First run: open, edit one bullet, wait for the autosave to hold it, kill -9.
    let mut app = h.launch(&profile, &[seed.into_os_string()]).await;
    app.wait_state(&["loaded"]).await;
    let banner = app.all("[data-testid=restore-banner]").await;
    for b in &banner {
        assert!(
            !b.is_displayed().await.unwrap_or(false),
            "a fresh profile has nothing to restore, yet the banner shows"
        );
    }
    let bullets = app.wait_count(BULLETS, 2).await;
    let index = 1;
    let before = app.texts(BULLETS).await;
    app.edit(&bullets[index], EDITED, None).await;
    app.wait_text(BULLETS, EDITED).await;
    app.shot("edited").await;
    let marker = "Kept after a crash";
    let deadline = Instant::now() + WAIT;
    while profile.data_files_containing(marker).is_empty() {
        assert!(
            Instant::now() < deadline,
            "no file under XDG_DATA_HOME ({}) holds the edit after {WAIT:?}: no autosave",
            profile.data_home().display()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    app.kill_app().await;

    // Second run, same XDG folders, no article argument: the banner offers the deck back.
    let mut app = h.launch(&profile, &[]).await;
    let banner = app.testid("restore-banner").await;
    let deadline = Instant::now() + WAIT;
    while !banner.is_displayed().await.unwrap_or(false) {
        assert!(
            Instant::now() < deadline,
            "the restore banner is not shown after a crash"
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    app.shot("restore-offered").await;
    app.testid("restore-accept")
        .await
        .click()
        .await
        .expect("click restore-accept");
    app.wait_state(&["loaded"]).await;
    app.wait_text(BULLETS, EDITED).await;
    let restored = app.texts(BULLETS).await;
    assert_eq!(
        restored.len(),
        before.len(),
        "restored deck has other bullets"
    );
    assert_eq!(restored[index], EDITED, "the edit is not where it was made");
    assert_eq!(restored[0], before[0], "an unedited bullet changed");
    assert!(
        !banner.is_displayed().await.unwrap_or(false),
        "the banner should go away once accepted"
    );
    app.shot("restored").await;
    app.quit().await;
}
