#!/usr/bin/env bash
# Builds the desktop app's front end (ui/ → ui/dist) and runs the app, from a fresh clone,
# without tauri-cli. Arguments go to the app (e.g. an article to open at start):
#   bash scripts/app.sh /path/to/article.md
# Needs Node.js ≥ 20.19 with npm, Rust, and Debian's libwebkit2gtk-4.1-dev (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm ci --no-audit --no-fund && npm run build)
exec cargo run -p distill-desktop -- "$@"
