//! Harness for the desktop end-to-end tests: starts the real app window through tauri-driver, drives it, saves screenshots.
//!
//! One test file per scenario (`tests/*.rs`). Each test calls [`Harness::new`], which returns
//! `None` (after printing why) when the tools or the display are missing — unless the run was
//! started by `scripts/e2e.sh`, which sets `DISTILL_E2E_REQUIRED=1`, in which case a missing
//! tool is a failure with a message naming it. [`Harness::launch`] starts one tauri-driver
//! (own `--port`/`--native-port`, environment set for the app) and a WebDriver session whose
//! `tauri:options.application` is `target/debug/distill-desktop`. The app and the tests agree on
//! the hooks in `/work/briefs/ui-contract.md`: `data-testid` attributes and
//! `document.body.dataset.state`.

use std::ffi::OsString;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

pub use fantoccini;
pub use serde_json;

/// How long a wait for an app state or element may take before the test fails (a debug build
/// of the app under Xvfb on a loaded 2-core machine plans the seed sample in a few seconds).
pub const WAIT: Duration = Duration::from_secs(60);

/// The repository root (the parent of this crate's folder).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("e2e/ has a parent")
        .to_path_buf()
}

/// `../shared/samples` beside the repository, or `None` (with a message) when it is absent.
pub fn shared_samples() -> Option<PathBuf> {
    let dir = repo_root().join("../shared/samples");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipping: ../shared/samples is absent (shared sample articles are not checked in)"
        );
        None
    }
}

/// `../shared/tools` beside the repository, or `None` (with a message) when it is absent.
pub fn shared_tools() -> Option<PathBuf> {
    let dir = repo_root().join("../shared/tools");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: ../shared/tools is absent (the X11 drag source lives there)");
        None
    }
}

/// This crate's own fixtures folder (`e2e/fixtures`), written for these tests.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// True when `scripts/e2e.sh` started the run: missing tools then fail the test instead of skipping it.
pub fn required() -> bool {
    std::env::var_os("DISTILL_E2E_REQUIRED").is_some_and(|v| v == "1")
}

/// Finds `name` on `PATH` or in `~/.cargo/bin`.
pub fn find_tool(name: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    dirs.into_iter().map(|d| d.join(name)).find(|p| p.is_file())
}

