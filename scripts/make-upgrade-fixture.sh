#!/usr/bin/env bash
# Makes the database an upgrade test starts from: the demonstration record and an account with a
# known password, on the schema of the kembar built at .build/debug (its newest migration), kept
# as Tests/KembarStoreTests/Fixtures/upgrade/schema-N.sqlite with the record exported beside it
# (schema-N.kembar.json). Run once per schema version that ships, and commit both files: the
# test migrates each such database to the newest schema and checks that nothing was lost.
#
#   swift build && scripts/make-upgrade-fixture.sh
set -euo pipefail
cd "$(dirname "$0")/.."
kembar=.build/debug/kembar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export KEMBAR_DATA_DIR="$work"
"$kembar" import Sources/KembarCore/Resources/demo/bandung.kembar.json >/dev/null
printf 'the upgrade fixture password\n' |
  "$kembar" user add --role officer --organization bandung --name "Budi Santoso" --password-stdin budi@bandung.example >/dev/null
version=$(sqlite3 "$work/kembar.sqlite" "SELECT MAX(version) FROM schema_migrations")
out=Tests/KembarStoreTests/Fixtures/upgrade
mkdir -p "$out"
# The gazetteer and the directory are reference data loaded by their own migrations and commands:
# left out, the file stays small.
sqlite3 "$work/kembar.sqlite" "DELETE FROM gazetteer_cities; DELETE FROM directory_pairs; VACUUM;"
"$kembar" export --output "$out/schema-$version.kembar.json"
cp "$work/kembar.sqlite" "$out/schema-$version.sqlite"
echo "wrote $out/schema-$version.sqlite ($(du -k "$out/schema-$version.sqlite" | cut -f1) KB) and its record"
