#!/usr/bin/env python3
"""Run crosscheck's partitioned run on Dask and check it against the single-process run.

Takes: a corpus folder (--corpus), a run folder for the files the tasks exchange (--run; on a
cluster both must be on a filesystem every worker sees at the same path), the crosscheck binary
(--bin, same path on every worker), and a Dask cluster: a LocalCluster of --workers processes of
one thread each, or an existing scheduler (--scheduler ADDRESS).
Hands on: in --run, the map shards' records (map/), the partition table (table.json), the
partitions' records (parts/), their reports (reports/), the merged report (report.json), the
single-process report (whole.json) and each crosscheck's stderr (logs/); on stdout, the wall
time, CPU and peak RSS of each phase and how many stories straddled map shards. Exits 0 when
the merged report equals the single-process one byte for byte (and their exit codes agree),
1 when it does not, 2 on trouble (a task's crosscheck exited 2: its shard or partition and its
stderr are printed).

The five steps, each as Dask tasks:
  map      one `crosscheck extract` per shard of the file list (shard k holds the k-th,
           (k+S)-th, ... paths in sorted order, so every story of two or more documents is cut
           across shards);
  stats    one `crosscheck partition --parts P` over all the shards' records;
  shuffle  a dask.bag over the shards' record lines, keyed by the table's partition of each
           record's document, grouped with a task shuffle (`groupby(shuffle="tasks")`); each
           group is written as one partition's records. A `{"skipped": ...}` line (an input
           the map could not read) has no document: it goes to the first non-empty partition,
           where the reduce notes it on stderr; the merge takes the skipped inputs from the
           table, so this changes nothing in the merged report;
  reduce   one `crosscheck check --format json --claims PART --table table.json` per
           non-empty partition (exit 0 or 1 both succeed: 1 means findings);
  merge    one `crosscheck merge --table table.json REPORTS...`.
Then `crosscheck check --format json` over the corpus folder on the driver, and a byte compare.

The non-obvious rule: every crosscheck is run with --isolated (no config file) and with the
corpus folder's parent as its working directory, so the paths in the records, the table and
both reports are the same relative paths ("corpus/e1/s0-x.md") wherever a task runs.

Standard library and dask/distributed only.
"""
import argparse
import json
import logging
import os
import resource
import subprocess
import sys
import time


class Trouble(Exception):
    """A step that cannot go on: a crosscheck that exited 2, a missing file."""


GNU_TIME = "/usr/bin/time"


