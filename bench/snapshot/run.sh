#!/usr/bin/env bash
# Snapshot-service benchmark (run by a person, not CI).
#   bench/snapshot/run.sh [members ...]        default: 100000 1000000
# For each size: the demo ledger generates the `demo` program (Europe/Amsterdam) with that many members into a throwaway
# PostgreSQL (local binaries, as the postgres user when run as root), starts the service (Release),
# pages the whole member snapshot and the day's events of the latest closed day through the API with
# limit=10000, and prints time, rows/s, the service's peak RSS (VmHWM) and, as the floor, how long
# PostgreSQL alone needs for the same aggregates over the whole program (bench/lib.sh, EXPLAIN ANALYZE).
# Then the intraday lane's reads of the open day (docs/ledger.md, "The intraday lane"), as snapshot-service answers
# them: the first pass (the day so far), a pass when nothing new happened, and one after 1,000 new point entries.
# Needs: .NET SDK 10, PostgreSQL server binaries (initdb, pg_ctl, psql), curl, bc, jq.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
sizes=("${@:-100000 1000000}")
read -r -a sizes <<<"${sizes[*]}"

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
export PATH="${pgbin:+$pgbin:}$PATH"
for tool in initdb pg_ctl psql curl dotnet; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y postgresql curl; .NET SDK 10)"; exit 1; }
done

work=$(mktemp -d /tmp/snapshot-bench.XXXXXX)
as_pg=()
if [[ $(id -u) == 0 ]]; then chown postgres "$work"; as_pg=(runuser -u postgres --); fi
pgport=$(free_port)
service_pid=""
cleanup() {
  [[ -n $service_pid ]] && kill "$service_pid" 2>/dev/null || true
  "${as_pg[@]}" pg_ctl -D "$work/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== throwaway PostgreSQL on port $pgport ($work)"
"${as_pg[@]}" initdb -D "$work/data" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
"${as_pg[@]}" pg_ctl -D "$work/data" -l "$work/postgres.log" -w start -o "-p $pgport -k $work -c listen_addresses=127.0.0.1 \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=512MB -c work_mem=64MB \
  -c maintenance_work_mem=512MB -c max_wal_size=8GB -c checkpoint_timeout=30min" >/dev/null

echo "== building the service and the demo ledger (Release)"
out="$work/service"
dotnet publish Loyalife.SnapshotService -c Release -o "$out" -v q -nologo >/dev/null
dotnet publish dev/Loyalife.DemoLedger -c Release -o "$work/demo-ledger" -v q -nologo >/dev/null
chmod 755 "$work"

now=$(date -u +%FT%TZ)
day=$(TZ=Europe/Amsterdam date -d "$now -1 day" +%F)
asof=$(date -u -d "TZ=\"Europe/Amsterdam\" $(TZ=Europe/Amsterdam date -d "$now" +%F) 00:00" +%FT%TZ)
echo "== now $now; business date $day of program demo (T_D = $asof)"
echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) (shared with whoever else runs here)"

