#!/usr/bin/env python3
"""The national benchmark: many governments in one database, read while others write.

On a synthetic national record (kembar generate --governments, one kembar/1 document per
government, plus one government whose single partnership holds --long-activities activities),
it measures:
  (a) the first page after start: an officer's portfolio, signed in, on instances that have
      served nothing yet;
  (b) wrk (32 connections, --duration seconds) over officers' portfolio and partnership pages of
      20 governments, while a writer saves an activity form in other governments once a second:
      p50, p99, requests per second, errors;
  (c) (PostgreSQL, two instances) how long until a save on one instance shows on the other;
  (d) each instance's resident memory at the end;
  (e) adding an activity through the API to the long partnership: the median of --adds posts;
  (f) resident memory once an administrator has opened every government's portfolio, which
      is more than the caches may hold (--cache-mb): it levels off;
and, on PostgreSQL, the transactions a second the database ran during (b), and its size.

  python3 Benchmarks/national/run.py --database postgres   # scripts/cluster.sh: 2 instances, nginx
  python3 Benchmarks/national/run.py --database sqlite     # one instance on SQLite

Options: --binary (default .build/release/kembar), --governments 200, --partnerships 100,
--activities 5000 (per government), --work /tmp/kembar-national (generated files are kept and
reused), --legacy (a Kembar from before issue 13: no --cache-mb, /health, one file per import).
Needs: apt-get install postgresql nginx wrk. Prints the figures and writes them as JSON to
WORK/results-DATABASE.json.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HERE = os.path.dirname(os.path.abspath(__file__))
PASSWORD = "national benchmark password"
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from kembarhttp import form_fields, form_token, free_port, http, rss_mb  # noqa: E402
from kembarhttp import sign_in as sign_in_with  # noqa: E402


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def sign_in(base, email):
    """A session cookie of `email`."""
    return sign_in_with(base, email, PASSWORD)


def save_activity_title(base, cookie, organization, partnership, activity, title):
    """Sends the activity's edit form with a new title; the answer's status and the seconds it took."""
    uri = f"{base}/partnerships/{organization}/{partnership}/activities/{activity}/edit"
    status, _, html = http(uri, headers={"Cookie": cookie})
    if status != 200:
        return status, 0.0
    fields = [(k, title if k == "title" else v) for k, v in form_fields(html)]
    body = urllib.parse.urlencode(fields).encode()
    started = time.monotonic()
    status, _, _ = http(uri, body, {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    return status, time.monotonic() - started


def database_activity(env):
    """PostgreSQL's count of transactions and rows read so far, and the database's size."""
    row = subprocess.run(
        ["psql", env["DATABASE_URL"], "-At", "-F", " ", "-c",
         "SELECT xact_commit + xact_rollback, tup_returned + tup_fetched, pg_database_size(datname) "
         "FROM pg_stat_database WHERE datname = current_database()"],
        check=True, capture_output=True, text=True).stdout.split()
    return {"transactions": int(row[0]), "rows": int(row[1]), "bytes": int(row[2])}


def kembar(args, binary, env, **kwargs):
    return subprocess.run([binary] + args, env={**os.environ, **env}, check=True, **kwargs)


def generate(options):
    data = os.path.join(options.work, f"national-{options.governments}x{options.partnerships}x{options.activities}")
    files = [os.path.join(data, f"gov-{n:03d}.json") for n in range(1, options.governments + 1)]
    long_file = os.path.join(data, "long.json")
    if not all(os.path.exists(f) for f in files + [long_file]):
        log(f"generating {options.governments} governments into {data}")
        os.makedirs(data, exist_ok=True)
        # A Kembar from before issue 13 cannot write a nation: this one does.
        new_binary = os.path.join(ROOT, ".build/release/kembar") if options.legacy else options.binary
        kembar(["generate", "--governments", str(options.governments), "--partnerships", str(options.partnerships),
                "--activities", str(options.activities), "--output-dir", data], new_binary, {})
        kembar(["generate", "--partnerships", "1", "--activities", str(options.long_activities), "--seed", "5000",
                "--output", long_file], new_binary, {})
    return files, long_file


def import_all(files, binary, env, legacy):
    started = time.monotonic()
    if legacy:
        for file in files:
            kembar(["import", file], binary, env, stdout=subprocess.DEVNULL)
    else:
        kembar(["import"] + files, binary, env, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def add_accounts(binary, env, options):
    """Officers reading 20 governments, officers writing in 10 others, an administrator."""
    readers = [f"gov-{n:03d}" for n in range(1, 21)]
    writers = [f"gov-{n:03d}" for n in range(101, 111) if n <= options.governments] or [f"gov-{options.governments:03d}"]
    accounts = [("admin", None, "admin@national.example")]
    accounts += [("officer", g, f"reader@{g}.example") for g in readers]
    accounts += [("officer", g, f"writer@{g}.example") for g in writers]
    for role, organization, email in accounts:
        args = ["user", "add", "--role", role, "--password-stdin"]
        if organization:
            args += ["--organization", organization]
        kembar(args + [email], binary, env, input=PASSWORD + "\n", text=True, stdout=subprocess.DEVNULL)
    return readers, writers


def partnership_ids(record_file):
    with open(record_file) as file:
        record = json.load(file)
    return [(p["id"], [a["id"] for a in p["activities"]]) for p in record["partnerships"]]


class Writer(threading.Thread):
    """Saves an activity form in one of the writers' governments once a second."""

    def __init__(self, base, sessions, targets):
        super().__init__(daemon=True)
        self.base, self.sessions, self.targets = base, sessions, targets
        self.stop = threading.Event()
        self.results = []

    def run(self):
        n = 0
        while not self.stop.is_set():
            started = time.monotonic()
            organization, partnership, activity = self.targets[n % len(self.targets)]
            status, seconds = save_activity_title(
                self.base, self.sessions[organization], organization, partnership, activity, f"Saved by the writer {n}")
            self.results.append((status, seconds))
            n += 1
            self.stop.wait(max(0.0, 1.0 - (time.monotonic() - started)))