/// The debug app binary: `DISTILL_E2E_APP`, else `distill-desktop` in the debug folder of
/// `CARGO_TARGET_DIR` (relative to the repository root when relative), else `target/debug`.
pub fn app_binary() -> PathBuf {
    if let Some(app) = std::env::var_os("DISTILL_E2E_APP").filter(|a| !a.is_empty()) {
        return PathBuf::from(app);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .filter(|t| !t.is_empty())
        .map(|t| repo_root().join(t))
        .unwrap_or_else(|| repo_root().join("target"));
    target.join("debug/distill-desktop")
}

/// What every scenario needs: the app binary, tauri-driver, WebKitWebDriver, an X display,
/// and the folder screenshots go to.
#[derive(Debug, Clone)]
pub struct Harness {
    /// The scenario's name; prefixes its screenshots and temp folders.
    pub scenario: String,
    /// The app binary ([`app_binary`]).
    pub app: PathBuf,
    /// The `tauri-driver` executable.
    pub tauri_driver: PathBuf,
    /// `WebKitWebDriver`, passed to tauri-driver with `--native-driver`.
    pub native_driver: PathBuf,
    /// Where screenshots are saved (`DISTILL_E2E_SHOTS`, default `target/e2e-shots`).
    pub shots: PathBuf,
    /// UI language the app is started in (`DISTILL_LANG` of the test run, default `en`).
    pub lang: String,
}

impl Harness {
    /// Checks the tools and the display. Returns `None` after printing a `skipping:` line when
    /// one is missing, or panics with the same message when [`required`] is set.
    pub fn new(scenario: &str) -> Option<Harness> {
        let mut missing = Vec::new();
        let app = app_binary();
        if !app.is_file() {
            missing.push(format!(
                "the app binary {} (build it: cargo build -p distill-desktop)",
                app.display()
            ));
        }
        let tauri_driver = find_tool("tauri-driver");
        if tauri_driver.is_none() {
            missing.push("tauri-driver (cargo install tauri-driver --locked)".to_string());
        }
        let native_driver = find_tool("WebKitWebDriver");
        if native_driver.is_none() {
            missing.push("WebKitWebDriver (Debian package webkit2gtk-driver)".to_string());
        }
        if std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty()) {
            missing.push("an X display: DISPLAY is unset (scripts/e2e.sh starts Xvfb)".to_string());
        }
        if !missing.is_empty() {
            let message = format!(
                "end-to-end scenario `{scenario}` needs {}",
                missing.join(", ")
            );
            if required() {
                panic!("{message}");
            }
            eprintln!("skipping: {message}; run scripts/e2e.sh");
            return None;
        }
        let shots = std::env::var_os("DISTILL_E2E_SHOTS")
            .map(PathBuf::from)
            .unwrap_or_else(|| repo_root().join("target/e2e-shots"));
        std::fs::create_dir_all(&shots)
            .unwrap_or_else(|e| panic!("cannot create {}: {e}", shots.display()));
        let lang = std::env::var("DISTILL_LANG")
            .ok()
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| "en".to_string());
        Some(Harness {
            scenario: scenario.to_string(),
            app,
            tauri_driver: tauri_driver.expect("checked"),
            native_driver: native_driver.expect("checked"),
            shots,
            lang,
        })
    }

    /// A fresh profile (XDG data and config folders) for this scenario.
    pub fn profile(&self) -> Profile {
        let root = tempfile::Builder::new()
            .prefix(&format!("distill-e2e-{}-", self.scenario))
            .tempdir()
            .expect("temp dir");
        for sub in ["data", "config", "out"] {
            std::fs::create_dir_all(root.path().join(sub)).expect("profile folder");
        }
        Profile { root }
    }

    /// [`Harness::launch`] with the fixture article `name` (in [`fixtures`]) as the file to
    /// open, waiting until its deck is loaded (body state `loaded`).
    pub async fn launch_fixture(&self, profile: &Profile, name: &str) -> App {
        let app = self
            .launch(profile, &[fixtures().join(name).into_os_string()])
            .await;
        app.wait_state(&["loaded"]).await;
        app
    }

    /// Starts tauri-driver and the app (with `args` after the program name) in `profile`, and
    /// opens a WebDriver session on its window. Panics with the driver's log on failure.
    pub async fn launch(&self, profile: &Profile, args: &[OsString]) -> App {
        let port = free_port();
        let native_port = free_port();
        let log_path = profile.root.path().join(format!("tauri-driver-{port}.log"));
        let log = std::fs::File::create(&log_path).expect("driver log");
        let mut cmd = Command::new(&self.tauri_driver);
        cmd.arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .arg("--native-driver")
            .arg(&self.native_driver)
            // The environment reaches the app through tauri-driver and WebKitWebDriver.
            .env("GSETTINGS_BACKEND", "memory")
            .env("XDG_DATA_HOME", profile.data_home())
            .env("XDG_CONFIG_HOME", profile.config_home())
            .env("DISTILL_SAVE_PATH", profile.save_path())
            .env("DISTILL_OPENER_LOG", profile.opener_log())
            .env("DISTILL_LANG", &self.lang)
            .env("NO_AT_BRIDGE", "1")
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log);
        let child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", self.tauri_driver.display()));
        let mut driver = Driver {
            child,
            log: log_path,
            pids: Vec::new(),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                panic!(
                    "tauri-driver did not listen on 127.0.0.1:{port}; log:\n{}",
                    driver.log_text()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let args: Vec<String> = args
            .iter()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".to_string(),
            json!({ "application": self.app, "args": args }),
        );
        let client = match ClientBuilder::native()
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => client,
            Err(err) => panic!(
                "no WebDriver session on the app: {err}; tauri-driver log:\n{}",
                driver.log_text()
            ),
        };
        driver.pids = descendants(driver.child.id());
        let app = App {
            client: Some(client),
            driver,
            harness: self.clone(),
            shot_count: 0,
        };
        app.wait_for_ready().await;
        app
    }
}

