#!/usr/bin/env bash
# Times what users run against `wc -w` over the same pages (page cache warm, best of 3
# wall-clock runs each), with each one's peak memory (GNU time %M) against the corpus
# size: `dateline stats` (counts only), `dateline export --format jsonl` (the whole
# corpus, written), the reader's load to a complete list without the cache
# (`examples/reader_load --no-cache`) and its reopening from the cache.
#
#   scripts/bench_vs_wc.sh [PAGES] [DIR]
#     defaults: 10000 pages; DIR /tmp/dateline-corpus-PAGES, generated from the
#     templates when missing (scripts/real_corpus.sh makes a corpus of real text)
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}
dir=${2:-/tmp/dateline-corpus-$pages}
cargo build --release --locked --quiet --example gen_corpus --example reader_load --bin dateline
if [ ! -d "$dir" ]; then
  ./target/release/examples/gen_corpus --pages "$pages" --seed 1 --out "$dir"
fi
if [ ! -x /usr/bin/time ]; then
  echo "needs GNU time (apt-get install time)" >&2
  exit 1
fi
size=$(du -sb "$dir" | cut -f1)
echo "corpus: $(find "$dir" -type f -name '*.txt' | wc -l) pages, $(echo "scale=1; $size / 1000000" | bc) MB in $dir; $(nproc) cores"
# Warm the page cache so every command reads from memory.
find "$dir" -type f -name '*.txt' -print0 | xargs -0 cat > /dev/null
# The reader's cache and state go to a folder of their own.
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
best() { # best wall time (s) and its peak RSS (KB) of 3 runs of "$@"
  local best_t="" best_m=""
  for _ in 1 2 3; do
    XDG_STATE_HOME=$state /usr/bin/time -o "$state/time" -f '%e %M' "$@" > /dev/null 2> /dev/null
    out=$(tail -1 "$state/time")
    t=${out% *}; m=${out#* }
    if [ -z "$best_t" ] || [ "$(echo "$t < $best_t" | bc)" = 1 ]; then best_t=$t; best_m=$m; fi
  done
  echo "$best_t $best_m"
}
read -r wc_t _ < <(best bash -c "find '$dir' -type f -name '*.txt' -print0 | xargs -0 wc -w")
echo "wc -w: ${wc_t} s"
row() { # label, then the command
  local label=$1; shift
  read -r t m < <(best "$@")
  printf '%-32s %6s s  ratio %5s   peak %5s MB  (%s x corpus)\n' "$label" "$t" \
    "$(echo "scale=2; $t / $wc_t" | bc)" "$((m / 1000))" "$(echo "scale=2; $m * 1000 / $size" | bc)"
}
row "dateline stats" ./target/release/dateline stats "$dir"
row "dateline export --format jsonl" ./target/release/dateline export --format jsonl "$dir"
row "reader, full load (no cache)" ./target/release/examples/reader_load "$dir" --no-cache
XDG_STATE_HOME=$state ./target/release/examples/reader_load "$dir" > /dev/null # makes the cache
row "reader, reopened (cache)" ./target/release/examples/reader_load "$dir"
