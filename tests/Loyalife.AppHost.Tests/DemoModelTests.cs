namespace Loyalife.AppHost.Tests;

public sealed class DemoModelTests
{
    [Fact]
    public async Task TheDemoSizeComesFromTheAppHostsConfigurationAndIsTheDemoLedgersOwnOtherwise()
    {
        var sized = await (await AppHostModel.CreateAsync("--Demo:Members=300")).EnvironmentAsync("demo-ledger");
        var unsized = await (await AppHostModel.CreateAsync()).EnvironmentAsync("demo-ledger");

        Assert.Equal("300", sized["Demo__Members"]);
        Assert.False(unsized.ContainsKey("Demo__Members"));
    }

    [Fact]
    public async Task SnapshotServiceStartsOnlyOnceTheDemoLedgerHasBeenSeeded()
    {
        var model = await AppHostModel.CreateAsync();
        var demoLedger = model.Resource("demo-ledger");
        var waits = model.Resource("snapshot-service").Annotations.OfType<WaitAnnotation>().ToList();
        var ledgerEnvironment = await model.EnvironmentAsync("demo-ledger");

        Assert.Contains(waits, w => w.Resource == demoLedger && w.WaitType == WaitType.WaitForCompletion && w.ExitCode == 0);
        Assert.Contains(demoLedger.Annotations.OfType<WaitAnnotation>(), w => w.Resource.Name == "loyalife");
        Assert.True(ledgerEnvironment.ContainsKey("ConnectionStrings__loyalife"), string.Join(", ", ledgerEnvironment.Keys));
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
