# Sourced by the scripts that need a running Kembar (.ci/run, the screenshots, the web benchmark).
#
#   start_kembar BINARY DATA_DIR
#
# starts `BINARY serve --port 0` with its database in DATA_DIR (log in DATA_DIR/serve.log), waits
# until it listens, and sets KEMBAR_PID and KEMBAR_PORT. When it does not start, prints the log
# and returns 1.
start_kembar() {
  local binary=$1 data=$2
  KEMBAR_DATA_DIR="$data" "$binary" serve --port 0 >"$data/serve.log" 2>&1 &
  KEMBAR_PID=$!
  KEMBAR_PORT=""
  for _ in $(seq 1 120); do
    KEMBAR_PORT=$(sed -n 's|^Kembar serves http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$data/serve.log")
    [ -n "$KEMBAR_PORT" ] && return 0
    kill -0 "$KEMBAR_PID" 2>/dev/null || break
    sleep 0.5
  done
  cat "$data/serve.log" >&2
  kill "$KEMBAR_PID" 2>/dev/null || true
  return 1
}
