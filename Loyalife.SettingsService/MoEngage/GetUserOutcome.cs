namespace Loyalife.SettingsService.MoEngage;

public enum GetUserOutcome
{
    /// <summary>Get User answered for the workspace: it listed our made-up customer among the users not found.</summary>
    Answers,

    /// <summary>MoEngage answered, but not with Get User's answer: the API is not enabled for the workspace (or not for this key).</summary>
    DoesNotAnswer,

    /// <summary>No usable answer: network error, timeout, 429 or 5xx. Says nothing about the workspace.</summary>
    Unreachable,
}
