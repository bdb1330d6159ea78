namespace Loyalife.SettingsService.Internal;

public sealed record EnabledProgram(string ProgramId, string AppId, string DataCenter, string ApiBaseUrl);
