#!/usr/bin/env bash
# The end-to-end benchmark (a person runs it; not CI):
#   bench/run.sh [members ...]            default: 100000 1000000 (about 17 minutes with two repeats on 2 cores)
#   BENCH_QUOTA_MEMBERS=100000            the size whose program also runs at MoEngage's quota (0 = skip)
#   bench/run.sh --lane [members]         the intraday lane instead (bench/lane.sh; default 1000000 members, 35–90 minutes)
#   bench/run.sh --quota-1m               the 1,000,000-member program end to end at the quota as well
#                                         (60,000 users and 60,000 events a minute: about 20 more minutes)
#   BENCH_NIGHTS=2                        nights run in order up to the business day (the last is the one measured in full)
#   BENCH_REPEAT=2                        times each measured step of a size runs (paging, summary, anomalies, floor, the
#                                         nights and the day again), after one untimed paging pass that warms the fresh
#                                         ledger; the table gives each figure's median, the JSON its
#                                         median, min and max (ratios taken per repeat), growth compares medians
#   BENCH_EXPLAIN_MS=                    log the plan of every statement slower than this many ms (auto_explain) and keep
#                                         PostgreSQL's log as bench/results/<timestamp>-postgres.log
#   BENCH_GETUSER_PER_MINUTE=0            Get User's quota for the unlimited nights (0 = unlimited; MoEngage's is 1,000);
#                                         the report also gives the time each night's confirmations take at 1,000 a minute
# For each size the program runs night after night against the stand-in holding about 90 % of the members:
# BENCH_NIGHTS nights (default 2) ending with the business day. On the first every member with events is
# confirmed through Get User; later nights ask only members not confirmed yet (or whose confirmation has
# aged: found 30 days, not found 7), so more nights show where a steady night settles. Then the day again
# (all confirmed: the gate's bookkeeping alone), and, for one size, the day at the quota. The ledger is generated
# once per size; before each repeat after the first, every table of schema `dispatch` but `schema_versions` is
# emptied (TRUNCATE) and each run gets a fresh stand-in workspace, so every repeat runs the same nights again.
# For each size: the demo ledger (dev/Loyalife.DemoLedger) fills program `demo` (Europe/Amsterdam) in a throwaway PostgreSQL;
# snapshot-service, settings-service and moengage-dispatcher (Release) start with the local Dapr sidecar,
# next to the MoEngage stand-in and a throwaway redis-server. The integration is saved through
# settings-service's admin API, runs start through the dispatcher's admin API, and the script prints a
# table and writes bench/results/<timestamp>.json. Needs: .NET SDK 10, PostgreSQL 15 server binaries,
# redis-server, curl, jq, bc.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source bench/lib.sh

lane=
if [[ ${1:-} == --lane ]]; then # the intraday lane's benchmark instead of the nights' (bench/lane.sh)
  shift; lane=1; set -- "${@:-1000000}"
fi
if [[ ${1:-} == --quota-1m ]]; then
  shift
  BENCH_QUOTA_MEMBERS=1000000
  set -- "${@:-100000 1000000}"
fi
sizes=("${@:-100000 1000000}")
read -r -a sizes <<<"${sizes[*]}"
quota_members=${BENCH_QUOTA_MEMBERS:-${sizes[0]}}
quota=60000
getuser_quota=${BENCH_GETUSER_PER_MINUTE:-0}
moengage_getuser_quota=1000

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
export PATH="${pgbin:+$pgbin:}$PATH"
for tool in initdb pg_ctl psql redis-server curl jq bc dotnet; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y postgresql redis-server curl jq bc; .NET SDK 10)"; exit 1; }
done

work=$(mktemp -d /tmp/loyalife-bench.XXXXXX)
chmod 755 "$work"
as_pg=()
if [[ $(id -u) == 0 ]]; then as_pg=(runuser -u postgres --); fi
declare -A pid_of=()

stop_pid() { # $1 pid: TERM, then KILL after 10 s
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local pid
  for pid in "${pid_of[@]}"; do stop_pid "$pid"; done
  [[ -d $work/pg ]] && "${as_pg[@]}" pg_ctl -D "$work/pg" -m immediate -w stop >/dev/null 2>&1 || true
  if [[ -n ${BENCH_EXPLAIN_MS:-} && -f $work/pg/server.log ]]; then
    mkdir -p "$root/bench/results" && cp "$work/pg/server.log" "$root/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-postgres.log"
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "interrupted"; exit 130' INT TERM

# start NAME CMD...: a background process, logging to $work/NAME.log.
start() {
  local name=$1; shift
  "$@" >"$work/$name.log" 2>&1 &
  pid_of[$name]=$!
}
# stop NAME
stop() { stop_pid "${pid_of[$1]}"; unset "pid_of[$1]"; }
# wait_http NAME URL [SECONDS]: until URL answers 2xx, or fail naming the process and showing its log.
wait_http() {
  local name=$1 url=$2 limit=${3:-60} i
  for ((i = 0; i < limit * 5; i++)); do
    curl -sf --max-time 2 -o /dev/null "$url" && return 0
    kill -0 "${pid_of[$name]}" 2>/dev/null || { echo "$name exited while starting:"; tail -20 "$work/$name.log"; exit 1; }
    sleep 0.2
  done
  echo "$name did not answer $url within $limit s:"; tail -20 "$work/$name.log"; exit 1
}
peak_rss_mb() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo null; }
cpu_seconds() { # utime+stime of a process and of its reaped children
  local ticks
  ticks=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat" 2>/dev/null || echo 0)
  echo "scale=1; $ticks / $(getconf CLK_TCK)" | bc
}

