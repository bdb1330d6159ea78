# The intraday lane benchmark's figures (sourced by bench/lane.sh once the night after the day has succeeded):
# printed, and saved as bench/results/<timestamp>-lane.json.
q() { psql_ -d "$db" -qAtc "$1"; }
night_before_end=$(q "SELECT coalesce(max(finished_at), '-infinity') FROM dispatch.sync_runs
  WHERE program_id = 'demo' AND NOT dry_run AND from_date < '$day'")

# Each written row: its commit, and when MoEngage accepted its event from a pass (null: the lane did not send it).
delays=$(q "WITH w AS (
    SELECT pg_xact_commit_timestamp(pe.xmin) AS committed_at, pe.occurred_at, ie.accepted_at
    FROM loyalty.point_entries pe
    LEFT JOIN dispatch.intraday_events ie ON ie.program_id = 'demo' AND ie.business_date = '$day' AND ie.event_id = 'pe-' || pe.entry_id
    WHERE pe.program_id = 'demo' AND pe.entry_id >= $first_id)
  SELECT coalesce(json_agg(x ORDER BY x.part), '[]') FROM (
    SELECT CASE WHEN committed_at < '$night_before_end' THEN '1 while the night before ran'
                WHEN committed_at < '$switched_at' THEN '2 intradayMinutes $first_minutes'
                WHEN occurred_at < '$(date -u -d "@$close" +%FT%TZ)' THEN '3 intradayMinutes 1'
                ELSE '4 after the close' END AS part,
      count(*) AS rows, count(accepted_at) AS \"byLane\",
      round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - committed_at))::numeric, 1) AS \"medianSeconds\",
      round(percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM accepted_at - committed_at))::numeric, 1) AS \"p95Seconds\",
      round(max(extract(epoch FROM accepted_at - committed_at))::numeric, 1) AS \"worstSeconds\"
    FROM w GROUP BY 1) x")

# Each pass of the day: what it carried and the services' PostgreSQL time between its start and end.
passes=$(q "SELECT coalesce(json_agg(x ORDER BY x.\"startedAt\"), '[]') FROM (
  SELECT p.started_at AS \"startedAt\", round(extract(epoch FROM p.finished_at - p.started_at)::numeric, 1) AS seconds, p.status,
    (p.report ->> 'membersSent')::bigint AS members,
    (SELECT coalesce(sum(value::bigint), 0) FROM jsonb_each_text(p.report -> 'eventsSent')) AS events,
    (SELECT coalesce(sum(value::bigint), 0) FROM jsonb_each_text(p.report -> 'eventsHeldBack')) AS \"heldBack\",
    coalesce((p.report -> 'confirmations' ->> 'asked')::bigint, 0) AS asked,
    round((((SELECT ms FROM lane_samples WHERE at <= extract(epoch FROM p.finished_at) + 1 ORDER BY at DESC LIMIT 1)
      - (SELECT ms FROM lane_samples WHERE at <= extract(epoch FROM p.started_at) ORDER BY at DESC LIMIT 1)) / 1000)::numeric, 2)
      AS \"postgresSeconds\"
  FROM dispatch.intraday_passes p WHERE p.program_id = 'demo' AND p.business_date = '$day') x")

nights=$(q "SELECT coalesce(json_agg(x ORDER BY x.date), '[]') FROM (
  SELECT from_date AS date, round(extract(epoch FROM finished_at - started_at)::numeric, 1) AS seconds,
    (report ->> 'membersSent')::bigint AS members, coalesce((report ->> 'membersLeftToIntradayLane')::bigint, 0) AS \"membersLeftToLane\",
    (SELECT coalesce(sum(value::bigint), 0) FROM jsonb_each_text(report -> 'eventsSent')) AS events,
    coalesce((report ->> 'eventsSentByIntradayLane')::bigint, 0) AS \"eventsSentByLane\",
    coalesce((report -> 'confirmations' ->> 'asked')::bigint, 0) AS asked
  FROM dispatch.sync_runs WHERE program_id = 'demo' AND NOT dry_run AND status = 'succeeded') x")

# At the stand-in: every earned event once, and where the written rows' events came from.
curl -sf --max-time 300 -o "$work/earned.json" "$standin/control/workspaces/$appid/events?name=loyalty_points_earned" \
  || { echo "the stand-in's events did not come"; exit 1; }
