# The intraday lane's benchmark, sourced by `bench/run.sh --lane [members]` (default 1,000,000) once run.sh has
# built the services and started the throwaway PostgreSQL (with track_commit_timestamp, so every row's commit
# instant is known) and redis-server. A person runs it on purpose; it takes 35 to 90 minutes (see the close below).
#   BENCH_LANE_MINUTES=24            the writer's window at least, in minutes; the day closes at the first real
#                                    local midnight after it (below)
#   BENCH_LANE_FIRST=5               intradayMinutes in the window's first half; the second half runs at 1
#   BENCH_LANE_ROWS_PER_MINUTE=      the steady rate; default the demo ledger's day (about 0.17 events a member) spread
#                                    evenly: 118 a minute at 1,000,000 members
#   BENCH_LANE_BURST=                rows committed at once, once in each half (a pass with many new rows); default
#                                    one for every 100 members
# What happens, for program `demo` of the demo ledger:
# - The day must close for real so that its night runs: the program is moved to the fixed-offset time zone whose
#   next local midnight is the first one after the window (the ledger's history keeps its instants). The day before
#   is not synced yet, so the first tick runs that night while the writer already writes: the lane waits for it.
# - A writer commits accruals for random members every 5 s, each transaction held open 0–8 s, so transactions
#   commit out of id and time order; one burst in each half; in the second half a 3-minute stretch without rows,
#   so that some passes find nothing new. The services, stand-in and quotas are as in the nightly benchmark
#   (stand-in and Get User unlimited, Get User's time at MoEngage's 1,000 a minute computed); only `intraday-tick`
#   ticks (components/intraday-tick.yaml), and the night of the closed day runs on the first tick after the close.
# - Measured: the delay from each written row's commit (pg_xact_commit_timestamp) to the dispatcher's record of
#   MoEngage accepting its event (dispatch.intraday_events.accepted_at), per half; every pass's members, events and
#   PostgreSQL time (pg_stat_statements of the services' statements outside the dispatch schema, sampled each
#   second and taken between the pass's start and end); the Get User asks the passes spent; the night after the day
#   (its time, the events the lane had sent, what it sent itself); and every event id at the stand-in exactly once.
members=${sizes[0]}
window_min=${BENCH_LANE_MINUTES:-24}
first_minutes=${BENCH_LANE_FIRST:-5}
rate=${BENCH_LANE_ROWS_PER_MINUTE:-$(( (members * 170 / 1000 + 1439) / 1440 ))}
burst=${BENCH_LANE_BURST:-$(( (members + 99) / 100 ))}
appid=BENCH-LANE
db=bench_lane
psql_ -qc "CREATE DATABASE $db"
psql_ -d "$db" -qc "CREATE EXTENSION pg_stat_statements; CREATE ROLE lane_writer LOGIN SUPERUSER"
connection="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=$db"
writer_() { psql -h 127.0.0.1 -p "$pgport" -U lane_writer -d "$db" -qAt "$@"; }

echo "== $members members, intraday lane"
t=$(date +%s.%N)
dotnet "$(bin dev/Loyalife.DemoLedger)" --Demo:Members "$members" --Demo:Programs demo --Demo:Now "$now" \
  --ConnectionStrings:loyalife "$connection" >"$work/generate.log" 2>&1 || { echo "generation failed:"; tail -20 "$work/generate.log"; exit 1; }
echo "   generated in $(printf %.0f "$(echo "$(date +%s.%N) - $t" | bc)") s"

# The zone: fixed offsets (no change of offset in the coming hours), whole hours and the odd ones.
zones=(Asia/Tehran Asia/Kabul Asia/Kolkata Asia/Kathmandu Asia/Yangon Australia/Eucla Australia/Darwin Pacific/Marquesas America/St_Johns)
for h in $(seq -12 14); do zones+=("Etc/GMT$( ((h > 0)) && echo "-$h" || echo "+$((-h))")"); done
earliest=$(($(date +%s) + 60 + window_min * 60)) close=
for z in "${zones[@]}"; do
  local_day=$(TZ=$z date -d "@$earliest" +%F)
  c=$(date -d "TZ=\"$z\" $(date -d "$local_day +1 day" +%F) 00:00" +%s)
  if [[ -z $close ]] || ((c < close)); then close=$c zone=$z; fi
done
day=$(TZ=$zone date -d "@$((close - 1))" +%F)
psql_ -d "$db" -qc "UPDATE loyalty.programs SET time_zone = '$zone' WHERE program_id = 'demo'"
echo "   program demo moved to $zone: its day $day closes at $(date -u -d "@$close" +%T) UTC"

cp components/intraday-tick.yaml "$work/components/" # the minute tick exactly as deployed
standin_port=$(free_port); standin="http://127.0.0.1:$standin_port"
start standin env ASPNETCORE_URLS="$standin" Logging__LogLevel__Default=Warning dotnet "$(bin dev/Loyalife.MoEngageStandIn)"
wait_http standin "$standin/" 60
service Loyalife.SnapshotService snapshot-service
service Loyalife.SettingsService settings-service SecretStore__Kind=LocalFile SecretStore__FilePath="$secrets" \
  MoEngage__ApiBaseUrl="$standin/dc/{dc}"
service Loyalife.MoEngageDispatcher moengage-dispatcher ConnectionStrings__redis="127.0.0.1:$redisport" \
  Sync__Quota__UsersPerMinute=0 Sync__Quota__EventsPerMinute=0 Sync__Quota__GetUsersPerMinute=0 \
  Sync__EnabledCheckInterval=00:00:30 Sync__MaxCatchUpDays=1
