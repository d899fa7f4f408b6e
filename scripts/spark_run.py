#!/usr/bin/env python3
"""Run stancetrack over a sharded JSONL corpus on Apache Spark (PySpark).

    python3 scripts/spark_run.py --shards DIR_OR_GLOB... --out OUTDIR
        [--binary PATH] [--master local[*]] [--jobs-per-task 1] [--work DIR]
        [--split-mb MB] [--ship] [--conf KEY=VALUE]... [--lossy]
        [--actors F.toml] [--codebook F.toml] [--codebook-extend F.toml]
        [-q] [-- MERGE_OPTION...]

It writes the same files as `stancetrack run SHARD1.jsonl SHARD2.jsonl ...
--out OUTDIR` over the same shards in the same order, byte for byte:

1. The shards are listed and sorted by path; that order is the corpus order.
   A folder gives its `*.jsonl` files, a glob the files it matches, a file
   itself. Each shard holds one article per line:
   {"id","text","outlet","date","title","url"}.
2. Map, on Spark: the shards are cut into splits, byte ranges of about
   --split-mb (default 32 MB, so one split per shard up to that size).
   Partition i reads the lines that begin in split i and pipes those bytes
   through
   `stancetrack extract --jobs N` (per-article work: attribution, stance
   labels); the statement records are saved with `saveAsTextFile` into a
   work folder (part-00000, part-00001, ...).
3. Reduce, on the driver: `stancetrack merge WORK/statements --out OUTDIR`
   (corpus-wide work: speaker merging, the matrix, the quote variants).

Why the order is kept. merge combines its parts in name order and must see
the articles in corpus order. The list of splits is made on the driver in
corpus order (shards sorted, splits of a shard by offset); partition i looks
up split i by its own partition index (mapPartitionsWithIndex over an RDD of
exactly that many partitions), so nothing depends on how Spark distributes
elements; a line belongs to the split its first byte is in, so every line is
read once; `extract` writes its records in input order; and
`saveAsTextFile` names partition i `part-{i:05d}`. So part files in name
order are the corpus in order. (Past 99,999 partitions the names stop
sorting by number; the script then passes the parts to merge one by one in
partition order.)

Why not `sc.textFile`. It decodes every line as UTF-8, replacing invalid
bytes with U+FFFD, so an article with invalid UTF-8 would be processed where
`run` skips it; it also ends lines at a lone CR, where `run` ends them only
at LF; and every byte would travel JVM -> Python -> binary for nothing. Read
here, the binary gets the shard's bytes untouched, as `run` does, and
--lossy means what it means for `run`.

Why not `rdd.pipe`. `rdd.pipe(cmd)` ignores the exit code (so a binary killed
half-way, by the OOM killer say, would silently lose statements), and
`checkCode=True` fails on the ordinary codes of `extract`: 1 when some lines
were skipped, 2 for a partition with no article (an empty shard). So each
partition runs the binary the way `rdd.pipe` does (a thread feeds stdin,
its stdout lines are the partition's records), and the exit code is then
checked: 0 and 1 are fine, 2 is fine when all `extract` said was about bad
input lines, anything else fails the task with the binary's stderr in the
error. The binary's reports of skipped lines come back to the driver and are
printed with the shard they came from.

Where the binary comes from. `--binary` (default: target/release/stancetrack
of this repository, or $CARGO_TARGET_DIR/release/stancetrack) is used by
absolute path, which is all local mode needs. On a cluster every executor
must be able to run it: either install it at the same path on every node
(and pass that path), or pass `--ship`, which sends it (and the --actors /
--codebook files) to the executors with SparkContext.addFile, like
spark-submit --files, and runs the copy that SparkFiles.get finds. It must be
built for the executors' OS and CPU (a static musl build is the safest). The
driver always runs it too: a quick check of the binary and its options before
Spark starts, and the merge.

On a cluster (`--master yarn`, `spark://...`) the shards and `--work` must be
on a file system that the driver and every executor see at the same path (an
NFS mount, say: the executors open the shards by path, and the records are
written as file:// URLs), and the executors need the same Python as the
driver (PYSPARK_PYTHON). The local-mode settings below (loopback address, no
UI) are applied only to `local` masters.

Exit code, as `run`: 0 when everything was processed, 1 when some input lines
were skipped, 2 when no article could be processed or on an error.

Quiet: Spark's start-up banner and INFO/WARN logging are off (see LOG4J2).
One line is left, "WARNING: Using incubator modules: jdk.incubator.vector":
the JVM prints it itself for a module Spark loads, and no option silences it.

Needs Python 3.9+, `pip install pyspark` (tested with 4.3.0) and Java 17+.
"""

