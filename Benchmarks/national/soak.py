#!/usr/bin/env python3
"""The soak: the national deployment under steady mixed load for half an hour.

On the cluster of scripts/cluster.sh (PostgreSQL, two instances, nginx) holding the national
record of the national benchmark (run.py: 200 governments of 100 partnerships, 5,000 activities
each), officers' pages of 20 governments are read at --rate pages a second (by default half of
the 4,874 a second measured there), while officers of 10 other governments save an activity form
--saves times a second. It reports, for each five minutes, the p50 and p99 of the pages, the
pages a second, the errors and the saves, and each instance's resident memory every 10 s with
its slope (MB an hour, by least squares over all but the first five minutes).

  python3 Benchmarks/national/soak.py [--minutes 30] [--rate 2437] [--saves 3]

Options as run.py's for the record (--governments, --partnerships, --activities, --work) and
--connections (13), --pause (found by trying unless given: wrk waits whole milliseconds, and
on this machine 4 ms gave 5.3 ms a page per connection, 5 ms gave 10.3 ms). Writes WORK/soak.json. Needs: apt-get install postgresql nginx wrk.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from run import (ROOT, Writer, add_accounts, add_record_arguments, generate, log, partnership_ids, rss_mb, run_wrk,  # noqa: E402
                 sign_in)


class MemoryWatch(threading.Thread):
    """Each instance's resident memory every `every` seconds."""

    def __init__(self, pids, every=10):
        super().__init__(daemon=True)
        self.pids, self.every = pids, every
        self.samples = []  # (seconds since start, [MB per instance])
        self.halt = threading.Event()

    def run(self):
        started = time.monotonic()
        while not self.halt.is_set():
            self.samples.append((time.monotonic() - started, [round(rss_mb(pid), 1) for pid in self.pids]))
            self.halt.wait(self.every)


def slope_mb_per_hour(samples, instance, skip_seconds):
    points = [(t, mb[instance]) for t, mb in samples if t >= skip_seconds]
    if len(points) < 2:
        return None
    mean_t = sum(t for t, _ in points) / len(points)
    mean_m = sum(m for _, m in points) / len(points)
    covariance = sum((t - mean_t) * (m - mean_m) for t, m in points)
    variance = sum((t - mean_t) ** 2 for t, _ in points)
    return round(covariance / variance * 3600, 1)


def paced(base, lines, options, pause_ms, seconds, label):
    window = argparse.Namespace(connections=options.connections, duration=seconds, work=options.work)
    return run_wrk(base, lines, window, label, script="paced.lua", script_args=(str(pause_ms),))


def calibrate(base, lines, options):
    """The pause after each answer that gives about --rate pages a second."""
    pause = max(0.0, options.connections / options.rate * 1000 - 2)
    for _ in range(4):
        measured = paced(base, lines, options, round(pause), 15, "calibration")["requests_per_second"]
        log(f"calibration: a pause of {round(pause)} ms gives {measured:.0f} pages/s")
        if abs(measured - options.rate) / options.rate < 0.05:
            break
        pause = max(0.0, pause + options.connections * (1 / options.rate - 1 / measured) * 1000)
    return round(pause)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_record_arguments(parser)
    parser.add_argument("--minutes", type=int, default=30)
    parser.add_argument("--rate", type=float, default=2437)
    parser.add_argument("--saves", type=int, default=3)
    parser.add_argument("--connections", type=int, default=13)
    parser.add_argument("--pause", type=int, default=None,
                        help="milliseconds each connection waits after an answer (default: found by trying)")
    options = parser.parse_args()
    options.legacy = False
    os.makedirs(options.work, exist_ok=True)
    files, long_file = generate(options)
    cluster_dir = os.path.join(options.work, "cluster-soak")
    env = {**os.environ, "KEMBAR_CLUSTER_DIR": cluster_dir, "KEMBAR_BINARY": options.binary,
           "KEMBAR_CLUSTER_DEMO": "0", "LOG_LEVEL": "warning", "KEMBAR_CLUSTER_IMPORT": " ".join(files + [long_file])}
    cluster_sh = os.path.join(ROOT, "scripts/cluster.sh")
    subprocess.run([cluster_sh, "down"], env=env, capture_output=True)
    log("starting PostgreSQL, importing the national record, starting two instances and nginx")
    out = subprocess.run([cluster_sh, "up"], env=env, check=True, capture_output=True, text=True).stdout
    base = re.search(r"Kembar cluster at (http://\S+)/", out).group(1)
    cluster = dict(line.split("=", 1) for line in open(os.path.join(cluster_dir, "cluster.env")).read().split())
    pids = [int(cluster[f"KEMBAR_{n}_PID"]) for n in (1, 2)]
    db_env = {"DATABASE_URL": cluster["DATABASE_URL"].strip("'")}
    try:
        readers, writers = add_accounts(options.binary, db_env, options)
        sessions = {g: sign_in(base, f"reader@{g}.example") for g in readers}
        lines = []
        for g in readers:
            lines.append(f"/\t{sessions[g]}")
            for partnership, _ in partnership_ids(files[int(g[4:]) - 1])[:5]:
                lines.append(f"/partnerships/{g}/{partnership}\t{sessions[g]}")
        writer_sessions = {g: sign_in(base, f"writer@{g}.example") for g in writers}
        targets = [(g, p, a[0]) for g in writers for p, a in partnership_ids(files[int(g[4:]) - 1])[:3]]
        pause = options.pause if options.pause is not None else calibrate(base, lines, options)
        saving = [Writer(base, writer_sessions, targets[n::options.saves]) for n in range(options.saves)]
        memory = MemoryWatch(pids)
        memory.start()
        for writer in saving:
            writer.start()
        windows = []
        for n in range(options.minutes // 5):
            saves_before = sum(len(w.results) for w in saving)
            failed_before = sum(sum(1 for s, _ in w.results if s != 303) for w in saving)
            result = paced(base, lines, options, pause, 300, f"soak-{n}")
            saves = sum(len(w.results) for w in saving) - saves_before
            failed = sum(sum(1 for s, _ in w.results if s != 303) for w in saving) - failed_before
            window = {"minutes": f"{n * 5}-{n * 5 + 5}", "p50_ms": result["p50_ms"], "p99_ms": result["p99_ms"],
                      "pages_per_second": round(result["requests_per_second"]), "pages": result["requests"],
                      "non_2xx": result["non_2xx"], "socket_errors": result["socket_errors"],
                      "saves": saves, "saves_failed": failed,
                      "rss_mb": memory.samples[-1][1] if memory.samples else None}
            windows.append(window)
            log(json.dumps(window))
        for writer in saving:
            writer.stop.set()
        for writer in saving:
            writer.join()
        memory.halt.set()
        results = {"rate_asked": options.rate, "pause_ms": pause, "connections": options.connections,
                   "windows": windows, "memory_samples": memory.samples,
                   "rss_slope_mb_per_hour": [slope_mb_per_hour(memory.samples, i, 300) for i in range(len(pids))]}
        log(f"resident memory slope after the first five minutes (MB an hour): {results['rss_slope_mb_per_hour']}")
        with open(os.path.join(options.work, "soak.json"), "w") as file:
            json.dump(results, file, indent=2)
    finally:
        subprocess.run([cluster_sh, "down"], env=env, capture_output=True)


if __name__ == "__main__":
    main()
