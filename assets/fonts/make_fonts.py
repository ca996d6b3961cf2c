#!/usr/bin/env python3
"""Regenerate the fonts bundled with Distill (assets/fonts/).

Outputs, all written next to this script (or to --out-dir):

* NotoSans-Regular.ttf, NotoSans-Bold.ttf
    Noto Sans from Debian's fonts-noto-core, subset to Latin, Greek,
    Cyrillic and common punctuation/symbol blocks.  Already TrueType (glyf).
* NotoSansCJKsc-Regular.subset.ttf, NotoSansCJKsc-Bold.subset.ttf
    The "Noto Sans CJK SC" face of Debian's fonts-noto-cjk collections
    (.ttc, CFF outlines), subset to GB2312 + Big5 level 1 + JIS X 0208 +
    the Hangul of KS X 1001 + kana + CJK punctuation + every CJK character
    found in the sample articles, then converted from cubic
    CFF outlines to quadratic TrueType glyf outlines (the "otf2ttf" recipe)
    so that printpdf/allsorts embed it as a plain TrueType font.
* OFL.txt
    The SIL Open Font License 1.1, extracted from the Debian copyright file,
    preceded by the copyright notices of the fonts.

The build is deterministic: the same input fonts, samples and fontTools
version give byte-identical outputs (timestamps in the `head` table are set
to a fixed value, glyph names are dropped, sets are sorted).

Run it through make-fonts.sh, which provides the pinned fontTools version.
"""

from __future__ import annotations

import argparse
import calendar
import subprocess
import sys
import unicodedata
from pathlib import Path

from fontTools import subset
from fontTools import version as FONTTOOLS_VERSION
from fontTools.misc.timeTools import timestampSinceEpoch
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

# --------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------

HERE = Path(__file__).resolve().parent

NOTO_SANS = {
    "Regular": Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
    "Bold": Path("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"),
}
NOTO_CJK = {
    "Regular": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    "Bold": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
}
# The face we want inside the .ttc collections (looked up by name, not index).
CJK_FAMILY = "Noto Sans CJK SC"

# Debian packages the source fonts come from, with the versions the committed
# outputs were built from.  A different version still builds, with a warning:
# the outputs (and README.md) will then differ from the committed ones.
DEBIAN_PACKAGES = {
    "fonts-noto-core": "20201225-1",
    "fonts-noto-cjk": "1:20220127+repack1-1",
}
# The Debian copyright file holding the OFL 1.1 text (as "License: SIL-1.1").
OFL_SOURCE = Path("/usr/share/doc/fonts-noto-cjk/copyright")
OFL_STANZA = "License: SIL-1.1"

# Sample articles whose CJK characters must be in the CJK font.
SHARED_SAMPLES = Path("/work/shared/samples")
# The project's own samples (every character of them goes into the CJK font).
PROJECT_SAMPLES = HERE.parent / "samples"
# Sample files that are not UTF-8, with their encoding.
KNOWN_ENCODINGS = {"nasty-gbk-zh-cpython-sample.txt": "gbk"}
# Files that are never text (images and the like): skipped.
BINARY_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico", ".pdf", ".zip"}
# In the project's samples only the articles are read (not scripts).
ARTICLE_SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm"}

# --------------------------------------------------------------------------
# Build settings
# --------------------------------------------------------------------------

# The fontTools version the committed outputs were made with; keep in sync
# with make-fonts.sh.  Another version may produce different bytes.
PINNED_FONTTOOLS = "4.68.0"

# Fixed head.created / head.modified (2024-01-01T00:00:00Z) for reproducible
# output; fontTools would otherwise stamp the current time.
FIXED_TIMESTAMP = timestampSinceEpoch(calendar.timegm((2024, 1, 1, 0, 0, 0)))

# Maximum distance (font units, UPEM 1000) between the cubic CFF curves and
# their quadratic approximations.
CU2QU_MAX_ERR = 1.0

