# Helpers shared by the bench scripts (sourced, not run).

# A free loopback port (probe by connecting; other tests on the machine take ports too).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# page_through URL TOKEN OUTFILE [SEPARATOR]: pages a snapshot list with limit=10000 and prints "rows seconds".
# SEPARATOR is "&" for a URL that already has a query (an intraday pass's window); "?" otherwise.
page_through() {
  local base=$1 token=$2 body=$3 sep=${4:-?} next="" rows=0 start end
  start=$(date +%s.%N)
  while :; do
    curl -sf --max-time 300 -H "dapr-api-token: $token" -o "$body" "$base${sep}limit=10000${next:+&after=$next}" \
      || { echo "paging $base failed" >&2; return 1; }
    rows=$((rows + $(grep -o '"customerId"' "$body" | wc -l)))
    next=$(tail -c 400 "$body" | grep -o '"next":"[^"]*"' | cut -d'"' -f4 || true)
    [[ -z $next ]] && break
  done
  end=$(date +%s.%N)
  echo "$rows $(echo "$end - $start" | bc)"
}

# local_start ZONE DATE: the first instant of a local date in ZONE, as UTC ISO-8601 (what BusinessDay.StartOf gives).
local_start() { date -u -d "TZ=\"$1\" $2 00:00" +%FT%TZ; }

# floor_members_sql PROGRAM ZONE DATE: PostgreSQL's own work for the member snapshot's aggregates of business
# date DATE over every member in one statement (balances, lifetime sums, last transaction, distinct
# transactions, the 30/60/90-day expiry windows with their allocations), as PostgreSQL plans it, output
# discarded (EXPLAIN ANALYZE runs it to the end and prints "Execution Time").
floor_members_sql() {
  local program=$1 zone=$2 day=$3 asof e30 e60 e90
  asof=$(local_start "$zone" "$(date -d "$day +1 day" +%F)")
  e30=$(local_start "$zone" "$(date -d "$day +31 day" +%F)")
  e60=$(local_start "$zone" "$(date -d "$day +61 day" +%F)")
  e90=$(local_start "$zone" "$(date -d "$day +91 day" +%F)")
  cat <<SQL
SET jit = off; -- as snapshot-service runs its queries
EXPLAIN (ANALYZE, TIMING OFF)
SELECT m.member_id, m.relation_reference, m.enrolled_at, p.*, x.*
FROM loyalty.members m
LEFT JOIN (
  SELECT member_id,
         coalesce(sum(points) FILTER (WHERE entry_type IN ('accrual','campaign_bonus','manual_bonus','tier_bonus','redemption_reversal')), 0)
           - coalesce(sum(points) FILTER (WHERE entry_type IN ('redemption','expiry')), 0) AS available,
         sum(points) FILTER (WHERE entry_type IN ('accrual','campaign_bonus','manual_bonus','tier_bonus')) AS accrued,
         sum(points) FILTER (WHERE entry_type = 'redemption') AS redeemed,
         sum(points) FILTER (WHERE entry_type = 'redemption_reversal') AS reversed,
         sum(points) FILTER (WHERE entry_type = 'expiry') AS expired,
         max(occurred_at) FILTER (WHERE entry_type = 'accrual' AND transaction_id IS NOT NULL) AS last_transaction_at,
         count(DISTINCT transaction_id) FILTER (WHERE entry_type = 'accrual') AS transactions
  FROM loyalty.point_entries WHERE program_id = '$program' AND occurred_at < '$asof' GROUP BY member_id) p USING (member_id)
LEFT JOIN (
  SELECT c.member_id,
         sum(greatest(c.points - coalesce(u.used, 0), 0)) FILTER (WHERE c.expires_at < '$e30') AS expiring_30,
         sum(greatest(c.points - coalesce(u.used, 0), 0)) FILTER (WHERE c.expires_at < '$e60') AS expiring_60,
         sum(greatest(c.points - coalesce(u.used, 0), 0)) AS expiring_90
  FROM loyalty.point_entries c
  LEFT JOIN LATERAL (SELECT sum(a.points) AS used FROM loyalty.point_allocations a
                     JOIN loyalty.point_entries d ON d.entry_id = a.debit_entry_id
                     WHERE a.credit_entry_id = c.entry_id AND d.occurred_at < '$asof') u ON true
  WHERE c.program_id = '$program' AND c.occurred_at < '$asof' AND c.expires_at >= '$asof' AND c.expires_at < '$e90'
    AND c.entry_type IN ('accrual','campaign_bonus','manual_bonus','tier_bonus','redemption_reversal')
  GROUP BY c.member_id) x USING (member_id)
WHERE m.program_id = '$program' AND m.enrolled_at < '$asof'
SQL
}