import argparse
import glob
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# A tiny article for the preflight check: it must give at least one statement.
PREFLIGHT_ARTICLE = (
    '{"id": "spark_run-preflight", "text": "Preflight\\n\\n'
    'The minister said talks would resume on Monday."}\n'
)

# Spark's own log4j2 configuration prints INFO lines and two
# "Setting default log level" lines at start-up, before sc.setLogLevel can be
# called. This configuration is handed to the driver JVM instead: errors
# only. The two named loggers are the ones Spark consults to decide whether to
# print that banner (the shell's and the Python gateway's). A failed task
# is logged by four loggers, each with the whole Java and Python trace; they
# are turned off because the job's exception carries the same error to the
# driver, and the script prints its first lines (the binary's exit code and
# stderr).
LOG4J2 = """\
rootLogger.level = error
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{yy/MM/dd HH:mm:ss} %p %c{1}: %m%n%ex
logger.repl.name = org.apache.spark.repl.Main
logger.repl.level = error
logger.gateway.name = org.apache.spark.api.python.PythonGatewayServer
logger.gateway.level = error
logger.executor.name = org.apache.spark.executor.Executor
logger.executor.level = off
logger.tasks.name = org.apache.spark.scheduler.TaskSetManager
logger.tasks.level = off
logger.utils.name = org.apache.spark.util.Utils
logger.utils.level = off
logger.writer.name = org.apache.spark.internal.io.SparkHadoopWriter
logger.writer.level = off
"""

# The names saveAsTextFile writes besides the part files (and that merge
# skips): a work folder holding only these may be replaced.
SPARK_OUTPUT_NAME = re.compile(r"^(part-\d+|_SUCCESS|_temporary|\..*\.crc|\.part-\d+.*)$")

# The options of extract and merge whose value is a file.
FILE_OPTIONS = ("--actors", "--codebook", "--codebook-extend")

# Messages of `extract` about one input line, "stancetrack: <stdin>:N: ...",
# "stancetrack: <stdin>:N (byte B): invalid UTF-8 ...",
# "stancetrack: warning: <stdin>:N: ...".
STDIN_MESSAGE = re.compile(r"^stancetrack: (.*?)<stdin>:(\d+)(.*)$")


def fail(message, code=2):
    print(f"spark_run: {message}", file=sys.stderr)
    sys.exit(code)


