# Finds a PostgreSQL client tool: on PATH, else the newest Debian install under /usr/lib/postgresql.
pg_tool() {
  local name=$1 found
  if found=$(command -v "$name" 2>/dev/null); then
    echo "$found"
    return
  fi
  found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -1)
  [[ -n "$found" ]] || { echo "$name not found: install postgresql-client" >&2; exit 1; }
  echo "$found"
}
