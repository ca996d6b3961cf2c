#!/usr/bin/env bash
# Runs Distill's test suite. The integration tests read PDFs back with poppler's
# pdftotext/pdffonts/pdfinfo, check them with qpdf and render them with pdftoppm and
# MuPDF's mutool; on Debian/Ubuntu this installs poppler-utils, qpdf and mupdf-tools when
# missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v qpdf >/dev/null 2>&1 \
    || ! command -v mutool >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 poppler-utils qpdf mupdf-tools
fi
cargo test "$@"
