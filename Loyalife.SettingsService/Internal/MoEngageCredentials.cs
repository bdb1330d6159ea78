namespace Loyalife.SettingsService.Internal;

/// <summary>The one answer that carries the key: only to the dispatcher, only through Dapr.</summary>
public sealed record MoEngageCredentials(string ProgramId, bool Enabled, string AppId, string ApiKey, string DataCenter, string ApiBaseUrl);