# Latin font coverage: (first, last) code points, inclusive.  Code points the
# font does not have are silently ignored by the subsetter.
LATIN_RANGES = [
    (0x0020, 0x007E),  # Basic Latin (printable)
    (0x00A0, 0x00FF),  # Latin-1 Supplement (printable)
    (0x0100, 0x017F),  # Latin Extended-A
    (0x0180, 0x024F),  # Latin Extended-B
    (0x0250, 0x02AF),  # IPA Extensions
    (0x02B0, 0x02FF),  # Spacing Modifier Letters
    (0x0300, 0x036F),  # Combining Diacritical Marks (decomposed text)
    (0x0370, 0x03FF),  # Greek and Coptic
    (0x0400, 0x04FF),  # Cyrillic
    (0x0500, 0x052F),  # Cyrillic Supplement
    (0x1E00, 0x1EFF),  # Latin Extended Additional
    (0x1F00, 0x1FFF),  # Greek Extended
    (0x2000, 0x206F),  # General Punctuation
    (0x2070, 0x209F),  # Superscripts and Subscripts
    (0x20A0, 0x20CF),  # Currency Symbols
    (0x2100, 0x214F),  # Letterlike Symbols
    (0x2150, 0x218F),  # Number Forms
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical Operators (the font has the basic ones)
    (0x25A0, 0x25FF),  # Geometric Shapes (bullets, dotted circle U+25CC)
    (0xFB00, 0xFB06),  # Latin ligatures (ﬁ, ﬂ: found in copied text)
    (0xFEFF, 0xFEFF),  # zero width no-break space / BOM
    (0xFFFD, 0xFFFD),  # replacement character
]

# CJK font coverage besides the national character sets and the samples.
CJK_RANGES = [
    (0x0020, 0x007E),  # Basic Latin (printable)
    (0x00A0, 0x00FF),  # Latin-1 Supplement (printable)
    (0x2000, 0x206F),  # General Punctuation
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3040, 0x309F),  # Hiragana
    (0x30A0, 0x30FF),  # Katakana
    (0x31F0, 0x31FF),  # Katakana Phonetic Extensions
    (0x3130, 0x318F),  # Hangul Compatibility Jamo (KS X 1001 row 4: ㄱ ㄴ ㅏ ...)
    (0xFE30, 0xFE4F),  # CJK Compatibility Forms
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]

# Characters every output must map (checked after the build).
# (Simplified, Traditional from Big5, kanji from JIS X 0208, Hangul, jamo.)
MUST_HAVE_CJK = "的湃铃媛の，“”（A價區業廣條東間負한국어ㄱㅏ"
MUST_HAVE_LATIN = "Aé“”—€"
# Every Han character of this sample must be in the CJK fonts.
REFERENCE_SAMPLE = SHARED_SAMPLES / "zh-webcopy-openai-talent.txt"

# Size budget for the whole assets/fonts folder (about 15.6 MB with Big5
# level 1, JIS X 0208 and the KS X 1001 Hangul; 9.2 MB with GB2312 only).
MAX_FOLDER_BYTES = 16 * 1024 * 1024


# --------------------------------------------------------------------------
# Character sets
# --------------------------------------------------------------------------


def expand_ranges(ranges: list[tuple[int, int]]) -> set[int]:
    """Return the set of code points covered by inclusive (first, last) ranges."""
    return {cp for first, last in ranges for cp in range(first, last + 1)}


# Byte values of the two-byte codes.  EUC (GB2312, JIS X 0208 as EUC-JP,
# KS X 1001 as EUC-KR) uses 0xA1..0xFE for both bytes; Big5 trail bytes are
# 0x40..0x7E and 0xA1..0xFE.
EUC_BYTES = range(0xA1, 0xFF)
BIG5_TRAIL_BYTES = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]

# Big5 level 1 ("frequently used" hanzi): codes 0xA440..0xC67E.
BIG5_LEVEL1 = (0xA440, 0xC67E)
# EUC lead bytes of the rows holding the JIS X 0208 kanji (rows 16..84:
# level 1 is rows 16..47, level 2 rows 48..84) and the KS X 1001 Hangul
# syllables (rows 16..40).  Row r has lead byte 0xA0 + r.
JIS_X0208_KANJI_LEADS = range(0xA0 + 16, 0xA0 + 84 + 1)
KS_X1001_HANGUL_LEADS = range(0xA0 + 16, 0xA0 + 40 + 1)

