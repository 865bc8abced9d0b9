#!/usr/bin/env bash
# The ministry's national overview and the twin-town directory over a synthetic nation: 200
# governments (about one in fourteen a province) of 100 partnerships and 500 activities each,
# with the shipped directory (25,914 pairs), on SQLite, one release instance. Prints the first
# overview after start, the overview kept (wrk: p50, p99, requests a second), the overview just
# after a save in one government (five saves), a directory search (wrk) and the resident memory.
#
#   swift build -c release --product kembar
#   Benchmarks/national/overview.sh [WORK_DIR]        # the nation is made once, kept in WORK_DIR
#
# Needs wrk and curl (Debian's packages).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/start-kembar.sh
kembar=$PWD/.build/release/kembar
work=${1:-/tmp/kembar-overview}
email=ministry@kembar.example
password="the benchmark's password"
if [ ! -f "$work/data/kembar.sqlite" ]; then
  mkdir -p "$work/nation" "$work/data"
  "$kembar" generate --governments 200 --partnerships 100 --activities 500 --output-dir "$work/nation" >/dev/null
  KEMBAR_DATA_DIR="$work/data" "$kembar" import "$work"/nation/*.json >/dev/null
  KEMBAR_DATA_DIR="$work/data" "$kembar" directory import >/dev/null
  printf '%s\n' "$password" |
    KEMBAR_DATA_DIR="$work/data" "$kembar" user add --role admin --name Ministry --password-stdin "$email" >/dev/null
fi
start_kembar "$kembar" "$work/data"
trap 'kill "$KEMBAR_PID" 2>/dev/null || true' EXIT
site="http://127.0.0.1:$KEMBAR_PORT"
jar="$work/jar"
rm -f "$jar"
token() { curl -s -c "$jar" -b "$jar" "$site$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1; }
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$(token /sign-in)" \
  --data-urlencode "email=$email" --data-urlencode "password=$password" "$site/sign-in"
cookie="kembar_session=$(awk '$6 == "kembar_session" { print $7 }' "$jar")"
status=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$site/national")
[ "$status" = 200 ] || { echo "signed in as $email, /national answers $status: is the password right?" >&2; exit 1; }
printf 'wrk.headers["Cookie"] = "%s"\n' "$cookie" >"$work/cookie.lua"

# Started again, so that the first overview is made from nothing kept.
kill "$KEMBAR_PID"; wait "$KEMBAR_PID" 2>/dev/null || true
start_kembar "$kembar" "$work/data"
site="http://127.0.0.1:$KEMBAR_PORT"
echo "first /national after start: $(curl -s -b "$jar" -o /dev/null -w '%{time_total}' "$site/national") s"
echo "/national kept (wrk -t2 -c8 -d10s):"
wrk -t2 -c8 -d10s --latency -s "$work/cookie.lua" "$site/national" | grep -E " 50%| 99%|Requests/sec|Non-2xx|errors"
for n in 1 2 3 4 5; do
  code=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "_csrf=$(token /partnerships/new)" \
    --data-urlencode "organization=gov-007" --data-urlencode "kind=sister-city" --data-urlencode "partner=" \
    --data-urlencode "partner_name=Benchmark City $RANDOM$n" --data-urlencode "partner_country=JP" \
    --data-urlencode "partner_kind=city" --data-urlencode "save=yes" "$site/partnerships/new")
  echo "save $n ($code); /national just after: $(curl -s -b "$jar" -o /dev/null -w '%{time_total}' "$site/national") s"
done
echo "/directory?q=Liuzhou (wrk -t2 -c8 -d10s):"
wrk -t2 -c8 -d10s --latency -s "$work/cookie.lua" "$site/directory?q=Liuzhou" | grep -E " 50%| 99%|Requests/sec|Non-2xx|errors"
echo "resident memory: $(($(ps -o rss= -p "$KEMBAR_PID") / 1024)) MB"
