#!/usr/bin/env bash
# Regenerate the bundled fonts in assets/fonts/ (see README.md).
#
# Needs the Debian packages fonts-noto-core and fonts-noto-cjk:
#   sudo apt-get install -y fonts-noto-core fonts-noto-cjk
# Creates a Python venv in /tmp with a pinned fontTools and runs
# make_fonts.py, which subsets the fonts, converts the CJK font to TrueType
# outlines, writes OFL.txt and checks every output.
#
# Usage: assets/fonts/make-fonts.sh [--out-dir DIR]
set -euo pipefail

FONTTOOLS_VERSION="4.68.0"
VENV="${DISTILL_FONT_VENV:-/tmp/distill-fontvenv}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

for f in /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf \
         /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc; do
    if [[ ! -f "$f" ]]; then
        echo "missing $f: apt-get install fonts-noto-core fonts-noto-cjk" >&2
        exit 1
    fi
done

if [[ ! -x "$VENV/bin/python" ]]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    "fonttools==$FONTTOOLS_VERSION"

exec "$VENV/bin/python" "$HERE/make_fonts.py" "$@"