# Sizes of the sets as the standards give them (checked after decoding, so a
# codec that maps a different repertoire stops the build).
GB2312_SIZE = 7445  # 6,763 hanzi + 682 other characters
BIG5_LEVEL1_SIZE = 5401  # hanzi
JIS_X0208_SIZE = 6879  # 6,355 kanji (2,965 level 1 + 3,390 level 2) + 524 other
JIS_X0208_KANJI_SIZE = 6355
KS_X1001_HANGUL_SIZE = 2350  # precomposed syllables


def decode_two_byte(codec: str, leads, trails) -> set[int]:
    """Return the characters `codec` decodes from the two-byte codes lead+trail.

    Codes the codec rejects (unassigned) are skipped.
    """
    chars = set()
    for lead in leads:
        for trail in trails:
            try:
                text = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            chars.update(ord(ch) for ch in text)
    return chars


def check_size(name: str, chars: set[int], expected: int) -> set[int]:
    """Stop the build unless `chars` has `expected` members; return `chars`."""
    if len(chars) != expected:
        raise SystemExit(f"{name}: decoded {len(chars)} characters, expected {expected}")
    return chars


def gb2312_characters() -> set[int]:
    """Return every character of GB2312 (7,445).

    GB2312 (EUC-CN) encodes its characters as two bytes, both in 0xA1..0xFE;
    every such pair the 'gb2312' codec accepts is a character of the set.
    """
    return check_size("GB2312", decode_two_byte("gb2312", EUC_BYTES, EUC_BYTES), GB2312_SIZE)


def big5_level1_characters() -> set[int]:
    """Return the 5,401 hanzi of Big5 level 1 (codes 0xA440..0xC67E).

    Every code of that range the 'big5' codec accepts is one of them; the
    codes after 0xC67E (lead byte 0xC6 onwards) are not level 1 and are left
    out, as are the symbols of lead bytes 0xA1..0xA3.
    """
    first, last = BIG5_LEVEL1
    codes = [
        (lead, trail)
        for lead in range(first >> 8, (last >> 8) + 1)
        for trail in BIG5_TRAIL_BYTES
        if first <= (lead << 8 | trail) <= last
    ]
    chars = set()
    for lead, trail in codes:
        chars |= decode_two_byte("big5", [lead], [trail])
    chars = check_size("Big5 level 1", chars, BIG5_LEVEL1_SIZE)
    if not all(is_han(chr(cp)) for cp in chars):
        raise SystemExit("Big5 level 1: decoded a character that is not a Han ideograph")
    return chars


def jis_x0208_characters() -> tuple[set[int], set[int]]:
    """Return every character of JIS X 0208 (6,879) and its kanji (6,355).

    Decodes every two-byte EUC-JP code 0xA1A1..0xFEFE with the 'euc_jp'
    codec (the single shift 0x8E and JIS X 0212's 0x8F are not two-byte
    codes of JIS X 0208).  The kanji are the characters of rows 16..84.
    """
    everything = decode_two_byte("euc_jp", EUC_BYTES, EUC_BYTES)
    kanji = decode_two_byte("euc_jp", JIS_X0208_KANJI_LEADS, EUC_BYTES)
    return (check_size("JIS X 0208", everything, JIS_X0208_SIZE),
            check_size("JIS X 0208 kanji", kanji, JIS_X0208_KANJI_SIZE))