# floor_events_sql PROGRAM ZONE DATE: the same for the day's events: every ledger row of the day (points,
# tier, segment, status), then the remaining points of the lots expiring on D+30, D+60 and D+90 per member.
floor_events_sql() {
  local program=$1 zone=$2 day=$3 start asof windows="" window_of="CASE" n end
  start=$(local_start "$zone" "$day")
  asof=$(local_start "$zone" "$(date -d "$day +1 day" +%F)")
  for n in 30 60 90; do
    end=$(local_start "$zone" "$(date -d "$day +$((n + 1)) day" +%F)")
    windows+="${windows:+ OR }(c.expires_at >= '$(local_start "$zone" "$(date -d "$day +$n day" +%F)")' AND c.expires_at < '$end')"
    window_of+=" WHEN c.expires_at < '$end' THEN $n"
  done
  window_of+=" END"
  cat <<SQL
SET jit = off; -- as snapshot-service runs its queries
EXPLAIN (ANALYZE, TIMING OFF)
SELECT x.entry_id, x.member_id, x.occurred_at, x.entry_type, x.points, x.transaction_id, x.transaction_amount, x.currency, x.channel,
       x.campaign_id, x.redemption_id, x.reason, x.expires_at
FROM loyalty.point_entries x WHERE x.program_id = '$program' AND x.occurred_at >= '$start' AND x.occurred_at < '$asof'
UNION ALL SELECT x.history_id, x.member_id, x.occurred_at, x.tier, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM loyalty.member_tier_history x WHERE x.program_id = '$program' AND x.occurred_at >= '$start' AND x.occurred_at < '$asof'
UNION ALL SELECT x.history_id, x.member_id, x.occurred_at, x.segment, NULL, x.change, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM loyalty.segment_history x WHERE x.program_id = '$program' AND x.occurred_at >= '$start' AND x.occurred_at < '$asof'
UNION ALL SELECT x.history_id, x.member_id, x.occurred_at, x.status, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM loyalty.member_status_history x WHERE x.program_id = '$program' AND x.occurred_at >= '$start' AND x.occurred_at < '$asof';
EXPLAIN (ANALYZE, TIMING OFF)
SELECT c.member_id, $window_of AS days, sum(greatest(c.points - coalesce(u.used, 0), 0)) AS points
FROM loyalty.point_entries c
LEFT JOIN LATERAL (SELECT sum(a.points) AS used FROM loyalty.point_allocations a
                   JOIN loyalty.point_entries d ON d.entry_id = a.debit_entry_id
                   WHERE a.credit_entry_id = c.entry_id AND d.occurred_at < '$asof') u ON true
WHERE c.program_id = '$program' AND c.occurred_at < '$asof' AND ($windows)
  AND c.entry_type IN ('accrual','campaign_bonus','manual_bonus','tier_bonus','redemption_reversal')
GROUP BY 1, 2
SQL
}

# execution_seconds: the sum of the "Execution Time" lines of EXPLAIN ANALYZE output on stdin, in seconds.
execution_seconds() { awk '/Execution Time/ {ms += $3} END {printf "%.3f", ms / 1000}'; }