def parse_args(argv):
    # Everything after a lone `--` goes to `stancetrack merge` as is
    # (e.g. `-- --group-by affiliation --format csv,jsonl --raw-csv`).
    merge_extra = []
    if "--" in argv:
        i = argv.index("--")
        argv, merge_extra = argv[:i], argv[i + 1 :]
    p = argparse.ArgumentParser(
        prog="spark_run.py",
        description="Run stancetrack's extract step on Spark and merge the result "
        "(the same files as `stancetrack run` over the shards).",
        epilog="Options after a lone -- are passed to `stancetrack merge`.",
    )
    p.add_argument(
        "--shards",
        nargs="+",
        required=True,
        metavar="DIR_OR_GLOB",
        help="JSONL shard files, folders (their *.jsonl files) or globs; sorted by path",
    )
    p.add_argument("--out", required=True, type=Path, help="output folder (created if missing)")
    p.add_argument(
        "--binary",
        type=Path,
        help="stancetrack binary (default: target/release/stancetrack of this repository, "
        "or $CARGO_TARGET_DIR/release/stancetrack)",
    )
    p.add_argument(
        "--master",
        default="local[*]",
        help="Spark master URL (default: local[*], all cores of this machine)",
    )
    p.add_argument(
        "--jobs-per-task",
        type=int,
        default=1,
        metavar="N",
        help="threads of each `extract` process (default 1: Spark runs one task per core); "
        "also sets spark.task.cpus",
    )
    p.add_argument(
        "--work",
        type=Path,
        help="folder for the intermediate statement records (kept; WORK/statements is "
        "replaced if it holds only Spark output). Default: a temporary folder, removed "
        "at the end",
    )
    p.add_argument(
        "--split-mb",
        type=float,
        metavar="MB",
        help="cut shards into partitions of about MB mebibytes (default 32: one partition "
        "per shard up to 32 MB)",
    )
    p.add_argument(
        "--ship",
        action="store_true",
        help="send the binary and the --actors/--codebook files to the executors "
        "(SparkContext.addFile) instead of using their paths on every node",
    )
    p.add_argument(
        "--conf",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="extra Spark configuration, e.g. --conf spark.driver.memory=4g",
    )
    p.add_argument(
        "--lossy",
        action="store_true",
        help="passed to extract: replace invalid UTF-8 instead of skipping the article",
    )
    p.add_argument("--actors", type=Path, metavar="F.toml", help="passed to extract and merge")
    p.add_argument("--codebook", type=Path, metavar="F.toml", help="passed to extract and merge")
    p.add_argument(
        "--codebook-extend", type=Path, metavar="F.toml", help="passed to extract and merge"
    )
    p.add_argument(
        "-q", "--quiet", action="store_true", help="no summary (errors are still printed)"
    )
    args = p.parse_args(argv)
    args.merge_extra = merge_extra
    if args.jobs_per_task < 1:
        p.error("--jobs-per-task must be at least 1")
    if args.split_mb is not None and args.split_mb <= 0:
        p.error("--split-mb must be positive")
    return args


def list_shards(specs):
    """The shard files, deduplicated and sorted by absolute path."""
    found = set()
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            files = [f for f in path.iterdir() if f.name.endswith(".jsonl") and f.is_file()]
            if not files:
                fail(f"{spec}: no *.jsonl files in this folder")
        elif path.is_file():
            files = [path]
        else:
            files = [Path(f) for f in glob.glob(spec) if Path(f).is_file()]
            if not files:
                fail(f"{spec}: no such file, folder, or files matching it")
        found.update(str(f.resolve()) for f in files)
    return sorted(found)


