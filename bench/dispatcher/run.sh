#!/usr/bin/env bash
# Dispatcher benchmark (a person runs it; not CI). Needs PostgreSQL 15 binaries and redis-server, like the tests.
#   bench/dispatcher/run.sh                 # both scenarios
#   bench/dispatcher/run.sh 200000 20000 0  # one scenario: members events users-per-minute (0 = unlimited)
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build -c Release -v q --nologo Loyalife.MoEngageDispatcher >/dev/null
dotnet build -c Release -v q --nologo bench/dispatcher >/dev/null
dll=Loyalife.MoEngageDispatcher/bin/Release/net10.0/Loyalife.MoEngageDispatcher.dll
bench() { dotnet bench/dispatcher/bin/Release/net10.0/Loyalife.Bench.Dispatcher.dll "$dll" "$@"; }
if (($# == 3)); then bench "$@"; exit; fi
echo "== throughput: stand-in unlimited, 1,000,000 members and 100,000 events"
bench 1000000 100000 0
echo "== pacing: quota 60,000 users/min, 150,000 members"
bench 150000 0 60000
