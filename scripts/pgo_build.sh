#!/usr/bin/env bash
# Builds a profile-guided (PGO) release binary of stancetrack for big corpora:
# the same code and the same outputs as `cargo build --release`. It took 5-7%
# less time than the release build on the 200 MB benchmark when it was
# written; later measurements put it within noise of the release and dist
# builds (README, "Big corpora and Spark").
#
#   scripts/pgo_build.sh            -> target/pgo/release/stancetrack
#
#   CARGO_TARGET_DIR   honoured: the binary goes to $CARGO_TARGET_DIR/pgo/release
#   RUSTFLAGS          honoured, and added to
#
# How: an instrumented build runs `stancetrack run` over a generated training
# corpus (scripts/gen_corpus.py, seed 2: not the benchmark's seed 1, so the
# profile is not fitted to the corpus it is measured on) and over seeds/; the
# counts it records say which branches are taken and which functions are hot,
# and the second build lays the code out and inlines by them.
#
# Needs llvm-profdata of the same LLVM major version as rustc (`rustc -vV`),
# e.g. `apt-get install llvm-22` on Debian and Ubuntu, or `rustup component
# add llvm-tools`; and python3 for the generator.
set -euo pipefail

cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
llvm=$(rustc -vV | sed -n 's/^LLVM version: \([0-9]*\).*/\1/p')
host=$(rustc -vV | sed -n 's/^host: //p')

# The raw profile format changes between LLVM versions: only a matching
# llvm-profdata reads what rustc's instrumentation writes.
profdata=""
for candidate in "llvm-profdata-$llvm" "/usr/lib/llvm-$llvm/bin/llvm-profdata" \
  "$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata" llvm-profdata; do
  command -v "$candidate" > /dev/null 2>&1 || continue
  version=$("$candidate" --version 2> /dev/null || true)
  if [[ $version == *"LLVM version $llvm."* ]]; then
    profdata=$candidate
    break
  fi
done
if [ -z "$profdata" ]; then
  echo "pgo_build.sh: needs llvm-profdata for LLVM $llvm (rustc's):" >&2
  echo "  apt-get install llvm-$llvm    or    rustup component add llvm-tools" >&2
  exit 2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
profiles="$work/profiles"
flags=${RUSTFLAGS:-}
# The flags name this run's temporary folder, so both builds are made afresh
# each time: a profile is only good for the code it was recorded on.

echo "pgo_build.sh: instrumented build ($target/pgo-instrumented) ..." >&2
RUSTFLAGS="$flags -Cprofile-generate=$profiles" \
  cargo build --release --quiet --target-dir "$target/pgo-instrumented"
# Build scripts and proc macros were instrumented too and ran during the
# build: only the training runs below should count.
rm -rf "$profiles"

echo "pgo_build.sh: training on a generated corpus and on seeds/ ..." >&2
python3 scripts/gen_corpus.py --mb 20 --seed 2 "$work/train.jsonl"
instrumented="$target/pgo-instrumented/release/stancetrack"
"$instrumented" run "$work/train.jsonl" --out "$work/out-train" --quiet
"$instrumented" run seeds --out "$work/out-seeds" --quiet
if ! compgen -G "$profiles/*.profraw" > /dev/null; then
  echo "pgo_build.sh: the training runs wrote no profile to $profiles" >&2
  exit 1
fi
"$profdata" merge -o "$work/merged.profdata" "$profiles"

echo "pgo_build.sh: optimised build ($target/pgo) ..." >&2
RUSTFLAGS="$flags -Cprofile-use=$work/merged.profdata" \
  cargo build --release --quiet --target-dir "$target/pgo"
echo "$target/pgo/release/stancetrack"
