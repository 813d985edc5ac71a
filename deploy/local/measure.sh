#!/usr/bin/env bash
# Runs a measurement of tests/SafeBrussels.Exchange.Benchmarks on a throwaway PostgreSQL (not part of the test run):
#   deploy/local/measure.sh search-eval     search quality on the judged dev set (recall@10, nDCG@10)
#   deploy/local/measure.sh benchmark       search speed and bulk load on a generated corpus (docs/benchmarks.md)
#   deploy/local/measure.sh digest-benchmark  10,000 digests against MailKit alone on the same corpus (docs/benchmarks.md)
#   deploy/local/measure.sh page-benchmark  page views in Chromium: app CPU per load, time to interactive, memory per open page
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
# shellcheck source=lib.sh
source deploy/local/lib.sh

[ $# -ge 1 ] || die "usage: deploy/local/measure.sh search-eval|benchmark|digest-benchmark|page-benchmark [options]"
command -v dotnet >/dev/null || die "the .NET SDK (dotnet) is not on PATH"
ensure_postgres
if [ "$1" = page-benchmark ]; then ensure_chromium; export EXCHANGE_CHROMIUM=/usr/bin/chromium PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1; fi

pg_port=$(free_port 56432)
pg_dir=$(mktemp -d /tmp/exchange-measure-pg.XXXXXX)
chmod 755 "$pg_dir"
cleanup() {
  stop_cluster "$pg_dir/data"
  rm -rf "$pg_dir"
}
trap cleanup EXIT
log "Starting a throwaway PostgreSQL on 127.0.0.1:$pg_port"
start_cluster "$pg_dir/data" "$pg_port"

export EXCHANGE_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
dotnet run --project tests/SafeBrussels.Exchange.Benchmarks -c Release -- "$@"
