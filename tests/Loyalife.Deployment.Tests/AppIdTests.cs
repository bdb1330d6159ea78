namespace Loyalife.Deployment.Tests;

public sealed class AppIdTests
{
    [Fact]
    public async Task EveryDaprAppIdInInfraIsAnAppHostResourceName()
    {
        var appHost = AppHostResources.Projects();
        var appIds = await InfraAppIdsAsync();

        Assert.NotEmpty(appIds);
        Assert.All(appIds, appId => Assert.True(
            appId is not null && appHost.ContainsKey(appId),
            $"Dapr app id '{appId}' in infra/ is not an AppHost resource name ({string.Join(", ", appHost.Keys)})."));
    }

    [Fact]
    public async Task InfraDeploysEachAppIdOnce()
    {
        var appIds = await InfraAppIdsAsync();

        Assert.Equal(["moengage-dispatcher", "settings-service", "snapshot-service"], appIds.Order());
    }

    [Fact]
    public async Task AzureYamlNamesExactlyTheAppsInfraDeploys()
    {
        var services = AzdProject.Services().Select(service => service.Name);

        Assert.Equal((await InfraAppIdsAsync()).Order(), services.Order());
    }

    [Fact]
    public void EachAzdServiceBuildsTheProjectTheAppHostRunsUnderThatName()
    {
        var appHost = AppHostResources.Projects();

        Assert.All(AzdProject.Services(), service =>
        {
            Assert.Equal("dotnet", service.Language);
            Assert.Equal("containerapp", service.Host);
            var directory = Path.GetFileName(Path.TrimEndingDirectorySeparator(service.Project ?? ""));
            Assert.True(
                File.Exists(Path.Combine(DeploymentFiles.Root, directory, $"{directory}.csproj")),
                $"azure.yaml service '{service.Name}' points at '{service.Project}', which has no {directory}.csproj.");
            // Aspire names the generated Projects.X type after the project file, with '.' as '_'.
            Assert.Equal(appHost[service.Name], directory.Replace('.', '_'));
        });
    }

    [Fact]
    public async Task EachAppKeepsItsImageWhenAzdSaysItExists()
    {
        // azd sets SERVICE_<NAME>_RESOURCE_EXISTS once a service is deployed; if the wiring breaks, a later
        // `azd provision` silently puts the placeholder image back.
        var main = await ArmTemplate.CompileMainAsync();
        var parameters = JsonNode.Parse(File.ReadAllText(DeploymentFiles.MainParameters))!["parameters"]!.AsObject();

        Assert.All(AzdProject.Services(), service =>
        {
            var variable = $"SERVICE_{service.Name.ToUpperInvariant().Replace('-', '_')}_RESOURCE_EXISTS";
            var parameter = Assert.Single(parameters, entry => (string?)entry.Value!["value"] == $"${{{variable}=false}}").Key;
            var module = main.Resources("Microsoft.Resources/deployments")
                .Single(deployment => main.Resolve(deployment["properties"]!["parameters"]?["name"]?["value"]) == service.Name);
            Assert.Equal($"[parameters('{parameter}')]", (string?)module["properties"]!["parameters"]!["exists"]!["value"]);
        });
    }

    [Fact]
    public async Task DaprComponentScopesNameOnlyAppsInfraDeploys()
    {
        var appIds = await InfraAppIdsAsync();

        Assert.All(await InfraComponents.AllAsync(), component =>
            Assert.All(component.Scopes, scope => Assert.Contains(scope, appIds)));
    }

    private static async Task<IReadOnlyList<string?>> InfraAppIdsAsync()
    {
        var main = await ArmTemplate.CompileMainAsync();
        return [.. main.SelfAndDescendants().SelectMany(template => template.Resources("Microsoft.App/containerApps")
            .Select(app => AppId(template, app)))];
    }

    private static string? AppId(ArmTemplate template, JsonObject app)
    {
        var dapr = app["properties"]?["configuration"]?["dapr"];
        Assert.True(dapr?["enabled"]?.GetValue<bool>() == true, $"A container app in {template.Path} has Dapr disabled.");
        return template.Resolve(dapr!["appId"]);
    }
}
