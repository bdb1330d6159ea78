namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>A program's webhook as settings-service hands it over, with its signing secret (read from the secret store).</summary>
public sealed record AlertTarget(string TargetId, string Url, string? SigningSecret)
{
    // A record prints every property; the secret must never reach a log line or an exception message.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"TargetId = {TargetId}, HasSigningSecret = {SigningSecret is not null}");
        return true;
    }
}