# lane_bench URL DB: times three intraday passes of the open day (members, then events, through the API) and
# prints one line after the size's row: the day so far, nothing new, 1,000 new rows (each: members, events, seconds).
lane_bench() {
  local lane=$1 db=$2 h open previous first none fresh
  horizon() { curl -sf -H "dapr-api-token: bench" "$lane/horizon"; }
  window() { jq -r '"to=\(.horizon)&cutOff=\(.cutOff|@uri)"' <<<"$1"; }
  pass() { # $1 window: "members events seconds"
    local start members events
    start=$(date +%s.%N)
    read -r members _ < <(page_through "$lane/$open/members?$1" bench "$work/page.json" "&")
    read -r events _ < <(page_through "$lane/$open/events?$1" bench "$work/page.json" "&")
    echo "$members $events $(printf %.2f "$(echo "$(date +%s.%N) - $start" | bc)")"
  }
  h=$(horizon); open=$(jq -r .businessDate <<<"$h")
  first=$(pass "$(window "$h")")
  previous=$(jq -r '"from=\(.horizon)&since=\(.cutOff|@uri)"' <<<"$h")
  h=$(horizon); none=$(pass "$(window "$h")&$previous")
  previous=$(jq -r '"from=\(.horizon)&since=\(.cutOff|@uri)"' <<<"$h")
  psql -h 127.0.0.1 -p "$pgport" -U postgres -d "$db" -qc "INSERT INTO loyalty.point_entries
      (entry_id, program_id, member_id, occurred_at, entry_type, points, transaction_id)
    SELECT (SELECT max(entry_id) FROM loyalty.point_entries) + row_number() OVER (), 'demo', member_id,
           now() - interval '1 second', 'accrual', 10, 'bench-' || member_id
    FROM loyalty.members WHERE program_id = 'demo' ORDER BY member_id LIMIT 1000"
  h=$(horizon); fresh=$(pass "$(window "$h")&$previous")
  echo "   intraday lane, open day $open (members events seconds): the day so far $first; nothing new $none; 1,000 new rows $fresh"
}

printf '\n%-9s %-10s %-22s %-22s %-10s %-12s %-s\n' members generate "members (rows, s, rows/s)" "events (rows, s, rows/s)" summary "peak RSS" "floor: PostgreSQL's own time (members + events)"
for members in "${sizes[@]}"; do
  db="bench_$members"
  psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE DATABASE $db"
  connection="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=$db"
  gen_start=$(date +%s.%N)
  dotnet "$work/demo-ledger/Loyalife.DemoLedger.dll" --Demo:Members "$members" --Demo:Programs demo --Demo:Now "$now" \
    --ConnectionStrings:loyalife "$connection" >"$work/generate.log"
  gen=$(echo "$(date +%s.%N) - $gen_start" | bc)

  appport=$(free_port)
  ConnectionStrings__loyalife="$connection;Maximum Pool Size=20" APP_API_TOKEN=bench ASPNETCORE_URLS="http://127.0.0.1:$appport" \
    Logging__LogLevel__Default=Warning dotnet "$out/Loyalife.SnapshotService.dll" >"$work/service.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$appport/alive" >/dev/null && break; sleep 0.2; done
  api="http://127.0.0.1:$appport/v1/programs/demo/snapshots/$day"

  read -r mrows msecs < <(page_through "$api/members" bench "$work/page.json")
  read -r erows esecs < <(page_through "$api/events" bench "$work/page.json")
  s_start=$(date +%s.%N)
  curl -sf -H "dapr-api-token: bench" -o "$work/summary.json" "http://127.0.0.1:$appport/v1/programs/demo/snapshots/$day/summary"
  ssecs=$(echo "$(date +%s.%N) - $s_start" | bc)
  lane_bench "http://127.0.0.1:$appport/v1/programs/demo/intraday" "$db"
  rss=$(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$service_pid/status")
  kill "$service_pid"; wait "$service_pid" 2>/dev/null || true; service_pid=""

  floor_members=$(psql -h 127.0.0.1 -p "$pgport" -U postgres -d "$db" -At -f <(floor_members_sql demo Europe/Amsterdam "$day") | execution_seconds)
  floor_events=$(psql -h 127.0.0.1 -p "$pgport" -U postgres -d "$db" -At -f <(floor_events_sql demo Europe/Amsterdam "$day") | execution_seconds)
  floor="$floor_members + $floor_events s"

  printf '%-9s %-10s %-22s %-22s %-10s %-12s %-s\n' "$members" "${gen%.*} s" \
    "$mrows, $(printf %.1f "$msecs"), $(echo "$mrows / $msecs" | bc)" \
    "$erows, $(printf %.1f "$esecs"), $(echo "$erows / $esecs" | bc)" "$(printf %.1f "$ssecs") s" "$rss" "$floor"
  echo "   summary: $(cat "$work/summary.json")"
  psql -h 127.0.0.1 -p "$pgport" -U postgres -qc "DROP DATABASE $db"
done