/// Per-test XDG folders (`data`, `config`) and an `out` folder for exports, under one temp dir
/// that is removed when the profile is dropped. Reuse it across launches to test restarts.
#[derive(Debug)]
pub struct Profile {
    root: tempfile::TempDir,
}

impl Profile {
    /// `XDG_DATA_HOME` of the app (autosave, recent files live below it).
    pub fn data_home(&self) -> PathBuf {
        self.root.path().join("data")
    }
    /// `XDG_CONFIG_HOME` of the app.
    pub fn config_home(&self) -> PathBuf {
        self.root.path().join("config")
    }
    /// `DISTILL_SAVE_PATH`: where Export writes the PDF without a dialog.
    pub fn save_path(&self) -> PathBuf {
        self.root.path().join("out/deck.pdf")
    }
    /// `DISTILL_OPENER_LOG`: "Open PDF" / "Show in folder" append `open|reveal PATH` lines here
    /// instead of starting a program.
    pub fn opener_log(&self) -> PathBuf {
        self.root.path().join("opener.log")
    }
    /// A scratch folder for the test's own files.
    pub fn out_dir(&self) -> PathBuf {
        self.root.path().join("out")
    }
    /// Files under the data folder whose bytes contain `needle` (how a test sees an autosave).
    pub fn data_files_containing(&self, needle: &str) -> Vec<PathBuf> {
        let mut found = Vec::new();
        let mut stack = vec![self.data_home()];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if std::fs::read(&path)
                    .map(|bytes| String::from_utf8_lossy(&bytes).contains(needle))
                    .unwrap_or(false)
                {
                    found.push(path);
                }
            }
        }
        found
    }
}

/// The tauri-driver process of one launch and the processes it started (WebKitWebDriver, the app).
#[derive(Debug)]
struct Driver {
    child: Child,
    log: PathBuf,
    pids: Vec<u32>,
}

impl Driver {
    fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGTERM to tauri-driver (it stops its native driver), then SIGKILL to whatever it started
    /// that is still alive after two seconds.
    fn stop(&mut self) {
        let mut pids = self.pids.clone();
        pids.extend(descendants(self.child.id()));
        signal(self.child.id(), "TERM");
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        if !matches!(self.child.try_wait(), Ok(Some(_))) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        for pid in pids {
            if Path::new(&format!("/proc/{pid}")).exists() {
                signal(pid, "KILL");
            }
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.stop();
    }
}

/// One running app window and its WebDriver session.
pub struct App {
    client: Option<Client>,
    driver: Driver,
    harness: Harness,
    shot_count: usize,
}

impl App {
    /// The WebDriver client.
    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("session open")
    }

