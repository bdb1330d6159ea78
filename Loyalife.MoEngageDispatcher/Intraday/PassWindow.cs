namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>
/// Which rows of the open day a pass reads (docs/ledger.md, "The intraday lane"): those seen by its horizon
/// <see cref="To"/> and cut-off <see cref="CutOff"/> and not by the previous pass's (<see cref="From"/>,
/// <see cref="Since"/>; null for the day's first pass).
/// </summary>
public sealed record PassWindow(DateOnly Date, ulong? From, DateTimeOffset? Since, ulong To, DateTimeOffset CutOff)
{
    /// <summary>The window as snapshot-service's intraday endpoints take it.</summary>
    public string Query =>
        $"to={To.ToString(CultureInfo.InvariantCulture)}&cutOff={Uri.EscapeDataString(CutOff.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))}"
        + (From is { } from && Since is { } since
            ? $"&from={from.ToString(CultureInfo.InvariantCulture)}&since={Uri.EscapeDataString(since.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))}"
            : "");
}
