namespace Loyalife.SettingsService.Tests.Support;

public static class SecretsFile
{
    public static Dictionary<string, string> Read(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))! : [];
}