echo "== building (Release)"
for project in Loyalife.SnapshotService Loyalife.SettingsService Loyalife.MoEngageDispatcher dev/Loyalife.DaprSidecar dev/Loyalife.MoEngageStandIn dev/Loyalife.DemoLedger; do
  dotnet build -c Release -v q -nologo "$project" >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
done
bin() { echo "$root/$1/bin/Release/net10.0/$(basename "$1").dll"; }

pgport=$(free_port)
echo "== throwaway PostgreSQL on port $pgport, redis-server, MoEngage stand-in ($work)"
mkdir "$work/pg"
[[ ${#as_pg[@]} -gt 0 ]] && chown postgres "$work/pg"
"${as_pg[@]}" initdb -D "$work/pg" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
"${as_pg[@]}" pg_ctl -D "$work/pg" -l "$work/pg/server.log" -w -t 60 start -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1 \
  -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=512MB -c work_mem=64MB \
  -c maintenance_work_mem=512MB -c max_wal_size=8GB -c checkpoint_timeout=30min -c max_connections=200 \
  -c shared_preload_libraries=pg_stat_statements,auto_explain -c pg_stat_statements.track=all -c pg_stat_statements.max=1000 \
  -c auto_explain.log_min_duration=${BENCH_EXPLAIN_MS:--1} -c auto_explain.log_nested_statements=on ${lane:+-c track_commit_timestamp=on}" >/dev/null \
  || { echo "PostgreSQL did not start:"; tail -20 "$work/pg/server.log"; exit 1; }
postmaster=$(head -1 "$work/pg/postmaster.pid")
psql_() { psql -h 127.0.0.1 -p "$pgport" -U postgres "$@"; }

redisport=$(free_port)
start redis redis-server --port "$redisport" --bind 127.0.0.1 --save '' --appendonly no
for _ in $(seq 50); do redis-cli -p "$redisport" ping >/dev/null 2>&1 && break; sleep 0.2; done

# Dapr: one registry for the run, a bench components folder (the secret store only: no cron ticks).
registry="$work/dapr-registry"; mkdir -p "$registry" "$work/components"
secrets="$work/dapr-secrets.json"
cat >"$work/components/secretstore.yaml" <<YAML
apiVersion: dapr.io/v1alpha1
kind: Component
metadata:
  name: secretstore
spec:
  type: secretstores.local.file
  version: v1
  metadata:
    - name: secretsFile
      value: $secrets
    - name: nestedSeparator
      value: ":"
scopes:
  - settings-service
YAML
dapr_token=$(head -c 24 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')
app_token=$(head -c 24 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')
admin_token=$(head -c 24 /dev/urandom | base64 | tr -dc 'a-zA-Z0-9')
declare -A app_port=()

# service NAME APP-ID [ENV...]: the app plus its sidecar; the app's port is in app_port[NAME].
service() {
  local name=$1 appid=$2; shift 2
  local port http grpc
  port=${app_port[$name]:-$(free_port)}; http=$(free_port); grpc=$(free_port)
  app_port[$name]=$port
  start "$name" env ASPNETCORE_URLS="http://127.0.0.1:$port" ConnectionStrings__loyalife="$connection;Application Name=$appid" \
    DAPR_HTTP_ENDPOINT="http://127.0.0.1:$http" DAPR_GRPC_ENDPOINT="http://127.0.0.1:$grpc" \
    DAPR_API_TOKEN="$dapr_token" APP_API_TOKEN="$app_token" Admin__Token="$admin_token" \
    Logging__LogLevel__Default=Warning "$@" dotnet "$(bin "$name")"
  start "$name-dapr" env DAPR_API_TOKEN="$dapr_token" APP_API_TOKEN="$app_token" LOYALIFE_DAPR_REGISTRY="$registry" \
    dotnet "$(bin dev/Loyalife.DaprSidecar)" --app-id "$appid" --app-port "$port" --app-protocol http \
    --dapr-http-port "$http" --dapr-grpc-port "$grpc" --metrics-port 0 --resources-path "$work/components" --log-level warn
  wait_http "$name" "http://127.0.0.1:$port/health" 120
  wait_http "$name-dapr" "http://127.0.0.1:$http/v1.0/healthz" 60
}
dispatcher() { # $1 = Bulk quota per minute, $2 = Get User's (0 = unlimited)
  service Loyalife.MoEngageDispatcher moengage-dispatcher ConnectionStrings__redis="127.0.0.1:$redisport" \
    Sync__Quota__UsersPerMinute="$1" Sync__Quota__EventsPerMinute="$1" Sync__Quota__GetUsersPerMinute="$2" \
    Sync__EnabledCheckInterval=00:00:30
}
stop_service() { stop "$1-dapr"; stop "$1"; }

# workspace APPID LIMIT GETUSER: a stand-in workspace (a fresh one each time: its stats count one run) holding
# the demo's references but one in ten, its Bulk quota (null = unlimited) and Get User's (on, which
# settings-service's default unknownMembers "verify" needs; null = unlimited), and the integration pointing at it.
workspace() {
  local appid=$1 limit=$2 getuser=$3
  curl -sf --max-time 30 -X PUT -H 'content-type: application/json' "$standin/control/workspaces/$appid" -d "$(jq -n \
    --arg limit "$limit" --arg getuser "$getuser" '{dataCenter:"01", apiKey:"bench-key", customerIdPattern:"^C\\d{7}[0-8]$",
      limits:{bulkUsersPerMinute:($limit|fromjson), bulkEventsPerMinute:($limit|fromjson), trackUserPerMinute:null, createEventPerMinute:null},
      getUser:{enabled:true, usersPerMinute:($getuser|fromjson)}}')" >/dev/null \
    || { echo "stand-in refused workspace $appid"; exit 1; }
  local status
  status=$(curl -s --max-time 60 -o "$work/settings.json" -w '%{http_code}' -X PUT -H "authorization: Bearer $admin_token" \
    -H 'content-type: application/json' "http://127.0.0.1:${app_port[Loyalife.SettingsService]}/v1/programs/demo/integrations/moengage" \
    -d "{\"enabled\":true,\"appId\":\"$appid\",\"apiKey\":\"bench-key\",\"dashboardUrl\":\"https://dashboard-01.moengage.com\"}")
  [[ $status == 2* ]] || { echo "settings-service refused the integration ($status):"; cat "$work/settings.json"; exit 1; }
}

# sync_run APPID OUT [DATE]: starts a run of the business day (or DATE), polls it to the end, saves the run JSON to OUT.
sync_run() {
  local appid=$1 out=$2 date=${3:-$day} run_id status deadline
  local dispatcher_url="http://127.0.0.1:${app_port[Loyalife.MoEngageDispatcher]}"
  run_id=$(curl -sf --max-time 30 -X POST -H "authorization: Bearer $admin_token" -H 'content-type: application/json' \
    "$dispatcher_url/v1/programs/demo/sync-runs" -d "{\"businessDate\":\"$date\"}" | jq -r .runId) \
    || { echo "the dispatcher refused the run"; exit 1; }
  # Long enough for a run at the quota: twice its lower bound (members and about a fifth as many events), and 20 minutes more.
  local run_timeout=${BENCH_RUN_TIMEOUT:-$((members * 6 / 5 * 60 / quota * 2 + 1200))}
  deadline=$((SECONDS + run_timeout))
  while :; do
    sleep 1
    curl -sf --max-time 30 -H "authorization: Bearer $admin_token" -o "$out" "$dispatcher_url/v1/sync-runs/$run_id" || continue
    status=$(jq -r .status "$out")
    [[ $status == succeeded || $status == failed ]] && break
    ((SECONDS < deadline)) || { echo "run $run_id still $status after $run_timeout s (BENCH_RUN_TIMEOUT); report: $(jq -c .report "$out")"; exit 1; }
  done
  [[ $status == succeeded ]] || { echo "run $run_id failed: $(jq -r .reason "$out")"; jq .report "$out"; exit 1; }
  curl -sf --max-time 30 -o "$out.standin" "$standin/control/workspaces/$appid/stats" || echo '{}' >"$out.standin"
}

# confirmations_json RUN: what a run's existence gate did and cost, with the time its asks take at MoEngage's
# 1,000 users a minute, and its bookkeeping as a share of the run without the gate (the gate runs in line).
confirmations_json() {
  jq -c --argjson q "$moengage_getuser_quota" '.durationSeconds as $d | .report.confirmations | {
    runSeconds: $d, asked, found, notFound, calls, getUserSeconds, bookkeepingSeconds, quotaWaitSeconds: .waitSeconds,
    secondsAtMoEngageQuota: (.asked / $q * 60),
    bookkeepingShare: (.bookkeepingSeconds / ($d - .bookkeepingSeconds - .getUserSeconds))}' "$1"
}
confirmations_line() {
  confirmations_json "$1" | jq -r '"run \(.runSeconds | round) s; \(.asked) asked (\(.found) found, \(.notFound) not) in \(.calls) calls, \(.getUserSeconds | . * 10 | round / 10) s; at 1,000 a minute \(.secondsAtMoEngageQuota / 60 | round) min; bookkeeping \(.bookkeepingSeconds | . * 10 | round / 10) s (\(.bookkeepingShare * 1000 | round / 10) % of the run without the gate)"'
}

# cpu_snapshot WHEN: "name seconds" lines for every bench process and PostgreSQL (the whole cluster, summed from
# its processes) into $work/cpu.WHEN, and PostgreSQL's processes one by one into $work/pgcpu.WHEN.
cpu_snapshot() {
  local name
  postgres_cpu_snapshot >"$work/pgcpu.$1"
  { for name in "${!pid_of[@]}"; do echo "$name $(cpu_seconds "${pid_of[$name]}")"; done
    awk -v hz="$(getconf CLK_TCK)" '{ticks += $3} END {printf "postgres %.1f\n", ticks / hz}' "$work/pgcpu.$1"; } >"$work/cpu.$1"
}
cpu_delta() { # $1 before file, $2 after file → JSON {name: seconds}
  join <(sort "$1") <(sort "$2") | awk '{printf "%s %.1f\n", $1, $3 - $2}' | jq -Rn '[inputs | split(" ") | {(.[0]): (.[1]|tonumber)}] | add'
}

# postgres_cpu_snapshot: "pid role ticks" lines for PostgreSQL's processes: each child of the postmaster by its
# role (a backend by its connection's application_name, which each service's connection string sets; a
# background process by its title: checkpointer, autovacuum worker, walwriter...), and "0 reaped" for the
# postmaster itself with every child that has exited.
postgres_cpu_snapshot() {
  local names pid title role
  names=$(psql_ -d "$db" -qAtF ' ' -c "SELECT pid, coalesce(nullif(application_name, ''), 'unnamed') FROM pg_stat_activity WHERE backend_type = 'client backend'")
  echo "0 reaped $(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")"
  for pid in $(ps --ppid "$postmaster" -o pid= 2>/dev/null); do
    title=$( { tr '\0' ' ' <"/proc/$pid/cmdline"; } 2>/dev/null) || continue # gone meanwhile (ps's own child)
    role=$(awk -v p="$pid" '$1 == p {print $2}' <<<"$names")
    if [[ -z $role ]]; then # a connection opened after the names were read (its title holds its port), or PostgreSQL's own
      if [[ $title =~ \([0-9]+\) ]]; then role=backend; else role=$(sed -E 's/^postgres: //; s/ +$//; s/(autovacuum worker).*/\1/; s/ /-/g' <<<"$title"); fi
    fi
    echo "$pid $role $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)"
  done
}
# postgres_cpu_delta BEFORE AFTER → JSON {role: seconds}: what each role spent between the two snapshots. A
# process that exited in between is counted under "reaped" for what it spent after BEFORE (the postmaster
# adds a child's whole time when it reaps it, so its time at BEFORE is taken off).
postgres_cpu_delta() {
  awk -v hz="$(getconf CLK_TCK)" 'NR == FNR {before[$1] = $3; next}
    {seen[$1] = 1; spent[$2] += $3 - ($1 in before ? before[$1] : 0)}
    END {for (pid in before) if (!(pid in seen)) spent["reaped"] -= before[pid]; for (r in spent) printf "%s %.1f\n", r, spent[r] / hz}' "$1" "$2" \
    | jq -Rn '[inputs | split(" ") | {(.[0]): (.[1]|tonumber)}] | add | to_entries | sort_by(-.value) | from_entries'
}

# top_statements: the statements that took the most time since the last reset (pg_stat_statements in the throwaway
# cluster), as JSON: calls, total seconds, mean milliseconds, rows, the statement's first 160 characters.
top_statements() {
  psql_ -d "$db" -qAtc "SELECT coalesce(json_agg(s), '[]') FROM (
    SELECT calls, round((total_exec_time / 1000)::numeric, 2) AS \"totalSeconds\", round(mean_exec_time::numeric, 3) AS \"meanMs\", rows,
           left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
    FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
    ORDER BY total_exec_time DESC LIMIT ${BENCH_TOP_STATEMENTS:-10}) s"
}

# reset_dispatcher: the dispatcher's state back to before the first night (every table of schema dispatch but
# its migrations' record), so the next repeat runs the same nights again; its stand-in workspace is replaced
# by `workspace` before each run anyway.
reset_dispatcher() {
  psql_ -d "$db" -qAtc "SELECT 'TRUNCATE ' || string_agg(format('%I.%I', schemaname, tablename), ', ') || ' RESTART IDENTITY'
    FROM pg_tables WHERE schemaname = 'dispatch' AND tablename <> 'schema_versions'" | psql_ -d "$db" -q
}

# page_snapshot: pages the members and the day's events straight from snapshot-service between two CPU snapshots
# (cpu_snapshot before, after); prints "members seconds events seconds".
page_snapshot() {
  local members msecs events esecs
  cpu_snapshot before
  read -r members msecs < <(page_through "$snapshot/members" "$app_token" "$work/page.json")
  read -r events esecs < <(page_through "$snapshot/events" "$app_token" "$work/page.json")
  cpu_snapshot after
  echo "$members $msecs $events $esecs"
}

# measure REPEAT: one repeat of a size's measured steps (snapshot paging with PostgreSQL's CPU, the summary, the
# anomalies, the floor, the nights with the measured one end to end, the day again); prints them and appends
# their figures as one JSON line to $work/repeats-<members>.jsonl (the run JSONs stay as $work/*-<members>-REPEAT.json).
measure() {
  local r=$1 tag=""
  ((repeats > 1)) && tag="[$r/$repeats] "
  # Snapshot paging straight from snapshot-service (the floor under the dispatcher's fetch).
  read -r mrows msecs erows esecs < <(page_snapshot)
  local paging_cpu paging_pg ssecs asecs floor_members floor_events t
  paging_cpu=$(cpu_delta "$work/cpu.before" "$work/cpu.after")
  paging_pg=$(postgres_cpu_delta "$work/pgcpu.before" "$work/pgcpu.after")
  t=$(date +%s.%N)
  curl -sf --max-time 300 -H "dapr-api-token: $app_token" -o "$work/summary.json" "$snapshot/summary" || { echo "the summary failed"; exit 1; }
  ssecs=$(echo "$(date +%s.%N) - $t" | bc)
  # The ledger anomalies, which no run waits for (snapshot-service counts them apart from the summary).
  t=$(date +%s.%N)
  curl -sf --max-time 300 -H "dapr-api-token: $app_token" -o "$work/anomalies.json" "$snapshot/anomalies" || { echo "the anomalies failed"; exit 1; }
  asecs=$(echo "$(date +%s.%N) - $t" | bc)
  echo "   ${tag}snapshot paging: $mrows members in $(printf %.1f "$msecs") s, $erows events in $(printf %.1f "$esecs") s; summary in $(printf %.1f "$ssecs") s, anomalies in $(printf %.1f "$asecs") s (load $(cut -d' ' -f1-3 /proc/loadavg))"
  # The floor: PostgreSQL's own time for the same aggregates over the whole program, in this run.
  floor_members=$(psql_ -d "$db" -At -f <(floor_members_sql demo Europe/Amsterdam "$day") | execution_seconds)
  floor_events=$(psql_ -d "$db" -At -f <(floor_events_sql demo Europe/Amsterdam "$day") | execution_seconds)
  echo "   ${tag}PostgreSQL's own time for the same aggregates: members $floor_members s, events $floor_events s; paging ÷ floor $(echo "scale=2; ($msecs + $esecs) / ($floor_members + $floor_events)" | bc)"

  # The nights before the day, oldest first: on the first everyone with events is asked about.
  local n night run="$work/run-$members-$r.json" again="$work/again-$members-$r.json" cpu statements
  for ((n = 1; n < nights; n++)); do
    night=$(date -d "$day -$((nights - n)) day" +%F)
    workspace "BENCH-$members" null "$getuser_limit"
    sync_run "BENCH-$members" "$work/night-$n-$members-$r.json" "$night"
    echo "   ${tag}night $n ($night): $(confirmations_line "$work/night-$n-$members-$r.json")"
  done
  # Then the day itself, end to end: the run the figures below describe.
  workspace "BENCH-$members" null "$getuser_limit"
  psql_ -d "$db" -qAtc "SELECT pg_stat_statements_reset()" >/dev/null
  cpu_snapshot before
  sync_run "BENCH-$members" "$run"
  cpu_snapshot after
  local run_pg
  run_pg=$(postgres_cpu_delta "$work/pgcpu.before" "$work/pgcpu.after")
  statements=$(top_statements)
  echo "   ${tag}the night's timeline (seconds from its start: phase, time in it):"
  jq -r 'def t: capture("^(?<s>[0-9T:-]+)(?<f>\\.[0-9]+)?") | (.s + "Z" | fromdateiso8601) + ((.f // "0") | tonumber);
    (.report.timeline[0].startedAt | t) as $t0 | .report.timeline[] | "     \((.startedAt | t) - $t0 | . * 10 | round / 10)–\((.endedAt | t) - $t0 | . * 10 | round / 10) s \(.phase): \(.seconds | . * 10 | round / 10) s\(if .stretches > 1 then " in \(.stretches) stretches" else "" end)"' \
    "$run"
  echo "   ${tag}PostgreSQL's statements of that night, by total time:"
  jq -r '.[] | "     \(.totalSeconds | . * 10 | round / 10) s in \(.calls) calls (mean \(.meanMs | . * 100 | round / 100) ms, \(.rows) rows): \(.query)"' <<<"$statements"
  cpu=$(cpu_delta "$work/cpu.before" "$work/cpu.after")
  echo "   ${tag}end to end (unlimited): $(jq -r '.durationSeconds | . * 10 | round / 10' "$run") s = $(echo "scale=2; $(jq .durationSeconds "$run") / ($msecs + $esecs)" | bc) × paging alone; PostgreSQL CPU $(jq .postgres <<<"$cpu") s = $(echo "scale=2; $(jq .postgres <<<"$cpu") / $(jq .postgres <<<"$paging_cpu")" | bc) × paging's ($(jq .postgres <<<"$paging_cpu") s)"
  echo "   ${tag}PostgreSQL CPU by whom, paging: $(jq -r 'to_entries | map("\(.key) \(.value)") | join(", ")' <<<"$paging_pg"); the night: $(jq -r 'to_entries | map("\(.key) \(.value)") | join(", ")' <<<"$run_pg")"
  echo "   ${tag}night $nights: $(confirmations_line "$run")"
  # The day once more: everyone with events is confirmed now, so the gate costs only its bookkeeping.
  workspace "BENCH-$members" null "$getuser_limit"
  sync_run "BENCH-$members" "$again"
  echo "   ${tag}the day again (all confirmed): $(confirmations_line "$again")"

  jq -nc --argjson repeat "$r" --arg load "$(cut -d' ' -f1-3 /proc/loadavg)" \
    --argjson mrows "$mrows" --argjson msecs "$msecs" --argjson erows "$erows" --argjson esecs "$esecs" \
    --argjson ssecs "$ssecs" --argjson asecs "$asecs" --argjson floorMembers "$floor_members" --argjson floorEvents "$floor_events" \
    --argjson pagingCpu "$paging_cpu" --argjson cpu "$cpu" --argjson statements "$statements" \
    --argjson pagingPg "$paging_pg" --argjson runPg "$run_pg" \
    --argjson nights "$( { for ((n = 1; n < nights; n++)); do confirmations_json "$work/night-$n-$members-$r.json"; done
      confirmations_json "$run"; } | jq -cs .)" --argjson againConfirmations "$(confirmations_json "$again")" \
    --slurpfile run "$run" --slurpfile again "$again" --slurpfile stats "$run.standin" '
    ($run[0]) as $r | {
      repeat: $repeat, loadAverage: $load,
      membersRows: $mrows, membersSeconds: $msecs, eventsRows: $erows, eventsSeconds: $esecs, pagingSeconds: ($msecs + $esecs),
      summarySeconds: $ssecs, anomaliesSeconds: $asecs,
      floorMembersSeconds: $floorMembers, floorEventsSeconds: $floorEvents, floorSeconds: ($floorMembers + $floorEvents),
      pagingFloorRatio: (($msecs + $esecs) / ($floorMembers + $floorEvents)),
      endToEndSeconds: $r.durationSeconds, nightOverPaging: ($r.durationSeconds / ($msecs + $esecs)),
      postgresCpuDuringPaging: $pagingCpu.postgres, postgresCpuDuringRun: $cpu.postgres,
      postgresCpuOverPaging: (if $pagingCpu.postgres > 0 then $cpu.postgres / $pagingCpu.postgres else null end),
      sameDayAgainSeconds: $again[0].durationSeconds,
      cpuSecondsDuringPaging: $pagingCpu, cpuSecondsDuringRun: $cpu, topStatements: $statements,
      postgresCpuByRoleDuringPaging: $pagingPg, postgresCpuByRoleDuringRun: $runPg,
      timeline: $r.report.timeline, confirmations: {nights: $nights, sameDayAgain: $againConfirmations},
      report: $r.report, standIn: $stats[0]}' >>"$work/repeats-$members.jsonl"
}

