namespace Loyalife.SettingsService.Alerts;

/// <summary>A webhook as an admin sees it: never its signing secret, only whether it has one.</summary>
public sealed record AlertTargetView(Guid TargetId, string Url, bool HasSigningSecret, DateTimeOffset CreatedAt);
