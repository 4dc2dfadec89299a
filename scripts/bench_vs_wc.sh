#!/usr/bin/env bash
# Times `dateline stats` against `wc -w` on the same generated corpus (page cache warm,
# best of 3 wall-clock runs each), and reports dateline's peak memory (GNU time %M)
# against the corpus size.
#
#   scripts/bench_vs_wc.sh [PAGES] [DIR]      (defaults: 10000 pages in /tmp/dateline-corpus-PAGES)
#
# Targets: dateline at most 2x the wc time, peak memory below 1.5x the corpus size.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}
dir=${2:-/tmp/dateline-corpus-$pages}
cargo build --release --locked --quiet --example gen_corpus --bin dateline
if [ ! -d "$dir" ]; then
  ./target/release/examples/gen_corpus --pages "$pages" --seed 1 --out "$dir"
fi
if [ ! -x /usr/bin/time ]; then
  echo "needs GNU time (apt-get install time)" >&2
  exit 1
fi
size=$(du -sb "$dir" | cut -f1)
echo "corpus: $pages pages, $(echo "scale=1; $size / 1000000" | bc) MB in $dir; $(nproc) cores"
# Warm the page cache so both commands read from memory.
find "$dir" -type f -name '*.txt' -print0 | xargs -0 cat > /dev/null
best() { # best wall time (s) and its peak RSS (KB) of 3 runs of "$@"
  local best_t="" best_m=""
  for _ in 1 2 3; do
    /usr/bin/time -o /tmp/dateline-bench-time -f '%e %M' "$@" > /dev/null 2> /dev/null
    out=$(tail -1 /tmp/dateline-bench-time)
    t=${out% *}; m=${out#* }
    if [ -z "$best_t" ] || [ "$(echo "$t < $best_t" | bc)" = 1 ]; then best_t=$t; best_m=$m; fi
  done
  echo "$best_t $best_m"
}
read -r wc_t _ < <(best bash -c "find '$dir' -type f -name '*.txt' -print0 | xargs -0 wc -w")
read -r dl_t dl_m < <(best ./target/release/dateline stats "$dir")
echo "wc -w:          ${wc_t} s"
echo "dateline stats: ${dl_t} s  (ratio $(echo "scale=2; $dl_t / $wc_t" | bc), target <= 2)"
echo "peak memory:    $((dl_m / 1000)) MB for $((size / 1000000)) MB (ratio $(echo "scale=2; $dl_m * 1000 / $size" | bc), target < 1.5)"
