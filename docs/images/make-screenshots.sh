#!/usr/bin/env bash
# Takes the screenshots of the user guides (docs/guide.md, docs/guide.en.md) from a fresh server
# on the demonstration data, with Debian's headless Chromium (phones through chromium-driver and
# Python's selenium, docs/images/phone-shot.py). Run from the repository's root
# after `swift build`: docs/images/make-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=docs/images
data=$(mktemp -d)
trap 'kill "${KEMBAR_PID:-}" 2>/dev/null || true; rm -rf "$data"' EXIT
. scripts/start-kembar.sh
start_kembar .build/debug/kembar "$data"
site="http://127.0.0.1:$KEMBAR_PORT"
sign_in_kembar "$site" "$data"
liuzhou="$site/partnerships/bandung/bandung-liuzhou"

# Chromium has no way to be given the session's cookie: signed-in pages are saved with curl
# (their style sheet pointed at the server) and shot from the file.
saved() { # name url [cookie] -> prints a file URL (with the url's anchor)
  local anchor=""
  [[ $2 == *"#"* ]] && anchor="#${2#*#}"
  curl -s -H "Cookie: ${3:-$KEMBAR_COOKIE}" "${2%%#*}" | sed "s|href=\"/static/|href=\"$site/static/|g" >"$data/$1.page.html"
  echo "file://$data/$1.page.html$anchor"
}

shot() { # name width height url
  local url=$4
  # Headless Chromium paints a page scrolled to an anchor blank; inside a frame it does not.
  if [[ $url == *"#"* ]]; then
    printf '<!DOCTYPE html><title>%s</title><body style="margin:0"><iframe src="%s" style="border:0;width:%spx;height:%spx"></iframe>' \
      "$1" "$url" "$2" "$3" >"$data/$1.html"
    url="file://$data/$1.html"
  fi
  # Now and then Chromium writes a blank image; a real page is never this small.
  for _ in 1 2 3; do
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=3000 \
      --window-size="$2,$3" --screenshot="$out/$1.png" "$url" 2>/dev/null
    [ "$(stat -c %s "$out/$1.png")" -gt 20000 ] && return 0
  done
  echo "$1: Chromium wrote a blank screenshot three times" >&2
  return 1
}

