#!/usr/bin/env bash
# End-to-end tests of the desktop app: the real window under Xvfb, driven through
# tauri-driver + WebKitWebDriver (crate e2e/, one scenario per file in e2e/tests/).
#
# Needs (Debian): xvfb webkit2gtk-driver xdotool python3-gi gir1.2-gtk-3.0 poppler-utils,
# and `cargo install tauri-driver --locked`. Builds the front end (when ui/package.json
# exists) and the debug app (in $CARGO_TARGET_DIR when set), then runs the scenarios one at
# a time. Screenshots go to target/e2e-shots of the repository (or $DISTILL_E2E_SHOTS). Extra arguments go to `cargo test`, e.g.
#   bash scripts/e2e.sh --test file_drop
# DISTILL_E2E_LANGS="en zh" (the default) runs the suite once per UI language.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

missing=()
command -v Xvfb >/dev/null 2>&1 || missing+=("Xvfb (Debian package xvfb)")
command -v WebKitWebDriver >/dev/null 2>&1 || missing+=("WebKitWebDriver (Debian package webkit2gtk-driver)")
command -v tauri-driver >/dev/null 2>&1 || [ -x "$HOME/.cargo/bin/tauri-driver" ] \
    || missing+=("tauri-driver (cargo install tauri-driver --locked)")
command -v xdotool >/dev/null 2>&1 || missing+=("xdotool (Debian package xdotool)")
command -v pdftotext >/dev/null 2>&1 || missing+=("pdftotext (Debian package poppler-utils)")
# The file drop, the clipboard (paste) and the window-manager close request use GTK 3 /
# libX11 from the system Python.
/usr/bin/python3 -c "import gi; gi.require_version('Gtk', '3.0')" >/dev/null 2>&1 \
    || missing+=("/usr/bin/python3 with GTK 3 (Debian packages python3-gi gir1.2-gtk-3.0)")
if [ ${#missing[@]} -gt 0 ]; then
    printf 'e2e: missing %s\n' "${missing[@]}" >&2
    exit 1
fi
export PATH="$PATH:$HOME/.cargo/bin"

echo "== e2e: build the front end and the desktop app"
if [ -f ui/package.json ]; then
    (cd ui && npm ci --no-audit --no-fund && npm run build)
fi
cargo build -p distill-desktop
cargo test -p distill-e2e --no-run

echo "== e2e: start Xvfb"
fdfile=$(mktemp)
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$fdfile" 2>/dev/null &
xvfb_pid=$!
trap 'kill -TERM "$xvfb_pid" 2>/dev/null || true; rm -f "$fdfile"' EXIT
for _ in $(seq 100); do
    [ -s "$fdfile" ] && break
    sleep 0.1
done
[ -s "$fdfile" ] || { echo "e2e: Xvfb did not start" >&2; exit 1; }
export DISPLAY=":$(head -n1 "$fdfile")"
echo "Xvfb on $DISPLAY"

export DISTILL_E2E_REQUIRED=1
export DISTILL_E2E_SHOTS="${DISTILL_E2E_SHOTS:-$root/target/e2e-shots}"
rm -rf "$DISTILL_E2E_SHOTS"
mkdir -p "$DISTILL_E2E_SHOTS"
for lang in ${DISTILL_E2E_LANGS:-en zh}; do
    echo "== e2e: scenarios, UI language $lang"
    DISTILL_LANG="$lang" cargo test -p distill-e2e "$@" -- --test-threads=1
done
echo "e2e: screenshots in $DISTILL_E2E_SHOTS"
