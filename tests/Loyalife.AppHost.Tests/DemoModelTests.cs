using Aspire.Hosting.ApplicationModel;

namespace Loyalife.AppHost.Tests;

[Trait("Suite", "System")]
public sealed class DemoModelTests
{
    [Fact]
    public async Task TheDemoSizeComesFromTheAppHostsConfigurationAndIsTheServicesOwnOtherwise()
    {
        var sized = await (await AppHostModel.CreateAsync("--Demo:Members=300")).EnvironmentAsync("snapshot-service");
        var unsized = await (await AppHostModel.CreateAsync()).EnvironmentAsync("snapshot-service");

        Assert.Equal("300", sized["Demo__Members"]);
        Assert.False(unsized.ContainsKey("Demo__Members"));
    }

    [Fact]
    public async Task SettingsServiceIsHealthyOnlyOnceTheDemoIntegrationStepHasReported()
    {
        var model = await AppHostModel.CreateAsync();
        var checks = model.Resource("settings-service").Annotations.OfType<HealthCheckAnnotation>().Select(c => c.Key).ToList();

        Assert.Contains("settings-service-demo-integration", checks);
        Assert.True(checks.Count >= 2, $"settings-service's own /health check is missing: {string.Join(", ", checks)}");
    }
}