def ks_x1001_hangul() -> set[int]:
    """Return the 2,350 Hangul syllables of KS X 1001 (rows 16..40).

    Decodes the EUC-KR codes of those rows with the 'euc_kr' codec; every
    result must be a precomposed syllable (U+AC00..U+D7A3).  The 4,888
    hanja and the symbol rows of KS X 1001 are not included.
    """
    chars = decode_two_byte("euc_kr", KS_X1001_HANGUL_LEADS, EUC_BYTES)
    chars = check_size("KS X 1001 Hangul", chars, KS_X1001_HANGUL_SIZE)
    if not all(0xAC00 <= cp <= 0xD7A3 for cp in chars):
        raise SystemExit("KS X 1001 rows 16..40: decoded a character that is not a Hangul syllable")
    return chars


def is_han(ch: str) -> bool:
    """Tell whether a character is a Han ideograph (CJK Unified or Compatibility)."""
    return unicodedata.name(ch, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH"))


def is_cjk(ch: str) -> bool:
    """Tell whether a character belongs to East Asian typography.

    True for Han ideographs and for every character Unicode gives an East
    Asian Width of Wide, Fullwidth or Ambiguous: kana, Hangul, bopomofo,
    CJK punctuation, and the symbols East Asian text uses (①, ■, ★, ※, ×).
    Characters the CJK font lacks (emoji, for instance) are dropped later
    by the subsetter.
    """
    return is_han(ch) or unicodedata.east_asian_width(ch) in ("W", "F", "A")


def decode_sample(path: Path) -> str:
    """Read a sample file as text.

    Known non-UTF-8 files use their recorded encoding.  Other files are
    UTF-8; a file that is not valid UTF-8 but is valid GBK is read as GBK
    (Chinese web copies often are); anything else is read as UTF-8,
    ignoring undecodable bytes.
    """
    data = path.read_bytes()
    if path.name in KNOWN_ENCODINGS:
        return data.decode(KNOWN_ENCODINGS[path.name])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gbk")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="ignore")


def sample_files(root: Path, suffixes: set[str] | None = None) -> list[Path]:
    """List the files under root, recursively and sorted ([] if root is missing).

    Binary files are skipped; if `suffixes` is given, only files with one of
    those suffixes are listed.
    """
    if not root.is_dir():
        return []
    return sorted(
        p for p in root.rglob("*")
        if p.is_file()
        and p.suffix.lower() not in BINARY_SUFFIXES
        and (suffixes is None or p.suffix.lower() in suffixes)
    )


def sample_characters() -> tuple[set[int], list[Path]]:
    """Collect the characters the CJK font needs from the sample articles.

    From the shared samples only the CJK characters (see is_cjk) are taken;
    from the project's own samples (assets/samples) every character is.
    Returns the code points and the files read.
    """
    chars: set[int] = set()
    files = sample_files(SHARED_SAMPLES)
    for path in files:
        chars.update(ord(ch) for ch in decode_sample(path) if is_cjk(ch))
    project_files = sample_files(PROJECT_SAMPLES, ARTICLE_SUFFIXES)
    for path in project_files:
        chars.update(ord(ch) for ch in decode_sample(path))
    # Control characters never need a glyph.
    chars = {cp for cp in chars if unicodedata.category(chr(cp)) != "Cc"}
    return chars, files + project_files


# --------------------------------------------------------------------------
# Font operations
# --------------------------------------------------------------------------


def find_face_index(collection: Path, family: str) -> int:
    """Return the index of the face whose family name (name ID 1) is `family`."""
    ttc = TTCollection(str(collection), lazy=True)
    matches = [i for i, font in enumerate(ttc.fonts) if font["name"].getDebugName(1) == family]
    if len(matches) != 1:
        raise SystemExit(f"{collection}: expected one face named {family!r}, found {matches}")
    return matches[0]


def subset_options(hinting: bool) -> subset.Options:
    """Return the subsetter options shared by all outputs.

    Equivalent to: pyftsubset --layout-features='*' --name-IDs='*'
    --name-languages='*' --notdef-outline [--no-hinting]
    (glyph names are dropped, the pyftsubset default).
    """
    options = subset.Options()
    options.layout_features = ["*"]  # keep kern, liga, locl, vert, ...
    options.name_IDs = ["*"]  # keep the copyright/licence records (IDs 0, 13, 14)
    options.name_languages = ["*"]
    options.notdef_outline = True  # a visible box for missing glyphs
    options.glyph_names = False
    options.hinting = hinting
    options.recalc_timestamp = False
    return options


def subset_font(font: TTFont, unicodes: set[int], hinting: bool) -> None:
    """Subset `font` in place to the given code points (plus layout closure)."""
    subsetter = subset.Subsetter(options=subset_options(hinting))
    subsetter.populate(unicodes=sorted(unicodes))
    subsetter.subset(font)


def cff_to_glyf(font: TTFont) -> None:
    """Convert a CFF-flavoured font in place to TrueType (glyf) outlines.

    This is fontTools' "otf2ttf" snippet: every glyph is drawn through
    Cu2QuPen (cubic -> quadratic, at most CU2QU_MAX_ERR units off, contours
    reversed because TrueType winds the other way) into a TTGlyphPen; then
    the CFF-only tables go, and maxp/post/head are set up for glyf.
    """
    assert font.sfntVersion == "OTTO" and "CFF " in font, "not a CFF font"
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()

    glyphs = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(tt_pen, CU2QU_MAX_ERR, reverse_direction=True))
        glyphs[name] = tt_pen.glyph(dropImpliedOnCurves=True)

    # The vertical origins live in VORG (CFF only); remember them before
    # dropping it so the vertical metrics can be rebased on the new outlines.
    vorg = font["VORG"] if "VORG" in font else None
    vertical_origins = {
        name: (vorg.VOriginRecords.get(name, vorg.defaultVertOriginY) if vorg else None)
        for name in glyph_order
    }

    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    if vorg is not None:
        del font["VORG"]
    glyf.compile(font)  # computes the glyph bounding boxes

    # Left side bearings must equal xMin in TrueType.
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        advance, _ = hmtx[name]
        hmtx[name] = (advance, getattr(glyph, "xMin", 0))

    # Top side bearing = vertical origin - yMax.
    if "vmtx" in font and vorg is not None:
        vmtx = font["vmtx"]
        for name, glyph in glyphs.items():
            advance, tsb = vmtx[name]
            if hasattr(glyph, "yMax"):
                tsb = vertical_origins[name] - glyph.yMax
            vmtx[name] = (advance, tsb)

    # maxp 1.0 (TrueType); the point/contour maxima are recomputed on save.
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(glyph_order)
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    maxp.maxComponentDepth = 0
    font["maxp"] = maxp
    maxp.recalc(font)

    # post format 3: no glyph names (CID fonts only have "cidNNNNN" anyway).
    post = font["post"]
    post.formatType = 3.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order

    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def set_fixed_timestamps(font: TTFont) -> None:
    """Set head.created and head.modified to FIXED_TIMESTAMP."""
    font["head"].created = FIXED_TIMESTAMP
    font["head"].modified = FIXED_TIMESTAMP


