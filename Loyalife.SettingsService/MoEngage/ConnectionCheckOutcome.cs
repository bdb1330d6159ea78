namespace Loyalife.SettingsService.MoEngage;

public enum ConnectionCheckOutcome
{
    Verified,

    /// <summary>MoEngage answered and refused: wrong key, wrong App ID, wrong data centre or a suspended account.</summary>
    Rejected,

    /// <summary>No usable answer: network error, timeout, 429 or 5xx. Says nothing about the credentials.</summary>
    Unreachable,
}