jq -r '.[].attributes.loyalife_event_id' "$work/earned.json" | sort >"$work/earned.ids"
duplicates=$(uniq -d "$work/earned.ids" | wc -l)
written_at_moengage=$(awk -F- -v first="$first_id" '$1 == "pe" && $2 >= first' "$work/earned.ids" | sort -u | wc -l)
written=$(q "SELECT count(*) FROM loyalty.point_entries WHERE entry_id >= $first_id")
by_lane=$(q "SELECT count(*) FROM dispatch.intraday_events WHERE program_id = 'demo' AND business_date = '$day'
  AND CASE WHEN event_id LIKE 'pe-%' THEN substr(event_id, 4)::bigint END >= $first_id")

echo "   written rows: $written; at MoEngage $written_at_moengage (the lane sent $by_lane, the night $((written_at_moengage - by_lane)));" \
  "the rest belong to members without a sendable reference or whom MoEngage does not hold; earned event ids at MoEngage more than once: $duplicates"
echo "   delay from a row's commit to MoEngage accepting its event from a pass (rows the lane sent):"
jq -r '.[] | "     \(.part[2:]): \(.rows) rows, \(.byLane) by the lane; median \(.medianSeconds) s, p95 \(.p95Seconds) s, worst \(.worstSeconds) s"' <<<"$delays"
echo "   passes of $day (minutes from the first: seconds, members, events, held back, Get User asks, PostgreSQL):"
jq -r '(.[0].startedAt | .[0:19] + "Z" | fromdateiso8601) as $t0 | .[] |
  "     +\(((.startedAt | .[0:19] + "Z" | fromdateiso8601) - $t0) / 60 | . * 10 | round / 10) min \(.status): \(.seconds) s, \(.members) members, \(.events) events, \(.heldBack) held back, \(.asked) asked; PostgreSQL \(.postgresSeconds) s"' <<<"$passes"
echo "   nights (seconds, members, members left to the lane, events sent, events the lane had sent, Get User asks):"
jq -r '.[] | "     \(.date): \(.seconds) s, \(.members) members (\(.membersLeftToLane) left to the lane), \(.events) events (the lane had sent \(.eventsSentByLane)), \(.asked) asked"' <<<"$nights"
asked=$(jq '[.[].asked] | add // 0' <<<"$passes")
echo "   Get User asks of the passes: $asked; at MoEngage's 1,000 a minute $(echo "scale=1; $asked / 1000" | bc) min (the largest pass: $(jq '[.[].asked] | max // 0' <<<"$passes"))"

mkdir -p bench/results
file="bench/results/$(date -u +%Y%m%dT%H%M%SZ)-lane.json"
jq -n --argjson members "$members" --arg zone "$zone" --arg day "$day" --arg close "$(date -u -d "@$close" +%FT%TZ)" \
  --arg switchedAt "$switched_at" --arg quietFrom "$quiet_from" --arg quietTo "$quiet_to" --argjson rate "$rate" --argjson burst "$burst" \
  --argjson firstMinutes "$first_minutes" --argjson written "$written" --argjson atMoEngage "$written_at_moengage" --argjson byLane "$by_lane" \
  --argjson duplicates "$duplicates" --argjson delays "$delays" --argjson passes "$passes" --argjson nights "$nights" \
  --arg loadStart "$load_start" --arg loadEnd "$(cut -d' ' -f1-3 /proc/loadavg)" --arg cores "$(nproc)" \
  --arg mem "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)" --argjson wall "$((SECONDS - bench_start))" '
  {machine: {cores: ($cores | tonumber), memory: $mem, loadAverageAtStart: $loadStart, loadAverageAtEnd: $loadEnd}, wallSeconds: $wall,
   members: $members, zone: $zone, businessDate: $day, closedAt: $close, rowsPerMinute: $rate, burst: $burst,
   intradayMinutes: {first: $firstMinutes, second: 1, switchedAt: $switchedAt}, quiet: {from: $quietFrom, to: $quietTo},
   written: {rows: $written, atMoEngage: $atMoEngage, byLane: $byLane, byNight: ($atMoEngage - $byLane), duplicateEventIds: $duplicates},
   delays: $delays, passes: $passes, nights: $nights}' >"$file"
echo "saved $file (wall $((SECONDS - bench_start)) s)"
