namespace Loyalife.SnapshotService.Intraday;

/// <summary>
/// An intraday pass as the dispatcher names it: its horizon <see cref="To"/> and cut-off <see cref="CutOff"/>, and
/// the previous pass's (<see cref="From"/>, <see cref="Since"/>; both null for the day's first pass), see <see cref="PassRows"/>.
/// Horizons are PostgreSQL's 64-bit transaction ids (xid8), given in decimal.
/// </summary>
public sealed record PassWindow(ulong? From, DateTimeOffset? Since, ulong To, DateTimeOffset CutOff)
{
    /// <summary>The earliest instant a row of the pass can be dated (<see cref="HorizonQuery.ReachAsync"/>); null: the day's start.</summary>
    public DateTimeOffset? Reach { get; init; }

    private const ulong Wrap = 1UL << 32;

    /// <summary>The window read from a query string, or the reason it is not one.</summary>
    public static (PassWindow? Window, string? Error) Parse(string? from, string? since, string? to, string? cutOff)
    {
        if (!TryHorizon(to, out var upper) || !TryInstant(cutOff, out var cut))
        {
            return (null, "'to' (a horizon from …/intraday/horizon) and 'cutOff' (its instant, ISO 8601) are required.");
        }

        if ((from is null) != (since is null))
        {
            return (null, "'from' and 'since' (the previous pass's horizon and cut-off) go together, or both are left out for the day's first pass.");
        }

        if (from is null)
        {
            return (new PassWindow(null, null, upper, cut), null);
        }

        if (!TryHorizon(from, out var lower) || !TryInstant(since, out var previous) || lower > upper || previous > cut || upper - lower >= Wrap / 2)
        {
            return (null, "'from' and 'since' must be a horizon and cut-off handed out before 'to' and 'cutOff', within the same day.");
        }

        return (new PassWindow(lower, previous, upper, cut), null);
    }

    /// <summary>The parameters <see cref="PassRows"/> names, beside the scope's (@program, @as_of = the cut-off).</summary>
    public void AddParameters(NpgsqlCommand command, Snapshots.SnapshotScope scope)
    {
        var parameters = command.Parameters;
        parameters.AddWithValue("reach", (Reach ?? scope.Day.Start).UtcDateTime);
        parameters.AddWithValue("to_low", (long)(To % Wrap));
        parameters.Add(new NpgsqlParameter("from_low", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = From is { } lower ? (long)(lower % Wrap) : DBNull.Value });
        parameters.Add(new NpgsqlParameter("since", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = Since is { } since ? since.UtcDateTime : DBNull.Value });
    }

    private static bool TryHorizon(string? text, out ulong horizon) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out horizon) && horizon > 0;

    private static bool TryInstant(string? text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant)
        && text!.Length <= 40;
}
