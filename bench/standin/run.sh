#!/usr/bin/env bash
# Ingest rate of the MoEngage stand-in: the stand-in runs pinned to one core, the load generator on
# another, so the figure is what one core of the stand-in absorbs.
# Usage: bench/standin/run.sh [requests=2000] [bodyBytes=97280] [concurrency=4]
#    or: bench/standin/run.sh ledger [members=1000000] [events=200000] [concurrency=4]
#        (a ledger-scale night: every member's attributes, then the day's events; prints memory too)
set -euo pipefail
cd "$(dirname "$0")/../.."

mode=bodies
if [[ "${1:-}" == ledger ]]; then mode=ledger; shift; fi
if [[ $mode == ledger ]]; then
  members=${1:-1000000}
  events=${2:-200000}
else
  requests=${1:-2000}
  body_bytes=${2:-97280}
fi
concurrency=${3:-4}
out=$(mktemp -d)
trap 'if [[ -n "${standin_pid:-}" ]]; then kill "$standin_pid" 2>/dev/null || true; wait "$standin_pid" 2>/dev/null || true; fi; rm -rf "$out"' EXIT

dotnet build -c Release -v q -nologo dev/Loyalife.MoEngageStandIn -o "$out/standin" >"$out/build.log" || { cat "$out/build.log"; exit 1; }
dotnet build -c Release -v q -nologo bench/standin/Loyalife.Bench.StandIn -o "$out/bench" >"$out/build.log" || { cat "$out/build.log"; exit 1; }

pin_server=() pin_client=()
if command -v taskset >/dev/null && (( $(nproc) > 1 )); then pin_server=(taskset -c 0); pin_client=(taskset -c 1); fi

# One unlimited workspace in which the demo pattern makes nine in ten customers exist (as in the AppHost).
ASPNETCORE_URLS=http://127.0.0.1:0 \
StandIn__Workspaces__0__AppId=BENCH StandIn__Workspaces__0__DataCenter=01 StandIn__Workspaces__0__ApiKey=bench-key \
StandIn__Workspaces__0__CustomerIdPattern='^C\d{7}[0-8]$' \
StandIn__Workspaces__0__Limits__BulkUsersPerMinute= StandIn__Workspaces__0__Limits__BulkEventsPerMinute= \
  "${pin_server[@]}" dotnet "$out/standin/Loyalife.MoEngageStandIn.dll" >"$out/standin.log" 2>&1 &
standin_pid=$!

url=""
for _ in $(seq 100); do
  url=$(grep -oE 'Now listening on: http://127\.0\.0\.1:[0-9]+' "$out/standin.log" | head -1 | sed 's/Now listening on: //') || true
  [[ -n "$url" ]] && break
  kill -0 "$standin_pid" 2>/dev/null || { cat "$out/standin.log"; exit 1; }
  sleep 0.1
done
[[ -n "$url" ]] || { echo "stand-in did not start"; cat "$out/standin.log"; exit 1; }

echo "stand-in at $url (${pin_server[*]:-unpinned})"
if [[ $mode == ledger ]]; then
  "${pin_client[@]}" dotnet "$out/bench/Loyalife.Bench.StandIn.dll" "$url" BENCH bench-key ledger "$members" "$events" "$concurrency" "$standin_pid"
else
  "${pin_client[@]}" dotnet "$out/bench/Loyalife.Bench.StandIn.dll" "$url" BENCH bench-key "$requests" "$body_bytes" "$concurrency" "$standin_pid"
fi