now=$(date -u +%FT%TZ)
day=$(TZ=Europe/Amsterdam date -d "$now -1 day" +%F)
nights=${BENCH_NIGHTS:-2}
repeats=${BENCH_REPEAT:-2}
asof=$(date -u -d "TZ=\"Europe/Amsterdam\" $(TZ=Europe/Amsterdam date -d "$now" +%F) 00:00" +%FT%TZ)
day_start=$(date -u -d "TZ=\"Europe/Amsterdam\" $day 00:00" +%FT%TZ)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
bench_start=$SECONDS
echo "== now $now; business date $day of program demo; machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $load_start"

if [[ -n $lane ]]; then source bench/lane.sh; exit 0; fi
results="$work/results.jsonl"
for members in "${sizes[@]}"; do
  echo "== $members members"
  db="bench_$members"
  psql_ -qc "CREATE DATABASE $db"
  psql_ -d "$db" -qc "CREATE EXTENSION pg_stat_statements"
  connection="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=$db"
  t=$(date +%s.%N)
  dotnet "$(bin dev/Loyalife.DemoLedger)" --Demo:Members "$members" --Demo:Programs demo --Demo:Now "$now" \
    --ConnectionStrings:loyalife "$connection" >"$work/generate.log" 2>&1 \
    || { echo "generation failed:"; tail -20 "$work/generate.log"; exit 1; }
  generate_s=$(echo "$(date +%s.%N) - $t" | bc)
  # The generator leaves gigabytes of dirty buffers (its rows, then VACUUM's hint bits): written now, they are
  # not written during the first measured step by whichever process evicts them, nor by a checkpoint spread over it.
  psql_ -d "$db" -qc "CHECKPOINT"
  ledger_rows=$(psql_ -d "$db" -Atc "SELECT count(*) FROM loyalty.point_entries")
  active=$(psql_ -d "$db" -Atc "SELECT count(DISTINCT member_id) FROM loyalty.point_entries
    WHERE program_id = 'demo' AND occurred_at >= '$day_start' AND occurred_at < '$asof'")
  echo "   generated in $(printf %.0f "$generate_s") s ($ledger_rows ledger rows, $active members with ledger rows on $day)"

  standin_port=$(free_port); standin="http://127.0.0.1:$standin_port"
  start standin env ASPNETCORE_URLS="$standin" Logging__LogLevel__Default=Warning dotnet "$(bin dev/Loyalife.MoEngageStandIn)"
  wait_http standin "$standin/" 60
  unset 'app_port[Loyalife.MoEngageDispatcher]'
  service Loyalife.SnapshotService snapshot-service
  service Loyalife.SettingsService settings-service SecretStore__Kind=LocalFile SecretStore__FilePath="$secrets" \
    MoEngage__ApiBaseUrl="$standin/dc/{dc}"
  dispatcher 0 "$getuser_quota"

  snapshot="http://127.0.0.1:${app_port[Loyalife.SnapshotService]}/v1/programs/demo/snapshots/$day"
  getuser_limit=$( ((getuser_quota > 0)) && echo "$getuser_quota" || echo null)
  # One untimed pass first: the first read of a freshly generated ledger loads it into PostgreSQL's buffers
  # (and the service's connections) and cost 54 CPU seconds at 1,000,000 members where the next cost 34, so
  # repeat 1 would measure the generation's aftermath, not the steady state every later step and night meets.
  read -r wrows wmsecs _ wesecs < <(page_snapshot)
  echo "   warm-up (not measured): $wrows members in $(printf %.1f "$wmsecs") s, events in $(printf %.1f "$wesecs") s; PostgreSQL CPU $(cpu_delta "$work/cpu.before" "$work/cpu.after" | jq .postgres) s"
  for ((repeat = 1; repeat <= repeats; repeat++)); do
    ((repeat == 1)) || reset_dispatcher
    measure "$repeat"
  done

  # Peak RSS now, before the quota case replaces the dispatcher.
  rss=$(for name in Loyalife.SnapshotService Loyalife.SettingsService Loyalife.MoEngageDispatcher standin \
      Loyalife.SnapshotService-dapr Loyalife.SettingsService-dapr Loyalife.MoEngageDispatcher-dapr; do
      echo "$name $(peak_rss_mb "${pid_of[$name]}")"; done | jq -Rn '[inputs | split(" ") | {(.[0]): (.[1]|tonumber)}] | add')

  quota_json=null
  if [[ $members == "$quota_members" ]]; then
    stop_service Loyalife.MoEngageDispatcher
    dispatcher "$quota" "$moengage_getuser_quota"
    # The same workspace again, as a steady night at MoEngage's quotas: its members are confirmed already.
    workspace "BENCH-$members" "$quota" "$moengage_getuser_quota"
    echo "   end to end at the quota ($quota users/min, $quota events/min): running (at least $((members * 60 / quota)) s)"
    sync_run "BENCH-$members" "$work/quota-$members.json"
    quota_json=$(jq --argjson quota "$quota" '{members: .report.membersSent, events: ([.report.eventsSent[]] | add // 0),
        seconds: .durationSeconds, lowerBoundSeconds: (.report.membersSent / $quota * 60),
        ratio: (.durationSeconds / (.report.membersSent / $quota * 60)),
        windowBoundSeconds: (((.report.membersSent - 1) / $quota | floor) * 62),
        lowerBoundBothSeconds: ((.report.membersSent + ([.report.eventsSent[]] | add // 0)) / $quota * 60),
        pacingWaitSeconds: .report.pacingWaitSeconds, rateLimitWaits: .report.rateLimitWaits,
        confirmationsAsked: .report.confirmations.asked, getUserSeconds: .report.confirmations.getUserSeconds,
        rateLimited: (input.rateLimited // null)}' "$work/quota-$members.json" "$work/quota-$members.json.standin")
    echo "   end to end at the quota: $(jq -r '"\(.seconds | round) s, ratio \(.ratio * 100 | round / 100) to members ÷ quota"' <<<"$quota_json")"
  fi

  # The size's figures: each measured one as the median of its repeats, with the spread (median, min, max)
  # of each; the ratios are taken per repeat first. Counts, statements and timeline are the last repeat's.
  jq -s --argjson members "$members" --argjson ledger "$ledger_rows" --argjson active "$active" --argjson gen "$generate_s" \
    --argjson rss "$rss" --argjson quota "$quota_json" '
    def median: sort | if length % 2 == 1 then .[length / 2 | floor] else (.[length / 2 - 1] + .[length / 2]) / 2 * 1000 | round / 1000 end;
    def spread: map(select(. != null)) | if length == 0 then null else {median: median, min: min, max: max} end;
    def medians: (map(keys[]) | unique) as $names | . as $all | [$names[] as $n | {($n): ($all | map(.[$n] // empty) | median)}] | add;
    . as $repeats | (.[-1]) as $last | $last.report as $r |
    (["membersSeconds", "eventsSeconds", "pagingSeconds", "postgresCpuDuringPaging", "summarySeconds", "anomaliesSeconds",
      "floorMembersSeconds", "floorEventsSeconds", "floorSeconds", "pagingFloorRatio", "endToEndSeconds", "postgresCpuDuringRun",
      "nightOverPaging", "postgresCpuOverPaging", "sameDayAgainSeconds"]
     | map(. as $k | {($k): ($repeats | map(.[$k]) | spread)}) | add) as $s | {
      repeats: length, spread: $s, perRepeat: map(del(.report, .standIn)),
      confirmations: $last.confirmations,
      members: $members, ledgerRows: $ledger, activeMembers: $active, generateSeconds: $gen,
      snapshot: {members: $last.membersRows, membersSeconds: $s.membersSeconds.median, membersPerSecond: ($last.membersRows / $s.membersSeconds.median),
                 events: $last.eventsRows, eventsSeconds: $s.eventsSeconds.median,
                 eventsPerSecond: (if $s.eventsSeconds.median > 0 then $last.eventsRows / $s.eventsSeconds.median else null end)},
      summarySeconds: $s.summarySeconds.median, anomaliesSeconds: $s.anomaliesSeconds.median, loadAverage: (map(.loadAverage) | join("; ")),
      floor: {membersSeconds: $s.floorMembersSeconds.median, eventsSeconds: $s.floorEventsSeconds.median, seconds: $s.floorSeconds.median,
              pagingRatio: $s.pagingFloorRatio.median},
      unlimited: {seconds: $s.endToEndSeconds.median, membersSent: $r.membersSent, eventsSent: ([$r.eventsSent[]] | add // 0),
                  membersSkipped: $r.membersSkipped, requests: $r.requests, retries: $r.retries,
                  bodies: $r.bodies, bytesPerBody: (if $r.bodies > 0 then $r.bodyBytes / $r.bodies else null end),
                  bodyFillPercent: $r.averageBodyFillPercent,
                  elementsPerSecond: (($r.membersSent + ([$r.eventsSent[]] | add // 0)) / $s.endToEndSeconds.median),
                  standIn: $last.standIn},
      nightOverPaging: $s.nightOverPaging.median, postgresCpuOverPaging: $s.postgresCpuOverPaging.median,
      cpuSecondsDuringRun: (map(.cpuSecondsDuringRun) | medians), cpuSecondsDuringPaging: (map(.cpuSecondsDuringPaging) | medians),
      topStatements: $last.topStatements, timeline: $last.timeline, quota: $quota, peakRssMb: $rss}' "$work/repeats-$members.jsonl" >>"$results"

  for name in Loyalife.MoEngageDispatcher Loyalife.SettingsService Loyalife.SnapshotService; do stop_service "$name"; done
  stop standin
  psql_ -qc "DROP DATABASE $db"
done

mkdir -p bench/results
file="bench/results/$(date -u +%Y%m%dT%H%M%SZ).json"
jq -s --arg now "$now" --arg day "$day" --arg loadStart "$load_start" --arg loadEnd "$(cut -d' ' -f1-3 /proc/loadavg)" \
  --arg cores "$(nproc)" --arg mem "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)" \
  --arg os "$(. /etc/os-release && echo "$PRETTY_NAME")" --argjson wall "$((SECONDS - bench_start))" --argjson quota "$quota" --argjson getUser "$getuser_quota" '
  {machine: {cores: ($cores|tonumber), memory: $mem, os: $os, loadAverageAtStart: $loadStart, loadAverageAtEnd: $loadEnd},
   generatedAt: $now, businessDate: $day, quotaPerMinute: $quota, getUserPerMinuteUnlimitedNights: $getUser, wallSeconds: $wall, sizes: .,
   growth: (if length > 1 then (.[0]) as $a | (.[-1]) as $b | {
     members: ($b.members / $a.members), snapshotMembersSeconds: ($b.snapshot.membersSeconds / $a.snapshot.membersSeconds),
     snapshotEventsSeconds: ($b.snapshot.eventsSeconds / $a.snapshot.eventsSeconds),
     endToEndSeconds: ($b.unlimited.seconds / $a.unlimited.seconds),
     summarySeconds: ($b.summarySeconds / $a.summarySeconds), floorSeconds: ($b.floor.seconds / $a.floor.seconds)}
   else null end)}' "$results" >"$file"

bench/report.sh "$file"
echo "saved $file (wall $((SECONDS - bench_start)) s)"
