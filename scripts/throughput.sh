#!/usr/bin/env bash
# Throughput and peak memory of `stancetrack run` on a synthetic corpus, with
# `wc -w` over the same file as a floor (the cost of just reading and
# splitting the bytes).
#
#   scripts/throughput.sh [MB] [RUNS]      (defaults: 200 MB, 5 runs)
#
#   STANCETRACK_BENCH_DIR  where the corpus and outputs go (default /tmp/stancetrack-bench)
#   STANCETRACK_PROFILE    the cargo profile to build and measure (default dist:
#                          release with link-time optimisation; or release)
#   STANCETRACK_BIN        the binary to measure as it is, instead of building
#                          one; e.g. the PGO build of scripts/pgo_build.sh
#   CARGO_TARGET_DIR       honoured, like cargo itself
#
# The corpus (scripts/gen_corpus.py, seed 1) is cached as
# $STANCETRACK_BENCH_DIR/corpus-${MB}mb.jsonl; delete it to regenerate after
# changing the generator. Needs GNU time (`apt-get install time`) and python3.
# 1 MB = 2^20 bytes, like gen_corpus.py --mb.
set -euo pipefail

# A relative STANCETRACK_BIN is the caller's, not the repository root's.
if [ -n "${STANCETRACK_BIN:-}" ] && [ -e "$STANCETRACK_BIN" ]; then
  STANCETRACK_BIN=$(realpath -- "$STANCETRACK_BIN")
fi
cd "$(dirname "$0")/.."
mb=${1:-200}
runs=${2:-5}
bench=${STANCETRACK_BENCH_DIR:-/tmp/stancetrack-bench}
target=${CARGO_TARGET_DIR:-target}
profile=${STANCETRACK_PROFILE:-dist}
# Cargo's folder for a profile: dev and test build into debug, bench into release.
case "$profile" in
  dev | test) profile_dir=debug ;;
  bench) profile_dir=release ;;
  *) profile_dir=$profile ;;
esac
bin=${STANCETRACK_BIN:-$target/$profile_dir/stancetrack}
corpus="$bench/corpus-${mb}mb.jsonl"

if [ ! -x /usr/bin/time ]; then
  echo "throughput.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2
  exit 2
fi
mkdir -p "$bench"

# Build first so a stale binary is never measured (a no-op when fresh); a
# binary given by STANCETRACK_BIN is measured as it is.
if [ -z "${STANCETRACK_BIN:-}" ]; then
  cargo build --profile "$profile" --quiet
elif [ ! -x "$bin" ]; then
  echo "throughput.sh: STANCETRACK_BIN=$bin is not an executable" >&2
  exit 2
fi

# Generate into a temporary name and rename, so an interrupted generation never
# leaves a truncated file that later runs would take for the cached corpus.
if [ ! -s "$corpus" ]; then
  echo "generating $corpus ..." >&2
  python3 scripts/gen_corpus.py --mb "$mb" --seed 1 "$corpus.tmp"
  mv "$corpus.tmp" "$corpus"
fi
bytes=$(stat -L -c %s "$corpus")
corpus_mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
articles=$(wc -l < "$corpus")

# Read the corpus once so that every configuration, including the first,
# runs against a warm page cache: we measure the tool, not the disk.
cat "$corpus" > /dev/null

times_dir=$(mktemp -d)
trap 'rm -rf "$times_dir"' EXIT

# measure NAME CMD...: one timed run; appends "wall_s peak_rss_kb cpu_s" to
# $times_dir/NAME (cpu = user + system). Any non-zero exit fails the benchmark
# (for `run`, 1 means some articles were skipped: a different amount of work).
measure() {
  local name=$1
  shift
  local err="$times_dir/$name.err"
  if ! /usr/bin/time -o "$times_dir/$name.last" -f '%e %M %U %S' "$@" > /dev/null 2> "$err"; then
    echo "throughput.sh: '$name' failed (see below): $*" >&2
    tail -n 20 "$err" >&2
    exit 1
  fi
  tail -n 1 "$times_dir/$name.last" | awk '{ print $1, $2, $3 + $4 }' >> "$times_dir/$name"
}

