namespace Loyalife.SettingsService.Alerts;

/// <summary>A webhook as the dispatcher needs it to sign an alert, on the internal API only.</summary>
public sealed record DispatcherAlertTarget(string TargetId, string Url, string? SigningSecret)
{
    // A record prints every property; the secret must never reach a log line or an exception message.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"TargetId = {TargetId}, HasSigningSecret = {SigningSecret is not null}");
        return true;
    }
}
