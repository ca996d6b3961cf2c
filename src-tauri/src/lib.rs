//! The Distill desktop app: a Tauri 2 window over the `distill` library (open an article, edit its deck, see the exact slides, export the PDF).
//!
//! The shell is thin: [`commands`] turn IPC arguments into library calls run off the UI
//! thread, [`state`] holds the article and the app's folders, [`store`] the autosave,
//! settings and recent files, [`settings`] maps the settings panel to library options,
//! and [`types`] generates the front end's TypeScript types. The window itself is the
//! TypeScript app in `../ui` (built by Vite into `../ui/dist`).

#![warn(missing_docs)]

pub mod commands;
pub mod settings;
pub mod state;
pub mod store;
pub mod types;

use std::ffi::OsString;
use std::path::PathBuf;

use state::AppState;
use tauri::Manager;

/// Registers the app's state and commands on a Tauri builder (shared by [`run`] and the tests).
pub fn with_app<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    state: AppState,
) -> tauri::Builder<R> {
    builder
        .manage(state)
        .setup(|app| {
            // The app's data and config folders ($XDG_DATA_HOME / $XDG_CONFIG_HOME on Linux).
            let paths = app.path();
            let dirs = store::Dirs {
                data: paths.app_data_dir()?,
                config: paths.app_config_dir()?,
            };
            app.state::<AppState>().init_dirs(dirs);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::startup,
            commands::open_file,
            commands::open_pasted,
            commands::attach_article,
            commands::replan,
            commands::render_deck,
            commands::export_pdf,
            commands::open_export,
            commands::reveal_export,
            commands::save_project,
            commands::autosave,
            commands::discard_autosave,
            commands::save_settings,
        ])
}

/// The article to open at start: the first command-line argument after the program name,
/// made absolute against the current directory (`distill-desktop article.md`).
pub fn initial_path_from_args<I: IntoIterator<Item = OsString>>(args: I) -> Option<PathBuf> {
    let arg = args.into_iter().nth(1)?;
    if arg.is_empty() {
        return None;
    }
    let path = PathBuf::from(arg);
    Some(std::path::absolute(&path).unwrap_or(path))
}

