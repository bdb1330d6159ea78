namespace Loyalife.Deployment.Tests;

public sealed class ContainerAppTests
{
    [Fact]
    public async Task OnlyTheAppsAdminsReachHaveExternalIngress()
    {
        var external = (await AppsAsync()).ToDictionary(
            app => app.AppId ?? "?",
            app => app.Template.ResolveBool(app.Resource["properties"]!["configuration"]!["ingress"]!["external"]));

        Assert.Equal(true, external["settings-service"]);
        Assert.Equal(true, external["moengage-dispatcher"]);
        Assert.Equal(false, external["snapshot-service"]);
    }

    [Fact]
    public async Task DaprCallsTheAppOverHttpOnThePortItsIngressTargets()
    {
        Assert.All(await AppsAsync(), app =>
        {
            var configuration = app.Resource["properties"]!["configuration"]!;
            Assert.Equal("http", app.Template.Resolve(configuration["dapr"]!["appProtocol"]));
            Assert.Equal(configuration["ingress"]!["targetPort"]!.ToJsonString(), configuration["dapr"]!["appPort"]!.ToJsonString());
            Assert.Equal(8080, app.Template.Template["variables"]!["port"]!.GetValue<int>());
        });
    }

    [Fact]
    public async Task RealImagesAreProbedOnAliveAndHealth()
    {
        Assert.All(await AppsAsync(), app =>
        {
            var probes = app.Template.Template["variables"]!["probes"]!.AsArray()
                .ToDictionary(probe => (string)probe!["type"]!, probe => (string?)probe!["httpGet"]!["path"]);
            Assert.Equal("/alive", probes["Liveness"]);
            Assert.Equal("/health", probes["Readiness"]);
            Assert.Equal("/alive", probes["Startup"]);
        });
    }

    private static async Task<IReadOnlyList<DeployedApp>> AppsAsync()
    {
        var main = await ArmTemplate.CompileMainAsync();
        return [.. main.SelfAndDescendants().SelectMany(template => template.Resources("Microsoft.App/containerApps")
            .Select(app => new DeployedApp(template, app, template.Resolve(app["properties"]!["configuration"]!["dapr"]!["appId"]))))];
    }

    private sealed record DeployedApp(ArmTemplate Template, JsonObject Resource, string? AppId);
}