def plan_splits(shards, split_bytes):
    """(shard, start, end, k, n, name) for every split, in corpus order.

    A shard of S bytes is cut into n = ceil(S / split_bytes) nearly equal
    byte ranges (at least one, so an empty shard is an empty partition).
    The ranges need not fall on line boundaries: read_split gives each line
    to the range its first byte is in.
    """
    splits = []
    for shard in shards:
        size = os.path.getsize(shard)
        n = max(1, math.ceil(size / split_bytes))
        bounds = [size * k // n for k in range(n + 1)]
        rel = os.path.relpath(shard)
        name = shard if rel.startswith("..") else rel  # for messages
        splits += [(shard, bounds[k], bounds[k + 1], k + 1, n, name) for k in range(n)]
    return splits


def read_split(path, start, end, chunk=1 << 20):
    """The bytes of the lines of `path` that begin in [start, end), in chunks.

    A line begins at offset 0 or just after a LF. The line that begins before
    `start` and runs into the range belongs to the previous split, and the
    line that begins before `end` and runs past it is read to its end here,
    so consecutive splits give every line exactly once (as Hadoop's line
    reader does, but for LF only, like `run`).
    """
    with open(path, "rb") as f:
        if start > 0:
            f.seek(start - 1)
            f.readline()  # up to the first line that begins at or after start
        pos = f.tell()
        last = b""
        while pos < end:
            data = f.read(min(chunk, end - pos))
            if not data:
                return
            pos += len(data)
            last = data
            yield data
        if last and not last.endswith(b"\n"):
            rest = f.readline()
            if rest:
                yield rest


def hadoop_path(local_path):
    """A file:// URL for Hadoop's writer (saveAsTextFile).

    Hadoop expands globs in paths and splits them at commas, so the glob
    characters are escaped with a backslash and a comma is written as the
    one-alternative group {\\,}. (Path.as_uri() would percent-encode, which
    Hadoop's Path does not decode.)
    """
    escaped = re.sub(r"([\\*?\[\]{}])", r"\\\1", local_path)
    return "file://" + escaped.replace(",", "{\\,}")


def model_args(args, resolve=lambda p: str(p)):
    """The --actors/--codebook/--codebook-extend options, for extract and merge."""
    out = []
    for flag, value in zip(FILE_OPTIONS, (args.actors, args.codebook, args.codebook_extend)):
        if value is not None:
            out += [flag, resolve(value)]
    return out


def lossy(args):
    return ["--lossy"] if args.lossy else []


def preflight(binary, args):
    """Runs `extract` on one small article before Spark starts.

    It catches a binary that does not run, a binary without the extract
    command, and a bad --actors/--codebook file in seconds, where on Spark
    each would fail every task after the session start-up.
    """
    cmd = [str(binary), "extract", "--jobs", "1", *lossy(args), *model_args(args)]
    try:
        proc = subprocess.run(
            cmd, input=PREFLIGHT_ARTICLE.encode(), capture_output=True, timeout=120
        )
    except OSError as e:
        fail(f"{binary}: cannot run it ({e})")
    if proc.returncode != 0 or not proc.stdout.strip():
        err = proc.stderr.decode("utf-8", "replace").strip()
        fail(f"`{' '.join(cmd)}` failed on a test article (exit {proc.returncode}): {err}")


def local_cores(master):
    """Cores of a local master: local → 1, local[K] → K, local[*] → all; else None."""
    m = re.fullmatch(r"local(?:\[(\d+|\*)(?:,\d+)?\])?", master)
    if not m:
        return None
    if m.group(1) is None:
        return 1
    if m.group(1) == "*":
        return os.cpu_count() or 1
    return int(m.group(1))


def start_spark(args, work_root):
    # Executors run Python too (the function that feeds the binary): use this
    # interpreter, not whatever `python3` the worker's PATH finds (pyenv shims,
    # a venv). A user's PYSPARK_PYTHON wins.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    local = args.master.startswith("local")
    if local:
        # No network here: Spark would otherwise look up the machine's host
        # name and warn when it resolves to a loopback address, or bind to an
        # interface other processes cannot reach.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    try:
        from pyspark import SparkConf
        from pyspark.sql import SparkSession
    except ImportError:
        fail(
            "pyspark is not installed (python3 -m pip install pyspark==4.3.0; it also needs "
            "Java 17+)"
        )
    if not os.environ.get("JAVA_HOME") and shutil.which("java") is None:
        fail("no Java: Spark needs Java 17+ (`java -version`), on PATH or in JAVA_HOME")

    log4j = work_root / ".log4j2.properties"
    log4j.write_text(LOG4J2)
    conf = SparkConf().setAppName("stancetrack").setMaster(args.master)
    # The web UI is of no use to a batch job and would open a port.
    conf.set("spark.ui.enabled", "false")
    # The console progress bar would interleave with the binary's messages.
    conf.set("spark.ui.showConsoleProgress", "false")
    # Quiet from the first line (see LOG4J2). Applies to the driver JVM,
    # which in local mode also runs the executors.
    conf.set("spark.driver.extraJavaOptions", f"-Dlog4j.configurationFile={log4j.as_uri()}")
    if local:
        conf.set("spark.driver.host", "127.0.0.1")
        conf.set("spark.driver.bindAddress", "127.0.0.1")
    # Each task runs one `extract` with this many threads: tell the scheduler,
    # so that cores x tasks is not oversubscribed.
    conf.set("spark.task.cpus", str(args.jobs_per_task))
    for kv in args.conf:
        if "=" not in kv:
            fail(f"--conf {kv}: expected KEY=VALUE")
        k, v = kv.split("=", 1)
        conf.set(k, v)
    cores = local_cores(args.master)
    if cores is not None and args.jobs_per_task > cores:
        fail(f"--jobs-per-task {args.jobs_per_task} is more than the {cores} core(s) of {args.master}")
    try:
        spark = SparkSession.builder.config(conf=conf).getOrCreate()
    except Exception as e:  # the gateway's errors are long Java traces
        fail(f"Spark did not start: {str(e).splitlines()[0] if str(e) else type(e).__name__}")
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def make_extract_task(command, ship_names, splits, accumulators):
    """The per-partition function: feed split i to `extract`, yield its records.

    Runs on the executors, so it only refers to plain values, to functions
    of this module (cloudpickle sends them along) and to the accumulators
    (which Spark sends back to the driver with each task).
    """

    acc_statements, acc_lines, acc_articles, acc_report = accumulators

    def task(index, _elements):
        # Imports inside: this runs in the executors' Python workers.
        import os as _os
        import subprocess as _sp
        import threading as _th

        cmd = list(command)
        if ship_names:
            from pyspark import SparkFiles

            # The binary (cmd[0]) and the value of each file option are base
            # names of shipped files: run the executor's copies.
            cmd = [
                SparkFiles.get(a) if i == 0 or (cmd[i - 1] in FILE_OPTIONS) else a
                for i, a in enumerate(cmd)
            ]
            if not _os.access(cmd[0], _os.X_OK):
                _os.chmod(cmd[0], 0o755)
        shard, start, end, split, splits_of_shard, name = splits[index]
        proc = _sp.Popen(cmd, stdin=_sp.PIPE, stdout=_sp.PIPE, stderr=_sp.PIPE)
        fed = {"lines": 0, "nonblank": False, "error": None}
        errors = []

        def feed():
            try:
                tail = b"\n"
                for data in read_split(shard, start, end):
                    fed["lines"] += data.count(b"\n")
                    fed["nonblank"] = fed["nonblank"] or bool(data.strip())
                    tail = data[-1:]
                    proc.stdin.write(data)
                if tail != b"\n":
                    fed["lines"] += 1  # a last line without LF
                proc.stdin.close()
            except BrokenPipeError as e:  # the binary died: its exit code says why
                fed["error"] = e
            except Exception as e:  # noqa: BLE001 - re-raised in the task below
                fed["error"] = e
                try:
                    proc.stdin.close()
                except OSError:
                    pass

        def drain_stderr():
            for raw in proc.stderr:
                errors.append(raw.decode("utf-8", "replace").rstrip("\n"))

        feeder = _th.Thread(target=feed, daemon=True)
        drainer = _th.Thread(target=drain_stderr, daemon=True)
        feeder.start()
        drainer.start()
        statements = 0
        for raw in iter(proc.stdout.readline, b""):
            statements += 1
            yield raw.rstrip(b"\n").decode("utf-8")
        rc = proc.wait()
        feeder.join()
        drainer.join()

        shown = name if splits_of_shard == 1 else f"{name} split {split}/{splits_of_shard}"
        about_lines = [STDIN_MESSAGE.match(e) for e in errors]
        only_line_reports = all(m is not None for m in about_lines)
        ok = rc in (0, 1) or (rc == 2 and statements == 0 and only_line_reports)
        if not ok or (fed["error"] is not None and not isinstance(fed["error"], BrokenPipeError)):
            tail = "\n".join(errors[-20:])
            raise RuntimeError(
                f"stancetrack extract failed on partition {index} ({shown}): exit code {rc}"
                + (f", input error {fed['error']!r}" if fed["error"] else "")
                + (f"\n{tail}" if tail else "")
            )
        if fed["error"] is not None:  # a broken pipe yet exit 0/1/2: the binary stopped reading
            raise RuntimeError(
                f"stancetrack extract stopped reading partition {index} ({shown}) (exit {rc})"
            )
        acc_statements.add(statements)
        acc_lines.add(fed["lines"])
        # extract exits 0 or 1 when it processed at least one article.
        acc_articles.add(1 if rc in (0, 1) else 0)
        skipped = rc == 1 or (rc == 2 and fed["nonblank"])
        # Line numbers are the split's: the file's own for the first (or
        # only) split of a shard.
        where = (lambda n: f"{name}:{n}") if split == 1 else (
            lambda n: f"{name} (split {split}/{splits_of_shard}, its line {n})"
        )
        reports = [
            f"{m.group(1)}{where(m.group(2))}{m.group(3)}" if m else f"{shown}: {e}"
            for m, e in zip(about_lines[:100], errors)
        ]
        if skipped or reports:
            acc_report.add([(int(skipped), reports)])

    return task


def spark_output_only(folder):
    return all(SPARK_OUTPUT_NAME.match(p.name) for p in folder.iterdir())


def main(argv):
    t0 = time.monotonic()
    args = parse_args(argv)

    # Everything that can be checked before Spark starts (it takes ~10 s).
    shards = list_shards(args.shards)
    binary = args.binary
    if binary is None:
        target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
        if not target.is_absolute():
            target = REPO / target
        binary = target / "release" / "stancetrack"
        if not binary.is_file():
            fail(
                f"{binary}: no stancetrack binary; build it with `cargo build --release` "
                "or pass --binary PATH"
            )
    binary = binary.resolve()  # executors run in other working folders
    if not binary.is_file():
        fail(f"{binary}: no such file (--binary)")
    for flag in ("actors", "codebook", "codebook_extend"):
        value = getattr(args, flag)
        if value is not None:
            if not value.is_file():
                fail(f"{value}: no such file (--{flag.replace('_', '-')})")
            setattr(args, flag, value.resolve())
    if args.out.exists() and not args.out.is_dir():
        fail(f"{args.out}: --out exists and is not a folder")
    preflight(binary, args)

    if args.work is not None:
        work_root = args.work.resolve()
        work_root.mkdir(parents=True, exist_ok=True)
        keep_work = True
    else:
        work_root = Path(tempfile.mkdtemp(prefix="stancetrack-spark-"))
        keep_work = False
    statements_dir = work_root / "statements"
    if statements_dir.exists():
        if statements_dir.is_dir() and spark_output_only(statements_dir):
            shutil.rmtree(statements_dir)  # a previous run's records
        else:
            fail(f"{statements_dir}: exists and is not a previous run's Spark output")

    try:
        code = run_spark_and_merge(args, shards, binary, work_root, statements_dir, t0)
    finally:
        if not keep_work:
            shutil.rmtree(work_root, ignore_errors=True)
    return code


def run_spark_and_merge(args, shards, binary, work_root, statements_dir, t0):
    say = (lambda *a: None) if args.quiet else (lambda msg: print(f"spark_run: {msg}", file=sys.stderr))
    total_bytes = sum(os.path.getsize(s) for s in shards)
    splits = plan_splits(shards, (args.split_mb or 32) * (1 << 20))

    if args.ship:
        shipped = [binary] + [p for p in (args.actors, args.codebook, args.codebook_extend) if p]
        names = [p.name for p in shipped]
        if len(set(names)) != len(names):
            fail("--ship: the binary and the --actors/--codebook files need distinct file names")
        # The command names the shipped files by base name; the task swaps in
        # the executor's local copy (SparkFiles.get).
        command = [binary.name, "extract", "--jobs", str(args.jobs_per_task), *lossy(args)]
        command += model_args(args, resolve=lambda p: p.name)
        ship_names = names
    else:
        command = [str(binary), "extract", "--jobs", str(args.jobs_per_task), *lossy(args)]
        command += model_args(args)
        ship_names = []

    t_start = time.monotonic()
    spark = start_spark(args, work_root)
    sc = spark.sparkContext
    t_started = time.monotonic()
    try:
        for p in (binary, args.actors, args.codebook, args.codebook_extend) if args.ship else ():
            if p is not None:
                sc.addFile(str(p))
        from pyspark.accumulators import AccumulatorParam

        class ListParam(AccumulatorParam):
            def zero(self, value):
                return []

            def addInPlace(self, a, b):
                return a + b

        acc_statements = sc.accumulator(0)
        acc_lines = sc.accumulator(0)
        acc_articles = sc.accumulator(0)  # partitions where some article was processed
        acc_report = sc.accumulator([], ListParam())

        # One partition per split, split i in partition i (see the module
        # doc: the elements are only there to make the partitions).
        n = len(splits)
        corpus = sc.parallelize(range(n), n)
        if corpus.getNumPartitions() != n:
            fail(f"internal: {corpus.getNumPartitions()} partitions for {n} splits")
        accumulators = (acc_statements, acc_lines, acc_articles, acc_report)
        task = make_extract_task(command, ship_names, splits, accumulators)
        corpus.mapPartitionsWithIndex(task, preservesPartitioning=True).saveAsTextFile(
            hadoop_path(str(statements_dir))
        )
        partitions = corpus.getNumPartitions()
    except Exception as e:  # noqa: BLE001 - a Py4J error is a page of Java stack
        msg = str(e)
        # Show the task's own message (ours, above) rather than the Java trace.
        m = re.search(r"RuntimeError: (stancetrack extract .*?)(?:\n SQLSTATE|\n\s*at |\Z)", msg, re.S)
        if not m:  # some other Python error in a task: its traceback
            m = re.search(r"(Traceback \(most recent.*?)(?:\n SQLSTATE|\n\s*at |\Z)", msg, re.S)
        fail(f"the Spark job failed: {m.group(1).strip() if m else msg.strip()[:4000]}")
    finally:
        spark.stop()
    t_extracted = time.monotonic()

    skipped_partitions = sum(s for s, _ in acc_report.value)
    reports = [r for _, rs in acc_report.value for r in rs]
    for r in reports[:50]:
        print(f"spark_run: {r}", file=sys.stderr)
    if len(reports) > 50:
        print(f"spark_run: ... and {len(reports) - 50} more reports", file=sys.stderr)

    # merge reads the part files in name order; past part-99999 the names
    # (part-100000) no longer sort by number, so name the files in order.
    part_files = sorted(
        (p for p in statements_dir.iterdir() if re.fullmatch(r"part-\d+", p.name)),
        key=lambda p: int(p.name[5:]),
    )
    if len(part_files) != partitions:
        fail(f"{statements_dir}: {len(part_files)} part files for {partitions} partitions")
    if [p.name for p in part_files] == sorted(p.name for p in part_files):
        merge_inputs = [str(statements_dir)]
    else:
        merge_inputs = [str(p) for p in part_files]
    cmd = [str(binary), "merge", *merge_inputs, "--out", str(args.out), *model_args(args)]
    if args.quiet:
        cmd.append("-q")
    cmd += args.merge_extra
    merged = subprocess.run(cmd)
    t_merged = time.monotonic()
    merge_code = merged.returncode
    # merge exits 0 for parts without statements (articles without any
    # exist); only `extract` knows whether any article was read at all.
    if acc_articles.value == 0:
        fail("no article could be processed (every input line was skipped)")
    if merge_code >= 2 or merge_code < 0:
        fail(f"stancetrack merge failed (exit {merged.returncode})")

    say(
        f"{len(shards)} shards, {total_bytes / (1 << 20):.1f} MB, {acc_lines.value} lines "
        f"-> {partitions} partitions on {args.master}"
    )
    say(
        f"extract on Spark: {acc_statements.value} statements in {t_extracted - t_start:.1f} s "
        f"(Spark start-up {t_started - t_start:.1f} s, job {t_extracted - t_started:.1f} s)"
        + (f"; lines skipped in {skipped_partitions} partition(s)" if skipped_partitions else "")
    )
    say(f"merge: {t_merged - t_extracted:.1f} s -> {args.out}")
    say(f"total {t_merged - t0:.1f} s")
    if args.work is not None:
        say(f"statement records kept in {statements_dir}")
    return max(merge_code, 1 if skipped_partitions else 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
