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

#   first_sign_in_kembar SITE JAR EMAIL ONE_TIME_PASSWORD
#
# signs in as EMAIL with its one-time password, keeping the cookies in JAR, and chooses a
# password of its own (which a one-time password requires first); prints the session's Cookie
# header, or fails when no session was opened.
first_sign_in_kembar() {
  local site=$1 jar=$2 email=$3 password=$4 new cookie
  form_token() { curl -s -c "$jar" -b "$jar" "$site$1" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1; }
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$(form_token /sign-in)" \
    --data-urlencode "email=$email" --data-urlencode "password=$password" "$site/sign-in"
  new="chosen password $RANDOM$RANDOM$RANDOM"
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$(form_token /account/password)" \
    --data-urlencode "current=$password" --data-urlencode "new=$new" --data-urlencode "repeat=$new" \
    "$site/account/password"
  cookie="kembar_session=$(awk '$6 == "kembar_session" { print $7 }' "$jar")"
  [ "$cookie" != "kembar_session=" ] || { echo "the sign-in of $email failed" >&2; return 1; }
  echo "$cookie"
}

#   sign_in_kembar SITE DATA_DIR
#
# signs in to a server that start_kembar started on a new database with the demonstration data,
# as the administrator it printed, choosing a password of its own; sets KEMBAR_COOKIE to the
# session's Cookie header and keeps the browser's cookies in DATA_DIR/cookies.
sign_in_kembar() {
  local site=$1 data=$2 password=""
  for _ in $(seq 1 40); do
    password=$(sed -n 's/.*one-time password \([A-Za-z0-9-]*\).*/\1/p' "$data/serve.log")
    [ -n "$password" ] && break
    sleep 0.25
  done
  [ -n "$password" ] || { echo "the server printed no one-time password" >&2; return 1; }
  KEMBAR_COOKIE=$(first_sign_in_kembar "$site" "$data/cookies" admin@kembar.example "$password")
}

#   api_token_kembar SITE DATA_DIR
#
# makes a personal API token on the tokens page of the session sign_in_kembar opened, and sets
# KEMBAR_API_TOKEN to it.
api_token_kembar() {
  local site=$1 jar=$2/cookies csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "$site/account/tokens" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  KEMBAR_API_TOKEN=$(curl -s -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "name=ci" \
    --data-urlencode "purpose=api" "$site/account/tokens" | sed -n 's/.*<code class="secret">\(kembar_[A-Za-z0-9_-]*\)<.*/\1/p' | head -n 1)
  [ -n "$KEMBAR_API_TOKEN" ] || { echo "no API token was made" >&2; return 1; }
}

#   partner_session_kembar SITE DATA_DIR ORGANIZATION PARTNERSHIP
#
# invites a liaison of the partner city of PARTNERSHIP through the accounts form of the session
# sign_in_kembar opened, signs in as them with the one-time password shown and chooses their
# password; sets KEMBAR_PARTNER_COOKIE to their session's Cookie header.
partner_session_kembar() {
  local site=$1 jar=$2/cookies email password csrf
  email="liaison$RANDOM$RANDOM@partner.example"
  csrf=$(curl -s -c "$jar" -b "$jar" "$site/admin/accounts/new" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  password=$(curl -s -c "$jar" -b "$jar" --data-urlencode "_csrf=$csrf" --data-urlencode "email=$email" \
    --data-urlencode "name=Partner liaison" --data-urlencode "role=partner" --data-urlencode "organization=$3" \
    --data-urlencode "partnership=$4" "$site/admin/accounts/new?lang=en" |
    sed -n 's/.*one-time password of [^ ]* is \([A-Za-z0-9-]*\) .*/\1/p' | head -n 1)
  [ -n "$password" ] || { echo "no partner account was made" >&2; return 1; }
  KEMBAR_PARTNER_COOKIE=$(first_sign_in_kembar "$site" "$2/partner-cookies" "$email" "$password")
}

#   import_preview_kembar SITE DATA_DIR FILE
#
# uploads FILE (a spreadsheet) on the import page of the session sign_in_kembar opened, and sets
# KEMBAR_IMPORT_PREVIEW to the address of its preview (nothing is written until it is confirmed).
import_preview_kembar() {
  local site=$1 jar=$2/cookies csrf location
  csrf=$(curl -s -c "$jar" -b "$jar" "$site/import" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" -F "_csrf=$csrf" \
    -F organization=bandung -F "file=@$3" "$site/import")
  KEMBAR_IMPORT_PREVIEW=${location#"$site"}
  [ -n "$KEMBAR_IMPORT_PREVIEW" ] || { echo "the spreadsheet was not taken for import" >&2; return 1; }
}
