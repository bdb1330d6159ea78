namespace Loyalife.SettingsService.Settings;

/// <summary>
/// What the dispatcher does with the events of a member MoEngage may not hold (an event for a customer_id
/// MoEngage does not know creates that profile: docs/moengage.md, "Profiles: who creates them").
/// </summary>
public static class UnknownMembers
{
    /// <summary>Send an event only for a customer_id MoEngage's Get User API has confirmed. Needs Get User.</summary>
    public const string Verify = "verify";

    /// <summary>Send every event; MoEngage creates a profile for a member it does not hold.</summary>
    public const string Send = "send";

    /// <summary>What a program that never chose gets, including every program saved before the choice existed.</summary>
    public const string Default = Verify;

    public static bool IsValid(string? value) => value is Verify or Send;
}
