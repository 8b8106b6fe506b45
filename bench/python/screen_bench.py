"""Python screening throughput against `zhunru screen`, and Dask with 1 vs 2 worker processes.

    taskset -c 0,1 /usr/bin/python3 bench/python/screen_bench.py build [N]

Inputs: N generated Chongqing projects (default 20,000; the generator of tests/python/conftest.py:
a point site in 3 of 10, a unit code otherwise, random facts, one in 20 malformed), as of 2025-06-01,
verdict-only and full answers. Every row is the median of 3 runs; compile time is excluded from the
Python and Dask rows and included in the CLI row (it is ~30 ms).
Before timing, the Python answers are checked equal to the CLI's, and the Dask ones to the Python ones.
"""
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

build = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build").resolve()
n = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
root = pathlib.Path(__file__).resolve().parents[2]
sys.path[:0] = [str(build / "bindings" / "python"), str(root / "tests" / "python")]

import zhunru  # noqa: E402
import zhunru.dask  # noqa: E402
from conftest import generated_projects  # noqa: E402

AS_OF = "2025-06-01"


def median_seconds(run, repeat=3):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def row(name, seconds):
    print(f"| {name} | {seconds:.3f} s | {n / seconds:,.0f} /s |", flush=True)


def main():
    rs = zhunru.compile(root / "rules" / "chongqing")
    projects = generated_projects(rs, n)
    texts = [json.dumps(p, ensure_ascii=False) for p in projects]
    with tempfile.TemporaryDirectory() as tmp:
        batch = pathlib.Path(tmp) / "batch.ndjson"
        batch.write_text("".join(t + "\n" for t in texts), encoding="utf-8")
        cli = [str(build / "zhunru"), "screen", str(root / "rules" / "chongqing"), "--input", str(batch),
               "--as-of", AS_OF, "--threads", "2", "--output", os.devnull]

        lean_py = [a.verdict if isinstance(a, zhunru.Decision) else a.code
                   for a in rs.screen(texts, as_of=AS_OF, verdict_only=True, threads=2)]
        out = subprocess.run(cli[:-2] + ["--verdict-only"], capture_output=True, check=False).stdout.decode()
        lean_cli = [r.get("verdict") or r["error"]["code"] for r in map(json.loads, out.splitlines())]
        assert lean_py == lean_cli, "Python and the CLI disagree"

        print(f"{n:,} generated Chongqing projects, 2 threads unless said\n")
        print("| how | time | projects/s |\n|---|---|---|")
        for verdict_only in (True, False):
            what = "verdict only" if verdict_only else "full decisions"
            extra = ["--verdict-only"] if verdict_only else []
            row(f"`zhunru screen` (NDJSON file → /dev/null, compile included), {what}",
                median_seconds(lambda: subprocess.run(cli + extra, check=False, capture_output=True)))
            row(f"`rs.screen(json_texts)`, {what}",
                median_seconds(lambda: rs.screen(texts, as_of=AS_OF, verdict_only=verdict_only, threads=2)))
            row(f"`rs.screen(dicts)` (json.dumps per record), {what}",
                median_seconds(lambda: rs.screen(projects, as_of=AS_OF, verdict_only=verdict_only, threads=2)))
        row("`rs.screen(json_texts, threads=1)`, verdict only",
            median_seconds(lambda: rs.screen(texts, as_of=AS_OF, verdict_only=True, threads=1)))

        import dask.bag
        import distributed

        expected = [{"errors": a.errors} if isinstance(a, zhunru.RecordError) else a.to_dict()
                    for a in rs.screen(texts, as_of=AS_OF, verdict_only=True)]
        import dask
        # The scale-out shape: workers read their part of the input and write their answers
        # (read_text → screen → to_textfiles); nothing but counts comes back to the client.
        lines = dask.bag.read_text(str(batch), blocksize=len(batch.read_bytes()) // 16 + 1)
        for workers in (1, 2):
            with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                          dashboard_address=None, silence_logs=40) as cluster, \
                    distributed.Client(cluster) as client:
                out = pathlib.Path(tmp) / f"answers-{workers}"

                def write_answers():
                    screened = zhunru.dask.screen(rs, lines, as_of=AS_OF, verdict_only=True)
                    client.compute(screened.map(json.dumps).to_textfiles(str(out / "*.ndjson"), compute=False),
                                   sync=True)

                write_answers()  # workers load the ruleset once, on their first partition
                row(f"`zhunru.dask.screen` on a LocalCluster of {workers} worker process(es), 1 thread each: "
                    f"read_text → screen → to_textfiles, verdict only ({lines.npartitions} partitions)",
                    median_seconds(write_answers))
                written = [json.loads(line) for f in sorted(out.glob("*.ndjson"), key=lambda f: int(f.stem))
                           for line in f.read_text(encoding="utf-8").splitlines()]
                assert written == expected, "Dask disagrees with one process"


if __name__ == "__main__":
    main()
