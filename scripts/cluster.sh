#!/usr/bin/env bash
# A Kembar cluster on loopback, for tests and benchmarks: PostgreSQL (Debian's), two Kembar
# instances (or KEMBAR_INSTANCES) sharing it, and nginx (Debian's) in front, set up as
# deploy/nginx/kembar.conf sets up a real one (static files, gzip, X-Forwarded-For, passive
# health checks, retries of GET and HEAD on the other instance).
#
#   scripts/cluster.sh up       start everything; prints "Kembar cluster at http://127.0.0.1:PORT/"
#   scripts/cluster.sh status   what runs, and whether each instance is ready (/readyz)
#   scripts/cluster.sh restart N  stops instance N if it runs and starts it again on its port
#   scripts/cluster.sh postgres stop|start  stops or starts the cluster's PostgreSQL (fast stop)
#   scripts/cluster.sh down     stop everything and remove the cluster's folder
#
# Settings (environment): KEMBAR_CLUSTER_DIR (default /tmp/kembar-cluster), KEMBAR_BINARY
# (default .build/release/kembar, else .build/debug/kembar), KEMBAR_INSTANCES (2),
# KEMBAR_CLUSTER_PORT (nginx's port, 8090), KEMBAR_CLUSTER_DEMO (1: load the demonstration
# portfolio into a new database), KEMBAR_CLUSTER_IMPORT (kembar/1 files to import before the
# instances start, e.g. a national record), KEMBAR_CACHE_MB (kembar serve's default when unset),
# KEMBAR_SERVE_OPTIONS (more options of kembar serve), KEMBAR_READY_PATH (/readyz: what nginx and
# this script ask an instance), KEMBAR_NGINX_WORKERS (1: on a 2-core machine a second worker
# competes with the instances for the cores and lengthens the slowest answers). The cluster's administrator and its password are in
# $KEMBAR_CLUSTER_DIR/admin.
# Needs: apt-get install postgresql nginx.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dir=${KEMBAR_CLUSTER_DIR:-/tmp/kembar-cluster}
instances=${KEMBAR_INSTANCES:-2}
front_port=${KEMBAR_CLUSTER_PORT:-8090}

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

binary() {
  if [ -n "${KEMBAR_BINARY:-}" ]; then echo "$KEMBAR_BINARY"
  elif [ -x .build/release/kembar ]; then echo "$root/.build/release/kembar"
  else echo "$root/.build/debug/kembar"; fi
}

