"""What the fault scripts share: a Kembar server they can kill and start again, writers that
keep a list of every write Kembar acknowledged, and the check that all of them survived."""
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from kembarhttp import first_sign_in, form_token, http, post_form  # noqa: E402

ADMINISTRATOR = "admin@kembar.example"
PASSWORD = "a fault-test password"
ORGANIZATION = "bandung"


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def default_binary():
    release = os.path.join(ROOT, ".build/release/kembar")
    return release if os.path.exists(release) else os.path.join(ROOT, ".build/debug/kembar")


class Database:
    """A new, empty database: an SQLite file in `work`, or a database of its own on the
    PostgreSQL server of `postgres_url`."""

    def __init__(self, work, postgres_url=None):
        self.work, self.postgres_url = work, postgres_url
        self.name = None
        self.keep = False
        if postgres_url:
            self.name = f"kembar_faults_{os.getpid()}_{random.randrange(1 << 30)}"
            self.psql(self.admin_url, f"CREATE DATABASE {self.name}")

    @classmethod
    def existing(cls, url, work):
        """A PostgreSQL database that is already there (and is not dropped)."""
        database = cls(work)
        parts = urllib.parse.urlsplit(url)
        database.postgres_url = url
        database.name = parts.path.lstrip("/")
        database.keep = True
        return database

    @property
    def admin_url(self):
        return self.postgres_url

    @property
    def url(self):
        parts = urllib.parse.urlsplit(self.postgres_url)
        return urllib.parse.urlunsplit(parts._replace(path="/" + self.name))

    @property
    def environment(self):
        return {"DATABASE_URL": self.url} if self.postgres_url else {"KEMBAR_DATA_DIR": self.work}

    @property
    def label(self):
        return "PostgreSQL" if self.postgres_url else "SQLite"

    @staticmethod
    def psql(url, sql):
        return subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql],
                              check=True, capture_output=True, text=True).stdout.strip()

    def query(self, sql):
        if self.postgres_url:
            return self.psql(self.url, sql)
        return subprocess.run(["sqlite3", os.path.join(self.work, "kembar.sqlite"), sql],
                              check=True, capture_output=True, text=True).stdout.strip()

    def integrity_problems(self):
        """What the database's own checks find wrong: SQLite's integrity and foreign-key checks,
        or PostgreSQL's amcheck over every B-tree index of Kembar's tables."""
        if not self.postgres_url:
            problems = []
            if (found := self.query("PRAGMA integrity_check")) != "ok":
                problems.append(f"integrity_check: {found}")
            if found := self.query("PRAGMA foreign_key_check"):
                problems.append(f"foreign_key_check: {found}")
            return problems
        self.query("CREATE EXTENSION IF NOT EXISTS amcheck")
        checked = self.query(
            "SELECT count(bt_index_check(c.oid, true)) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE a.amname = 'btree' AND n.nspname = 'public'")
        log(f"amcheck: {checked} indexes checked")
        return []

    def drop(self):
        if self.postgres_url and not self.keep:
            self.psql(self.admin_url, f"DROP DATABASE IF EXISTS {self.name} WITH (FORCE)")


class Server:
    """`kembar serve` on a database; started again on the port it first took."""

    def __init__(self, binary, database, work, extra=()):
        self.binary, self.database, self.work, self.extra = binary, database, work, list(extra)
        self.port, self.process = 0, None
        self.log_path = os.path.join(work, "serve.log")
        self.starts = 0

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout=120):
        """Starts the server and returns the seconds until it listened."""
        offset = os.path.getsize(self.log_path) if os.path.exists(self.log_path) else 0
        started = time.monotonic()
        with open(self.log_path, "a") as log_file:
            self.process = subprocess.Popen(
                [self.binary, "serve", "--port", str(self.port), "--api-calls-per-minute", "1000000"] + self.extra,
                env={**os.environ, **self.database.environment, "LOG_LEVEL": os.environ.get("KEMBAR_FAULTS_LOG_LEVEL", "notice")},
                stdout=log_file, stderr=subprocess.STDOUT)
        while time.monotonic() - started < timeout:
            text = self.printed(offset)
            if match := re.search(r"Kembar serves http://127\.0\.0\.1:(\d+)/", text):
                self.port = int(match.group(1))
                self.starts += 1
                return time.monotonic() - started
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise SystemExit(f"kembar serve did not start:\n{self.printed(offset)}")

    def printed(self, offset=0):
        with open(self.log_path, errors="replace") as file:
            file.seek(offset)
            return file.read()

    def kill(self, sign=signal.SIGKILL):
        self.process.send_signal(sign)
        self.process.wait()

    def signed_in_administrator(self):
        """The demonstration administrator's session, with a password of its own."""
        match = re.search(r"one-time password ([A-Za-z0-9-]+)", self.printed())
        if not match:
            raise SystemExit("the server printed no one-time password")
        return first_sign_in(self.base, ADMINISTRATOR, match.group(1), PASSWORD)


class Front:
    """Where writers send their requests when no Server of these scripts runs there (nginx)."""

    def __init__(self, base):
        self.base, self.starts = base, 0


class Acknowledged:
    """Every write Kembar answered as done, by kind, and what happened to the others."""

    def __init__(self):
        self.lock = threading.Lock()
        self.writes = {"api-activity": [], "form-partnership": [], "form-activity": []}
        self.outcomes = {}

    def add(self, kind, write):
        with self.lock:
            self.writes[kind].append(write)

    def count(self, outcome):
        with self.lock:
            self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    def total(self):
        with self.lock:
            return sum(len(w) for w in self.writes.values())


