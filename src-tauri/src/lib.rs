//! The Distill desktop app: a Tauri 2 window over the `distill` library (open an article, see its slides, export the PDF).
//!
//! The shell is thin: [`commands`] turn IPC arguments into library calls run off the UI
//! thread, [`state`] holds the open deck, and the window itself is plain HTML/CSS/JS in `../ui`.

#![warn(missing_docs)]

pub mod commands;
pub mod state;

use std::ffi::OsString;
use std::path::PathBuf;

use state::AppState;

/// Registers the app's state and commands on a Tauri builder (shared by [`run`] and the tests).
pub fn with_app<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    state: AppState,
) -> tauri::Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::open_article,
            commands::export_pdf,
            commands::initial_path,
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

/// Starts the app: the dialog plugin, the state (with the command-line article, if any) and the main window.
///
/// Exits with status 1 and a message on stderr if the window cannot be created.
pub fn run() {
    let state = AppState::new(initial_path_from_args(std::env::args_os()));
    let app = with_app(
        tauri::Builder::default().plugin(tauri_plugin_dialog::init()),
        state,
    );
    if let Err(err) = app.run(tauri::generate_context!()) {
        eprintln!("distill-desktop: could not start the window: {err}");
        std::process::exit(1);
    }
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

    #[test]
    fn commands_open_and_export_through_ipc() {
        let dir = std::env::temp_dir().join(format!("distill-desktop-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let article = dir.join("article.md");
        std::fs::write(
            &article,
            "# Rivers of the North\n\nBy Ada Example\n\n## Source\n\n\
             The river rises in the mountains and runs north for four hundred kilometres. \
             Its water feeds three large lakes before it reaches the sea. \
             Farmers along the banks depend on its spring floods.\n\n\
             ## Future\n\n\
             Engineers plan two new dams on the upper river. \
             Critics say the dams will end the spring floods. \
             The government will decide next year after a public inquiry.\n",
        )
        .unwrap();
        let window = mock_window(AppState::new(Some(article.clone())));

        let initial = invoke(&window, "initial_path", serde_json::json!({})).unwrap();
        assert_eq!(initial, serde_json::json!(article.to_string_lossy()));

        let err = invoke(
            &window,
            "export_pdf",
            serde_json::json!({"path": dir.join("x.pdf")}),
        )
        .unwrap_err();
        assert_eq!(err["kind"], "no_deck");

        let deck = invoke(
            &window,
            "open_article",
            serde_json::json!({"path": article}),
        )
        .unwrap();
        assert!(!deck["slides"].as_array().unwrap().is_empty(), "{deck}");

        let pdf = dir.join("deck.pdf");
        let summary = invoke(&window, "export_pdf", serde_json::json!({"path": pdf})).unwrap();
        assert!(summary["pages"].as_u64().unwrap() >= 1, "{summary}");
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));

        let err = invoke(
            &window,
            "open_article",
            serde_json::json!({"path": dir.join("missing.md")}),
        )
        .unwrap_err();
        assert_eq!(err["kind"], "open");
        assert!(
            err["message"].as_str().unwrap().contains("missing.md"),
            "{err}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
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