free_port() { # a port nothing listens on, from $1 up
  local port=$1
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

wait_for() { # url seconds
  for _ in $(seq 1 $(($2 * 4))); do curl -sf -o /dev/null "$1" && return 0; sleep 0.25; done
  return 1
}

up() {
  [ -f "$dir/cluster.env" ] && { echo "a cluster runs already in $dir (scripts/cluster.sh down first)" >&2; exit 1; }
  local kembar pg_bin pg_port url
  kembar=$(binary)
  [ -x "$kembar" ] || { echo "no Kembar binary at $kembar: swift build -c release --product kembar" >&2; exit 1; }
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$pg_bin" ] || { echo "PostgreSQL is not installed: apt-get install postgresql" >&2; exit 1; }
  command -v nginx >/dev/null || { echo "nginx is not installed: apt-get install nginx" >&2; exit 1; }
  mkdir -p "$dir/pg" "$dir/logs"
  chmod 755 "$dir" "$dir/logs"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir/pg"

  pg_port=$(free_port 55440)
  as_postgres "$pg_bin/initdb" -D "$dir/pg/data" -A trust -U kembar >/dev/null
  start_postgres "$pg_bin" "$pg_port"
  psql -q -h 127.0.0.1 -p "$pg_port" -U kembar -d postgres -c "CREATE DATABASE kembar" >/dev/null
  url="postgres://kembar@127.0.0.1:$pg_port/kembar?sslmode=disable"
  {
    echo "PG_BIN=$pg_bin"
    echo "PG_PORT=$pg_port"
    echo "DATABASE_URL='$url'"
  } >"$dir/cluster.env"

  # One process migrates and loads the demonstration, so that the instances start on a ready schema.
  DATABASE_URL="$url" "$kembar" migrate >/dev/null
  if [ "${KEMBAR_CLUSTER_DEMO:-1}" = 1 ]; then
    DATABASE_URL="$url" "$kembar" import Sources/KembarCore/Resources/demo/bandung.kembar.json >/dev/null
  fi
  if [ -n "${KEMBAR_CLUSTER_IMPORT:-}" ]; then
    # shellcheck disable=SC2086
    DATABASE_URL="$url" "$kembar" import $KEMBAR_CLUSTER_IMPORT >"$dir/logs/import.log" 2>&1 ||
      { tail -n 20 "$dir/logs/import.log" >&2; down; exit 1; }
  fi
  local password
  password="cluster $(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
  printf '%s\n' "$password" | DATABASE_URL="$url" "$kembar" user add --role admin --name "Cluster administrator" \
    --password-stdin admin@cluster.example >/dev/null
  printf 'admin@cluster.example\n%s\n' "$password" >"$dir/admin"

  {
    echo "KEMBAR_BINARY_USED='$kembar'"
    echo "INSTANCES=$instances"
  } >>"$dir/cluster.env"
  local upstreams="" port
  for n in $(seq 1 "$instances"); do
    port=$(free_port $((8100 + n)))
    echo "KEMBAR_${n}_PORT=$port" >>"$dir/cluster.env"
    start_instance "$n" "$port" "$kembar" "$url" || { down; exit 1; }
    upstreams+="    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'
  done

  front_port=$(free_port "$front_port")
  cat >"$dir/nginx.conf" <<CONF
worker_processes ${KEMBAR_NGINX_WORKERS:-1};
pid $dir/nginx.pid;
error_log $dir/logs/nginx-error.log;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  upstream kembar {
$upstreams    # Each signed-in person (session cookie) and each API token to one instance, while it
    # answers: their records stay in that instance's cache, and a program adding activity
    # after activity to a long partnership is not sent to an instance that must read it again.
    hash \$cookie_kembar_session\$http_authorization\$remote_addr consistent;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$front_port;
    client_max_body_size 26m;
    gzip on;
    gzip_comp_level 6;
    gzip_min_length 1024;
    gzip_proxied any;
    gzip_vary on;
    gzip_types text/css text/plain text/calendar application/javascript application/json
               application/problem+json application/geo+json application/atom+xml image/svg+xml;
    location /static/ {
      alias $root/Sources/KembarWeb/Resources/public/;
      expires 1h;
    }
    location / {
      proxy_pass http://kembar;
      proxy_http_version 1.1;
      # Passed on as Kembar writes it: a portfolio or partnership page is 60 to 200 KB, and
      # buffering such answers made the slowest ones a hundred times slower under load
      # (measured in docs/deployment.md). Kembar serves slow clients without a thread each.
      proxy_buffering off;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 2;
      # Which instance answered (the last tried), for the fault scripts: not in deploy/nginx.
      add_header X-Kembar-Upstream \$upstream_addr always;
      proxy_connect_timeout 2s;
      proxy_read_timeout 60s;
    }
  }
}
CONF
  chmod 755 "$root" 2>/dev/null || true
  nginx -c "$dir/nginx.conf"
  echo "NGINX_PORT=$front_port" >>"$dir/cluster.env"
  wait_for "http://127.0.0.1:$front_port${KEMBAR_READY_PATH:-/readyz}" 10 || { cat "$dir/logs/nginx-error.log" >&2; down; exit 1; }
  echo "Kembar cluster at http://127.0.0.1:$front_port/"
}

start_postgres() { # bin port
  as_postgres "$1/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w start \
    -o "-p $2 -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=256MB" >/dev/null
}

postgres() { # start|stop
  [ -f "$dir/cluster.env" ] || { echo "no cluster in $dir" >&2; exit 1; }
  # shellcheck disable=SC1091
  . "$dir/cluster.env"
  case "${1:-}" in
    start) start_postgres "$PG_BIN" "$PG_PORT" ;;
    stop) as_postgres "$PG_BIN/pg_ctl" -D "$dir/pg/data" -m fast -w stop >/dev/null ;;
    *) echo "usage: scripts/cluster.sh postgres start|stop" >&2; exit 2 ;;
  esac
}