class Writer(threading.Thread):
    """Writes until stopped; an answer that is not the expected success is counted, never retried
    as if it had been acknowledged."""

    def __init__(self, server, acknowledged, name):
        super().__init__(daemon=True)
        self.server, self.acknowledged, self.label = server, acknowledged, name
        self.halt = threading.Event()
        self.n = 0

    def run(self):
        while not self.halt.is_set():
            self.n += 1
            try:
                self.write()
            except OSError as error:  # refused, reset, timed out: the server is away
                self.acknowledged.count(f"no answer ({type(error).__name__})")
                self.halt.wait(0.05)

    def expect(self, status, wanted, kind, write):
        if status == wanted:
            self.acknowledged.add(kind, write)
            return True
        self.acknowledged.count(f"{kind} answered {status}")
        self.halt.wait(0.05)
        return False


class APIWriter(Writer):
    """Adds activities to the demonstration's partnerships through the API."""

    def __init__(self, server, acknowledged, name, token, partnerships):
        super().__init__(server, acknowledged, name)
        self.token, self.partnerships = token, partnerships

    def write(self):
        partnership = self.partnerships[self.n % len(self.partnerships)]
        activity = {"id": f"{self.label}-{self.server.starts}-{self.n}", "title": f"Fault test {self.label} {self.n}",
                    "start": "2026-11-02", "kind": "meeting", "areas": [], "participants": [], "benefits": [],
                    "public": False}
        status, _, _ = http(
            f"{self.server.base}/api/v1/organizations/{ORGANIZATION}/partnerships/{partnership}/activities",
            json.dumps(activity).encode(),
            {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"}, timeout=30)
        self.expect(status, 201, "api-activity", (partnership, activity["id"], activity["title"]))


class FormWriter(Writer):
    """Makes a partnership with a new partner through the form, then adds an activity to it
    through the activity form, as an officer at a browser does."""

    def __init__(self, server, acknowledged, name, cookie):
        super().__init__(server, acknowledged, name)
        self.cookie = cookie
        self.token = None

    def write(self):
        base = self.server.base
        if self.token is None:
            _, _, html = http(base + "/partnerships/new", headers={"Cookie": self.cookie}, timeout=30)
            self.token = form_token(html)
        key = f"{self.label}-{self.server.starts}-{self.n}"
        partner = f"Faultville {key}"
        partnership = f"bandung-faultville-{key}"
        status, _, _ = post_form(base + "/partnerships/new", {
            "_csrf": self.token, "organization": ORGANIZATION, "id": partnership, "kind": "sister-city",
            "partner": "", "partner_name": partner, "partner_country": "JP", "partner_kind": "city", "save": "yes",
        }, self.cookie, timeout=30)
        if not self.expect(status, 303, "form-partnership", (partnership, partner)):
            return
        title = f"First meeting with {partner}"
        status, _, _ = post_form(f"{base}/partnerships/{ORGANIZATION}/{partnership}/activities/new", {
            "_csrf": self.token, "id": "first-meeting", "title": title, "start": "2026-11-03", "kind": "meeting",
            "host": "home", "public": "no", "save": "yes",
        }, self.cookie, timeout=30)
        self.expect(status, 303, "form-activity", (partnership, "first-meeting", title))


def run_writers(writers, seconds):
    for writer in writers:
        writer.start()
    time.sleep(seconds)


def stop_writers(writers):
    """Stops threads that run until their `halt` is set (writers, and the readers of cluster.py)."""
    for writer in writers:
        writer.halt.set()
    for writer in writers:
        writer.join(timeout=60)


def exported_record(binary, database, work):
    path = os.path.join(work, "export.kembar.json")
    subprocess.run([binary, "export", "--organization", ORGANIZATION, "--output", path],
                   env={**os.environ, **database.environment}, check=True, capture_output=True)
    return path


def lost_writes(binary, database, work, acknowledged):
    """Every acknowledged write missing from the exported record, every check the record or the
    database fails, and every write without its audit entry."""
    path = exported_record(binary, database, work)
    problems = []
    check = subprocess.run([binary, "import", "--dry-run", "--replace", path],
                           env={**os.environ, **database.environment}, capture_output=True, text=True)
    if check.returncode != 0:
        problems.append(f"the exported record does not pass kembar import's checks: {check.stderr.strip()[:2000]}")
    with open(path) as file:
        record = json.load(file)
    partnerships = {p["id"]: p for p in record["partnerships"]}
    for kind in ("api-activity", "form-activity"):
        for partnership, activity, title in acknowledged.writes[kind]:
            found = [a for a in partnerships.get(partnership, {}).get("activities", []) if a["id"] == activity]
            if not found or found[0]["title"] != title:
                problems.append(f"acknowledged {kind} {partnership}/{activity} is missing")
    for partnership, partner_name in acknowledged.writes["form-partnership"]:
        partner = partnerships.get(partnership, {}).get("partner") or {}
        if partner.get("name") != partner_name or partner.get("country") != "JP":
            problems.append(f"acknowledged partnership {partnership} is missing or has lost its partner {partner_name}")
    audited = set(database.query(
        "SELECT entity_id FROM audit_entries WHERE entity IN ('activity', 'partnership')").split("\n"))
    for kind, writes in acknowledged.writes.items():
        for write in writes:
            entity = write[1] if kind.endswith("activity") else write[0]
            if entity not in audited:
                problems.append(f"acknowledged {kind} {write} has no audit entry")
    return problems + database.integrity_problems()


def demonstration_partnerships(base, token):
    status, _, body = http(f"{base}/api/v1/organizations/{ORGANIZATION}/partnerships?limit=100",
                           headers={"Authorization": f"Bearer {token}"})
    if status != 200:
        raise SystemExit(f"the API listed no partnerships: {status} {body[:300]}")
    return [p["id"] for p in json.loads(body)["items"]]
