#!/usr/bin/env bash
# Fuzzes every cargo-fuzz target (fuzz/fuzz_targets) for SECONDS each (default 30) with
# libFuzzer. Corpora start from our own seeds (fuzz/seeds) plus, when present, the shared
# sample articles in ../shared/samples (copied at run time, never committed).
# Runs on the stable toolchain: RUSTC_BOOTSTRAP=1 lets stable accept cargo-fuzz's -Z
# flags, and --sanitizer none avoids needing the nightly-only ASan runtime.
# Usage: bash scripts/fuzz.sh [SECONDS] [TARGET…]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(import_markdown import_text import_html convert_pdf deck_json)

command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
export RUSTC_BOOTSTRAP=1
fuzz=(cargo fuzz)

samples=../shared/samples
for t in import_markdown import_text import_html convert_pdf deck_json "${targets[@]}"; do mkdir -p "fuzz/corpus/$t"; done
if [ -d "$samples" ]; then
    seed() { # seed TARGET PREFIX_BYTE FILE…
        local t=$1 p=$2; shift 2
        for f in "$@"; do
            [ -f "$f" ] || continue
            local name
            name=$(basename "$f")
            if [ -n "$p" ]; then
                { printf "\\$p"; head -c 60000 "$f"; } > "fuzz/corpus/$t/sample-$name"
            else
                head -c 200000 "$f" > "fuzz/corpus/$t/sample-$name"
            fi
        done
    }
    shopt -s nullglob
    md=("$samples"/*.md "$samples"/*/*.md)
    txt=("$samples"/*.txt)
    html=("$samples"/*.html)
    seed import_markdown "" "${md[@]}"
    seed import_text "" "${txt[@]}"
    seed import_html "" "${html[@]}"
    seed convert_pdf 000 "${md[@]}"
    seed convert_pdf 001 "${txt[@]}"
    seed convert_pdf 002 "${html[@]}"
fi

"${fuzz[@]}" build -O --sanitizer none
for t in "${targets[@]}"; do
    max_len=65536
    [ "$t" = convert_pdf ] && max_len=16384
    echo "== fuzz $t for ${secs}s"
    "${fuzz[@]}" run -O --sanitizer none "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
        -max_total_time="$secs" -max_len="$max_len" -timeout=30 -rss_limit_mb=3072 \
        -print_final_stats=1 2>&1 | grep -E "^(#[0-9]+ +DONE|stat::|==|INFO: Running|Done)|ERROR|panicked|Test unit|SUMMARY" || true
    # A crash leaves an artifact: fail with its path.
    if compgen -G "fuzz/artifacts/$t/*" >/dev/null; then
        echo "fuzz: $t found a failing input:" fuzz/artifacts/"$t"/*
        exit 1
    fi
done
