#!/usr/bin/env bash
# Shared helpers of run.sh and test.sh: PostgreSQL clusters run as the postgres user, Chromium from Debian.

log() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }
die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

apt_install() {
  [ "$(id -u)" = 0 ] || die "installing $* needs root (apt-get install -y $*)"
  log "Installing $* from Debian"
  if [ -z "${EXCHANGE_APT_UPDATED:-}" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    export EXCHANGE_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# Sets PG_BIN to the newest installed PostgreSQL server binaries, installing Debian's postgresql when missing.
ensure_postgres() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    apt_install postgresql postgresql-contrib
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  id postgres >/dev/null 2>&1 || die "the postgres system user is missing (it comes with Debian's postgresql package)"
  export PG_BIN
}

# Runs a command as the postgres user (initdb and postgres refuse to run as root).
as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# start_cluster DIR PORT: creates the cluster in DIR if needed and starts it on 127.0.0.1:PORT (trust auth, loopback only).
start_cluster() {
  local dir port=$2
  mkdir -p "$1"
  dir=$(cd "$1" && pwd)
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; fi
  chmod 700 "$dir"
  if [ ! -f "$dir/PG_VERSION" ]; then
    as_postgres "$PG_BIN/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_postgres "$PG_BIN/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    log "PostgreSQL already running in $dir"
    return 0
  fi
  as_postgres "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${EXCHANGE_PG_FSYNC:-on}" start >/dev/null \
    || { tail -n 30 "$dir/server.log" >&2; die "PostgreSQL did not start (end of its log above)"; }
}

stop_cluster() {
  local dir=$1
  [ -f "$dir/PG_VERSION" ] || return 0
  as_postgres "$PG_BIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# free_port START: the first port from START on that nothing listens on.
free_port() {
  local port=$1
  while port_in_use "$port"; do port=$((port + 1)); done
  echo "$port"
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    apt_install chromium fonts-dejavu-core
  fi
}

# DeploymentFilesTests validates deploy/docker/compose.yaml with `docker compose config`, or with Debian's
# docker-compose when the docker CLI has no compose plugin; neither needs a Docker engine.
ensure_compose() {
  if ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null; then
    apt_install docker-compose
  fi
}

# restore_tools: the local .NET tools of dotnet-tools.json, one at a time. On a machine whose tool cache is new, the
# SDK mixes up the commands of two tools restored together and fails (dotnet/sdk#53783: "The command dotnet-ef ... is
# not contained in the package ..."); restored one by one from a manifest of its own, each succeeds the first time,
# and `dotnet tool run` then finds it through the repository's manifest as usual.
restore_tools() {
  local dir manifest output status=0
  dir=$(mktemp -d)
  split_tool_manifest dotnet-tools.json "$dir"
  for manifest in "$dir"/tool-*.json; do
    [ -f "$manifest" ] || continue
    if ! output=$(dotnet tool restore --tool-manifest "$manifest" 2>&1); then
      printf '%s\n' "$output" >&2
      status=1
    fi
  done
  rm -rf "$dir"
  [ "$status" = 0 ] || die "dotnet tool restore failed (its output is above)"
}

# split_tool_manifest MANIFEST DIR: each entry of the manifest's "tools" into DIR/tool-N.json, a manifest of its own
# (the manifest has no braces inside its strings).
split_tool_manifest() {
  awk -v dir="$2" '
    {
      line = $0
      if (depth == 2 && file == "" && line ~ /^[ \t]*"[^"]+"[ \t]*:[ \t]*\{/) {
        n++; file = sprintf("%s/tool-%d.json", dir, n)
        print "{ \"version\": 1, \"isRoot\": true, \"tools\": {" > file
      }
      opens = gsub(/\{/, "{", line); closes = gsub(/\}/, "}", line)
      depth += opens - closes
      if (file != "") {
        if (depth == 2) { sub(/,[ \t]*$/, "", line); print line > file; print "} }" > file; close(file); file = "" }
        else print line > file
      }
    }' "$1"
}
