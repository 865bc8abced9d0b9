#!/usr/bin/env bash
# Measures the web application against the machine's limit for pages of the same size: wrk
# (Debian's) with 32 connections for 30 s against the portfolio and the Bandung–Liuzhou page of
# a release build on the demonstration data, signed in (each request looks its session up in the
# database), and the public portal's page of the government, each plain and asked for gzip; then
# against the same pages saved as files and served by nginx (Debian's) with `gzip on` at level 6.
# Run from the repository's root:
#   swift build -c release --product kembar && Benchmarks/web/wrk.sh [BINARY ...]
# With binaries named (another commit's release build, say), each is measured in turn in the same
# run, then nginx. Needs: apt-get install wrk nginx. Options: DURATION (default 30s), CONNECTIONS
# (default 32).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${DURATION:-30s}
connections=${CONNECTIONS:-32}
work=$(mktemp -d)
cleanup() {
  [ -n "${KEMBAR_PID:-}" ] && kill "$KEMBAR_PID" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

binaries=("$@")
[ ${#binaries[@]} -gt 0 ] || binaries=(.build/release/kembar)
gzip_header="Accept-Encoding: gzip"

measure() { # label url [cookie] [accept-encoding]
  echo "== $1 ($(curl -s -H "Cookie: ${3:-}" -H "${4:-X-Plain: 1}" "$2" | wc -c) bytes on the wire)"
  wrk -t2 -c"$connections" -d"$duration" --latency -H "Cookie: ${3:-}" -H "${4:-X-Plain: 1}" "$2" |
    grep -E "Requests/sec|Transfer/sec|Non-2xx|Socket errors|^ +(50|99)%|requests in"
}

. scripts/start-kembar.sh
for binary in "${binaries[@]}"; do
  data=$(mktemp -d "$work/data.XXXXXX")
  LOG_LEVEL=warning start_kembar "$binary" "$data"
  port=$KEMBAR_PORT
  sign_in_kembar "http://127.0.0.1:$port" "$data"
  echo "### $binary"
  for encoding in "" "$gzip_header"; do
    label=${encoding:+, gzip}
    measure "Kembar portfolio, signed in$label" "http://127.0.0.1:$port/" "$KEMBAR_COOKIE" "$encoding"
    measure "Kembar Liuzhou page, signed in$label" "http://127.0.0.1:$port/partnerships/bandung/bandung-liuzhou" \
      "$KEMBAR_COOKIE" "$encoding"
    measure "Kembar public portal page$label" "http://127.0.0.1:$port/public/bandung" "" "$encoding"
  done
  mkdir -p "$work/static"
  chmod 755 "$work" "$work/static" # nginx's workers run as another user
  curl -sf -H "Cookie: $KEMBAR_COOKIE" "http://127.0.0.1:$port/" -o "$work/static/portfolio.html"
  curl -sf -H "Cookie: $KEMBAR_COOKIE" "http://127.0.0.1:$port/partnerships/bandung/bandung-liuzhou" \
    -o "$work/static/liuzhou.html"
  curl -sf "http://127.0.0.1:$port/public/bandung" -o "$work/static/public.html"
  kill "$KEMBAR_PID"
  wait "$KEMBAR_PID" 2>/dev/null || true
  KEMBAR_PID=""
done

static_port=$((port + 1))
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  gzip on;
  gzip_comp_level 6;
  gzip_min_length 1024;
  gzip_vary on;
  server {
    listen 127.0.0.1:$static_port;
    root $work/static;
  }
}
CONF
nginx -c "$work/nginx.conf"
sleep 0.5
for page in portfolio liuzhou public; do
  cmp -s "$work/static/$page.html" <(curl -sf "http://127.0.0.1:$static_port/$page.html") ||
    { echo "nginx does not serve $page.html as saved"; cat "$work/nginx-error.log"; exit 1; }
done
echo "### nginx"
for encoding in "" "$gzip_header"; do
  label=${encoding:+, gzip}
  measure "nginx portfolio$label" "http://127.0.0.1:$static_port/portfolio.html" "" "$encoding"
  measure "nginx Liuzhou page$label" "http://127.0.0.1:$static_port/liuzhou.html" "" "$encoding"
  measure "nginx public portal page$label" "http://127.0.0.1:$static_port/public.html" "" "$encoding"
done
