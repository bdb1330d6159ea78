namespace Loyalife.Deployment.Tests;

/// <summary>The Entra tenant and application reach both apps that serve admin APIs, with the access claim names (docs/access.md).</summary>
public sealed class SignInTests
{
    private static readonly string[] AccessSettings =
    [
        "Admin__Jwt__Authority", "Admin__Jwt__Audience", "Admin__Access__ProgramsClaim", "Admin__Access__RoleClaim",
        "Admin__Access__ViewerRole", "Admin__Access__EditorRole",
    ];

    [Fact]
    public async Task TheEntraTenantBecomesTheAuthorityAndTheClientIdTheAudience()
    {
        var variables = (await ArmTemplate.CompileMainAsync()).Template["variables"]!;

        var authority = (string)variables["jwtAuthority"]!;
        var audience = (string)variables["jwtAudience"]!;

        Assert.Contains("format('{0}{1}/v2.0', environment().authentication.loginEndpoint, parameters('entraTenantId'))", authority, StringComparison.Ordinal);
        Assert.Contains("if(empty(parameters('entraAudience')), parameters('entraClientId'), parameters('entraAudience'))", audience, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsServiceAndTheDispatcherGetTheSameSignInSettings()
    {
        var main = await ArmTemplate.CompileMainAsync();
        var adminJwt = (string)main.Template["variables"]!["adminJwt"]!;

        Assert.All(AccessSettings, name => Assert.Contains($"'{name}'", adminJwt, StringComparison.Ordinal));
        foreach (var app in new[] { "settings-service", "moengage-dispatcher" })
        {
            var module = main.Resources("Microsoft.Resources/deployments")
                .Single(deployment => main.Resolve(deployment["properties"]!["parameters"]?["name"]?["value"]) == app);
            Assert.Contains("variables('adminJwt')", (string)module["properties"]!["parameters"]!["environmentVariables"]!["value"]!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryAccessParameterComesFromAnAzdVariable()
    {
        var parameters = JsonNode.Parse(File.ReadAllText(DeploymentFiles.MainParameters))!["parameters"]!.AsObject();

        foreach (var name in new[] { "entraTenantId", "entraClientId", "entraAudience", "accessProgramsClaim", "accessRoleClaim", "accessViewerRole", "accessEditorRole" })
        {
            Assert.StartsWith("${LOYALIFE_", (string?)parameters[name]?["value"], StringComparison.Ordinal);
        }
    }
}
