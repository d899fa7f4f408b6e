#!/usr/bin/env bash
# Measures wall time and peak memory of `stancetrack run` on one article
# whose body is a single 20 MB paragraph (words, commas and a few quotation
# marks, no sentence break). The issue's budget: under a minute, under 500 MB.
#
#   scripts/measure_big_paragraph.sh [SIZE_MB]   (default 20)
#   MARK_RATE=0.02 scripts/measure_big_paragraph.sh   (share of words with a mark)
#   LIMIT=1800 scripts/measure_big_paragraph.sh       (seconds before the run is killed)
#
# Uses the release binary (built first; CARGO_TARGET_DIR is honoured)
# and GNU time (`apt-get install time`) or, without it, Python's resource module.
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-20}
mark_rate=${MARK_RATE:-0.02}
limit=${LIMIT:-1800}
target=${CARGO_TARGET_DIR:-target}
bin="$target/release/stancetrack"
cargo build --release --quiet # a no-op when the binary is fresh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"

python3 - "$work/in/big.txt" "$size_mb" "$mark_rate" <<'PY'
import random, sys
path, mb, rate = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
target = int(mb * 1024 * 1024)
rng = random.Random(20)
words = ("Kyiv talks would resume and the minister said that Moscow ceasefire "
         "sanctions Crimea NATO envoy officials according to Zelensky Putin "
         "Peskov told reporters occupation recognise never war peace Istanbul "
         "— Russia’s don’t U.S. a.m. Gen. Mr.").split()
marks = ["“", "”", "\"", "‘", "’", "«", "»"]
parts = ["Big paragraph\n\n"]
size = len(parts[0].encode())
while size < target:
    w = rng.choice(words)
    r = rng.random()
    if r < rate / 2:
        w = rng.choice(marks) + w
    elif r < rate:
        w = w + rng.choice(marks)
    elif r < rate + 0.04:
        w = w + ","
    piece = w + " "
    parts.append(piece)
    size += len(piece.encode())
parts.append("and so on\n")
with open(path, "w", encoding="utf-8") as f:
    f.write("".join(parts))
PY
bytes=$(stat -c %s "$work/in/big.txt")
echo "input: $work/in/big.txt, $bytes bytes, one paragraph, mark rate $mark_rate"

if [ -x /usr/bin/time ]; then
  /usr/bin/time -v timeout -s KILL "$limit" "$bin" run "$work/in" --out "$work/out" \
    2> "$work/time.txt" || true
  grep -E "stancetrack:|panicked" "$work/time.txt" || true
  wall=$(grep "Elapsed (wall clock)" "$work/time.txt" | sed 's/.*: //')
  rss=$(grep "Maximum resident set size" "$work/time.txt" | sed 's/.*: //')
  code=$(grep "Exit status" "$work/time.txt" | sed 's/.*: //')
  echo "exit status: $code"
  case "$code" in 137 | 124) echo "KILLED: did not finish within $limit s" ;; esac
  echo "wall time: $wall"
  echo "peak RSS: $((rss / 1024)) MB ($rss kB)"
else
  python3 - "$bin" "$work" "$limit" <<'PY'
import resource, subprocess, sys, time
b, w, limit = sys.argv[1], sys.argv[2], float(sys.argv[3])
t = time.monotonic()
p = subprocess.Popen([b, "run", f"{w}/in", "--out", f"{w}/out"], stderr=subprocess.PIPE, text=True)
try:
    _, err = p.communicate(timeout=limit)
except subprocess.TimeoutExpired:
    p.kill()
    _, err = p.communicate()
    print(f"KILLED: did not finish within {limit:.0f} s")
dt = time.monotonic() - t
print(err.strip())
kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"exit status: {p.returncode}")
print(f"wall time: {dt:.2f} s")
print(f"peak RSS: {kb // 1024} MB ({kb} kB)")
PY
fi
