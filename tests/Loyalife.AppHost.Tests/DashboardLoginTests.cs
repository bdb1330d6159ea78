namespace Loyalife.AppHost.Tests;

/// <summary>
/// The dashboard shows every parameter, the admin token among them: it keeps Aspire's default login (a browser
/// token the console prints as a login link), so reaching its port is not enough to read the token.
/// </summary>
public sealed class DashboardLoginTests
{
    private static readonly string[] AnonymousSwitches =
    [
        "ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS", "DOTNET_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS",
        "DASHBOARD__FRONTEND__AUTHMODE", "Dashboard:Frontend:AuthMode",
    ];

    [Fact]
    public void NoLaunchProfileOrSettingsFileTurnsTheDashboardLoginOff()
    {
        var appHost = Path.Combine(AppHostModel.RepositoryRoot, "Loyalife.AppHost");
        using var launch = JsonDocument.Parse(File.ReadAllText(Path.Combine(appHost, "Properties", "launchSettings.json")));
        foreach (var profile in launch.RootElement.GetProperty("profiles").EnumerateObject())
        {
            var variables = profile.Value.TryGetProperty("environmentVariables", out var env)
                ? env.EnumerateObject().Select(v => v.Name).ToList()
                : [];
            Assert.DoesNotContain(variables, name => AnonymousSwitches.Contains(name, StringComparer.OrdinalIgnoreCase));
        }

        foreach (var settings in Directory.GetFiles(appHost, "appsettings*.json"))
        {
            var text = File.ReadAllText(settings);
            Assert.DoesNotContain("AuthMode", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ALLOW_ANONYMOUS", text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
