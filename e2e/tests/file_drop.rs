//! Scenario 2: a real X11 file drop (GTK drag source driven by xdotool) opens a Markdown article in the window.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use distill_e2e::{find_tool, required, shared_samples, shared_tools, signal, Harness};

/// Runs the shared drag source with Gdk pinned to 3.0 first (the script itself only pins Gtk,
/// which makes PyGObject warn or pick the wrong Gdk when GTK 4 typelibs are installed too).
const WRAPPER: &str = "import gi, runpy, sys\n\
gi.require_version('Gdk', '3.0')\n\
gi.require_version('Gtk', '3.0')\n\
script = sys.argv[1]\n\
sys.argv = sys.argv[1:]\n\
runpy.run_path(script, run_name='__main__')\n";

/// Where the drag source window is placed: right of the 1200-pixel-wide app window at (0, 0).
const SOURCE_AT: (i32, i32) = (1300, 60);

#[tokio::test]
async fn dropping_a_markdown_file_opens_its_deck() {
    let (Some(samples), Some(tools)) = (shared_samples(), shared_tools()) else {
        return;
    };
    let Some(h) = Harness::new("file-drop") else {
        return;
    };
    let python = PathBuf::from("/usr/bin/python3");
    let xdotool = find_tool("xdotool");
    let gi_ok = Command::new(&python)
        .args(["-c", "import gi; gi.require_version('Gtk', '3.0')"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if xdotool.is_none() || !gi_ok {
        let message = "the file-drop scenario needs xdotool and /usr/bin/python3 with GTK 3 (Debian: xdotool python3-gi gir1.2-gtk-3.0)";
        if required() {
            panic!("{message}");
        }
        eprintln!("skipping: {message}");
        return;
    }
    let xdotool = xdotool.expect("checked");
    let article = samples.join("en-md-rust-new-look-website/en-md-rust-new-look-website.md");
    assert!(article.is_file(), "missing sample {}", article.display());

    let profile = h.profile();
    let mut app = h.launch(&profile, &[]).await;
    app.wait_state(&["empty"]).await;
    let empty = app.testid("empty-state").await;
    assert!(
        empty.is_displayed().await.unwrap(),
        "empty state should show before a drop"
    );
    app.shot("empty-window").await;

    let uri = format!("file://{}", article.display());
    let mut source = DragSource::start(&python, &tools.join("x11-drag-source.py"), &uri);
    let window = source.window_id(&xdotool);
    let (x, y, w, hgt) = geometry(&xdotool, &window);
    let (sx, sy) = (x + w / 2, y + hgt / 2);
    let (tx, ty) = (600, 420);
    xdo(&xdotool, &["mousemove", &sx.to_string(), &sy.to_string()]);
    std::thread::sleep(Duration::from_millis(200));
    xdo(&xdotool, &["mousedown", "1"]);
    // Move in steps so GTK sees a drag start, then travel onto the app window.
    let steps = 12;
    for i in 1..=steps {
        let px = sx + (tx - sx) * i / steps;
        let py = sy + (ty - sy) * i / steps;
        xdo(&xdotool, &["mousemove", &px.to_string(), &py.to_string()]);
        std::thread::sleep(Duration::from_millis(80));
    }
    // While the pointer hovers with the file, the drop target should be visible.
    let mut zone_seen = false;
    for _ in 0..10 {
        xdo(
            &xdotool,
            &["mousemove", &(tx + 3).to_string(), &ty.to_string()],
        );
        std::thread::sleep(Duration::from_millis(60));
        xdo(&xdotool, &["mousemove", &tx.to_string(), &ty.to_string()]);
        let zone = app.all("[data-testid=drop-zone]").await;
        if let Some(zone) = zone.first() {
            if zone.is_displayed().await.unwrap_or(false) {
                zone_seen = true;
                break;
            }
        }
    }
    if zone_seen {
        app.shot("dragging-over").await;
    }
    xdo(&xdotool, &["mouseup", "1"]);

    let served = source.wait_for("drag-data-get served", Duration::from_secs(20));
    assert!(
        served,
        "the app window never asked the drag source for the file (no XDND drop); source said: {:?}",
        source.lines()
    );
    app.wait_state(&["loaded"]).await;
    app.wait_count("[data-testid=slide-item]", 3).await;
    // The sample's front matter title is "A new look for rust-lang.org".
    let titles = app.texts("[data-testid=slide-title]").await;
    assert!(
        titles.first().is_some_and(|t| t.contains("rust-lang.org")),
        "the dropped article's deck should be shown; slide titles: {titles:?}"
    );
    assert!(
        zone_seen,
        "the drop-zone overlay never became visible while a file was dragged over the window"
    );
    let zone_after = app.all("[data-testid=drop-zone]").await;
    if let Some(zone) = zone_after.first() {
        assert!(
            !zone.is_displayed().await.unwrap_or(false),
            "the drop-zone overlay should hide after the drop"
        );
    }
    app.shot("dropped-deck").await;
    app.quit().await;
    source.stop();
}

/// The shared GTK drag source, its stdout collected line by line.
struct DragSource {
    child: Child,
    rx: mpsc::Receiver<String>,
    seen: Vec<String>,
}

impl DragSource {
    fn start(python: &Path, script: &Path, uri: &str) -> DragSource {
        let mut child = Command::new(python)
            .arg("-c")
            .arg(WRAPPER)
            .arg(script)
            .arg(uri)
            .arg(SOURCE_AT.0.to_string())
            .arg(SOURCE_AT.1.to_string())
            .env("GSETTINGS_BACKEND", "memory")
            .env("NO_AT_BRIDGE", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start the drag source: {e}"));
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        DragSource {
            child,
            rx,
            seen: Vec::new(),
        }
    }

    /// The X window id of the source's window (`xdotool search --sync`, up to 20 s).
    fn window_id(&mut self, xdotool: &Path) -> String {
        let out = Command::new("timeout")
            .arg("20")
            .arg(xdotool)
            .args([
                "search",
                "--sync",
                "--onlyvisible",
                "--name",
                "^drag-source$",
            ])
            .output()
            .expect("xdotool search");
        let id = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
        if id.is_empty() {
            panic!(
                "the drag source window did not appear (exit {:?}); is the process alive: {:?}",
                out.status,
                self.child.try_wait()
            );
        }
        id
    }

    /// Waits up to `timeout` for a stdout line starting with `prefix`.
    fn wait_for(&mut self, prefix: &str, timeout: Duration) -> bool {
        if self.seen.iter().any(|l| l.starts_with(prefix)) {
            return true;
        }
        let deadline = std::time::Instant::now() + timeout;
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match self.rx.recv_timeout(left) {
                Ok(line) => {
                    let hit = line.starts_with(prefix);
                    self.seen.push(line);
                    if hit {
                        return true;
                    }
                }
                Err(_) => return false,
            }
        }
        false
    }

    fn lines(&mut self) -> Vec<String> {
        while let Ok(line) = self.rx.try_recv() {
            self.seen.push(line);
        }
        self.seen.clone()
    }

    fn stop(&mut self) {
        signal(self.child.id(), "TERM");
        let _ = self.child.wait();
    }
}

impl Drop for DragSource {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Runs `xdotool args…` and fails the test if it fails.
fn xdo(xdotool: &Path, args: &[&str]) {
    let status = Command::new(xdotool)
        .args(args)
        .status()
        .unwrap_or_else(|e| panic!("xdotool {args:?}: {e}"));
    assert!(status.success(), "xdotool {args:?} failed");
}

/// Position and size of window `id` on the screen, from `xdotool getwindowgeometry --shell`.
fn geometry(xdotool: &Path, id: &str) -> (i32, i32, i32, i32) {
    let out = Command::new(xdotool)
        .args(["getwindowgeometry", "--shell", id])
        .output()
        .expect("xdotool getwindowgeometry");
    let text = String::from_utf8_lossy(&out.stdout);
    let field = |name: &str| -> i32 {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or_else(|| panic!("no {name} in xdotool geometry: {text}"))
    };
    (field("X"), field("Y"), field("WIDTH"), field("HEIGHT"))
}
