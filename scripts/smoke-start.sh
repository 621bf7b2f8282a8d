#!/usr/bin/env bash
# Starts `npm start` on a fresh PGlite folder as a newcomer would, checks the start page and the
# health endpoint, then stops it. Used by CI to keep the README's two commands true.
set -euo pipefail
dir=$(mktemp -d)
port=3917
# Its own process group, so stopping it stops npm and the node process under it.
SOCIALAFTALE_DATA="$dir/data" PORT=$port setsid npm start >"$dir/log" 2>&1 &
pid=$!
trap 'kill -TERM -- -$pid 2>/dev/null || true; sleep 1; rm -rf "$dir"' EXIT
for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "http://127.0.0.1:$port/health" | grep -q '"ok"'
page=$(curl -fsS "http://127.0.0.1:$port/")
grep -q 'Velkommen: platformen er nyinstalleret' <<<"$page"
grep -q 'user add --admin' <<<"$page"
echo "npm start: OK (start page and /health on a fresh data folder)"
