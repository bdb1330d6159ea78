namespace Loyalife.MoEngageDispatcher.Sources;

/// <summary>
/// A program's MoEngage workspace and Data API key, read from settings-service once per run, with the
/// MoEngage names of its attributes (absent: the defaults) and what happens to events of members MoEngage
/// may not hold (absent: <c>verify</c>), and how often the intraday lane runs (absent: nightly only).
/// </summary>
public sealed record MoEngageCredentials(
    string ProgramId, bool Enabled, string AppId, string ApiKey, string DataCenter, string ApiBaseUrl,
    IReadOnlyDictionary<string, string>? AttributeNames = null, string? UnknownMembers = null, int? IntradayMinutes = null)
{
    public const string Verify = "verify";
    public const string Send = "send";

    /// <summary>Whether an event waits for Get User to confirm its member (anything but an explicit <c>send</c>).</summary>
    public bool VerifiesMembers => !string.Equals(UnknownMembers, Send, StringComparison.Ordinal);

    // A record prints every property; the key must never reach a log line or an exception message.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"ProgramId = {ProgramId}, Enabled = {Enabled}, AppId = {AppId}, ApiKey = ***, ");
        builder.Append($"DataCenter = {DataCenter}, ApiBaseUrl = {ApiBaseUrl}, UnknownMembers = {UnknownMembers ?? Verify}, IntradayMinutes = {IntradayMinutes}");
        return true;
    }
}
