#!/usr/bin/env bash
# The echo example's test: start echo_server on a free loopback port, run
# echo_client with many concurrent connections, check every byte came back.
# Usage: loopback-test.sh SERVER CLIENT CONNECTIONS MESSAGES SIZE
set -euo pipefail
server=$1 client=$2
out=$(mktemp)
trap 'kill "$pid" 2>/dev/null || true; rm -f "$out"' EXIT
"$server" 0 >"$out" &
pid=$!
for _ in $(seq 100); do
  grep -q '^listening on ' "$out" && break
  sleep 0.05
done
port=$(sed -n 's/^listening on //p' "$out")
[ -n "$port" ] || { echo "echo_server did not start" >&2; exit 1; }
"$client" "$port" "$3" "$4" "$5"
