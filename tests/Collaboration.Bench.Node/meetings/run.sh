#!/usr/bin/env bash
# Meetings fan-out benchmark: starts the app (Release, throw-away SQLite file, no demo data) on :5090
# and the raw WebSocket baseline on :5091, runs meeting-fanout.mjs, stops both. From the repository root:
#   bash tests/Collaboration.Bench.Node/meetings/run.sh [clients=100,1000,5000] [workers=4] [changes=40]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
clients="${1:-100,1000,5000}"; workers="${2:-4}"; changes="${3:-40}"
work="$(mktemp -d)"
ulimit -n 65536 2>/dev/null || true
(cd "$root/tests/Collaboration.Testing/node" && [ -d node_modules ] || npm ci --silent)

ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=http://127.0.0.1:5090 Seed__Demo=false \
  Storage__Provider=Sqlite ConnectionStrings__Sqlite="Data Source=$work/bench.db" \
  Bootstrap__OrganiserEmail=bench@test.local Bootstrap__OrganiserPassword='Bench-Password-2026!' \
  RateLimiting__AnonymousPermitsPerMinute=100000 Logging__LogLevel__Default=Warning \
  dotnet run -c Release --project "$root/web/Collaboration.Web" --no-launch-profile > "$work/app.log" 2>&1 &
app_runner=$!
(cd "$work" && dotnet run -c Release "$here/raw-ws-server.cs" -- --urls http://127.0.0.1:5091 > "$work/raw.log" 2>&1) &
raw_runner=$!
trap 'kill $app_runner $raw_runner 2>/dev/null || true; [ -n "${app_pid:-}" ] && kill $app_pid 2>/dev/null; [ -n "${raw_pid:-}" ] && kill $raw_pid 2>/dev/null; true' EXIT

for _ in $(seq 1 240); do
  curl -sf http://127.0.0.1:5090/health >/dev/null && curl -sf http://127.0.0.1:5091/count >/dev/null && break
  sleep 1
done
app_pid="$(ss -ltnp | grep ':5090 ' | grep -o 'pid=[0-9]*' | cut -d= -f2 | head -1)"
raw_pid="$(ss -ltnp | grep ':5091 ' | grep -o 'pid=[0-9]*' | cut -d= -f2 | head -1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
node "$here/meeting-fanout.mjs" --app http://127.0.0.1:5090 --app-pid "$app_pid" --raw http://127.0.0.1:5091 --raw-pid "$raw_pid" \
  --clients "$clients" --workers "$workers" --changes "$changes" --email bench@test.local --password 'Bench-Password-2026!'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
