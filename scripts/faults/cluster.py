#!/usr/bin/env python3
"""Faults of a cluster under load: an instance killed, then PostgreSQL restarted.

On the cluster of scripts/cluster.sh (PostgreSQL, two Kembar instances, nginx in front, as
deploy/nginx/kembar.conf sets one up), readers open pages signed in and programs add activities
through the API, each with a session or token of its own (so nginx spreads them over both
instances), while:

1. instance 1 is killed with SIGKILL, and started again after --down seconds. Pages must not
   fail (nginx sends them to the other instance); only writes in flight at the kill may fail;
   instance 1 must answer again once started.
2. PostgreSQL is stopped, and started again after --down seconds. Every answer meanwhile must be
   a success (from what an instance keeps) or Kembar's 503 with Retry-After, never a 500, a 502
   or a request left hanging (--hang seconds); service must come back by itself.

At the end, every write acknowledged in either part must be in the record, with its audit entry.

  python3 scripts/faults/cluster.py [--binary B] [--down 10] [--settle 10] [--hang 10]

Needs: apt-get install postgresql nginx. Exits 1 when a rule above was broken.
"""
import argparse
import os
import signal
import subprocess
import threading
import time

from faultlib import (ROOT, Acknowledged, APIWriter, Database, Front, default_binary, log, lost_writes,
                      stop_writers)
from kembarhttp import api_token, http, sign_in

PAGES = ["/", "/partnerships/bandung/bandung-liuzhou", "/partnerships/bandung/bandung-braunschweig", "/map"]


class Cluster:
    def __init__(self, binary, work):
        self.binary, self.work = binary, work
        self.environment = {**os.environ, "KEMBAR_CLUSTER_DIR": work, "KEMBAR_BINARY": binary,
                            "KEMBAR_SERVE_OPTIONS": "--api-calls-per-minute 1000000"}

    def script(self, *arguments):
        done = subprocess.run([os.path.join(ROOT, "scripts/cluster.sh"), *arguments], env=self.environment,
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"scripts/cluster.sh {' '.join(arguments)} failed:\n{done.stdout}{done.stderr}")
        return done.stdout

    def settings(self):
        found = {}
        with open(os.path.join(self.work, "cluster.env")) as file:
            for line in file:
                key, _, value = line.strip().partition("=")
                found[key] = value.strip("'")
        return found

    @property
    def base(self):
        return f"http://127.0.0.1:{self.settings()['NGINX_PORT']}"

    def instance_address(self, n):
        return f"127.0.0.1:{self.settings()[f'KEMBAR_{n}_PORT']}"

    def kill_instance(self, n):
        os.kill(int(self.settings()[f"KEMBAR_{n}_PID"]), signal.SIGKILL)

    def postgres(self, action):
        self.script("postgres", action)

    def administrator(self):
        with open(os.path.join(self.work, "admin")) as file:
            email, password = file.read().split("\n")[:2]
        return email, password


class Reader(threading.Thread):
    """Opens pages one after another, noting each answer: (time, status, upstream, seconds, retry-after)."""

    def __init__(self, base, cookie, hang):
        super().__init__(daemon=True)
        self.base, self.cookie, self.hang = base, cookie, hang
        self.halt = threading.Event()
        self.answers = []

    def run(self):
        n = 0
        while not self.halt.is_set():
            started = time.monotonic()
            try:
                status, headers, body = http(self.base + PAGES[n % len(PAGES)], headers={"Cookie": self.cookie},
                                             timeout=self.hang)
                upstream = headers.get("X-Kembar-Upstream", "")
                outage = status == 503 and "Retry-After" in headers and "<html" in body
            except OSError as error:
                status, upstream, outage = f"no answer ({type(error).__name__})", "", False
            self.answers.append((started, status, upstream, time.monotonic() - started, outage))
            n += 1
            if status != 200:
                self.halt.wait(0.05)  # as a person would, rather than at once


def start_load(cluster, readers, writers, acknowledged, hang, phase):
    email, password = cluster.administrator()
    base = cluster.base
    reading = [Reader(base, sign_in(base, email, password), hang) for _ in range(readers)]
    writing = []
    for n in range(writers):
        token = api_token(base, sign_in(base, email, password), f"faults-{n}")
        writing.append(APIWriter(Front(base), acknowledged, f"{phase}{n}", token,
                                 ["bandung-liuzhou", "bandung-braunschweig", "bandung-suwon"]))
    for thread in reading + writing:
        thread.start()
    return reading, writing


def answered_by(cluster, n, probes):
    """How many of `probes` requests, each with a session cookie of its own (so nginx's hash
    spreads them), instance `n` answered."""
    address, count = cluster.instance_address(n), 0
    for probe in range(probes):
        _, headers, _ = http(cluster.base + "/healthz", headers={"Cookie": f"kembar_session=probe-{probe}-{time.time_ns()}"})
        count += address in headers.get("X-Kembar-Upstream", "").split(",")[-1]
    return count


def answers_between(readers, start, end):
    return [a for reader in readers for a in reader.answers if start <= a[0] < end]


def summary(answers):
    counts = {}
    for answer in answers:
        counts[answer[1]] = counts.get(answer[1], 0) + 1
    slowest = max((a[3] for a in answers), default=0)
    return f"{len(answers)} pages {counts}, slowest {slowest:.2f} s"


