#!/usr/bin/env bash
# Importing a 10,000-row list (issue 16's aim: preview and write each under 10 s and 300 MB).
# Writes the list with openpyxl (make-list.py) and, saved again by headless LibreOffice, as a
# semicolon CSV in Windows-1252; then, for each, into a fresh SQLite database holding one
# government: `kembar import --from … --dry-run` (the preview) and the import itself (the
# write), each under /usr/bin/time -v for its wall time and peak memory (maximum resident set);
# then the same list with notes on every row, which fills in three quarters of the partnerships.
# Usage: Benchmarks/import/run.sh [KEMBAR_BINARY] [ROWS]  (default .build/release/kembar, 10000)
set -euo pipefail
cd "$(dirname "$0")/../.."
kembar=${1:-.build/release/kembar}
rows=${2:-10000}
work=$(mktemp -d /tmp/kembar-import-benchmark.XXXXXX)
python3 Benchmarks/import/make-list.py "$rows" "$work/daftar.xlsx"
python3 Benchmarks/import/make-list.py "$rows" "$work/catatan.xlsx" --notes
soffice --headless -env:UserInstallation=file://"$work/profile" \
  --convert-to 'csv:Text - txt - csv (StarCalc):59,34,1,1,,0,false,true,true,false,false' --outdir "$work" \
  "$work/daftar.xlsx" >/dev/null 2>&1
"$kembar" generate --partnerships 1 --activities 0 --output "$work/government.json" >/dev/null
measure() {
  local label=$1
  shift
  /usr/bin/time -v "$@" >"$work/out.txt" 2>"$work/time.txt" || { cat "$work/out.txt" "$work/time.txt"; exit 1; }
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time.txt")
  printf '%-34s wall %8s   peak memory %6d MB   %s\n' "$label" "$wall" $((rss / 1024)) "$(tail -n 1 "$work/out.txt")"
}
for format in xlsx csv; do
  export KEMBAR_DATA_DIR="$work/data-$format"
  "$kembar" import "$work/government.json" >/dev/null
  measure "$rows rows, $format, preview" "$kembar" import --from "$format" "$work/daftar.$format" \
    --organization synthetic-government --dry-run --language en
  measure "$rows rows, $format, write" "$kembar" import --from "$format" "$work/daftar.$format" \
    --organization synthetic-government --language en
  measure "$rows rows, $format, again (no change)" "$kembar" import --from "$format" "$work/daftar.$format" \
    --organization synthetic-government --language en
done
export KEMBAR_DATA_DIR="$work/data-xlsx"
measure "$rows rows, xlsx, notes for each (fill)" "$kembar" import --from xlsx "$work/catatan.xlsx" \
  --organization synthetic-government --language en
rm -rf "$work"
