namespace Loyalife.MoEngageDispatcher.Sources;

/// <summary>
/// One row of settings-service's enabled-programs list (its internal API, reached through Dapr);
/// <see cref="IntradayMinutes"/> null: nightly only.
/// </summary>
public sealed record EnabledProgram(string ProgramId, string AppId, string DataCenter, string ApiBaseUrl, int? IntradayMinutes = null);