# A proposal from a school, for the officers' review page.
propose="$site/public/bandung/partnerships/bandung-liuzhou/propose"
token=$(curl -s -c "$data/public" -b "$data/public" "$propose" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -o /dev/null -c "$data/public" -b "$data/public" --data-urlencode "_csrf=$token" \
  --data-urlencode "name=Ani Lestari" --data-urlencode "organisation=SMPN 5 Bandung" --data-urlencode "group=school" \
  --data-urlencode "contact=ani@example.org" --data-urlencode "idea=A mural painted together by pupils of Bandung and Liuzhou, shown in both cities" \
  --data-urlencode "website=" "$propose"
form_token=$(curl -s -H "Cookie: $KEMBAR_COOKIE" "$liuzhou/activities/new" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
# A document uploaded and coded through the forms, for the evidence pages.
python3 scripts/seed-evidence.py "$site" "$KEMBAR_COOKIE" >/dev/null
document="$liuzhou/documents/ringkasan-temuan-saraswati-dkk-demonstrasi"
# A calendar token, so that the tokens page lists one (by its first characters only).
token_form=$(curl -s -H "Cookie: $KEMBAR_COOKIE" "$site/account/tokens" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -o /dev/null -H "Cookie: $KEMBAR_COOKIE" --data-urlencode "_csrf=$token_form" \
  --data-urlencode "name=Kalender kantor" --data-urlencode "purpose=calendar" "$site/account/tokens"
# An office's own list uploaded for import (the fixture LibreOffice saved), for its preview; the
# preview writes nothing.
import_token=$(curl -s -H "Cookie: $KEMBAR_COOKIE" "$site/import" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
import_preview=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: $KEMBAR_COOKIE" -F "_csrf=$import_token" \
  -F organization=bandung -F "file=@Tests/KembarDocumentsTests/Fixtures/spreadsheets/daftar-libreoffice.xlsx" "$site/import")
# The yearly report is always in Indonesian, as the Ministry reads it.
shot "annual-report" 1280 1300 "$(saved "annual-report" "$site/reports/bandung/annual/2022.html")"

for lang in id en; do
  shot "portfolio-$lang" 1280 1000 "$(saved "portfolio-$lang" "$site/?lang=$lang")"
  # A phone as Chromium emulates one: a headless window does not go below 500 px.
  python3 docs/images/phone-shot.py "$out/portfolio-phone-$lang.png" "$site/?lang=$lang" "$KEMBAR_COOKIE"
  shot "partnership-$lang" 1280 1300 "$(saved "partnership-$lang" "$liuzhou?lang=$lang")"
  shot "scorecard-$lang" 1280 1300 "$(saved "scorecard-$lang" "$liuzhou?lang=$lang#scorecard")"
  shot "reciprocity-$lang" 1280 1000 "$(saved "reciprocity-$lang" "$liuzhou?lang=$lang#areas")"
  python3 docs/images/phone-shot.py "$out/partnership-phone-$lang.png" "$liuzhou?lang=$lang" "$KEMBAR_COOKIE" scorecard
  python3 docs/images/phone-shot.py "$out/timeline-phone-$lang.png" "$liuzhou?lang=$lang" "$KEMBAR_COOKIE" timeline
  shot "map-$lang" 1280 1000 "$(saved "map-$lang" "$site/map?lang=$lang")"
  shot "search-$lang" 1280 700 "$(saved "search-$lang" "$site/search?q=pertukaran+pelajar&lang=$lang")"
  shot "sign-in-$lang" 1280 700 "$site/sign-in?lang=$lang"
  shot "public-$lang" 1280 1000 "$site/public/bandung?lang=$lang"
  shot "propose-$lang" 1280 1000 "$propose?lang=$lang"
  shot "proposals-$lang" 1280 1000 "$(saved "proposals-$lang" "$site/review/bandung/bandung-liuzhou/proposals?lang=$lang")"
  shot "history-$lang" 1280 700 "$(saved "history-$lang" "$site/history/bandung/bandung-liuzhou?lang=$lang")"
  shot "accounts-$lang" 1280 1000 "$(saved "accounts-$lang" "$site/admin/accounts/new?lang=$lang")"
  shot "upload-$lang" 1280 1000 "$(saved "upload-$lang" "$liuzhou/documents/new?lang=$lang")"
  shot "document-$lang" 1280 1300 "$(saved "document-$lang" "$document?lang=$lang")"
  shot "codebook-$lang" 1280 1000 "$(saved "codebook-$lang" "$site/codebook?lang=$lang")"
  shot "evidence-$lang" 1280 1000 "$(saved "evidence-$lang" "$site/evidence?lang=$lang")"
  shot "reports-$lang" 1280 900 "$(saved "reports-$lang" "$site/reports?lang=$lang")"
  shot "dossier-$lang" 1280 1300 "$(saved "dossier-$lang" "$liuzhou/dossier?lang=$lang")"
  shot "tokens-$lang" 1280 1000 "$(saved "tokens-$lang" "$site/account/tokens?lang=$lang")"
  shot "import-$lang" 1280 1000 "$(saved "import-$lang" "$site/import?lang=$lang")"
  shot "import-preview-$lang" 1280 1600 "$(saved "import-preview-$lang" "$import_preview?lang=$lang")"
  python3 docs/images/phone-shot.py "$out/import-preview-phone-$lang.png" "$import_preview?lang=$lang" "$KEMBAR_COOKIE"
  # A form sent with mistakes comes back with the errors beside the fields.
  curl -s -X POST -H "Cookie: $KEMBAR_COOKIE" "$liuzhou/activities/new?lang=$lang" \
    -d "_csrf=$form_token&title=Rapat+Kelompok+Kerja+Bersama&start=2026-02-30&kind=meeting&host=home&participants.0.side=home&participants.0.group=government&participants.0.role=planner&participants.0.count=-6&save=yes" |
    sed "s|href=\"/static/|href=\"$site/static/|g" >"$data/errors.html"
  shot "form-errors-$lang" 1280 1100 "file://$data/errors.html"
  # A form saved after someone else saved the same record comes back unsaved, saying what changed.
  python3 docs/images/edit-conflict.py "$site" "$KEMBAR_COOKIE" \
    /partnerships/bandung/bandung-liuzhou/activities/kunjungan-liuzhou-2004/edit "$lang" "$data/conflict.html"
  shot "form-conflict-$lang" 1280 1000 "file://$data/conflict.html"
done

# Fewer colours make the images a fraction of the size without a visible difference.
python3 - "$out" <<'PY' || echo "Pillow is missing: the images stay as Chromium wrote them"
import pathlib, sys
from PIL import Image
for path in pathlib.Path(sys.argv[1]).glob("*.png"):
    Image.open(path).convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(path, optimize=True)
PY
ls -l "$out"
