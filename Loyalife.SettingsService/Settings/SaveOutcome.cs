namespace Loyalife.SettingsService.Settings;

/// <summary>How a save ended; exactly one of the members is set (<see cref="ApiKeyMasked"/> goes with <see cref="Saved"/>).</summary>
public sealed record SaveOutcome
{
    public SettingsRow? Saved { get; init; }

    public string ApiKeyMasked { get; init; } = ApiKeyMask.Dots;

    public bool Created { get; init; }

    public bool UnknownProgram { get; init; }

    public Dictionary<string, string[]>? Errors { get; init; }

    public ConnectionCheck? FailedCheck { get; init; }

    /// <summary>Get User could not be asked (MoEngage down), or does not answer while the program needs it.</summary>
    public GetUserCheck? FailedGetUser { get; init; }

    public bool StoredKeyUnreadable { get; init; }
}