def save_font(font: TTFont, path: Path) -> None:
    """Save `font` to `path` without stamping the current time."""
    set_fixed_timestamps(font)
    font.save(str(path), reorderTables=True)
    # TTFont.save(recalcTimestamp=...) is taken from the constructor; make
    # sure the file really carries the fixed value.
    check = TTFont(str(path), lazy=True)
    assert check["head"].modified == FIXED_TIMESTAMP, "head.modified was overwritten"
    check.close()


def build_latin(weight: str, out_dir: Path) -> Path:
    """Subset Noto Sans <weight> to LATIN_RANGES and save it."""
    font = TTFont(str(NOTO_SANS[weight]), recalcTimestamp=False)
    subset_font(font, expand_ranges(LATIN_RANGES), hinting=True)
    out = out_dir / f"NotoSans-{weight}.ttf"
    save_font(font, out)
    return out


def build_cjk(weight: str, unicodes: set[int], out_dir: Path) -> tuple[Path, int]:
    """Subset the Noto Sans CJK SC face, convert it to glyf and save it.

    Returns the output path and the face index used in the collection.
    """
    source = NOTO_CJK[weight]
    index = find_face_index(source, CJK_FAMILY)
    font = TTFont(str(source), fontNumber=index, recalcTimestamp=False)
    subset_font(font, unicodes, hinting=False)
    cff_to_glyf(font)
    out = out_dir / f"NotoSansCJKsc-{weight}.subset.ttf"
    save_font(font, out)
    return out, index


