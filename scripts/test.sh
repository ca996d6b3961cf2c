#!/usr/bin/env bash
# Runs Distill's test suite. The integration tests read PDFs back with poppler's
# pdftotext/pdffonts/pdfinfo; on Debian/Ubuntu this installs poppler-utils when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v qpdf >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 poppler-utils qpdf
fi
cargo test "$@"
