#!/usr/bin/env bash
# Whole-process benchmarks of the `distill` CLI (release build): the seed sample → PDF with
# hyperfine, and a scaling series of 10 KB, 100 KB and 1 MB articles built at run time by
# concatenating real samples from ../shared/samples (written to a temp dir, never committed),
# each with wall time (hyperfine) and peak memory (GNU time -v, maximum resident set size).
#
# Usage: bash scripts/bench.sh [--quick]
#   --quick  fewer hyperfine runs (for a smoke test of the script itself).
#   DISTILL_BIN=path  benchmark that binary instead of building target/release/distill.
# Needs: hyperfine and GNU time (Debian packages `hyperfine`, `time`; installed with apt when
# missing and running as root or with sudo). Results are printed as Markdown tables; the
# figures in BENCHMARKS.md come from this script.
set -euo pipefail
cd "$(dirname "$0")/.."
SAMPLES=../shared/samples
if [ ! -d "$SAMPLES" ]; then
    echo "bench.sh: $SAMPLES is absent; nothing to benchmark (skipped)."
    exit 0
fi
RUNS=10
[ "${1:-}" = "--quick" ] && RUNS=3

need=()
command -v hyperfine >/dev/null 2>&1 || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "${need[@]}"
fi

if [ -z "${DISTILL_BIN:-}" ]; then
    cargo build --release --quiet
    DISTILL_BIN=$PWD/target/release/distill
fi
BIN=$(realpath "$DISTILL_BIN")
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# build NAME BYTES FILE... : concatenates the files (blank line between them), repeating the
# list, into $WORK/NAME, cut at the last line break before BYTES (never inside a character).
build() {
    local name=$1 bytes=$2
    shift 2
    local out=$WORK/$name
    : >"$out"
    while [ "$(stat -c %s "$out")" -lt "$bytes" ]; do
        for f in "$@"; do
            cat "$f" >>"$out"
            printf '\n\n' >>"$out"
        done
    done
    LC_ALL=C awk -v max="$bytes" '{ n += length($0) + 1; if (n > max) exit; print }' "$out" >"$out.cut"
    mv "$out.cut" "$out"
}

EN_MD=("$SAMPLES/en-md-long-rust-gsoc-2025.md"
    "$SAMPLES/en-md-long-go-survey-2024h1/en-md-long-go-survey-2024h1.md"
    "$SAMPLES/en-md-rust-check-cfg/en-md-rust-check-cfg.md"
    "$SAMPLES/en-md-rust-new-look-website/en-md-rust-new-look-website.md"
    "$SAMPLES/en-md-noheadings-rust-sponsor.md")
ZH_TXT=("$SAMPLES/zh-webcopy-openai-talent.txt"
    "$SAMPLES/zh-txt-webcopy-us-corruption-law.txt"
    "$SAMPLES/zh-txt-webcopy-thepaper-powerbank.DERIVED.txt")
for size in 10 100 1000; do
    build "en-$size.md" $((size * 1000)) "${EN_MD[@]}"
    build "zh-$size.txt" $((size * 1000)) "${ZH_TXT[@]}"
done
# The 1 MB single-line cases: the same text with every line break made a space.
tr '\n' ' ' <"$WORK/en-1000.md" >"$WORK/en-1000-oneline.txt"
tr '\n' ' ' <"$WORK/zh-1000.txt" >"$WORK/zh-1000-oneline.txt"

# peak NAME INPUT: peak RSS in MB of one conversion (GNU time -v); `cpu NAME` then gives
# that run's user + system CPU seconds, which a busy machine inflates less than wall time.
peak() {
    /usr/bin/time -v "$BIN" convert "$2" -o "$WORK/out-$1.pdf" 2>"$WORK/time-$1.txt" >/dev/null
    awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$WORK/time-$1.txt"
}
cpu() {
    awk -F': ' '/User time|System time/ { t += $2 } END { printf "%.0f", t * 1000 }' "$WORK/time-$1.txt"
}
# mean NAME INPUT: mean wall time in ms of hyperfine runs.
mean() {
    hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/hf-$1.json" \
        "$BIN convert $2 -o $WORK/out-$1.pdf" >/dev/null 2>&1
    awk -F': ' '/"mean"/ { gsub(/,/, "", $2); printf "%.1f", $2 * 1000; exit }' "$WORK/hf-$1.json"
}
stddev() {
    awk -F': ' '/"stddev"/ { gsub(/,/, "", $2); printf "%.1f", $2 * 1000; exit }' "$WORK/hf-$1.json"
}

echo "## Seed sample → PDF (whole process, $RUNS runs)"
echo
SEED=$SAMPLES/zh-webcopy-openai-talent.txt
hyperfine -N --warmup 2 --runs $((RUNS * 2)) \
    "$BIN convert $SEED -o $WORK/seed.pdf" \
    "$BIN summarize $SEED" \
    "$BIN inspect $SEED" \
    --export-markdown "$WORK/seed.md" >/dev/null 2>&1
sed "s|$BIN|distill|g; s|$WORK/||g; s|$SAMPLES/||g" "$WORK/seed.md"
echo
echo "peak RSS, seed → PDF: $(peak seed "$SEED") MB; CPU (user + sys): $(cpu seed) ms"
echo

echo "## Scaling series (whole process, convert → PDF)"
echo
echo "| input | bytes | wall mean ms | ± ms | CPU ms (user + sys) | peak RSS MB | pages |"
echo "|---|---|---|---|---|---|---|"
for name in en-10.md en-100.md en-1000.md zh-10.txt zh-100.txt zh-1000.txt en-1000-oneline.txt zh-1000-oneline.txt; do
    in=$WORK/$name
    m=$(mean "$name" "$in")
    s=$(stddev "$name")
    p=$(peak "$name" "$in")
    pages=$(pdfinfo "$WORK/out-$name.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
    echo "| $name | $(stat -c %s "$in") | $m | $s | $(cpu "$name") | $p | ${pages:-?} |"
    echo "$name $m" >>"$WORK/means"
done
echo
for lang in en zh; do
    ext=md
    [ $lang = zh ] && ext=txt
    a=$(awk -v n="$lang-100.$ext" '$1 == n { print $2 }' "$WORK/means")
    b=$(awk -v n="$lang-1000.$ext" '$1 == n { print $2 }' "$WORK/means")
    echo "time(1 MB) / time(100 KB), $lang: $(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", b / a }')"
done
