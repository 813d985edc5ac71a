#!/usr/bin/env bash
# Starts everything a newcomer needs and runs the app on http://localhost:5080:
# a private PostgreSQL under .data/, smtp4dev (local dotnet tool), migrations, the demo seed, then the app.
# Re-running it is safe; Ctrl-C stops everything it started.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=lib.sh
source deploy/local/lib.sh

app_port=${EXCHANGE_PORT:-5080}
pg_port=${EXCHANGE_PG_PORT:-5433}
smtp_port=${EXCHANGE_SMTP_PORT:-2525}
inbox_port=${EXCHANGE_INBOX_PORT:-5081}
data="$root/.data"

command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not on PATH"
port_in_use "$app_port" && die "port $app_port is already in use: stop what listens there, or set EXCHANGE_PORT"
ensure_postgres
mkdir -p "$data"
chmod 755 "$data"

started_pg=0
smtp_pid=""
cleanup() {
  trap - INT TERM EXIT
  [ -n "$smtp_pid" ] && kill "$smtp_pid" 2>/dev/null || true
  if [ "$started_pg" = 1 ]; then
    log "Stopping PostgreSQL"
    stop_cluster "$data/postgres"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if as_postgres "$PG_BIN/pg_ctl" -D "$data/postgres" status >/dev/null 2>&1; then
  log "PostgreSQL already running (.data/postgres)"
else
  port_in_use "$pg_port" && die "port $pg_port is already in use: set EXCHANGE_PG_PORT to another port"
  log "Starting PostgreSQL on 127.0.0.1:$pg_port (.data/postgres)"
  start_cluster "$data/postgres" "$pg_port"
  started_pg=1
fi
as_postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'exchange'" | grep -q 1 \
  || as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres exchange

log "Restoring local tools and building"
restore_tools
dotnet build src/SafeBrussels.Exchange.Web -c Debug -nologo -v quiet
app_dll="$root/src/SafeBrussels.Exchange.Web/bin/Debug/net10.0/SafeBrussels.Exchange.Web.dll"

if port_in_use "$smtp_port"; then
  log "Something already listens on SMTP port $smtp_port; assuming it is smtp4dev"
else
  log "Starting smtp4dev (SMTP on 127.0.0.1:$smtp_port)"
  dotnet tool run smtp4dev -- --urls="http://127.0.0.1:$inbox_port" --smtpport="$smtp_port" --hostname=localhost \
    --db="$data/smtp4dev.db" --nousersettings --imapport=0 --pop3port=0 >"$data/smtp4dev.log" 2>&1 &
  smtp_pid=$!
fi

export ASPNETCORE_ENVIRONMENT=Development
export ConnectionStrings__Exchange="Host=127.0.0.1;Port=$pg_port;Database=exchange;Username=postgres"
export Email__Smtp__Host=127.0.0.1
export Email__Smtp__Port="$smtp_port"
export Email__Smtp__TlsMode=None
export PublicBaseUrl="http://localhost:$app_port"

log "Applying migrations"
(cd src/SafeBrussels.Exchange.Web && dotnet "$app_dll" migrate)
log "Seeding the demo data"
(cd src/SafeBrussels.Exchange.Web && dotnet "$app_dll" seed-demo)

cat <<MSG

  SafeBrussels Exchange:  http://localhost:$app_port
  Mail inbox (smtp4dev):  http://127.0.0.1:$inbox_port
  Stop everything:        Ctrl-C

MSG
cd src/SafeBrussels.Exchange.Web
dotnet "$app_dll" --urls "http://localhost:$app_port"