/// Starts the app: the dialog plugin, the state (command-line article,
/// `DISTILL_SAVE_PATH`, `DISTILL_OPENER_LOG`) and the main window. A clean exit removes
/// the autosave (the window asks before closing with unsaved edits).
///
/// Exits with status 1 and a message on stderr if the window cannot be created.
pub fn run() {
    let save_path = std::env::var_os("DISTILL_SAVE_PATH")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from);
    let opener_log = std::env::var_os("DISTILL_OPENER_LOG")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from);
    let state = AppState::new(initial_path_from_args(std::env::args_os()))
        .with_save_path_override(save_path)
        .with_opener_log(opener_log);
    let app = with_app(
        tauri::Builder::default().plugin(tauri_plugin_dialog::init()),
        state,
    )
    .build(tauri::generate_context!());
    let app = match app {
        Ok(app) => app,
        Err(err) => {
            eprintln!("distill-desktop: could not start the window: {err}");
            std::process::exit(1);
        }
    };
    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            // Closed cleanly: nothing to offer back at the next start.
            if let Some(dirs) = handle.state::<AppState>().dirs() {
                dirs.clear_autosave();
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use tauri::ipc::{CallbackFn, InvokeBody};
    use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
    use tauri::webview::InvokeRequest;

    /// The app as `run` builds it (real config and capabilities), on the mock runtime.
    fn mock_window(state: AppState) -> tauri::WebviewWindow<MockRuntime> {
        let app = with_app(mock_builder(), state)
            .build(tauri::generate_context!())
            .expect("app builds");
        tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("window builds")
    }

    /// Invokes `cmd` with JSON `args` as the window's front end would.
    fn invoke(
        window: &tauri::WebviewWindow<MockRuntime>,
        cmd: &str,
        args: serde_json::Value,
    ) -> Result<serde_json::Value, serde_json::Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(window, request).map(|body| body.deserialize().unwrap())
    }

    const ARTICLE: &str = "# Rivers of the North\n\nBy Ada Example\n\n## Source\n\n\
         The river rises in the mountains and runs north for four hundred kilometres. \
         Its water feeds three large lakes before it reaches the sea. \
         Farmers along the banks depend on its spring floods.\n\n\
         ## Future\n\n\
         Engineers plan two new dams on the upper river. \
         Critics say the dams will end the spring floods. \
         The government will decide next year after a public inquiry.\n";

    fn test_state(dir: &std::path::Path, initial: Option<PathBuf>) -> AppState {
        AppState::new(initial).with_dirs(store::Dirs {
            data: dir.join("data"),
            config: dir.join("config"),
        })
    }

    #[test]
    fn open_render_edit_export_through_ipc() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let article = dir.join("article.md");
        std::fs::write(&article, ARTICLE).unwrap();
        let window = mock_window(test_state(dir, Some(article.clone())));
        let settings = serde_json::to_value(settings::Settings::default()).unwrap();

        let start = invoke(&window, "startup", serde_json::json!({})).unwrap();
        assert_eq!(start["initial_path"], serde_json::json!(article));
        assert!(start.get("autosave").is_none(), "{start}");
        assert_eq!(start["settings"]["theme"], "light");

        let opened = invoke(
            &window,
            "open_file",
            serde_json::json!({"path": article, "settings": settings}),
        )
        .unwrap();
        let text = opened["article_text"].as_str().unwrap();
        assert_eq!(text, ARTICLE);
        assert_eq!(opened["recent"], serde_json::json!([article]));
        let mut deck = opened["deck"].clone();
        let slides = deck["slides"].as_array().unwrap();
        // Every sourced item's byte range points at its own text in the article.
        let item = slides
            .iter()
            .flat_map(|s| s["items"].as_array().unwrap())
            .find(|i| !i["source"].as_array().unwrap().is_empty())
            .expect("a sourced item");
        let (a, b) = (
            item["source"][0][0].as_u64().unwrap() as usize,
            item["source"][0][1].as_u64().unwrap() as usize,
        );
        assert!(text[a..b].contains(item["text"].as_str().unwrap().trim_end_matches('.')));

        // The front end's edit, then the exact slides and the PDF carry it.
        let bullets = slides
            .iter()
            .position(|s| s["kind"] == "bullets")
            .expect("a bullets slide");
        deck["slides"][bullets]["items"][0]["text"] = "Edited bullet ZQX".into();
        let dark = serde_json::json!({"theme": "dark", "aspect": "4:3", "max_bullets": 5,
            "quotes": true, "figures": true, "charts": true});
        let rendered = invoke(
            &window,
            "render_deck",
            serde_json::json!({"deck": deck, "settings": dark}),
        )
        .unwrap();
        let pages = rendered["pages"].as_array().unwrap();
        assert!(pages.len() >= deck["slides"].as_array().unwrap().len());
        let svg = pages.iter().find(|p| p["slide"] == bullets).unwrap()["svg"]
            .as_str()
            .unwrap();
        assert!(
            svg.starts_with("<svg") || svg.starts_with("<?xml"),
            "{svg:.80}"
        );
        assert!(svg.contains("720"), "4:3 pages are 720 pt wide");

        let pdf = dir.join("out");
        let summary = invoke(
            &window,
            "export_pdf",
            serde_json::json!({"deck": deck, "settings": dark, "path": pdf,
                "onProgress": "__CHANNEL__:7"}),
        )
        .unwrap();
        let written = dir.join("out.pdf");
        assert_eq!(summary["path"], serde_json::json!(written));
        assert!(std::fs::read(&written).unwrap().starts_with(b"%PDF"));
        assert_eq!(summary["pages"].as_u64().unwrap() as usize, pages.len());

        // Replanning with fewer bullets per slide gives slides of at most that many bullets.
        let two = serde_json::json!({"theme": "light", "aspect": "16:9", "max_bullets": 2,
            "quotes": true, "figures": true, "charts": true});
        let replanned = invoke(&window, "replan", serde_json::json!({"settings": two})).unwrap();
        for s in replanned["slides"].as_array().unwrap() {
            if s["kind"] == "bullets" {
                assert!(s["items"].as_array().unwrap().len() <= 2, "{s}");
            }
        }

        let err = invoke(
            &window,
            "open_file",
            serde_json::json!({"path": dir.join("missing.md"), "settings": settings}),
        )
        .unwrap_err();
        assert_eq!(err["kind"], "open");
        assert!(
            err["message"].as_str().unwrap().contains("missing.md"),
            "{err}"
        );

        let err = invoke(
            &window,
            "render_deck",
            serde_json::json!({"deck": deck, "settings": {"theme": "neon"}}),
        )
        .unwrap_err();
        assert_eq!(err["kind"], "settings");
    }

    #[test]
    fn autosave_is_offered_at_next_start_until_saved_as_a_project() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let article = dir.join("article.md");
        std::fs::write(&article, ARTICLE).unwrap();
        let settings = serde_json::to_value(settings::Settings::default()).unwrap();
        let first = mock_window(test_state(dir, None));
        let opened = invoke(
            &first,
            "open_file",
            serde_json::json!({"path": article, "settings": settings}),
        )
        .unwrap();
        let mut deck = opened["deck"].clone();
        deck["slides"][0]["title"] = "Kept after a crash".into();
        invoke(
            &first,
            "autosave",
            serde_json::json!({"deck": deck, "article": article, "project": null}),
        )
        .unwrap();
        drop(first);

        // A new run with the same folders (as after kill -9) is offered the edit.
        let second = mock_window(test_state(dir, None));
        let start = invoke(&second, "startup", serde_json::json!({})).unwrap();
        assert_eq!(
            start["autosave"]["deck"]["slides"][0]["title"],
            "Kept after a crash"
        );
        assert_eq!(start["autosave"]["article"], serde_json::json!(article));
        let text = invoke(
            &second,
            "attach_article",
            serde_json::json!({"path": article}),
        )
        .unwrap();
        assert_eq!(text, ARTICLE);

        // Saving the project writes the deck JSON and clears the offer.
        let saved = invoke(
            &second,
            "save_project",
            serde_json::json!({"deck": deck, "path": dir.join("talk")}),
        )
        .unwrap();
        let saved = PathBuf::from(saved.as_str().unwrap());
        assert!(saved.ends_with("talk.distill.json"));
        let back = distill::Deck::load(&saved).unwrap();
        assert_eq!(back.slides[0].title, "Kept after a crash");
        let start = invoke(&second, "startup", serde_json::json!({})).unwrap();
        assert!(start.get("autosave").is_none(), "{start}");
        assert_eq!(start["recent"][0], serde_json::json!(saved));

        // The project opens as saved, without an article.
        let reopened = invoke(
            &second,
            "open_file",
            serde_json::json!({"path": saved, "settings": settings}),
        )
        .unwrap();
        assert_eq!(reopened["deck"]["slides"][0]["title"], "Kept after a crash");
        assert!(reopened.get("article_text").is_none());
        let err = invoke(&second, "replan", serde_json::json!({"settings": settings})).unwrap_err();
        assert_eq!(err["kind"], "no_article");
    }

    #[test]
    fn pasted_html_makes_a_deck_with_its_text_only() {
        let tmp = tempfile::tempdir().unwrap();
        let window = mock_window(test_state(tmp.path(), None));
        let html = "<html><head><title>Lanterns</title><script>window.__pwned=1</script></head>\
            <body><article><h1>Lanterns of the harbour</h1>\
            <p>The harbour lights its lanterns every evening at dusk. Fishermen use them to find the way home. \
            The custom is three hundred years old.</p>\
            <p>Tourists now come to watch the lighting. The town sells paper lanterns to visitors. \
            Some say the custom has become a show.</p></article></body></html>";
        let opened = invoke(
            &window,
            "open_pasted",
            serde_json::json!({"text": html, "format": "html",
                "settings": settings::Settings::default()}),
        )
        .unwrap();
        let deck = opened["deck"].to_string();
        assert!(deck.contains("lanterns"), "{deck}");
        assert!(!deck.contains("__pwned"), "{deck}");
        assert!(opened.get("article_path").is_none());
    }

    #[test]
    fn first_argument_is_the_initial_path_made_absolute() {
        let args = ["distill-desktop", "article.md"].map(OsString::from);
        let path = initial_path_from_args(args).expect("a path");
        assert!(path.is_absolute());
        assert!(path.ends_with("article.md"));
        assert_eq!(
            initial_path_from_args([OsString::from("distill-desktop")]),
            None
        );
    }
}
