namespace Loyalife.Deployment.Tests;

public sealed class SecretHandlingTests
{
    // Built-in role: Key Vault Secrets Officer.
    private const string SecretsOfficerRoleId = "b86a8fe4-44ce-4948-aee5-eccb2c155cd7";

    [Fact]
    public async Task NoTemplateOutputCarriesASecureParameterOrAListFunction()
    {
        var main = await ArmTemplate.CompileMainAsync();

        foreach (var template in main.SelfAndDescendants())
        {
            var secure = (template.Template["parameters"]?.AsObject() ?? [])
                .Select(parameter => parameter.Key)
                .Where(template.IsSecureParameter)
                .ToList();
            foreach (var (name, output) in template.Template["outputs"]?.AsObject() ?? [])
            {
                var value = output?["value"]?.ToJsonString() ?? "";
                Assert.True(
                    (string?)output?["type"] is not ("securestring" or "secureObject" or "secureString" or "secureobject"),
                    $"Output '{name}' in {template.Path} is of a secure type; outputs are readable in the deployment history.");
                Assert.DoesNotContain("list", value.Replace("[parameters(", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
                Assert.All(secure, parameter => Assert.DoesNotContain($"parameters('{parameter}')", value, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task EverySecureParameterIsGeneratedByAzdAndAbsentFromTheParametersFile()
    {
        var main = await ArmTemplate.CompileMainAsync();
        var parametersFile = JsonNode.Parse(File.ReadAllText(DeploymentFiles.MainParameters))!["parameters"]!.AsObject();
        var secure = main.Template["parameters"]!.AsObject().Where(parameter => main.IsSecureParameter(parameter.Key)).ToList();

        Assert.NotEmpty(secure);
        Assert.All(secure, parameter =>
        {
            Assert.False(parametersFile.ContainsKey(parameter.Key), $"main.parameters.json sets the secure parameter '{parameter.Key}'.");
            Assert.Null(parameter.Value!["defaultValue"]);
            Assert.Equal("generate", (string?)parameter.Value!["metadata"]?["azd"]?["type"]);
        });
    }

    [Fact]
    public async Task ContainerAppSecretsArriveOnlyThroughASecureParameter()
    {
        var main = await ArmTemplate.CompileMainAsync();
        var apps = main.SelfAndDescendants()
            .SelectMany(template => template.Resources("Microsoft.App/containerApps").Select(app => (template, app)))
            .ToList();

        Assert.NotEmpty(apps);
        Assert.All(apps, item =>
        {
            var secrets = (string?)item.app["properties"]!["configuration"]!["secrets"];
            Assert.Equal("[parameters('secrets').entries]", secrets);
            Assert.True(item.template.IsSecureParameter("secrets"), $"'secrets' is not secure in {item.template.Path}.");
        });
    }

    [Fact]
    public async Task InfraLeavesTheDaprAppTokenToThePlatform()
    {
        // Container Apps injects APP_API_TOKEN into each app and has its sidecar send the same value;
        // a value of ours would override it and every Dapr call into the app would be refused.
        var build = await BicepCli.BuildMainAsync();

        Assert.DoesNotContain("APP_API_TOKEN", build.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlySettingsServiceHoldsARoleOnTheKeyVault()
    {
        var main = await ArmTemplate.CompileMainAsync();
        var vaultRoles = main.SelfAndDescendants()
            .SelectMany(template => template.Resources("Microsoft.Authorization/roleAssignments").Select(role => (template, role)))
            .Where(item => ((string?)item.role["scope"] ?? "").Contains("Microsoft.KeyVault/vaults", StringComparison.Ordinal))
            .ToList();

        var (template, role) = Assert.Single(vaultRoles);
        var roleVariable = Regex.Match((string?)role["properties"]!["roleDefinitionId"] ?? "", @"variables\('(?<name>\w+)'\)");
        Assert.True(roleVariable.Success, $"The role definition id in {template.Path} does not come from a variable.");
        Assert.Equal(SecretsOfficerRoleId, (string?)template.Template["variables"]![roleVariable.Groups["name"].Value]);
        Assert.Equal("[parameters('settingsServicePrincipalId')]", (string?)role["properties"]!["principalId"]);

        var keyVaultModule = main.Resources("Microsoft.Resources/deployments")
            .Single(module => main.Resolve(module["name"]) == template.Path.Split('/')[^1]);
        Assert.Equal(
            "[reference('settingsServiceIdentity').outputs.identity.value.principalId]",
            (string?)keyVaultModule["properties"]!["parameters"]!["settingsServicePrincipalId"]!["value"]);
    }
}
