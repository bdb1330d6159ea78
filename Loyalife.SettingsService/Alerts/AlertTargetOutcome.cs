namespace Loyalife.SettingsService.Alerts;

/// <summary>How adding a webhook ended: exactly one of these is set.</summary>
public sealed record AlertTargetOutcome
{
    public bool UnknownProgram { get; init; }

    public Dictionary<string, string[]>? Errors { get; init; }

    public bool TooMany { get; init; }

    public AlertTargetView? Added { get; init; }
}
