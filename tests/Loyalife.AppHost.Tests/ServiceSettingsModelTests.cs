using Loyalife.AppHost.Sync;

namespace Loyalife.AppHost.Tests;

public sealed class ServiceSettingsModelTests
{
    [Fact]
    public async Task SettingsServiceWritesTheSecretsFileItsSidecarReads()
    {
        var model = await AppHostModel.CreateAsync();
        var settings = await model.EnvironmentAsync("settings-service");

        Assert.Equal("LocalFile", settings["SecretStore__Kind"]);
        Assert.Equal(Path.Combine(model.DataDirectory, "dapr-secrets.json"), settings["SecretStore__FilePath"]);
        Assert.Equal(model.DataDirectory, model.Resource<ExecutableResource>("settings-service-dapr").WorkingDirectory);
        var component = await File.ReadAllTextAsync(Path.Combine(AppHostModel.RepositoryRoot, "components", "secretstore.yaml"));
        Assert.Contains("value: dapr-secrets.json", component);
    }

    [Fact]
    public async Task AdminTokenIsGeneratedOnceAndGivenToSettingsServiceAndDispatcher()
    {
        var model = await AppHostModel.CreateAsync();
        var settings = await model.EnvironmentAsync("settings-service");
        var dispatcher = await model.EnvironmentAsync("moengage-dispatcher");

        Assert.True(model.Resource<ParameterResource>("admin-token").Secret);
        Assert.True(settings["Admin__Token"].Length >= 32);
        Assert.Equal(settings["Admin__Token"], dispatcher["Admin__Token"]);
    }

    [Fact]
    public async Task AScriptSetsTheAdminTokenAndTheMoEngageBaseUrl()
    {
        var model = await AppHostModel.CreateAsync(
            "--Parameters:admin-token=script-token", "--Parameters:moengage-api-base-url=https://api-{dc}.moengage.com");
        var settings = await model.EnvironmentAsync("settings-service");

        Assert.Equal("script-token", settings["Admin__Token"]);
        Assert.Equal("https://api-{dc}.moengage.com", settings["MoEngage__ApiBaseUrl"]);
    }

    [Fact]
    public async Task AlertsLinkToSettingsServicesAdminPage()
    {
        var model = await AppHostModel.CreateAsync();
        var dispatcher = await model.EnvironmentAsync("moengage-dispatcher");

        Assert.Equal($"http://localhost:{AppHostModel.Port(model.Resource("settings-service"), "http")}/admin", dispatcher["Alerts__AdminPageUrl"]);
    }

    [Fact]
    public async Task MoEngageBaseUrlDefaultsToTheStandInsDataCentrePath()
    {
        var model = await AppHostModel.CreateAsync();
        var settings = await model.EnvironmentAsync("settings-service");

        Assert.Equal($"http://localhost:{AppHostModel.Port(model.Resource("moengage"), "http")}/dc/{{dc}}", settings["MoEngage__ApiBaseUrl"]);
    }

    [Fact]
    public async Task TheStandInStartsWithTheDemoWorkspaceAndSnapshotServiceWithDemoData()
    {
        var model = await AppHostModel.CreateAsync();
        var standIn = await model.EnvironmentAsync("moengage");
        var snapshotWaits = model.Resource("snapshot-service").Annotations.OfType<WaitAnnotation>();

        Assert.Equal("DEMO-APP-01", standIn["StandIn__Workspaces__0__appId"]);
        Assert.Equal("01", standIn["StandIn__Workspaces__0__dataCenter"]);
        Assert.False(string.IsNullOrEmpty(standIn["StandIn__Workspaces__0__apiKey"]));
        Assert.Equal(@"^C\d{7}[0-8]$", standIn["StandIn__Workspaces__0__customerIdPattern"]);
        Assert.Contains(snapshotWaits, w => w.Resource.Name == "demo-ledger" && w.WaitType == WaitType.WaitForCompletion);
    }

    [Fact]
    public async Task TheDispatcherOffersRunSyncNowInTheDashboard()
    {
        var model = await AppHostModel.CreateAsync();

        var command = model.Resource("moengage-dispatcher").Annotations.OfType<ResourceCommandAnnotation>()
            .Single(c => c.Name == RunSyncNowCommand.Name);
        Assert.Equal("Run sync now", command.DisplayName);
    }
}
