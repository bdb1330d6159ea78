namespace Loyalife.SettingsService.Alerts;

/// <summary>A webhook to add: its URL and, to have alerts signed, a secret the receiver shares.</summary>
public sealed record AlertTargetRequest(string? Url, string? SigningSecret);
