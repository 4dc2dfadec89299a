#!/usr/bin/env bash
# Builds a benchmark corpus of scraped-page layouts whose stories are real news text:
# headlines and runs of paragraphs (with their quotes) drawn from a folder of real
# articles, about 10 KB a page, the same seed giving the same pages.
#
#   scripts/real_corpus.sh [PAGES] [OUT] [ARTICLES]
#     defaults: 10000 pages, /tmp/dateline-real-PAGES, ../shared/data/polnear-train
#
# Skips with a message (exit 0) when the folder of articles is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-10000}
out=${2:-/tmp/dateline-real-$pages}
articles=${3:-../shared/data/polnear-train}
if ! compgen -G "$articles/*.txt" > /dev/null; then
  echo "real_corpus: no articles in $articles: skipped"
  exit 0
fi
if [ -d "$out" ]; then
  echo "real_corpus: $out exists: kept"
  exit 0
fi
cargo build --release --locked --quiet --example gen_corpus
./target/release/examples/gen_corpus --pages "$pages" --seed 1 --real "$articles" --out "$out"
