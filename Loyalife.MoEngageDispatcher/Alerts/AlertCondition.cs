namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>
/// The states a program can be in that an admin is told about, once when each begins and once when it ends.
/// An alert's <c>kind</c> is the condition's name, with <see cref="ResolvedSuffix"/> for its end.
/// </summary>
public static class AlertCondition
{
    public const string RunFailed = "run_failed";
    public const string CredentialsRejected = "credentials_rejected";
    public const string RunHeld = "run_held";

    /// <summary>An intraday pass broke the hold rules: the lane stopped for its day (the night sends the rest).</summary>
    public const string IntradayHeld = "intraday_held";
    public const string VerificationFailing = "verification_failing";
    public const string MembersNotInMoEngage = "members_not_in_moengage";

    /// <summary>The test alert an admin sends from the admin page; no state behind it.</summary>
    public const string Test = "test";

    public const string ResolvedSuffix = "_resolved";
}
