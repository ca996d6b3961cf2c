//! The Distill desktop app: a Tauri 2 window over the `distill` library (open an article, see its slides, export the PDF).
//!
//! The shell is thin: [`commands`] turn IPC arguments into library calls run off the UI
//! thread, [`state`] holds the open deck, and the window itself is plain HTML/CSS/JS in `../ui`.

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
