#!/usr/bin/env bash
# Prints the table of a bench/run.sh result: bench/report.sh bench/results/<timestamp>.json
set -euo pipefail
jq -r '
  def r1: . * 10 | round / 10;
  def c: if length > 3 then (.[:-3] | c) + "," + .[-3:] else . end;
  def n: round | tostring | c;
  def mb: if . == null then "-" else "\(.) MB" end;
  "machine: \(.machine.cores) cores, \(.machine.memory), \(.machine.os); load average \(.machine.loadAverageAtStart) at start, \(.machine.loadAverageAtEnd) at end (shared machine)",
  "business date \(.businessDate) of program demo; quota case at \(.quotaPerMinute) users/min and \(.quotaPerMinute) events/min",
  "",
  (["members", "ledger rows", "generate", "snapshot members (s, rows/s)", "snapshot events (rows, s, rows/s)", "summary (anomalies)", "PG floor (members + events)", "paging ÷ floor", "end to end unlimited (s, elements/s)", "bytes/body (% of 100 KB)", "requests"] | join(" | ")),
  (.sizes[] | [ (.members | n), (.ledgerRows | n), "\(.generateSeconds | round) s",
     "\(.snapshot.membersSeconds | r1) s, \(.snapshot.membersPerSecond | round | n)",
     "\(.snapshot.events | n), \(.snapshot.eventsSeconds | r1) s, \(.snapshot.eventsPerSecond // 0 | round | n)",
     "\(.summarySeconds | r1) s (\(.anomaliesSeconds // null | if . == null then "-" else "\(. | r1) s" end))",
     "\(.floor.membersSeconds | r1) + \(.floor.eventsSeconds | r1) s",
     "\(.floor.pagingRatio * 100 | round / 100)",
     "\(.unlimited.seconds | r1) s, \(.unlimited.elementsPerSecond | round | n)",
     "\(.unlimited.bytesPerBody // 0 | round | n) (\(.unlimited.bodyFillPercent | r1) %)",
     "\(.unlimited.requests)"] | join(" | ")),
  "",
  "each figure as median (min–max) of its repeats (BENCH_REPEAT; the table above gives the medians; ratios taken per repeat):",
  (.sizes[] | select(.spread) | .spread as $s |
    def m(k; u): $s[k] | if . == null then "-" else "\(.median | r1)\(u) (\(.min | r1)–\(.max | r1))" end;
    def x(k): $s[k] | if . == null then "-" else "\(.median * 100 | round / 100) (\(.min * 100 | round / 100)–\(.max * 100 | round / 100))" end;
    "  \(.members | n), \(.repeats) repeats: paging members \(m("membersSeconds"; " s")), events \(m("eventsSeconds"; " s")); summary \(m("summarySeconds"; " s")), anomalies \(m("anomaliesSeconds"; " s")); floor \(m("floorSeconds"; " s")); end to end \(m("endToEndSeconds"; " s")), the day again \(m("sameDayAgainSeconds"; " s")); night ÷ paging \(x("nightOverPaging")); PostgreSQL CPU paging \(m("postgresCpuDuringPaging"; " s")), night \(m("postgresCpuDuringRun"; " s")), night ÷ paging \(x("postgresCpuOverPaging"))"),
  "",
  "data shape; members sent / skipped (unlimited run):",
  (.sizes[] | "  \(.members | n): \(.ledgerRows / .members | r1) ledger rows a member, \(if .activeMembers then "\(.activeMembers / .members * 100 | r1) % with ledger rows in the day; " else "" end)\(.unlimited.membersSent | n) sent, \(.unlimited.eventsSent | n) events; skipped \(.unlimited.membersSkipped | tojson); stand-in \(.unlimited.standIn | {customersUpdated, customersIgnored, eventsAccepted, rateLimited} | tojson)"),
  "",
  "at the quota (the \(.sizes | map(select(.quota)) | .[0].members // 0 | n)-member program; bench/run.sh --quota-1m runs the 1M one):",
  (.quotaPerMinute as $q | .sizes[] | select(.quota) | .quota | "  \(.members | n) members + \(.events | n) events: \(.seconds | r1) s; lower bound members ÷ quota \(.lowerBoundSeconds | r1) s → ratio \(.ratio * 100 | round / 100); (members + events) ÷ quota \(.lowerBoundBothSeconds | r1) s → ratio \(.seconds / .lowerBoundBothSeconds * 100 | round / 100); window bound ⌊(members − 1) ÷ quota⌋ minutes of 62 s (60 s + the limiter safety margin of 2 s: a fresh window admits a full quota at once) \(((.members - 1) / $q | floor) * 62) s → ratio \(if .members > $q then .seconds / (((.members - 1) / $q | floor) * 62) * 100 | round / 100 else "n/a" end); pacing waits \(.pacingWaitSeconds | r1) s, 429 waits \(.rateLimitWaits), stand-in 429s \(.rateLimited)"),
  "",
  "confirmations (the existence gate; the stand-in holds the references but one in ten; Get User at \(if .getUserPerMinuteUnlimitedNights > 0 then "\(.getUserPerMinuteUnlimitedNights) a minute" else "no quota" end), and what the asks would take at the 1,000 a minute MoEngage allows):",
  (.sizes[] | select(.confirmations) | .members as $m | .confirmations | ((.nights | to_entries | map({key: "night \(.key + 1)", value})) + [{key: "the day again, all confirmed", value: .sameDayAgain}])[] | .value as $c |
    "  \($m | n), \(.key): \($c.asked | n) asked (\($c.found | n) found, \($c.notFound | n) not) in \($c.calls | n) calls, Get User \($c.getUserSeconds | r1) s of a \($c.runSeconds | r1) s run; at 1,000 a minute \($c.secondsAtMoEngageQuota / 60 | r1) min; bookkeeping \($c.bookkeepingSeconds | r1) s = \($c.bookkeepingShare * 100 | r1) % of the run without the gate"),
  "",
  "peak RSS (VmHWM):",
  (.sizes[] | "  \(.members | n): " + (.peakRssMb | to_entries | map("\(.key | sub("Loyalife\\."; "")) \(.value | mb)") | join(", "))),
  "",
  "where time went (CPU seconds of each process during the unlimited run, vs its wall time; snapshot paging alone for comparison):",
  (.sizes[] | "  \(.members | n) (load \(.loadAverage)): wall \(.unlimited.seconds | r1) s; snapshot paging alone \(.snapshot.membersSeconds + .snapshot.eventsSeconds | r1) s; CPU " + (.cpuSecondsDuringRun | to_entries | sort_by(-.value) | map(select(.value > 0)) | map("\(.key | sub("Loyalife\\."; "")) \(.value)") | join(", "))),
  "",
  (if .growth then .growth | "growth from the first to the last size (medians; ×\(.members | round) members): snapshot members ×\(.snapshotMembersSeconds | r1), snapshot events ×\(.snapshotEventsSeconds | r1), summary ×\(.summarySeconds | r1), end to end ×\(.endToEndSeconds | r1), PostgreSQL floor ×\(.floorSeconds // 0 | r1)" else empty end),
  "total wall time \(.wallSeconds) s"
' "$1"
