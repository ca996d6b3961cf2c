//! Scenario 9: after export, "Open PDF" and "Show in folder" hand the exported PDF to the opener (logged through the DISTILL_OPENER_LOG test hook instead of starting a program).

use std::time::{Duration, Instant};

use distill_e2e::{Harness, WAIT};

#[tokio::test]
async fn open_and_show_in_folder_get_the_exported_pdf() {
    let Some(h) = Harness::new("export-open") else {
        return;
    };
    let profile = h.profile();
    let mut app = h.launch_fixture(&profile, "lighthouse.md").await;
    app.export().await;
    let pdf = profile.save_path();
    assert!(pdf.is_file(), "no PDF at {}", pdf.display());
    for id in ["open-pdf", "reveal-pdf"] {
        let button = app.testid(id).await;
        assert!(
            button.is_displayed().await.unwrap_or(false),
            "{id} is not shown after the export"
        );
        button
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {id}: {e}"));
    }
    let log = profile.opener_log();
    let want = format!("open {0}\nreveal {0}\n", pdf.display());
    let deadline = Instant::now() + WAIT;
    loop {
        let have = std::fs::read_to_string(&log).unwrap_or_default();
        if have == want {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "opener log {} reads {have:?}, want {want:?}; status {:?}",
            log.display(),
            app.status_text().await
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    app.shot("exported-actions").await;
    app.quit().await;
}