def crosscheck(argv, cwd, out_path, err_path, what, ok=(0,)):
    """Run one crosscheck with stdout to out_path and stderr to err_path.

    Returns {"rc", "cpu", "rss_mb", "wall"}: CPU from the child's rusage (wait4), peak RSS
    from GNU time's %M where /usr/bin/time exists (a child's own ru_maxrss starts at its
    parent's RSS, since the high-water mark survives the exec; GNU time is a small parent),
    else that upper bound. Raises RuntimeError naming `what` with the child's stderr when its
    exit code is not in `ok`.
    """
    rss_path = err_path + ".rss"
    timed = os.path.exists(GNU_TIME)
    run_argv = [GNU_TIME, "-f", "%M", "-o", rss_path] + argv if timed else argv
    t0 = time.monotonic()
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        p = subprocess.Popen(run_argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - t0
    if p.returncode not in ok:
        with open(err_path, "rb") as f:
            stderr = f.read().decode("utf-8", "replace").strip()
        raise RuntimeError(
            f"{what}: `{' '.join(argv[:2])} ...` exited {p.returncode}\n"
            f"--- crosscheck stderr ({err_path}) ---\n{stderr}\n---"
        )
    rss_kb = ru.ru_maxrss
    if timed:
        try:
            with open(rss_path, encoding="utf-8") as f:
                rss_kb = int(f.read().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
    return {"rc": p.returncode, "cpu": ru.ru_utime + ru.ru_stime, "rss_mb": rss_kb / 1024,
            "wall": wall}


# ---- tasks (run on the workers; everything they exchange is a path in the run folder) ----


def map_shard(k, paths, cfg):
    """Map: `crosscheck extract` over one shard's paths, records to map/shard-K.jsonl."""
    out = os.path.join(cfg["run"], "map", f"shard-{k:03d}.jsonl")
    err = os.path.join(cfg["run"], "logs", f"map-{k:03d}.err")
    argv = [cfg["bin"], "extract", "--no-progress", "--isolated", "-j", str(cfg["task_threads"])]
    stats = crosscheck(argv + paths, cfg["cwd"], out, err,
                       f"map shard {k} ({len(paths)} inputs from {paths[0]})")
    stats["out"] = out
    return stats


def statistics(shard_outs, shards, cfg):
    """Stats: `crosscheck partition` over every shard's records, the table to table.json.

    Returns the table's counts and how many stories have documents in more than one shard.
    """
    out = os.path.join(cfg["run"], "table.json")
    err = os.path.join(cfg["run"], "logs", "partition.err")
    argv = [cfg["bin"], "partition", "--parts", str(cfg["parts"]), "-j", str(cfg["task_threads"])]
    stats = crosscheck(argv + shard_outs, cfg["cwd"], out, err, "statistics pass (partition)")
    with open(out, encoding="utf-8") as f:
        table = json.load(f)
    shard_of = {p: k for k, paths in enumerate(shards) for p in paths}
    shards_of_story = {}
    for path, story, _part in table["rows"]:
        if path not in shard_of:
            raise RuntimeError(f"statistics pass: the table's {path} is in no map shard")
        shards_of_story.setdefault(story, set()).add(shard_of[path])
    sizes = {}
    for _path, story, _part in table["rows"]:
        sizes[story] = sizes.get(story, 0) + 1
    stats.update(
        table=out,
        parts=table["parts"],
        sizes=table["sizes"],
        stories=table["stories"],
        documents=len(table["rows"]),
        skipped=len(table["problems"]),
        straddling=sum(1 for s in shards_of_story.values() if len(s) > 1),
        multi_doc_stories=sum(1 for n in sizes.values() if n > 1),
        largest_story=max(sizes.values(), default=0),
    )
    return stats


HEAD = '{"document":'


def key_records(shard_outs, table_path):
    """Shuffle, first half: each record line of these shards as (partition, line)."""
    with open(table_path, encoding="utf-8") as f:
        table = json.load(f)
    part_of = {path: part for path, _story, part in table["rows"]}
    # a skipped input's line has no document: the first partition that will be reduced
    spare = next((p for p, n in enumerate(table["sizes"]) if n > 0), 0)
    decoder = json.JSONDecoder()
    keyed = []
    for shard in shard_outs:
        with open(shard, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                if not line.endswith("\n"):
                    line += "\n"
                try:
                    if line.startswith(HEAD):
                        # the document object comes first: decode it alone, not the claims
                        doc, _end = decoder.raw_decode(line, len(HEAD))
                        record = {"document": doc}
                    else:
                        record = json.loads(line)
                except ValueError as e:
                    raise RuntimeError(f"shuffle: {shard}:{n} is not a JSON record: {e}") from e
                doc = record.get("document")
                if not isinstance(doc, dict):
                    if "skipped" not in record:
                        raise RuntimeError(f"shuffle: {shard}:{n} has neither document nor skipped")
                    keyed.append((spare, line))
                    continue
                part = part_of.get(doc.get("path"))
                if part is None:
                    raise RuntimeError(
                        f"shuffle: {shard}:{n}: document {doc.get('path')!r} is not in the table"
                    )
                keyed.append((part, line))
    return keyed


def write_partition(group, cfg):
    """Shuffle, second half: one partition's grouped lines to parts/part-P.jsonl."""
    part, pairs = group
    out = os.path.join(cfg["run"], "parts", f"part-{part:03d}.jsonl")
    docs = 0
    with open(out, "w", encoding="utf-8") as f:
        for _part, line in pairs:
            f.write(line)
            docs += not line.startswith('{"skipped"')
    return {"part": part, "path": out, "lines": len(pairs), "documents": docs}


def reduce_partition(part, part_path, cfg):
    """Reduce: `crosscheck check --claims` over one partition, its report to reports/."""
    out = os.path.join(cfg["run"], "reports", f"report-{part:03d}.json")
    err = os.path.join(cfg["run"], "logs", f"reduce-{part:03d}.err")
    argv = [cfg["bin"], "check", "--format", "json", "--no-progress", "--isolated",
            "-j", str(cfg["task_threads"]), "--claims", part_path, "--table", cfg["table"]]
    stats = crosscheck(argv, cfg["cwd"], out, err, f"reduce of partition {part}", ok=(0, 1))
    stats.update(part=part, out=out)
    return stats


def merge_reports(reports, cfg):
    """Merge: `crosscheck merge` of the partitions' reports into report.json."""
    out = os.path.join(cfg["run"], "report.json")
    err = os.path.join(cfg["run"], "logs", "merge.err")
    argv = [cfg["bin"], "merge", "--table", cfg["table"]] + reports
    stats = crosscheck(argv, cfg["cwd"], out, err, "merge", ok=(0, 1))
    stats["out"] = out
    return stats


def worker_usage():
    """CPU seconds (the worker's own and its waited-for children's) and peak RSS in MB."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
        "rss_mb": me.ru_maxrss / 1024,
    }


# ---- driver ----


def list_inputs(corpus):
    """Every regular file under the corpus folder that the folder walk reads (not hidden),
    as paths relative to the corpus's parent, sorted."""
    base = os.path.dirname(corpus)
    found = []
    for root, dirs, files in os.walk(corpus):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith("."):
                found.append(os.path.relpath(os.path.join(root, name), base))
    return sorted(found)


def first_difference(a, b):
    """Byte offset of the first difference of two files (or the shorter one's length)."""
    with open(a, "rb") as fa, open(b, "rb") as fb:
        offset = 0
        while True:
            x, y = fa.read(1 << 16), fb.read(1 << 16)
            if x != y:
                n = min(len(x), len(y))
                i = next((i for i in range(n) if x[i] != y[i]), n)
                return offset + i
            if not x:
                return None
            offset += len(x)


def same_bytes(a, b):
    return os.path.getsize(a) == os.path.getsize(b) and first_difference(a, b) is None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True, help="corpus folder (absolute path)")
    ap.add_argument("--run", required=True, help="folder for the files the tasks exchange")
    ap.add_argument("--bin", required=True, help="crosscheck binary (absolute path)")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes")
    ap.add_argument("--scheduler", help="address of a running `dask scheduler` to use instead")
    ap.add_argument("--parts", type=int, default=8, help="partitions (at least 8)")
    ap.add_argument("--shards", type=int, default=16, help="map shards")
    ap.add_argument("--task-threads", type=int, default=1,
                    help="threads of each task's crosscheck (-j); default 1, one per worker thread")
    ap.add_argument("--self-test-drop-partition", type=int, metavar="P",
                    help="self-test: leave partition P's report out of the merge, which must "
                         "then differ from the single-process report (exit 1)")
    a = ap.parse_args()
    if a.parts < 8:
        ap.error("--parts must be at least 8")
    if a.shards < 2:
        ap.error("--shards must be at least 2")

    import dask.bag as db
    from distributed import Client, LocalCluster

    say = lambda msg: print(f"scale-dask: {msg}", flush=True)  # noqa: E731
    corpus, run = os.path.abspath(a.corpus), os.path.abspath(a.run)
    for sub in ("map", "parts", "reports", "logs"):
        os.makedirs(os.path.join(run, sub), exist_ok=True)
    cfg = {"bin": a.bin, "run": run, "cwd": os.path.dirname(corpus), "parts": a.parts,
           "task_threads": a.task_threads}

    inputs = list_inputs(corpus)
    if not inputs:
        raise Trouble(f"no files under {corpus}")
    shards = [inputs[k::a.shards] for k in range(a.shards)]
    shards = [s for s in shards if s]

    t0 = time.monotonic()
    cluster = None
    if a.scheduler:
        client = Client(a.scheduler, timeout="30s")
        try:
            client.wait_for_workers(1, timeout=60)
        except TimeoutError as e:
            raise Trouble(f"the scheduler at {a.scheduler} has no workers after 60 s") from e
        where = "an existing scheduler"
    else:
        cluster = LocalCluster(n_workers=a.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR,
                               local_directory=os.path.join(run, "dask-scratch"))
        client = Client(cluster)
        where = f"LocalCluster, {a.workers} worker processes x 1 thread"
    nworkers = len(client.scheduler_info()["workers"])
    say(f"{len(inputs)} inputs under {corpus}; {len(shards)} map shards, {a.parts} partitions; "
        f"{where} at {client.scheduler.address} ({nworkers} workers, up in "
        f"{time.monotonic() - t0:.1f} s)")
    phases = []  # (name, wall, worker CPU, crosscheck peak RSS, tasks)

    def usage():
        u = client.run(worker_usage)
        return sum(v["cpu"] for v in u.values()), u

    def phase(name, fn):
        cpu0, _ = usage()
        t = time.monotonic()
        result, rss, tasks = fn()
        wall = time.monotonic() - t
        cpu1, _ = usage()
        phases.append((name, wall, cpu1 - cpu0, rss, tasks))
        return result

    try:
        # map
        def do_map():
            futures = [client.submit(map_shard, k, paths, cfg, key=f"map-shard-{k}", pure=False)
                       for k, paths in enumerate(shards)]
            out = client.gather(futures)
            return out, max(o["rss_mb"] for o in out), len(out)
        maps = phase("map", do_map)
        shard_outs = [m["out"] for m in maps]

        # statistics pass
        def do_stats():
            s = client.submit(statistics, shard_outs, shards, cfg, key="partition", pure=False)
            s = s.result()
            return s, s["rss_mb"], 1
        st = phase("stats", do_stats)
        cfg["table"] = st["table"]
        nonempty = [p for p, n in enumerate(st["sizes"]) if n > 0]
        say(f"table: {st['documents']} documents, {st['skipped']} skipped input(s), "
            f"{st['stories']} stories (largest {st['largest_story']} documents); "
            f"{st['straddling']} of the {st['multi_doc_stories']} stories of 2+ documents "
            f"straddle map shards; {len(nonempty)} non-empty partitions, sizes {st['sizes']}")

        # shuffle: record lines keyed by partition, grouped by a Dask task shuffle
        def do_shuffle():
            bag = db.from_sequence(shard_outs, npartitions=len(shard_outs))
            keyed = bag.map_partitions(key_records, st["table"])
            groups = keyed.groupby(lambda kv: kv[0], shuffle="tasks")
            written = groups.map(write_partition, cfg).compute()
            return sorted(written, key=lambda w: w["part"]), None, len(written)
        parts = phase("shuffle", do_shuffle)
        got = {w["part"] for w in parts}
        if got != set(nonempty):
            raise Trouble(f"shuffle: partitions {sorted(got)} written, the table's non-empty "
                          f"ones are {nonempty}")
        for w in parts:
            if w["documents"] != st["sizes"][w["part"]]:
                raise Trouble(f"shuffle: partition {w['part']} got {w['documents']} documents, "
                              f"the table says {st['sizes'][w['part']]}")

        # reduce
        def do_reduce():
            futures = [client.submit(reduce_partition, w["part"], w["path"], cfg,
                                     key=f"reduce-partition-{w['part']}", pure=False)
                       for w in parts]
            out = client.gather(futures)
            return out, max(o["rss_mb"] for o in out), len(out)
        reduced = phase("reduce", do_reduce)
        reports = [r["out"] for r in reduced]
        if a.self_test_drop_partition is not None:
            drop = [r["out"] for r in reduced if r["part"] == a.self_test_drop_partition]
            if not drop:
                raise Trouble(f"--self-test-drop-partition {a.self_test_drop_partition}: no such "
                              f"non-empty partition (they are {nonempty})")
            reports = [r for r in reports if r not in drop]
            say(f"SELF-TEST: partition {a.self_test_drop_partition}'s report is left out of the "
                "merge; the comparison below must fail")

        # merge
        def do_merge():
            m = client.submit(merge_reports, reports, cfg, key="merge", pure=False).result()
            return m, m["rss_mb"], 1
        merged = phase("merge", do_merge)
        _, workers = usage()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    # the single-process run, on the driver
    whole = os.path.join(run, "whole.json")
    w = crosscheck([a.bin, "check", "--format", "json", "--no-progress", "--isolated",
                    os.path.basename(corpus)], cfg["cwd"], whole,
                   os.path.join(run, "logs", "whole.err"), "single-process check", ok=(0, 1))

    dask_wall = sum(p[1] for p in phases)
    print()
    print("| phase | wall s | CPU s | peak RSS MB | tasks |")
    print("|---|---:|---:|---:|---:|")
    for name, wall, cpu, rss, tasks in phases:
        rss_s = f"{rss:.0f}" if rss is not None else "-"
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {rss_s} | {tasks} |")
    print(f"| all five on Dask | {dask_wall:.2f} | {sum(p[2] for p in phases):.2f} | | |")
    print(f"| single-process `check` | {w['wall']:.2f} | {w['cpu']:.2f} | {w['rss_mb']:.0f} | 1 |")
    print()
    print("CPU s: the workers' own CPU and their crosscheck children's, summed over workers "
          "(the single-process row: that process's). Peak RSS: the largest crosscheck process "
          "of the phase (shuffle: Python only, see the workers' below)"
          + ("." if os.path.exists(GNU_TIME) else
             "; without /usr/bin/time it is the child's ru_maxrss, which starts at its "
             "parent's RSS."))
    peak = ", ".join(f"{v['rss_mb']:.0f}" for v in workers.values())
    drv = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Dask workers' peak RSS MB: {peak}; the driver's: {drv:.0f}")
    print()

    mb, wb = os.path.getsize(merged["out"]), os.path.getsize(whole)
    if same_bytes(merged["out"], whole) and merged["rc"] == w["rc"]:
        say(f"equal: the merged report ({mb} bytes, exit {merged['rc']}) is byte for byte the "
            f"single-process report ({wb} bytes, exit {w['rc']})")
        return 0
    off = first_difference(merged["out"], whole)
    say(f"NOT EQUAL: merged report {merged['out']} ({mb} bytes, exit {merged['rc']}) differs "
        f"from the single-process report {whole} ({wb} bytes, exit {w['rc']})"
        + (f", first at byte {off}" if off is not None else ""))
    return 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (Trouble, RuntimeError) as e:
        print(f"scale-dask: {e}", file=sys.stderr)
        sys.exit(2)
    except Exception as e:  # a worker lost, a scheduler not reached: trouble, not "unequal"
        print(f"scale-dask: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(2)