settings="http://127.0.0.1:${app_port[Loyalife.SettingsService]}/v1/programs/demo/integrations/moengage"
dispatcher_url="http://127.0.0.1:${app_port[Loyalife.MoEngageDispatcher]}"
lane_minutes() { # $1 = intradayMinutes (the rest of the integration as saved)
  curl -sf --max-time 60 -o /dev/null -X PUT -H "authorization: Bearer $admin_token" -H 'content-type: application/json' "$settings" \
    -d "{\"enabled\":true,\"appId\":\"$appid\",\"apiKey\":\"bench-key\",\"dashboardUrl\":\"https://dashboard-01.moengage.com\",\"intradayMinutes\":$1}" \
    || { echo "settings-service refused intradayMinutes $1"; exit 1; }
}

# The writer: every 5 s one transaction of rate/12 accruals, open 0–8 s; lane.quiet pauses it, lane.stop ends it.
psql_ -d "$db" -qc "CREATE SEQUENCE lane_ids START $(($(psql_ -d "$db" -Atc "SELECT max(entry_id) FROM loyalty.point_entries") + 1000000))"
first_id=$(psql_ -d "$db" -Atc "SELECT last_value FROM lane_ids")
accruals() { # $1 = rows; $2 = seconds the transaction stays open
  echo "BEGIN; INSERT INTO loyalty.point_entries (entry_id, program_id, member_id, occurred_at, entry_type, points, expires_at,
      transaction_id, transaction_amount, currency, channel)
    SELECT nextval('lane_ids'), 'demo', 'M' || lpad((1 + floor(random() * $members))::int::text, 8, '0'), clock_timestamp(),
      'accrual', 10 * (1 + floor(random() * 30))::int, clock_timestamp() + interval '365 days',
      'LANE-' || txid_current() || '-' || g, round((random() * 200)::numeric, 2), 'EUR', 'store'
    FROM generate_series(1, $1) g; SELECT pg_sleep($2); COMMIT;"
}
writer() {
  local k=$(( (rate + 11) / 12 ))
  until [[ -e $work/lane.stop ]]; do
    [[ -e $work/lane.quiet ]] || writer_ -c "$(accruals "$k" "$((RANDOM % 9))")" >/dev/null &
    sleep 5
  done
  wait
}
# The sampler: the services' PostgreSQL time so far outside the dispatch schema, each second (epoch, milliseconds).
sampler() {
  until [[ -e $work/lane.stop ]]; do
    writer_ -c "SELECT extract(epoch FROM clock_timestamp()), coalesce(sum(total_exec_time), 0) FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND userid = 'postgres'::regrole
        AND query NOT ILIKE '%dispatch.%'" | tr '|' '\t' >>"$work/samples.tsv"
    sleep 1
  done
}

curl -sf --max-time 30 -X PUT -H 'content-type: application/json' "$standin/control/workspaces/$appid" -d '{"dataCenter":"01",
  "apiKey":"bench-key","customerIdPattern":"^C\\d{7}[0-8]$","limits":{"bulkUsersPerMinute":null,"bulkEventsPerMinute":null,
  "trackUserPerMinute":null,"createEventPerMinute":null},"getUser":{"enabled":true,"usersPerMinute":null}}' >/dev/null \
  || { echo "stand-in refused workspace $appid"; exit 1; }
start_s=$(date +%s)
switch=$(( start_s + (close - start_s) / 2 ))
lane_minutes "$first_minutes"
start writer writer
start sampler sampler
echo "   lane on at $(date -u +%T) (intradayMinutes $first_minutes, then 1 from $(date -u -d "@$switch" +%T)); writing $rate rows a minute"
burst_at() { # $1 = epoch second: waits for it and commits a burst
  sleep $(( $1 - $(date +%s) > 0 ? $1 - $(date +%s) : 0 ))
  writer_ -c "$(accruals "$burst" 0)" >/dev/null
  echo "   $(date -u +%T) burst of $burst rows"
}
burst_at $(( start_s + (switch - start_s) / 2 ))
sleep $(( switch - $(date +%s) > 0 ? switch - $(date +%s) : 0 ))
lane_minutes 1
switched_at=$(date -u +%FT%T.%NZ)
echo "   $(date -u +%T) intradayMinutes 1"
burst_at $(( switch + (close - switch) / 4 ))
quiet=$(( switch + (close - switch) / 2 ))
sleep $(( quiet - $(date +%s) > 0 ? quiet - $(date +%s) : 0 ))
touch "$work/lane.quiet"; quiet_from=$(date -u +%FT%TZ); sleep 180; rm "$work/lane.quiet"; quiet_to=$(date -u +%FT%TZ)
echo "   no rows from $quiet_from to $quiet_to"
sleep $(( close - $(date +%s) > 0 ? close - $(date +%s) : 0 ))
touch "$work/lane.stop"; stop writer
echo "   $(date -u +%T) the day closed; waiting for its night"
deadline=$((SECONDS + 1800))
while :; do
  read -r status reason < <(psql_ -d "$db" -Atc "SELECT status, reason FROM dispatch.sync_runs
    WHERE program_id = 'demo' AND from_date = '$day' AND NOT dry_run ORDER BY requested_at DESC LIMIT 1" | tr '|' ' ') || true # no row yet
  [[ $status == succeeded ]] && break
  [[ $status == held ]] && { echo "the night of $day is held ($reason): the figures below have no night after the day"; break; }
  ((SECONDS < deadline)) || { echo "the night of $day is still ${status:-not started} after 30 minutes"; exit 1; }
  sleep 5
done
stop sampler
psql_ -d "$db" -qc "CREATE TABLE lane_samples (at double precision, ms double precision)" \
  -c "\\copy lane_samples FROM '$work/samples.tsv'"

source bench/lane-report.sh
