//! Scenario 1: open the seed sample, edit a bullet, change the theme, export the PDF and read the edit and the theme back from it.

use distill_e2e::{
    colour_distance, pdf_page_image, pdf_text, shared_samples, theme_background, Harness,
};

/// The bullet text the test types (Latin and Han, short enough for one line on a slide).
const EDITED: &str = "Edited in E2E 测试要点";
/// Items of bullet slides (agenda items are derived from section titles, so not these).
const BULLETS: &str = "[data-testid=slide-item][data-kind=bullets] [data-testid=slide-bullet]";
/// The theme the test switches to.
const THEME: &str = "dark";

#[tokio::test]
async fn seed_sample_edit_theme_and_export() {
    let Some(samples) = shared_samples() else {
        return;
    };
    let Some(h) = Harness::new("seed-edit-export") else {
        return;
    };
    let seed = samples.join("zh-webcopy-openai-talent.txt");
    let profile = h.profile();
    let mut app = h.launch(&profile, &[seed.into_os_string()]).await;

    // The deck of the seed sample: several slides, the first is the title slide.
    app.wait_state(&["loaded"]).await;
    let slides = app.wait_count("[data-testid=slide-item]", 4).await;
    let kinds = app
        .js(
            "return Array.from(document.querySelectorAll('[data-testid=slide-item]'), e => e.dataset.kind)",
            vec![],
        )
        .await;
    assert_eq!(
        kinds[0], "title",
        "first slide should be the title slide: {kinds}"
    );
    assert!(
        kinds
            .as_array()
            .expect("kinds")
            .iter()
            .any(|k| k == "bullets"),
        "the seed deck should have bullet slides: {kinds}"
    );
    let footer_leak = app
        .js(
            // The warnings list names dropped boilerplate on purpose; the outline must not
            // contain it.
            "return document.querySelector('[data-testid=\"slide-list\"]').innerText.includes('京ICP备')",
            vec![],
        )
        .await;
    assert_eq!(footer_leak, false, "the site footer reached the outline");
    assert!(slides.len() >= 4);
    app.shot("seed-loaded").await;

    // Edit the first bullet.
    let bullets = app.wait_count(BULLETS, 1).await;
    let before = app.texts(BULLETS).await;
    assert_ne!(before[0], EDITED);
    app.edit(&bullets[0], EDITED, Some("editing")).await;
    app.wait_text(BULLETS, EDITED).await;
    let after = app.texts(BULLETS).await;
    assert_eq!(
        after.len(),
        before.len(),
        "editing one bullet changed the number of bullets"
    );
    assert_eq!(after[1..], before[1..], "other bullets changed");

    // Change the theme; the default differs, so the colour check below can fail.
    let background = theme_background(THEME);
    let select = app.testid("theme-select").await;
    let current = select
        .prop("value")
        .await
        .expect("theme value")
        .unwrap_or_default();
    assert_ne!(current, THEME, "the test needs a theme change");
    assert!(
        colour_distance(theme_background(&current), background) > 24,
        "themes {current} and {THEME} have the same background"
    );
    let deadline = std::time::Instant::now() + distill_e2e::WAIT;
    let mut preview_before = preview_html(&app).await;
    while !preview_before.contains("<img") && !preview_before.contains("<svg") {
        assert!(
            std::time::Instant::now() < deadline,
            "the preview never showed the slide: {preview_before:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        preview_before = preview_html(&app).await;
    }
    select
        .select_by_value(THEME)
        .await
        .unwrap_or_else(|e| panic!("select theme {THEME}: {e}"));
    // The preview is drawn again in the new theme (its <img>/<svg> changes).
    let deadline = std::time::Instant::now() + distill_e2e::WAIT;
    while preview_html(&app).await == preview_before {
        assert!(
            std::time::Instant::now() < deadline,
            "the preview did not change after the theme changed"
        );
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    }
    app.wait_state(&["loaded"]).await;
    app.shot("theme-changed").await;

    // Export (DISTILL_SAVE_PATH makes it skip the save dialog).
    let pdf = profile.save_path();
    app.export().await;
    app.shot("exported").await;
    app.quit().await;

    assert!(pdf.is_file(), "no PDF at {}", pdf.display());
    let text = pdf_text(&pdf);
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(EDITED),
        "the PDF lacks the edited bullet {EDITED:?}; its text:\n{text}"
    );
    // Page 1, rendered small: its corners are the theme's background.
    let page = pdf_page_image(&pdf, 1, 24, &profile.out_dir());
    let (w, hgt) = page.dimensions();
    for (x, y) in [(1, 1), (w - 2, 1), (1, hgt - 2), (w - 2, hgt - 2)] {
        let px = page.get_pixel(x, y).0;
        assert!(
            colour_distance(px, background) <= 6,
            "page 1 at ({x}, {y}) is {px:?}, theme {THEME} background is {background:?}"
        );
    }
}

/// The preview's markup (an <img> of the slide's SVG, or the SVG itself).
async fn preview_html(app: &distill_e2e::App) -> String {
    app.js(
        "const p = document.querySelector('[data-testid=preview]'); return p ? p.innerHTML : ''",
        vec![],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}