# --------------------------------------------------------------------------
# Licence, provenance and checks
# --------------------------------------------------------------------------


def debian_versions() -> dict[str, str]:
    """Return the installed versions of DEBIAN_PACKAGES (via dpkg-query)."""
    versions = {}
    for package in DEBIAN_PACKAGES:
        result = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Version}", package],
            capture_output=True, text=True, check=False,
        )
        versions[package] = result.stdout.strip() or "not installed"
    return versions


def extract_ofl_text() -> str:
    """Extract the OFL 1.1 text from the Debian copyright file.

    In the Debian copyright format the licence text is the stanza starting
    with "License: SIL-1.1"; its lines are indented by one space and blank
    lines are written as " .".
    """
    lines = OFL_SOURCE.read_text(encoding="utf-8").splitlines()
    # "License: SIL-1.1" also ends the "Files: *" stanza (no text there):
    # take the occurrence that is followed by indented licence text.
    starts = [i + 1 for i, line in enumerate(lines[:-1])
              if line == OFL_STANZA and lines[i + 1].startswith(" ")]
    if not starts:
        raise SystemExit(f"{OFL_SOURCE}: no {OFL_STANZA!r} stanza")
    start = starts[0]
    body = []
    for line in lines[start:]:
        if not line.startswith(" "):
            break  # end of the stanza
        body.append("" if line == " ." else line[1:])
    text = "\n".join(body).strip("\n")
    if "SIL OPEN FONT LICENSE Version 1.1" not in text:
        raise SystemExit(f"{OFL_SOURCE}: OFL 1.1 text not found")
    return text


def write_ofl(out_dir: Path) -> Path:
    """Write OFL.txt: the fonts' copyright notices followed by the OFL 1.1."""
    notices = []
    for source in list(NOTO_SANS.values()) + list(NOTO_CJK.values()):
        index = find_face_index(source, CJK_FAMILY) if source.suffix == ".ttc" else -1
        font = TTFont(str(source), fontNumber=index, lazy=True)
        notice = font["name"].getDebugName(0)
        if notice not in notices:
            notices.append(notice)
        font.close()
    header = [
        "Noto Sans and Noto Sans CJK SC (subsets bundled with Distill)",
        "",
        *notices,
        "Noto is a trademark of Google LLC.",
        "",
        "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
        "This license is copied below, and is also available with a FAQ at:",
        "https://openfontlicense.org",
        "",
        "",
    ]
    out = out_dir / "OFL.txt"
    out.write_text("\n".join(header) + extract_ofl_text() + "\n", encoding="utf-8")
    return out


def verify(path: Path, must_have: str, extra: set[int] = frozenset()) -> dict:
    """Check an output font and return facts about it.

    The font must load, have glyf (and no CFF), be a single face and map
    every character of `must_have` and `extra`.
    """
    with path.open("rb") as f:
        if f.read(4) == b"ttcf":
            raise SystemExit(f"{path}: is a collection, expected a single face")
    font = TTFont(str(path))
    problems = []
    if "glyf" not in font:
        problems.append("no glyf table")
    if "CFF " in font or "CFF2" in font:
        problems.append("still has CFF outlines")
    if font["maxp"].tableVersion != 0x00010000:
        problems.append("maxp is not version 1.0")
    cmap = font.getBestCmap()
    missing = sorted(({ord(c) for c in must_have} | set(extra)) - cmap.keys())
    if missing:
        problems.append("unmapped: " + " ".join(f"U+{cp:04X}({chr(cp)})" for cp in missing))
    if problems:
        raise SystemExit(f"{path}: " + "; ".join(problems))
    # Decompile every glyph once, to be sure the outlines parse.
    glyf = font["glyf"]
    for name in font.getGlyphOrder():
        glyf[name].getCoordinates(glyf)
    return {"glyphs": font["maxp"].numGlyphs, "mapped": len(cmap), "bytes": path.stat().st_size}


