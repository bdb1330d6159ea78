# Helpers shared by the bench scripts (sourced, not run).

# A free loopback port (probe by connecting; other tests on the machine take ports too).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}

# page_through URL-WITHOUT-QUERY TOKEN OUTFILE: pages a snapshot list with limit=10000 and prints "rows seconds".
page_through() {
  local base=$1 token=$2 body=$3 next="" rows=0 start end
  start=$(date +%s.%N)
  while :; do
    curl -sf --max-time 300 -H "dapr-api-token: $token" -o "$body" "$base?limit=10000${next:+&after=$next}" \
      || { echo "paging $base failed" >&2; return 1; }
    rows=$((rows + $(grep -o '"customerId"' "$body" | wc -l)))
    next=$(tail -c 400 "$body" | grep -o '"next":"[^"]*"' | cut -d'"' -f4 || true)
    [[ -z $next ]] && break
  done
  end=$(date +%s.%N)
  echo "$rows $(echo "$end - $start" | bc)"
}

# points_floor_sql PROGRAM AS_OF: the member snapshot's points aggregate, for PostgreSQL's own time (the floor).
points_floor_sql() {
  cat <<SQL
EXPLAIN (ANALYZE, TIMING OFF)
SELECT m.member_id, p.* FROM loyalty.members m JOIN (
  SELECT member_id,
         sum(points) FILTER (WHERE entry_type IN ('accrual','campaign_bonus','manual_bonus','tier_bonus','redemption_reversal'))
           - sum(points) FILTER (WHERE entry_type IN ('redemption','expiry')) AS available,
         sum(points) FILTER (WHERE entry_type = 'redemption') AS redeemed,
         max(occurred_at) FILTER (WHERE entry_type = 'accrual') AS last_activity,
         count(DISTINCT transaction_id) AS transactions
  FROM loyalty.point_entries WHERE program_id = '$1' AND occurred_at < '$2' GROUP BY member_id) p USING (member_id)
WHERE m.program_id = '$1' AND m.enrolled_at < '$2'
SQL
}
