namespace Loyalife.SettingsService.Internal;

/// <summary>
/// The one answer that carries the key: only to the dispatcher, only through Dapr. <see cref="AttributeNames"/>
/// is the complete map Loyalife name → MoEngage name; <see cref="UnknownMembers"/> is <c>verify</c> or <c>send</c>.
/// </summary>
public sealed record MoEngageCredentials(
    string ProgramId,
    bool Enabled,
    string AppId,
    string ApiKey,
    string DataCenter,
    string ApiBaseUrl,
    IReadOnlyDictionary<string, string> AttributeNames,
    string UnknownMembers,
    int? IntradayMinutes);
