namespace Loyalife.SnapshotService.Snapshots;

/// <summary>One page of the day's events (docs/ledger.md), ordered by (occurredAt, eventId ordinal).</summary>
public sealed class EventSnapshotQuery(NpgsqlDataSource dataSource)
{
    private static readonly string DayPageSql = EventSql.DayPage;
    private static readonly string ExpiringPageSql = EventSql.ExpiringPage;
    private static readonly string PassPageSql = EventSql.PassPage;
    private static readonly string[] CountSql = [EventSql.CountDayByName, EventSql.CountExpiringByName];

    public static readonly string[] Names =
    [
        "loyalty_points_earned", "loyalty_points_redeemed", "loyalty_points_expired", "loyalty_redemption_reversed",
        "loyalty_points_expiring_soon", "loyalty_tier_upgraded", "loyalty_tier_downgraded", "loyalty_segment_entered",
        "loyalty_segment_exited", "loyalty_member_activated", "loyalty_member_suspended",
    ];

    /// <summary>Like <see cref="MemberSnapshotQuery.WriteItemsAsync"/>, for events.</summary>
    /// <param name="pass">An intraday pass: only its rows' events, never the expiring-soon ones.</param>
    public async Task<string?> WriteItemsAsync(
        SnapshotScope scope, (long Micros, string EventId)? after, int limit, Utf8JsonWriter json, Func<Task> flush, Action begin, CancellationToken ct,
        Intraday.PassWindow? pass = null)
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
            pass?.AddParameters(command, scope);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var columns = new EventColumns(reader);
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

                last = (Format.Micros(reader.GetDateTime(columns.OccurredAt)), reader.GetString(columns.EventId));
                WriteEvent(reader, columns, scope.ProgramId, json);
                written++;
                if (written % 500 == 0)
                {
                    await flush();
                }
            }

            return false;
        }

        if (pass is not null)
        {
            return await CopyAsync(PassPageSql, first: true) ? Cursors.ForEvent(last.Micros, last.Id) : null;
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
        command.Parameters.AddWithValue("member", memberId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = new EventColumns(reader);
        while (await reader.ReadAsync(ct))
        {
            WriteEvent(reader, columns, scope.ProgramId, json);
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

    /// <summary>An intraday pass's events by name.</summary>
    public async Task<Dictionary<string, long>> CountPassByNameAsync(SnapshotScope scope, Intraday.PassWindow pass, CancellationToken ct) =>
        (await CountAsync(EventSql.CountPassByName, scope, ct, pass)).ToDictionary(count => count.Name, count => count.Count);

    private async Task<List<(string Name, long Count)>> CountAsync(string sql, SnapshotScope scope, CancellationToken ct, Intraday.PassWindow? pass = null)
    {
        var counts = new List<(string, long)>();
        await using var connection = await SerialConnection.OpenAsync(dataSource, ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = StatementTimeout.Seconds };
        EventParameters.Add(command, scope, scope.Day.Start.UtcDateTime, "", 0);
        pass?.AddParameters(command, scope);
        await using var reader = await command.ExecuteReaderAsync(ct);
        int name = reader.GetOrdinal("name"), count = reader.GetOrdinal("count");
        while (await reader.ReadAsync(ct))
        {
            counts.Add((reader.GetString(name), reader.GetInt64(count)));
        }

        return counts;
    }

    private NpgsqlCommand Command(string sql, SnapshotScope scope, DateTime afterAt, string afterId, int limit)
    {
        var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = StatementTimeout.Seconds;
        EventParameters.Add(command, scope, afterAt, afterId, limit);
        return command;
    }

    private static void WriteEvent(NpgsqlDataReader row, EventColumns column, string programId, Utf8JsonWriter json)
    {
        var eventId = row.GetString(column.EventId);
        var name = row.GetString(column.Name);
        json.WriteStartObject();
        json.WriteString("eventId", eventId);
        json.WriteString("name", name);
        json.WriteString("memberId", row.GetString(column.MemberId));
        json.WriteString("customerId", row.GetString(column.CustomerId));
        json.WriteString("occurredAt", Format.Instant(row.GetDateTime(column.OccurredAt)));
        json.WriteStartObject("attributes");
        json.WriteString("program_id", programId);
        json.WriteString("loyalife_event_id", eventId);
        switch (name)
        {
            case "loyalty_points_earned":
                json.WriteNumber("points", row.GetInt64(column.Points));
                json.WriteString("earning_type", row.GetString(column.EntryType));
                WriteIfPresent(row, json, column.TransactionId, "transaction_id");
                if (!row.IsDBNull(column.TransactionAmount))
                {
                    json.WriteNumber("transaction_amount", row.GetDecimal(column.TransactionAmount));
                }

                WriteIfPresent(row, json, column.Currency, "currency");
                WriteIfPresent(row, json, column.Channel, "channel");
                WriteIfPresent(row, json, column.CampaignId, "campaign_id");
                WriteIfPresent(row, json, column.Reason, "reason");
                if (!row.IsDBNull(column.ExpiresAt))
                {
                    json.WriteString("expires_at", Format.Instant(row.GetDateTime(column.ExpiresAt)));
                }

                break;
            case "loyalty_points_redeemed" or "loyalty_redemption_reversed":
                json.WriteNumber("points", row.GetInt64(column.Points));
                WriteIfPresent(row, json, column.RedemptionId, "redemption_id");
                break;
            case "loyalty_points_expired":
                json.WriteNumber("points", row.GetInt64(column.Points));
                break;
            case "loyalty_points_expiring_soon":
                json.WriteNumber("points", row.GetInt64(column.Points));
                json.WriteNumber("days_until_expiry", row.GetInt32(column.Days));
                json.WriteString("expiry_date", row.GetString(column.ExpiryDate));
                break;
            case "loyalty_tier_upgraded" or "loyalty_tier_downgraded":
                json.WriteString("from_tier", row.GetString(column.FromValue));
                json.WriteString("to_tier", row.GetString(column.ToValue));
                break;
            case "loyalty_segment_entered" or "loyalty_segment_exited":
                json.WriteString("segment", row.GetString(column.FromValue));
                break;
            default:
                json.WriteString("from_status", row.GetString(column.FromValue));
                json.WriteString("to_status", row.GetString(column.ToValue));
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
