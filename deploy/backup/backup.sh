#!/usr/bin/env bash
# Backs up the whole database (application tables, Hangfire's schema, the Data Protection key ring) to one file
# in pg_dump's custom format, with a SHA-256 beside it.
#
#   deploy/backup/backup.sh <file.dump>
#
# Connection: the libpq environment variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass, PGDATABASE).
# Run it from cron or a Kubernetes CronJob; keep copies off the database server (docs/operations.md).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=pg-tools.sh
source "$here/pg-tools.sh"

[[ $# -eq 1 ]] || { echo "usage: $0 <file.dump>" >&2; exit 2; }
out=$1
: "${PGDATABASE:?set PGDATABASE (and PGHOST, PGPORT, PGUSER) to the database to back up}"

tmp="$out.partial"
trap 'rm -f "$tmp"' EXIT
"$(pg_tool pg_dump)" --format=custom --compress=6 --no-owner --no-privileges --file="$tmp" "$PGDATABASE"
mv "$tmp" "$out"
(cd "$(dirname "$out")" && sha256sum "$(basename "$out")" > "$(basename "$out").sha256")
echo "backup of $PGDATABASE written to $out ($(stat -c %s "$out") bytes)"
