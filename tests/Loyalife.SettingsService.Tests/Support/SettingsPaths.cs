namespace Loyalife.SettingsService.Tests.Support;

public static class SettingsPaths
{
    public static string MoEngage(string programId) => $"/v1/programs/{programId}/integrations/moengage";

    public static string Credentials(string programId) => $"/internal/v1/programs/{programId}/integrations/moengage/credentials";

    public static string AlertTargets(string programId) => $"/v1/programs/{programId}/alerts/targets";

    public static string InternalAlertTargets(string programId) => $"/internal/v1/programs/{programId}/alerts/targets";

    public const string EnabledPrograms = "/internal/v1/integrations/moengage/enabled-programs";

    public const string Export = "/v1/integrations/moengage/export";
}
