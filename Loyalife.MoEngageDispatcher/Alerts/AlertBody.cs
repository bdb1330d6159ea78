namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>
/// The JSON every webhook receives. <c>text</c> comes first and reads on its own, so Slack and Teams incoming
/// webhooks show it as it is; the rest is for receivers that act on it. It carries names, figures and
/// reasons, never a key, token or signing secret.
/// </summary>
public static class AlertBody
{
    public const string Raised = "raised";
    public const string Resolved = "resolved";
    public const string TestState = "test";

    public static JsonObject Build(
        Guid alertId, string kind, string state, string programId, SyncRun? run, string text, JsonObject figures, string? adminPageUrl,
        DateTimeOffset occurredAt)
    {
        var link = Link(adminPageUrl, programId);
        return new JsonObject
        {
            ["text"] = link is null ? text : $"{text} {link}",
            ["alertId"] = alertId,
            ["kind"] = kind,
            ["state"] = state,
            ["program"] = programId,
            ["run"] = run is null ? null : new JsonObject
            {
                ["runId"] = run.RunId,
                ["businessDate"] = run.From == run.To ? run.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                ["from"] = run.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["to"] = run.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["trigger"] = run.Trigger,
            },
            ["figures"] = figures,
            ["link"] = link,
            ["occurredAt"] = occurredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        };
    }

    private static string? Link(string? adminPageUrl, string programId) =>
        string.IsNullOrEmpty(adminPageUrl) ? null : $"{adminPageUrl}?program={Uri.EscapeDataString(programId)}";
}