def folder_size(folder: Path) -> int:
    """Return the total size in bytes of the files directly in `folder`."""
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------


def main() -> None:
    """Build every output, verify it and print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out-dir", type=Path, default=HERE,
                        help="where to write the fonts (default: next to this script)")
    args = parser.parse_args()
    out_dir: Path = args.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)

    note = "" if FONTTOOLS_VERSION == PINNED_FONTTOOLS else f"  (WARNING: outputs were made with {PINNED_FONTTOOLS})"
    print(f"fontTools {FONTTOOLS_VERSION}{note}")
    for package, version in debian_versions().items():
        note = "" if version == DEBIAN_PACKAGES[package] else f"  (WARNING: outputs were made with {DEBIAN_PACKAGES[package]})"
        print(f"{package} {version}{note}")

    from_samples, files = sample_characters()
    gb2312 = gb2312_characters()
    big5 = big5_level1_characters()
    jis, jis_kanji = jis_x0208_characters()
    hangul = ks_x1001_hangul()
    national = gb2312 | big5 | jis | hangul
    han = {cp for cp in national if is_han(chr(cp))}
    # Every Han character and Hangul syllable must be mapped; the symbols of
    # JIS X 0208 are taken where the source face has them (it lacks ≒).
    required = gb2312 | big5 | jis_kanji | hangul
    cjk_unicodes = national | expand_ranges(CJK_RANGES) | from_samples
    print(f"GB2312: {len(gb2312)} characters ({len(gb2312 & han)} hanzi); "
          f"Big5 level 1: {len(big5)} hanzi ({len(big5 - gb2312)} not in GB2312); "
          f"JIS X 0208: {len(jis)} characters ({len(jis_kanji)} kanji, "
          f"{len(jis_kanji - gb2312 - big5)} in neither GB2312 nor Big5 level 1); "
          f"KS X 1001: {len(hangul)} Hangul syllables")
    print(f"Han characters of the three sets: {len(han)}; "
          f"samples: {len(files)} files, {len(from_samples)} characters "
          f"({len(from_samples - national)} outside the sets); "
          f"CJK font: {len(cjk_unicodes)} code points requested")

    if not SHARED_SAMPLES.is_dir():
        print(f"WARNING: {SHARED_SAMPLES} is missing: the CJK fonts will lack the "
              "characters of the shared samples outside the national character sets")
    reference_han = (
        {ord(c) for c in decode_sample(REFERENCE_SAMPLE) if is_han(c)}
        if REFERENCE_SAMPLE.is_file() else set()
    )

    results = {}
    for weight in ("Regular", "Bold"):
        out = build_latin(weight, out_dir)
        results[out] = verify(out, MUST_HAVE_LATIN)
        out, index = build_cjk(weight, cjk_unicodes, out_dir)
        results[out] = verify(out, MUST_HAVE_CJK, reference_han | required)
        lacking = sorted(national - required - TTFont(str(out), lazy=True).getBestCmap().keys())
        if lacking:
            print(f"{out.name}: JIS X 0208 symbols the source face lacks (left out): "
                  + " ".join(f"U+{cp:04X}({chr(cp)})" for cp in lacking))
        results[out]["face"] = index
    write_ofl(out_dir)

    for path, facts in results.items():
        face = f", face {facts['face']} of the .ttc" if "face" in facts else ""
        print(f"{path.name}: {facts['bytes']:,} bytes, {facts['glyphs']} glyphs, "
              f"{facts['mapped']} characters{face}")
    total = folder_size(out_dir)
    print(f"{out_dir}: {total:,} bytes in total")
    if total > MAX_FOLDER_BYTES:
        raise SystemExit(f"{out_dir} is over the {MAX_FOLDER_BYTES:,} byte budget")


if __name__ == "__main__":
    sys.exit(main())
