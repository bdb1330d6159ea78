using Loyalife.SettingsService.MoEngage;

namespace Loyalife.SettingsService.Settings;

/// <summary>How a save ended; exactly one of the members is set.</summary>
public sealed record SaveOutcome
{
    public SettingsRow? Saved { get; init; }

    public bool Created { get; init; }

    public bool UnknownProgram { get; init; }

    public Dictionary<string, string[]>? Errors { get; init; }

    public ConnectionCheck? FailedCheck { get; init; }

    public bool StoredKeyUnreadable { get; init; }
}