def run_wrk(base, lines, options, label, script="requests.lua", script_args=()):
    request_file = os.path.join(options.work, f"requests-{label}.tsv")
    with open(request_file, "w") as file:
        file.write("\n".join(lines) + "\n")
    output = subprocess.run(
        ["wrk", "-t2", f"-c{options.connections}", f"-d{options.duration}s", "--latency", "--timeout", "10s",
         "-s", os.path.join(HERE, script), base, "--", request_file, *script_args],
        check=True, capture_output=True, text=True).stdout
    def figure(pattern):
        match = re.search(pattern, output)
        return match.group(1) if match else None
    def milliseconds(text):
        if text is None:
            return None
        value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = figure(r"Socket errors: (.*)") or "none"
    return {
        "requests_per_second": float(figure(r"Requests/sec:\s+([\d.]+)")),
        "p50_ms": milliseconds(figure(r"\s50%\s+([\d.]+\w+)")),
        "p99_ms": milliseconds(figure(r"\s99%\s+([\d.]+\w+)")),
        "requests": int(figure(r"(\d+) requests in")),
        "non_2xx": int(figure(r"Non-2xx or 3xx responses: (\d+)") or 0),
        "socket_errors": errors,
        "raw": output,
    }


def add_record_arguments(parser):
    """The binary, the national record's size and where it is kept: as the benchmark and the soak take them."""
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/release/kembar"))
    parser.add_argument("--governments", type=int, default=200)
    parser.add_argument("--partnerships", type=int, default=100)
    parser.add_argument("--activities", type=int, default=5000)
    parser.add_argument("--long-activities", type=int, default=5000)
    parser.add_argument("--work", default="/tmp/kembar-national")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=["postgres", "sqlite"], required=True)
    add_record_arguments(parser)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--adds", type=int, default=50)
    parser.add_argument("--legacy", action="store_true")
    parser.add_argument("--label", default=None)
    parser.add_argument("--keep", action="store_true", help="leave the servers running, to look into them")
    options = parser.parse_args()
    label = options.label or (options.database + ("-legacy" if options.legacy else ""))
    os.makedirs(options.work, exist_ok=True)
    files, long_file = generate(options)
    results = {"database": options.database, "binary": options.binary, "governments": options.governments,
               "partnerships_each": options.partnerships, "activities_each": options.activities}
    ready = "/health" if options.legacy else "/readyz"
    instances = []  # (pid, direct base URL)
    cluster_dir = os.path.join(options.work, f"cluster-{label}")
    server = None
    if options.database == "postgres":
        env = {"KEMBAR_CLUSTER_DIR": cluster_dir, "KEMBAR_BINARY": options.binary, "KEMBAR_CLUSTER_DEMO": "0",
               "KEMBAR_READY_PATH": ready, "LOG_LEVEL": "warning"}
        subprocess.run([os.path.join(ROOT, "scripts/cluster.sh"), "down"], env={**os.environ, **env}, capture_output=True)
        # The cluster starts its database empty; the record is imported before the instances start.
        env["KEMBAR_CLUSTER_IMPORT"] = "" if options.legacy else " ".join(files + [long_file])
        log("starting PostgreSQL, importing the national record, starting two instances and nginx")
        started = time.monotonic()
        if options.legacy:
            raise SystemExit("--legacy runs on SQLite only: a Kembar from before issue 13 has no several-file import")
        out = subprocess.run([os.path.join(ROOT, "scripts/cluster.sh"), "up"], env={**os.environ, **env},
                             check=True, capture_output=True, text=True).stdout
        results["import_seconds_with_start"] = round(time.monotonic() - started, 1)
        base = re.search(r"Kembar cluster at (http://\S+)/", out).group(1)
        cluster = dict(line.split("=", 1) for line in open(os.path.join(cluster_dir, "cluster.env")).read().split())
        db_env = {"DATABASE_URL": cluster["DATABASE_URL"].strip("'")}
        for n in (1, 2):
            instances.append((int(cluster[f"KEMBAR_{n}_PID"]), f"http://127.0.0.1:{cluster[f'KEMBAR_{n}_PORT']}"))
    else:
        data_dir = os.path.join(options.work, f"sqlite-{label}")
        shutil.rmtree(data_dir, ignore_errors=True)
        db_env = {"KEMBAR_DATA_DIR": data_dir}
        log("importing the national record into SQLite")
        kembar(["migrate"], options.binary, db_env, stdout=subprocess.DEVNULL)
        results["import_seconds"] = round(import_all(files + [long_file], options.binary, db_env, options.legacy), 1)
        port = free_port()
        serve = ["serve", "--port", str(port), "--no-demo"]
        server = subprocess.Popen([options.binary] + serve, env={**os.environ, **db_env, "LOG_LEVEL": "warning"},
                                  stdout=open(os.path.join(options.work, f"serve-{label}.log"), "w"), stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        for _ in range(240):
            try:
                if http(base + ready)[0] == 200:
                    break
            except OSError:
                pass
            time.sleep(0.25)
        instances.append((server.pid, base))
    try:
        log("adding accounts")
        readers, writers = add_accounts(options.binary, db_env, options)
        results["rss_mb_after_start"] = [round(rss_mb(pid)) for pid, _ in instances]

        # (a) The first page after start.
        cookie = sign_in(base, "reader@gov-001.example")
        started = time.monotonic()
        status, _, _ = http(base + "/", headers={"Cookie": cookie})
        results["a_first_page_seconds"] = round(time.monotonic() - started, 3)
        results["a_status"] = status
        log(f"(a) first page after start: {results['a_first_page_seconds']} s ({status})")
        results["rss_mb_after_first_page"] = [round(rss_mb(pid)) for pid, _ in instances]

        # (b) Officers' pages of 20 governments under wrk while a writer saves in other governments.
        sessions = {g: sign_in(base, f"reader@{g}.example") for g in readers}
        lines = []
        for g in readers:
            lines.append(f"/\t{sessions[g]}")
            for partnership, _ in partnership_ids(files[int(g[4:]) - 1])[:5]:
                lines.append(f"/partnerships/{g}/{partnership}\t{sessions[g]}")
        for line in lines:  # each page once, as the officers would have opened them before
            path, cookie = line.split("\t")
            http(base + path, headers={"Cookie": cookie})
        writer_sessions = {g: sign_in(base, f"writer@{g}.example") for g in writers}
        targets = []
        for g in writers:
            for partnership, activities in partnership_ids(files[int(g[4:]) - 1])[:3]:
                targets.append((g, partnership, activities[0]))
        writer = Writer(base, writer_sessions, targets)
        database_before = database_activity(db_env) if options.database == "postgres" else None
        writer.start()
        log(f"(b) wrk, {options.connections} connections, {options.duration} s, {len(lines)} pages; a save a second")
        results["b"] = run_wrk(base, lines, options, label)
        writer.stop.set()
        writer.join()
        if database_before:
            after = database_activity(db_env)
            results["b_database"] = {
                "transactions_per_second": round((after["transactions"] - database_before["transactions"]) / options.duration, 1),
                "rows_read_per_second": round((after["rows"] - database_before["rows"]) / options.duration),
                "size_mb": round(after["bytes"] / 1_000_000)}
            log(f"(b) the database meanwhile: {results['b_database']}")
        saves = [s for s, _ in writer.results]
        results["b_saves"] = {"count": len(saves), "saved": saves.count(303),
                              "median_seconds": round(statistics.median([t for _, t in writer.results]), 3) if writer.results else None}
        log(f"(b) p50 {results['b']['p50_ms']} ms, p99 {results['b']['p99_ms']} ms, {results['b']['requests_per_second']} req/s, "
            f"non-2xx {results['b']['non_2xx']}, socket errors {results['b']['socket_errors']}; saves {results['b_saves']}")

        # (c) A save on one instance, seen on the other.
        if len(instances) == 2:
            delays = []
            g = writers[0]
            partnership, activities = partnership_ids(files[int(g[4:]) - 1])[5]
            one, two = instances[0][1], instances[1][1]
            cookie_one = sign_in(one, f"writer@{g}.example")
            cookie_two = sign_in(two, f"writer@{g}.example")
            page = f"/partnerships/{g}/{partnership}"
            for n in range(10):
                http(two + page, headers={"Cookie": cookie_two})  # cached on the second instance
                title = f"Seen elsewhere {n} {time.time()}"
                status, _ = save_activity_title(one, cookie_one, g, partnership, activities[0], title)
                saved = time.monotonic()
                while title not in http(two + page, headers={"Cookie": cookie_two})[2]:
                    time.sleep(0.01)
                    if time.monotonic() - saved > 30:
                        break
                delays.append(time.monotonic() - saved)
            results["c_seconds"] = {"median": round(statistics.median(delays), 3), "max": round(max(delays), 3)}
            log(f"(c) a save seen on the other instance after {results['c_seconds']}")

        # (d) Resident memory.
        results["d_rss_mb"] = [round(rss_mb(pid)) for pid, _ in instances]
        log(f"(d) resident memory: {results['d_rss_mb']} MB")

        # (e) Activities added through the API to the long partnership.
        admin = sign_in(base, "admin@national.example")
        status, _, html = http(base + "/account/tokens", headers={"Cookie": admin})
        body = urllib.parse.urlencode({"_csrf": form_token(html), "name": "bench", "purpose": "api"}).encode()
        _, _, html = http(base + "/account/tokens", body, {"Cookie": admin, "Content-Type": "application/x-www-form-urlencoded"})
        token = re.search(r'<code class="secret">(kembar_[A-Za-z0-9_-]*)<', html).group(1)
        long_record = json.load(open(long_file))
        long_org = long_record["organization"]["id"]
        long_id = long_record["partnerships"][0]["id"]
        timings = []
        for n in range(options.adds):
            activity = {"id": f"bench-{n}-{int(time.time() * 1000)}", "title": f"Benchmark activity {n}", "start": "2025-03-04",
                        "kind": "meeting", "areas": ["economy"], "host": "home", "initiator": "joint",
                        "participants": [{"side": "home", "group": "government", "role": "planner", "count": 4}],
                        "benefits": [{"to": "partner", "kind": "learning"}], "public": False}
            started = time.monotonic()
            status, _, answer = http(f"{base}/api/v1/organizations/{long_org}/partnerships/{long_id}/activities",
                                     json.dumps(activity).encode(),
                                     {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            timings.append(time.monotonic() - started)
            if status != 201:
                raise SystemExit(f"adding an activity failed: {status} {answer[:300]}")
        results["e_add_activity_ms"] = {"median": round(statistics.median(timings) * 1000, 1),
                                        "p90": round(sorted(timings)[int(len(timings) * 0.9) - 1] * 1000, 1)}
        log(f"(e) an activity added to a {options.long_activities}-activity partnership: {results['e_add_activity_ms']} ms")
        results["rss_mb_at_end"] = [round(rss_mb(pid)) for pid, _ in instances]

        # (f) Every government's portfolio, opened by the deployment's administrator on one instance
        # (a Kembar from before issue 13 shows every government on one page: not measured).
        one = instances[0][1]
        ministry = sign_in(one, "admin@national.example")
        started = time.monotonic()
        for n in range(1, 0 if options.legacy else options.governments + 1):
            http(f"{one}/?organization=gov-{n:03d}", headers={"Cookie": ministry})
            if n % 50 == 0:
                results.setdefault("f_rss_mb", []).append((n, round(rss_mb(instances[0][0]))))
        results["f_seconds"] = round(time.monotonic() - started, 1)
        log(f"(f) every government's portfolio in {results['f_seconds']} s; resident memory {results.get('f_rss_mb')} MB")
    finally:
        if options.keep:
            log(f"left running: {base} (scripts/cluster.sh down with KEMBAR_CLUSTER_DIR={cluster_dir})")
        elif server:
            server.terminate()
            server.wait()
        if options.database == "postgres" and not options.keep:
            subprocess.run([os.path.join(ROOT, "scripts/cluster.sh"), "down"], env={**os.environ, "KEMBAR_CLUSTER_DIR": cluster_dir},
                           capture_output=True)
    with open(os.path.join(options.work, f"results-{label}.json"), "w") as file:
        json.dump(results, file, indent=2)
    summary = {k: v for k, v in results.items() if k != "b"}
    summary["b"] = {k: v for k, v in results.get("b", {}).items() if k != "raw"}
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
