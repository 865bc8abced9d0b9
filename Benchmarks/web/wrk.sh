#!/usr/bin/env bash
# Measures the web application against the machine's limit for pages of the same size: wrk
# (Debian's) with 32 connections for 30 s against the portfolio and the Bandung–Liuzhou page of
# a release build on the demonstration data, signed in (each request looks its session up in the
# database), and the public portal's page of the government; then against the same pages saved as
# files and served by nginx (Debian's). Run from the repository's root:
#   swift build -c release --product kembar && Benchmarks/web/wrk.sh
# Needs: apt-get install wrk nginx. Options: DURATION (default 30s), CONNECTIONS (default 32).
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

. scripts/start-kembar.sh
LOG_LEVEL=warning start_kembar .build/release/kembar "$work"
port=$KEMBAR_PORT
sign_in_kembar "http://127.0.0.1:$port" "$work"

mkdir -p "$work/static"
chmod 755 "$work" "$work/static" # nginx's workers run as another user
curl -sf -H "Cookie: $KEMBAR_COOKIE" "http://127.0.0.1:$port/" -o "$work/static/portfolio.html"
curl -sf -H "Cookie: $KEMBAR_COOKIE" "http://127.0.0.1:$port/partnerships/bandung/bandung-liuzhou" \
  -o "$work/static/liuzhou.html"
curl -sf "http://127.0.0.1:$port/public/bandung" -o "$work/static/public.html"

static_port=$((port + 1))
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  include /etc/nginx/mime.types;
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

measure() { # label url [cookie]
  echo "== $1 ($(curl -s -H "Cookie: ${3:-}" "$2" | wc -c) bytes)"
  wrk -t2 -c"$connections" -d"$duration" --latency -H "Cookie: ${3:-}" "$2" |
    grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|99)%|requests in"
}
measure "Kembar portfolio, signed in" "http://127.0.0.1:$port/" "$KEMBAR_COOKIE"
measure "nginx portfolio" "http://127.0.0.1:$static_port/portfolio.html"
measure "Kembar Liuzhou page, signed in" "http://127.0.0.1:$port/partnerships/bandung/bandung-liuzhou" "$KEMBAR_COOKIE"
measure "nginx Liuzhou page" "http://127.0.0.1:$static_port/liuzhou.html"
measure "Kembar public portal page" "http://127.0.0.1:$port/public/bandung"
measure "nginx public portal page" "http://127.0.0.1:$static_port/public.html"