    /// Waits until the page has loaded and reports a state (`document.body.dataset.state`).
    async fn wait_for_ready(&self) {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(Value::String(state)) = self
                .client()
                .execute(
                    "return document.readyState === 'complete' && document.body ? (document.body.dataset.state || '') : null",
                    vec![],
                )
                .await
            {
                if !state.is_empty() {
                    return;
                }
            }
            if Instant::now() > deadline {
                panic!(
                    "the window never reported document.body.dataset.state; tauri-driver log:\n{}",
                    self.driver.log_text()
                );
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page and returns its value.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client()
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// The current `document.body.dataset.state`.
    pub async fn state(&self) -> String {
        match self
            .js("return document.body.dataset.state || ''", vec![])
            .await
        {
            Value::String(s) => s,
            other => other.to_string(),
        }
    }

    /// Waits until the state is one of `wanted` and returns it; fails at once on `error` unless
    /// it is wanted, and after [`WAIT`] otherwise, quoting the status text.
    pub async fn wait_state(&self, wanted: &[&str]) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let state = self.state().await;
            if wanted.contains(&state.as_str()) {
                return state;
            }
            if state == "error" || Instant::now() > deadline {
                panic!(
                    "waited for state {wanted:?}, window is in {state:?}; status: {:?}",
                    self.status_text().await
                );
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// The text of the `status` element (empty if there is none).
    pub async fn status_text(&self) -> String {
        match self
            .js(
                "const s = document.querySelector('[data-testid=status]'); return s ? s.textContent : ''",
                vec![],
            )
            .await
        {
            Value::String(s) => s,
            _ => String::new(),
        }
    }

    /// Clicks Export and waits until the export is done (body state `exported`); the PDF is
    /// written to the profile's [`Profile::save_path`] (`DISTILL_SAVE_PATH`).
    pub async fn export(&self) {
        self.testid("export-button")
            .await
            .click()
            .await
            .expect("click export");
        self.wait_state(&["exported"]).await;
    }

    /// Finds the element with `data-testid="id"`, waiting up to [`WAIT`].
    pub async fn testid(&self, id: &str) -> Element {
        let css = format!("[data-testid=\"{id}\"]");
        self.client()
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(&css))
            .await
            .unwrap_or_else(|e| panic!("no element {css} in the window: {e}"))
    }

    /// All elements matching the CSS selector `css` right now.
    pub async fn all(&self, css: &str) -> Vec<Element> {
        self.client()
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("find_all {css}: {e}"))
    }

    /// Waits until `css` matches at least `n` elements, and returns them.
    pub async fn wait_count(&self, css: &str, n: usize) -> Vec<Element> {
        let deadline = Instant::now() + WAIT;
        loop {
            let found = self.all(css).await;
            if found.len() >= n {
                return found;
            }
            if Instant::now() > deadline {
                panic!(
                    "waited for {n} × {css}, found {}; state {:?}, status {:?}",
                    found.len(),
                    self.state().await,
                    self.status_text().await
                );
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Edits an outline element the way the contract says a person does: click it, select all
    /// (Ctrl+A), type `text`, press Enter. Keys go to the focused element after the click, which
    /// may be an editor that replaced `el`. Takes a screenshot named `shot` (if given) while
    /// the new text is typed but not yet committed.
    pub async fn edit(&mut self, el: &Element, text: &str, shot: Option<&str>) {
        use fantoccini::key::Key;
        el.click()
            .await
            .unwrap_or_else(|e| panic!("click on the element to edit: {e}"));
        tokio::time::sleep(Duration::from_millis(200)).await;
        let focused = self
            .client()
            .active_element()
            .await
            .unwrap_or_else(|e| panic!("no focused element after the click: {e}"));
        let select_all = format!("{}a{}", Key::Control, Key::Control);
        focused
            .send_keys(&select_all)
            .await
            .unwrap_or_else(|e| panic!("Ctrl+A: {e}"));
        focused
            .send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("typing {text:?}: {e}"));
        if let Some(name) = shot {
            self.shot(name).await;
        }
        focused
            .send_keys(&Key::Enter.to_string())
            .await
            .unwrap_or_else(|e| panic!("Enter: {e}"));
    }

    /// Text of every element matching `css`, in document order: the value of the element's
    /// (or its descendant's) input or textarea when it has one, else its text content; trimmed.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let value = self
            .js(
                "const field = e => e.matches('input, textarea') ? e : e.querySelector('input, textarea');\n\
                 return Array.from(document.querySelectorAll(arguments[0]), e => (field(e) ? field(e).value : e.textContent).trim())",
                vec![Value::from(css)],
            )
            .await;
        value
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| v.as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Waits until some element matching `css` has exactly the text `text` (trimmed).
    pub async fn wait_text(&self, css: &str, text: &str) {
        let deadline = Instant::now() + WAIT;
        loop {
            let texts = self.texts(css).await;
            if texts.iter().any(|t| t == text) {
                return;
            }
            if Instant::now() > deadline {
                panic!("no {css} reads {text:?}; they read {texts:?}");
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Saves a screenshot of the window as `<shots>/<scenario>-<lang>-<NN>-<name>.png`, after
    /// the ~500 ms WebKit needs to paint. Returns its path.
    pub async fn shot(&mut self, name: &str) -> PathBuf {
        tokio::time::sleep(Duration::from_millis(500)).await;
        self.shot_count += 1;
        let png = self
            .client()
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("screenshot {name}: {e}"));
        let path = self.harness.shots.join(format!(
            "{}-{}-{:02}-{name}.png",
            self.harness.scenario, self.harness.lang, self.shot_count
        ));
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        eprintln!("screenshot: {}", path.display());
        path
    }

    /// Process id of the app (the `distill-desktop` process tauri-driver started), while it
    /// runs (an exited one, even a zombie, has no `/proc/<pid>/exe`).
    pub fn find_app_pid(&self) -> Option<u32> {
        let app_name = self.harness.app.file_name()?;
        descendants(self.driver.child.id()).into_iter().find(|pid| {
            std::fs::read_link(format!("/proc/{pid}/exe"))
                .is_ok_and(|exe| exe.file_name() == Some(app_name))
        })
    }

    /// Process id of the app; panics when it is not running.
    pub fn app_pid(&self) -> u32 {
        self.find_app_pid().unwrap_or_else(|| {
            panic!(
                "no {} process under tauri-driver",
                self.harness.app.display()
            )
        })
    }

    /// The app's visible X11 windows (`xdotool search --onlyvisible --pid`), waiting up to
    /// [`WAIT`] for one.
    pub async fn x_windows(&self) -> Vec<String> {
        let xdotool = find_tool("xdotool").expect("xdotool is needed (Debian package xdotool)");
        let pid = self.app_pid();
        let deadline = Instant::now() + WAIT;
        loop {
            let out = Command::new(&xdotool)
                .args(["search", "--onlyvisible", "--pid", &pid.to_string()])
                .output()
                .expect("xdotool search");
            let ids: Vec<String> = String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty())
                .collect();
            if !ids.is_empty() {
                return ids;
            }
            assert!(
                Instant::now() < deadline,
                "no visible X window of the app (pid {pid})"
            );
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
    }

    /// Asks the window to close the way a window manager does when the user clicks its close
    /// button: a `WM_PROTOCOLS`/`WM_DELETE_WINDOW` client message to the app's X window (sent
    /// with libX11 from `/usr/bin/python3`). WebDriver's "close window" would only destroy the
    /// web view, without the close request the app can intercept.
    pub async fn request_close(&self) {
        for id in self.x_windows().await {
            let status = Command::new("/usr/bin/python3")
                .arg("-c")
                .arg(WM_DELETE)
                .arg(&id)
                .status()
                .unwrap_or_else(|e| panic!("cannot run /usr/bin/python3: {e}"));
            assert!(status.success(), "sending WM_DELETE_WINDOW to {id} failed");
        }
    }

    /// True while the app process is alive.
    pub fn app_alive(&self) -> bool {
        self.find_app_pid().is_some_and(is_alive)
    }

    /// Waits up to [`WAIT`] for the app process to exit on its own (after the user closed the
    /// window), then stops tauri-driver. Panics if it keeps running.
    pub async fn wait_exit(mut self) {
        let deadline = Instant::now() + WAIT;
        while let Some(pid) = self.find_app_pid() {
            if Instant::now() > deadline {
                self.driver.stop();
                panic!("the app (pid {pid}) did not exit after its window was closed");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        drop(self.client.take());
        self.driver.stop();
    }

    /// Centre of the element matching `css` on the X screen: the window's origin
    /// (`xdotool getwindowgeometry`) plus the element's client rectangle.
    pub async fn screen_point(&self, css: &str) -> (i32, i32) {
        let rect = self
            .js(
                "const e = document.querySelector(arguments[0]); if (!e) return null;\n\
                 e.scrollIntoView({block: 'nearest'}); const r = e.getBoundingClientRect();\n\
                 return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)]",
                vec![Value::from(css)],
            )
            .await;
        let (Some(x), Some(y)) = (rect[0].as_i64(), rect[1].as_i64()) else {
            panic!("no element {css} to point at");
        };
        let xdotool = find_tool("xdotool").expect("xdotool is needed (Debian package xdotool)");
        let id = self.x_windows().await.remove(0);
        let out = Command::new(&xdotool)
            .args(["getwindowgeometry", "--shell", &id])
            .output()
            .expect("xdotool getwindowgeometry");
        let text = String::from_utf8_lossy(&out.stdout);
        let field = |name: &str| -> i64 {
            text.lines()
                .find_map(|l| l.strip_prefix(&format!("{name}=")))
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or_else(|| panic!("no {name} in xdotool geometry: {text}"))
        };
        ((field("X") + x) as i32, (field("Y") + y) as i32)
    }

    /// Kills the app with SIGKILL (a crash: nothing is flushed), waits until it is gone, then
    /// stops tauri-driver.
    pub async fn kill_app(mut self) {
        let pid = self.app_pid();
        signal(pid, "KILL");
        let deadline = Instant::now() + Duration::from_secs(10);
        while is_alive(pid) {
            if Instant::now() > deadline {
                panic!("app process {pid} survived SIGKILL");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        // The session's browser is gone: dropping the client without a DELETE is fine.
        drop(self.client.take());
        self.driver.stop();
    }

    /// Ends the session (closes the window) and stops tauri-driver with SIGTERM.
    pub async fn quit(mut self) {
        if let Some(client) = self.client.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        }
        self.driver.stop();
    }
}

/// Python (libX11 through ctypes) that sends `WM_PROTOCOLS`/`WM_DELETE_WINDOW` to the X window
/// whose id is `sys.argv[1]`, as a window manager does for the close button.
const WM_DELETE: &str = r#"import ctypes, sys
x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
class ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong),
                ("message_type", ctypes.c_ulong), ("format", ctypes.c_int),
                ("data", ctypes.c_long * 5)]
class XEvent(ctypes.Union):
    _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]
x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long,
                         ctypes.POINTER(XEvent)]
d = x.XOpenDisplay(None)
if not d:
    sys.exit("cannot open the X display")
win = int(sys.argv[1], 0)
ev = XEvent()
ev.xclient.type = 33  # ClientMessage
ev.xclient.window = win
ev.xclient.message_type = x.XInternAtom(d, b"WM_PROTOCOLS", 0)
ev.xclient.format = 32
ev.xclient.data[0] = x.XInternAtom(d, b"WM_DELETE_WINDOW", 0)
ev.xclient.data[1] = 0  # CurrentTime
if not x.XSendEvent(d, win, 0, 0, ctypes.byref(ev)):
    sys.exit("XSendEvent failed")
x.XFlush(d)
x.XCloseDisplay(d)
"#;

/// Python (GTK 3) that owns the X clipboard with the text on stdin, prints `ready` and serves
/// it until killed (X selections are served by their owner, so it must stay alive).
const CLIPBOARD_OWNER: &str = r#"import sys, gi
gi.require_version("Gdk", "3.0")
gi.require_version("Gtk", "3.0")
from gi.repository import Gdk, Gtk
text = sys.stdin.read()
clip = Gtk.Clipboard.get(Gdk.SELECTION_CLIPBOARD)
clip.set_text(text, -1)
clip.store()
print("ready", flush=True)
Gtk.main()
"#;

/// A process holding `text` on the X clipboard (CLIPBOARD selection) until dropped.
pub struct Clipboard {
    child: Child,
}

impl Clipboard {
    /// Puts `text` on the clipboard with GTK from `/usr/bin/python3` and waits until it is
    /// there. Panics when python3-gi / GTK 3 are missing.
    pub fn hold(text: &str) -> Clipboard {
        use std::io::{BufRead, BufReader, Write};
        let mut child = Command::new("/usr/bin/python3")
            .arg("-c")
            .arg(CLIPBOARD_OWNER)
            .env("GSETTINGS_BACKEND", "memory")
            .env("NO_AT_BRIDGE", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start the clipboard owner: {e}"));
        {
            let mut stdin = child.stdin.take().expect("piped stdin");
            stdin.write_all(text.as_bytes()).expect("clipboard text");
        }
        let stdout = child.stdout.take().expect("piped stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("clipboard owner output");
        assert_eq!(
            line.trim(),
            "ready",
            "the clipboard owner did not start (needs /usr/bin/python3 with GTK 3: python3-gi gir1.2-gtk-3.0)"
        );
        Clipboard { child }
    }
}

impl Drop for Clipboard {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `xdotool args…` and fails the test if it fails.
pub fn xdo(args: &[&str]) {
    let xdotool = find_tool("xdotool").expect("xdotool is needed (Debian package xdotool)");
    let status = Command::new(&xdotool)
        .args(args)
        .status()
        .unwrap_or_else(|e| panic!("xdotool {args:?}: {e}"));
    assert!(status.success(), "xdotool {args:?} failed");
}

/// A TCP port on 127.0.0.1 that was free a moment ago.
pub fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

/// True while `/proc/<pid>` exists and the process is not a zombie.
pub fn is_alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => !stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| rest.trim_start().starts_with('Z')),
        Err(_) => false,
    }
}

/// Sends `SIG<name>` to `pid` with `kill(1)`.
pub fn signal(pid: u32, name: &str) {
    let _ = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .stderr(Stdio::null())
        .status();
}

/// All descendants of `root` (children, grandchildren, …), from `/proc/*/stat`.
pub fn descendants(root: u32) -> Vec<u32> {
    let mut parent_of: Vec<(u32, u32)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|s| s.parse::<u32>().ok())
            else {
                continue;
            };
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
                continue;
            };
            // Fields after the parenthesised command: state, ppid, …
            let Some((_, rest)) = stat.rsplit_once(')') else {
                continue;
            };
            if let Some(ppid) = rest.split_whitespace().nth(1).and_then(|p| p.parse().ok()) {
                parent_of.push((pid, ppid));
            }
        }
    }
    let mut out = Vec::new();
    let mut frontier = vec![root];
    while let Some(p) = frontier.pop() {
        for &(pid, ppid) in &parent_of {
            if ppid == p && !out.contains(&pid) {
                out.push(pid);
                frontier.push(pid);
            }
        }
    }
    out
}

