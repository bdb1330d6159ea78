namespace Loyalife.SnapshotService.Snapshots;

/// <summary>The parameters <see cref="EventSql"/>'s statements name, set from a program-day and a page's position.</summary>
internal static class EventParameters
{
    /// <param name="afterAt">With <paramref name="afterId"/>, the keyset cursor: the page starts after this (occurred_at, event_id).</param>
    public static void Add(NpgsqlCommand command, SnapshotScope scope, DateTime afterAt, string afterId, int limit)
    {
        var day = scope.Day;
        var parameters = command.Parameters;
        parameters.AddWithValue("program", scope.ProgramId);
        parameters.AddWithValue("as_of", scope.AsOfUtc);
        parameters.AddWithValue("day_start", day.Start.UtcDateTime);
        parameters.AddWithValue("after_at", afterAt);
        parameters.AddWithValue("after_id", afterId);
        parameters.AddWithValue("limit", limit);
        parameters.AddWithValue("white_space", CustomerIds.WhiteSpace);
        parameters.AddWithValue("disallowed", CustomerIds.Disallowed);
        parameters.AddWithValue("tiers", scope.Program.Tiers);
        parameters.AddWithValue("business_date", scope.BusinessDate);
        foreach (var days in (int[])[30, 60, 90])
        {
            // Lots expiring on the local date D+days: from that date's start up to the end of the day.
            parameters.AddWithValue($"expiring_{days}_from", BusinessDay.StartOf(day.Date.AddDays(days), day.Zone).UtcDateTime);
            parameters.AddWithValue($"expiring_{days}_to", day.EndPlusDays(days).UtcDateTime);
            parameters.AddWithValue($"expiry_date_{days}", Format.Date(day.Date.AddDays(days)));
        }
    }
}