# `wc -w` runs once in the caller's locale and once in the C locale: the locale
# decides what a space is (multibyte or plain bytes) and, depending on the
# coreutils version, which is faster, so the floor is shown both ways.
locale_now=${LC_ALL:-${LC_CTYPE:-${LANG:-C}}}
out1="$bench/out-jobs1"
out2="$bench/out-jobs2"

# Other load on the machine inflates wall times (and hides any --jobs speedup):
# record it so a reader can tell.
load_before=$(cut -d ' ' -f 1-3 /proc/loadavg 2> /dev/null || echo unknown)

# Interleave the configurations round by round, so slow drift (thermal
# throttling, other load) spreads over all of them instead of hitting one.
for ((i = 1; i <= runs; i++)); do
  echo "round $i/$runs ..." >&2
  rm -rf "$out1" "$out2" # every run writes its outputs from scratch
  measure jobs1 "$bin" run "$corpus" --out "$out1" --quiet --jobs 1
  measure jobs2 "$bin" run "$corpus" --out "$out2" --quiet --jobs 2
  measure wc wc -w "$corpus"
  measure wcC env LC_ALL=C wc -w "$corpus"
done

load_after=$(cut -d ' ' -f 1-3 /proc/loadavg 2> /dev/null || echo unknown)
# Count CSV records, not lines: a quoted field may hold a line break.
statements=$(python3 -c 'import csv, sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], newline="", encoding="utf-8"))) - 1)' "$out2/quotes.csv")

# column NAME K -> the K-th field of NAME's runs, sorted numerically.
column() { awk -v k="$2" '{ print $k }' "$times_dir/$1" | sort -n; }
median() { awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
med_of() { column "$1" 1 | median; }

# row LABEL NAME THREADS: one Markdown table row; MB/s from the median wall time.
row() {
  local walls
  walls=$(column "$2" 1)
  awk -v l="$1" -v med="$(median <<< "$walls")" -v min="$(head -n 1 <<< "$walls")" \
    -v max="$(tail -n 1 <<< "$walls")" -v rss="$(column "$2" 2 | tail -n 1)" \
    -v cpu="$(column "$2" 3 | median)" -v mb="$corpus_mb" -v th="$3" 'BEGIN {
      rate = (med > 0) ? mb / med : 0
      printf "| %s | %.2f | %.2f | %.2f | %.1f | %.1f | %.2f | %.0f |\n",
        l, med, min, max, rate, rate / th, cpu, rss / 1024
    }'
}

echo
echo "### stancetrack throughput"
echo
if commit=$(git rev-parse --short HEAD 2> /dev/null); then
  git diff --quiet HEAD 2> /dev/null || commit="$commit (with local changes)"
else
  commit="unknown (not a git checkout)"
fi
echo "- commit $commit, $(date -u +%Y-%m-%dT%H:%MZ), binary \`$bin\`"
echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo 2> /dev/null | sed 's/.*: //' || echo unknown), $(nproc) cores"
echo "- corpus: \`$corpus\`, $corpus_mb MB ($bytes bytes), $articles articles, $statements statements"
echo "- load average (1/5/15 min) before: $load_before, after: $load_after"
echo "- $runs runs per configuration; MB/s = corpus MB / median wall time; per core = MB/s / threads;"
echo "  CPU s = median user + system seconds (wall x threads far above CPU s: idle cores, other load or serial stages)"
echo
echo "| configuration | median s | min s | max s | MB/s | MB/s per core | CPU s | peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
row "run --jobs 1" jobs1 1
row "run --jobs 2" jobs2 2
row "wc -w (locale $locale_now)" wc 1
row "wc -w (LC_ALL=C)" wcC 1
echo
awk -v j1="$(med_of jobs1)" -v j2="$(med_of jobs2)" -v wc="$(med_of wc)" -v wcc="$(med_of wcC)" 'BEGIN {
  printf "- speedup jobs 2 / jobs 1 (median): %.2fx\n", (j2 > 0) ? j1 / j2 : 0
  printf "- run --jobs 2 / wc -w (median): %.1fx (C locale: %.1fx)\n", (wc > 0) ? j2 / wc : 0, (wcc > 0) ? j2 / wcc : 0
}'
