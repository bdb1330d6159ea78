namespace Loyalife.SettingsService.Tests.Support;

public static class SettingsPaths
{
    public static string MoEngage(string programId) => $"/v1/programs/{programId}/integrations/moengage";

    public static string Credentials(string programId) => $"/internal/v1/programs/{programId}/integrations/moengage/credentials";

    public const string EnabledPrograms = "/internal/v1/integrations/moengage/enabled-programs";

    public const string Export = "/v1/integrations/moengage/export";
}