/// Text of a PDF, by `pdftotext -layout` (poppler-utils).
pub fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-enc")
        .arg("UTF-8")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext is needed (Debian poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "pdftotext {} failed: {}",
        pdf.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Renders page `page` (1-based) of `pdf` at `dpi` with `pdftoppm` and returns its pixels.
pub fn pdf_page_image(pdf: &Path, page: u32, dpi: u32, scratch: &Path) -> image::RgbImage {
    let stem = scratch.join(format!("page-{page}"));
    let status = Command::new("pdftoppm")
        .args(["-png", "-r", &dpi.to_string(), "-singlefile"])
        .args(["-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg(&stem)
        .status()
        .unwrap_or_else(|e| panic!("pdftoppm is needed (Debian poppler-utils): {e}"));
    assert!(status.success(), "pdftoppm failed on {}", pdf.display());
    let png = stem.with_extension("png");
    image::open(&png)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", png.display()))
        .to_rgb8()
}

/// The `background` colour of `assets/themes/<theme>.json` as RGB.
pub fn theme_background(theme: &str) -> [u8; 3] {
    let path = repo_root().join(format!("assets/themes/{theme}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let hex = json["background"]
        .as_str()
        .unwrap_or_else(|| panic!("{} has no background", path.display()));
    parse_hex(hex).unwrap_or_else(|| panic!("{}: bad colour {hex}", path.display()))
}

/// `#RRGGBB` → `[r, g, b]`.
pub fn parse_hex(hex: &str) -> Option<[u8; 3]> {
    let h = hex.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// Largest per-channel difference between two colours.
pub fn colour_distance(a: [u8; 3], b: [u8; 3]) -> u8 {
    (0..3).map(|i| a[i].abs_diff(b[i])).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_parse() {
        assert_eq!(parse_hex("#111827"), Some([0x11, 0x18, 0x27]));
        assert_eq!(parse_hex("111827"), None);
        assert_eq!(parse_hex("#11182"), None);
        assert_eq!(colour_distance([10, 20, 30], [12, 15, 30]), 5);
    }

    #[test]
    fn descendants_finds_a_child() {
        let mut child = Command::new("sleep").arg("5").spawn().unwrap();
        let me = std::process::id();
        assert!(descendants(me).contains(&child.id()));
        child.kill().unwrap();
        child.wait().unwrap();
        assert!(!is_alive(child.id()));
    }
}