start_instance() { # number port binary database-url
  local n=$1 port=$2 kembar=$3 url=$4
  DATABASE_URL="$url" LOG_LEVEL=${LOG_LEVEL:-notice} "$kembar" serve --hostname 127.0.0.1 --port "$port" --no-demo \
    --trust-forwarded-for ${KEMBAR_CACHE_MB:+--cache-mb "$KEMBAR_CACHE_MB"} ${KEMBAR_SERVE_OPTIONS:-} \
    >>"$dir/logs/kembar-$n.log" 2>&1 &
  echo "KEMBAR_${n}_PID=$!" >>"$dir/cluster.env"
  wait_for "http://127.0.0.1:$port${KEMBAR_READY_PATH:-/readyz}" 60 || { cat "$dir/logs/kembar-$n.log" >&2; return 1; }
}

restart() { # number
  [ -f "$dir/cluster.env" ] || { echo "no cluster in $dir" >&2; exit 1; }
  # shellcheck disable=SC1091
  . "$dir/cluster.env"
  local n=${1:?which instance?} pid port
  pid=$(eval echo "\${KEMBAR_${n}_PID:-}")
  port=$(eval echo "\${KEMBAR_${n}_PORT:-}")
  [ -n "$port" ] || { echo "no instance $n" >&2; exit 1; }
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  start_instance "$n" "$port" "${KEMBAR_BINARY:-$KEMBAR_BINARY_USED}" "$DATABASE_URL"
  echo "Kembar $n serves 127.0.0.1:$port again"
}

status() {
  [ -f "$dir/cluster.env" ] || { echo "no cluster in $dir"; return 1; }
  # shellcheck disable=SC1091
  . "$dir/cluster.env"
  echo "PostgreSQL on 127.0.0.1:$PG_PORT: $(as_postgres "$PG_BIN/pg_ctl" -D "$dir/pg/data" status >/dev/null && echo running || echo stopped)"
  local n pid port
  for n in $(seq 1 "${INSTANCES:-$instances}"); do
    pid=$(eval echo "\${KEMBAR_${n}_PID:-}")
    port=$(eval echo "\${KEMBAR_${n}_PORT:-}")
    [ -n "$port" ] || continue
    printf 'Kembar %s on 127.0.0.1:%s (pid %s): %s\n' "$n" "$port" "$pid" \
      "$(curl -s -m 2 "http://127.0.0.1:$port/readyz" || echo 'not answering')"
  done
  [ -n "${NGINX_PORT:-}" ] && printf 'nginx on 127.0.0.1:%s: %s\n' "$NGINX_PORT" \
    "$(curl -s -m 2 "http://127.0.0.1:$NGINX_PORT/readyz" || echo 'not answering')"
}

down() {
  [ -f "$dir/cluster.env" ] || { echo "no cluster in $dir"; return 0; }
  # shellcheck disable=SC1091
  . "$dir/cluster.env"
  [ -f "$dir/nginx.pid" ] && kill "$(cat "$dir/nginx.pid")" 2>/dev/null || true
  # Every instance ever started here (a restart adds a line), stopped as systemd stops one:
  # SIGTERM, and SIGKILL for one still running after 30 s, so that none is left behind.
  local pids pid
  pids=$(sed -n "s/^KEMBAR_[0-9]*_PID=//p" "$dir/cluster.env")
  for pid in $pids; do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 300); do
    local alive=""
    for pid in $pids; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ -z "$alive" ] && break
    sleep 0.1
  done
  for pid in $pids; do
    kill -0 "$pid" 2>/dev/null && { echo "Kembar (process $pid) did not stop within 30 s of SIGTERM: killed" >&2; kill -9 "$pid"; }
  done
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/pg/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  echo "Kembar cluster stopped"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  restart) restart "${2:-}" ;;
  postgres) postgres "${2:-}" ;;
  *) echo "usage: scripts/cluster.sh up|status|down|restart N|postgres start|stop" >&2; exit 2 ;;
esac