def kill_an_instance(cluster, options, acknowledged):
    problems = []
    readers, writers = start_load(cluster, options.readers, options.writers, acknowledged, options.hang, "kill")
    time.sleep(options.settle)
    killed = time.monotonic()
    outcomes_before = dict(acknowledged.outcomes)
    cluster.kill_instance(1)
    log("instance 1 killed")
    time.sleep(options.down)
    restarted = time.monotonic()
    cluster.script("restart", "1")
    log(f"instance 1 started again, ready {time.monotonic() - restarted:.2f} s later")
    ready = time.monotonic()
    # nginx leaves a failed instance out for fail_timeout (5 s) before it tries it again.
    time.sleep(options.settle + 5)
    stop_writers(readers + writers)
    before = answers_between(readers, 0, killed)
    down = answers_between(readers, killed, ready)
    after = answers_between(readers, ready, time.monotonic())
    log(f"before the kill: {summary(before)}")
    log(f"instance 1 down: {summary(down)}")
    log(f"after its restart: {summary(after)}")
    failed = [a for a in before + down + after if a[1] != 200]
    if failed:
        problems.append(f"{len(failed)} pages failed around the kill of an instance: {failed[:5]}")
    lost_posts = {k: v - outcomes_before.get(k, 0) for k, v in acknowledged.outcomes.items()
                  if v != outcomes_before.get(k, 0)}
    log(f"API writes not acknowledged: {lost_posts or 'none'} (writers: {options.writers})")
    if sum(lost_posts.values()) > options.writers:
        problems.append(f"more writes failed than were in flight at the kill: {lost_posts}")
    served = [a for a in after if cluster.instance_address(1) in a[2].split(",")[-1]]
    log(f"pages answered by instance 1 after its restart: {len(served)} of {len(after)}")
    # The readers' few sessions may all hash to instance 2; 32 visitors of their own cannot
    # (unless instance 1 is left out), so they decide whether it rejoined.
    rejoined = answered_by(cluster, 1, probes=32)
    log(f"of 32 new visitors, answered by instance 1: {rejoined}")
    if not rejoined:
        problems.append("instance 1 did not serve again after its restart")
    return problems


def restart_postgres(cluster, options, acknowledged):
    problems = []
    readers, writers = start_load(cluster, options.readers, options.writers, acknowledged, options.hang, "pg")
    time.sleep(options.settle)
    stopped = time.monotonic()
    cluster.postgres("stop")
    log("PostgreSQL stopped")
    time.sleep(options.down)
    cluster.postgres("start")
    started = time.monotonic()
    log(f"PostgreSQL started again ({started - stopped:.1f} s after the stop)")
    writes_before = acknowledged.total()
    recovered = None
    while time.monotonic() - started < 60:
        if acknowledged.total() > writes_before:
            recovered = time.monotonic() - started
            break
        time.sleep(0.1)
    time.sleep(options.settle)
    stop_writers(readers + writers)
    during = answers_between(readers, stopped, started)
    after = answers_between(readers, started, time.monotonic())
    log(f"before the stop: {summary(answers_between(readers, 0, stopped))}")
    log(f"PostgreSQL away: {summary(during)}; Kembar's 503 page with Retry-After: {sum(a[4] for a in during)}")
    log(f"after it started: {summary(after)}")
    log(f"first API write acknowledged {recovered if recovered is None else round(recovered, 2)} s after the start")
    unclear = [a for a in during + after if a[1] != 200 and not a[4]]
    if unclear:
        problems.append(f"{len(unclear)} answers were neither a page nor Kembar's 503: {unclear[:5]}")
    if recovered is None:
        problems.append("no write succeeded within 60 s of PostgreSQL's start")
    settled = [a for a in after if recovered is not None and a[0] > started + recovered + 6]
    if any(a[1] != 200 for a in settled):
        problems.append("pages still failed after service had come back")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=default_binary())
    parser.add_argument("--work", default="/tmp/kembar-faults-cluster")
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--down", type=float, default=10, help="seconds an instance or the database stays down")
    parser.add_argument("--settle", type=float, default=10, help="seconds of load before and after each fault")
    parser.add_argument("--hang", type=float, default=10, help="seconds after which an answer counts as a hang")
    options = parser.parse_args()
    cluster = Cluster(options.binary, options.work)
    subprocess.run([os.path.join(ROOT, "scripts/cluster.sh"), "down"], env=cluster.environment, capture_output=True)
    log(cluster.script("up").strip())
    acknowledged = Acknowledged()
    try:
        problems = kill_an_instance(cluster, options, acknowledged)
        problems += restart_postgres(cluster, options, acknowledged)
        database = Database.existing(cluster.settings()["DATABASE_URL"], options.work)
        problems += lost_writes(options.binary, database, options.work, acknowledged)
        log(f"API writes acknowledged in all: {len(acknowledged.writes['api-activity'])}")
    finally:
        cluster.script("down")
    if problems:
        for problem in problems:
            log(f"PROBLEM: {problem}")
        raise SystemExit(f"{len(problems)} problems")
    log("cluster faults: nothing acknowledged was lost, no page failed, no unclear answer")


if __name__ == "__main__":
    main()
