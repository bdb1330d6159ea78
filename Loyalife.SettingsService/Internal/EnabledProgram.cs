namespace Loyalife.SettingsService.Internal;

/// <summary>An enabled program as the dispatcher schedules it; <see cref="IntradayMinutes"/> null: nightly only.</summary>
public sealed record EnabledProgram(string ProgramId, string AppId, string DataCenter, string ApiBaseUrl, int? IntradayMinutes);
