#!/usr/bin/env bash
# Restores a backup made by backup.sh into the database, replacing what is there, in one transaction: it either
# completes or leaves the database as it was. Stop the application first (or scale it to zero).
#
#   deploy/backup/restore.sh <file.dump>
#
# Connection: the libpq environment variables, as for backup.sh. The checksum beside the file is verified first.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=pg-tools.sh
source "$here/pg-tools.sh"

[[ $# -eq 1 ]] || { echo "usage: $0 <file.dump>" >&2; exit 2; }
file=$1
: "${PGDATABASE:?set PGDATABASE (and PGHOST, PGPORT, PGUSER) to the database to restore into}"
[[ -f "$file" ]] || { echo "no such backup: $file" >&2; exit 1; }
if [[ -f "$file.sha256" ]]; then
  (cd "$(dirname "$file")" && sha256sum --check --quiet "$(basename "$file").sha256") || { echo "checksum mismatch: $file is damaged" >&2; exit 1; }
else
  echo "warning: no $file.sha256 beside the backup; restoring without checking it" >&2
fi

"$(pg_tool pg_restore)" --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error --dbname="$PGDATABASE" "$file"
echo "restored $file into $PGDATABASE"
