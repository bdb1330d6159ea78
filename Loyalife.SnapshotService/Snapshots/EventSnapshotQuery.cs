namespace Loyalife.SnapshotService.Snapshots;

/// <summary>One page of the day's events (docs/ledger.md), ordered by (occurredAt, eventId ordinal).</summary>
public sealed class EventSnapshotQuery(NpgsqlDataSource dataSource)
{
    private static readonly string DayPageSql = EventSql.DayPage;
    private static readonly string ExpiringPageSql = EventSql.ExpiringPage;
    private static readonly string[] CountSql = [EventSql.CountDayByName, EventSql.CountExpiringByName];

    public static readonly string[] Names =
    [
        "loyalty_points_earned", "loyalty_points_redeemed", "loyalty_points_expired", "loyalty_redemption_reversed",
        "loyalty_points_expiring_soon", "loyalty_tier_upgraded", "loyalty_tier_downgraded", "loyalty_segment_entered",
        "loyalty_segment_exited", "loyalty_member_activated", "loyalty_member_suspended",
    ];

    /// <summary>Like <see cref="MemberSnapshotQuery.WriteItemsAsync"/>, for events.</summary>
    public async Task<string?> WriteItemsAsync(SnapshotScope scope, (long Micros, string EventId)? after, int limit, Utf8JsonWriter json, Func<Task> flush, Action begin, CancellationToken ct)
    {
        // Without a cursor, start just before the day: every event of D has occurred_at >= its start.
        var (afterAt, afterId) = after is { } cursor
            ? (Format.FromMicros(cursor.Micros), cursor.EventId)
            : (scope.Day.Start.UtcDateTime.AddSeconds(-1), "");
        var written = 0;
        (long Micros, string Id) last = (0, "");

        // Answers true when the page is full and more rows follow.
        async Task<bool> CopyAsync(string sql, bool first)
        {
            await using var command = Command(sql, scope, afterAt, afterId, limit - written + 1);
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (first)
            {
                begin();
            }

            while (await reader.ReadAsync(ct))
            {
                if (written == limit)
                {
                    return true;
                }

                last = (Format.Micros(reader.GetDateTime(4)), reader.GetString(0));
                WriteEvent(reader, scope.ProgramId, json);
                written++;
                if (written % 500 == 0)
                {
                    await flush();
                }
            }

            return false;
        }

        if (await CopyAsync(DayPageSql, first: true) || await CopyAsync(ExpiringPageSql, first: false))
        {
            return Cursors.ForEvent(last.Micros, last.Id);
        }

        return null;
    }

    /// <summary>The day's events of one member, as the pages list them; unpaged: one member's day is small.</summary>
    public async Task WriteMemberEventsAsync(SnapshotScope scope, string memberId, Utf8JsonWriter json, CancellationToken ct)
    {
        await using var command = Command(EventSql.OfMember, scope, scope.Day.Start.UtcDateTime, "", 0);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = memberId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            WriteEvent(reader, scope.ProgramId, json);
        }
    }

    public async Task<Dictionary<string, long>> CountByNameAsync(SnapshotScope scope, CancellationToken ct)
    {
        // Two independent statements, each on its own connection at once.
        var counts = Names.ToDictionary(name => name, _ => 0L);
        foreach (var part in await Task.WhenAll(CountSql.Select(sql => CountAsync(sql, scope, ct))))
        {
            foreach (var (name, count) in part)
            {
                counts[name] = count;
            }
        }

        return counts;
    }

    private async Task<List<(string Name, long Count)>> CountAsync(string sql, SnapshotScope scope, CancellationToken ct)
    {
        var counts = new List<(string, long)>();
        await using var command = Command(sql, scope, scope.Day.Start.UtcDateTime, "", 0);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return counts;
    }

    private NpgsqlCommand Command(string sql, SnapshotScope scope, DateTime afterAt, string afterId, int limit)
    {
        var day = scope.Day;
        var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        object[] values =
        [
            scope.ProgramId, scope.AsOfUtc, day.Start.UtcDateTime, afterAt, afterId, limit,
            CustomerIds.WhiteSpace, CustomerIds.Disallowed, scope.Program.Tiers,
            BusinessDay.StartOf(day.Date.AddDays(30), day.Zone).UtcDateTime, day.EndPlusDays(30).UtcDateTime,
            BusinessDay.StartOf(day.Date.AddDays(60), day.Zone).UtcDateTime, day.EndPlusDays(60).UtcDateTime,
            BusinessDay.StartOf(day.Date.AddDays(90), day.Zone).UtcDateTime, day.EndPlusDays(90).UtcDateTime,
            scope.BusinessDate, Format.Date(day.Date.AddDays(30)), Format.Date(day.Date.AddDays(60)), Format.Date(day.Date.AddDays(90)),
        ];
        SqlParameters.Add(command, values);
        return command;
    }

    private static void WriteEvent(NpgsqlDataReader row, string programId, Utf8JsonWriter json)
    {
        var eventId = row.GetString(0);
        var name = row.GetString(1);
        json.WriteStartObject();
        json.WriteString("eventId", eventId);
        json.WriteString("name", name);
        json.WriteString("memberId", row.GetString(2));
        json.WriteString("customerId", row.GetString(3));
        json.WriteString("occurredAt", Format.Instant(row.GetDateTime(4)));
        json.WriteStartObject("attributes");
        json.WriteString("program_id", programId);
        json.WriteString("loyalife_event_id", eventId);
        switch (name)
        {
            case "loyalty_points_earned":
                json.WriteNumber("points", row.GetInt64(5));
                json.WriteString("earning_type", row.GetString(6));
                WriteIfPresent(row, json, 7, "transaction_id");
                if (!row.IsDBNull(8))
                {
                    json.WriteNumber("transaction_amount", row.GetDecimal(8));
                }

                WriteIfPresent(row, json, 9, "currency");
                WriteIfPresent(row, json, 10, "channel");
                WriteIfPresent(row, json, 11, "campaign_id");
                WriteIfPresent(row, json, 13, "reason");
                if (!row.IsDBNull(14))
                {
                    json.WriteString("expires_at", Format.Instant(row.GetDateTime(14)));
                }

                break;
            case "loyalty_points_redeemed" or "loyalty_redemption_reversed":
                json.WriteNumber("points", row.GetInt64(5));
                WriteIfPresent(row, json, 12, "redemption_id");
                break;
            case "loyalty_points_expired":
                json.WriteNumber("points", row.GetInt64(5));
                break;
            case "loyalty_points_expiring_soon":
                json.WriteNumber("points", row.GetInt64(5));
                json.WriteNumber("days_until_expiry", row.GetInt32(17));
                json.WriteString("expiry_date", row.GetString(18));
                break;
            case "loyalty_tier_upgraded" or "loyalty_tier_downgraded":
                json.WriteString("from_tier", row.GetString(15));
                json.WriteString("to_tier", row.GetString(16));
                break;
            case "loyalty_segment_entered" or "loyalty_segment_exited":
                json.WriteString("segment", row.GetString(15));
                break;
            default:
                json.WriteString("from_status", row.GetString(15));
                json.WriteString("to_status", row.GetString(16));
                break;
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteIfPresent(NpgsqlDataReader row, Utf8JsonWriter json, int ordinal, string name)
    {
        if (!row.IsDBNull(ordinal))
        {
            json.WriteString(name, row.GetString(ordinal));
        }
    }
}
