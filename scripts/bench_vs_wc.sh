#!/usr/bin/env bash
# Times `dateline stats` against `wc -w` on the same generated corpus, and reports
# dateline's peak memory against the corpus size.
#
#   scripts/bench_vs_wc.sh [PAGES] [DIR]      (defaults: 10000 pages in /tmp/dateline-corpus)
#
# Uses hyperfine when installed (apt-get install hyperfine), else bash's `time` over 3 runs.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}
dir=${2:-/tmp/dateline-corpus-$pages}
cargo build --release --locked --quiet --example gen_corpus --bin dateline
if [ ! -d "$dir" ]; then
  ./target/release/examples/gen_corpus --pages "$pages" --seed 1 --out "$dir"
fi
size=$(du -sb "$dir" | cut -f1)
echo "corpus: $pages pages, $((size / 1000000)) MB in $dir; $(nproc) cores"
# Warm the page cache so both commands read from memory.
find "$dir" -type f -name '*.txt' -print0 | xargs -0 cat > /dev/null
wc_cmd="find $dir -type f -name '*.txt' -print0 | xargs -0 wc -w > /dev/null"
dl_cmd="./target/release/dateline stats $dir > /dev/null"
if command -v hyperfine > /dev/null; then
  hyperfine --warmup 1 --runs 5 "$wc_cmd" "$dl_cmd"
else
  for name in wc dateline; do
    cmd=$wc_cmd; [ "$name" = dateline ] && cmd=$dl_cmd
    best=
    for _ in 1 2 3; do
      start=$(date +%s.%N); bash -c "$cmd"; end=$(date +%s.%N)
      t=$(echo "$end - $start" | bc)
      if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
    done
    echo "$name: best of 3: ${best} s"
  done
fi
if [ -x /usr/bin/time ]; then
  peak=$(/usr/bin/time -f '%M' ./target/release/dateline stats "$dir" 2>&1 >/dev/null | tail -1)
  echo "dateline peak RSS: $((peak / 1000)) MB for a $((size / 1000000)) MB corpus (ratio $(echo "scale=2; $peak * 1000 / $size" | bc))"
else
  echo "(install GNU time, apt-get install time, for the peak-memory figure)"
fi
