#!/usr/bin/env python3
"""Kills Kembar with SIGKILL while officers write through the forms and programs through the API,
starts it again, and checks that nothing acknowledged was lost.

Each round: writers run for a while (a random part of --seconds, so that the kill lands anywhere
in a write), the server is killed, the writers' last requests fail, the server is started again
on the same database. At the end every write Kembar answered as done (201 from the API, 303 from
a form) must be in the exported record with its audit entry, the record must pass kembar import's
checks (no partnership without its partner or with half its activities), and the database's own
checks must pass (SQLite: integrity_check and foreign_key_check; PostgreSQL: amcheck over every
index).

  python3 scripts/faults/crash.py                                  # SQLite
  python3 scripts/faults/crash.py --postgres "$KEMBAR_TEST_POSTGRES_URL"

Options: --binary (default .build/release/kembar, else .build/debug/kembar), --rounds 3,
--seconds 20, --api-writers 4, --form-writers 4, --work /tmp/kembar-faults-crash. Exits 1 when
anything acknowledged was lost or a check failed. Needs sqlite3 (SQLite) or psql (PostgreSQL).
"""
import argparse
import os
import random
import shutil
import time

from faultlib import (Acknowledged, APIWriter, Database, FormWriter, Server, default_binary, log, lost_writes,
                      demonstration_partnerships, run_writers, stop_writers)
from kembarhttp import api_token


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", default=default_binary())
    parser.add_argument("--postgres", help="a PostgreSQL server's URL; a new database is made on it")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--api-writers", type=int, default=4)
    parser.add_argument("--form-writers", type=int, default=4)
    parser.add_argument("--work", default="/tmp/kembar-faults-crash")
    parser.add_argument("--seed", type=int, default=None)
    options = parser.parse_args()
    random.seed(options.seed)
    shutil.rmtree(options.work, ignore_errors=True)
    os.makedirs(options.work)
    database = Database(options.work, options.postgres)
    try:
        problems = rounds(options, database)
    finally:
        database.drop()
    if problems:
        for problem in problems[:50]:
            log(f"LOST: {problem}")
        raise SystemExit(f"{len(problems)} problems on {database.label}")
    log(f"crash test on {database.label}: nothing acknowledged was lost")


def rounds(options, database):
    server = Server(options.binary, database, options.work)
    server.start()
    cookie = server.signed_in_administrator()
    token = api_token(server.base, cookie)
    partnerships = demonstration_partnerships(server.base, token)
    acknowledged = Acknowledged()
    for round_number in range(1, options.rounds + 1):
        before = acknowledged.total()
        writers = [APIWriter(server, acknowledged, f"api{n}", token, partnerships) for n in range(options.api_writers)]
        writers += [FormWriter(server, acknowledged, f"form{n}", cookie) for n in range(options.form_writers)]
        run_writers(writers, random.uniform(options.seconds / 2, options.seconds))
        killed_at = time.monotonic()
        server.kill()
        # The writers see the server gone before they stop: their last requests fail as in life.
        time.sleep(0.5)
        stop_writers(writers)
        seconds = server.start()
        log(f"{database.label} round {round_number}: {acknowledged.total() - before} writes acknowledged, "
            f"killed, listening again {seconds:.2f} s after start ({time.monotonic() - killed_at:.2f} s after the kill)")
    kinds = ", ".join(f"{len(w)} {k}" for k, w in acknowledged.writes.items())
    log(f"acknowledged in all: {kinds}; not acknowledged: {acknowledged.outcomes or 'none'}")
    problems = lost_writes(options.binary, database, options.work, acknowledged)
    # The check itself must see a loss: a write never made, claimed as acknowledged.
    made_up = Acknowledged()
    made_up.add("api-activity", (partnerships[0], "never-written", "Never written"))
    if not any("never-written" in p for p in lost_writes(options.binary, database, options.work, made_up)):
        problems.append("the check did not notice a write that was never made")
    server.kill()
    return problems


if __name__ == "__main__":
    main()
