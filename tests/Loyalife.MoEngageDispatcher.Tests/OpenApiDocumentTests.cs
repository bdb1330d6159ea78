namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class OpenApiDocumentTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    [Fact]
    public async Task TheAdminApiAndTheCronBindingAreDescribed()
    {
        await using var dispatcher = env.Dispatcher();
        using var client = dispatcher.CreateClient();

        var document = await OpenApiAssert.ReadAsync(client);

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/v1/programs/{programId}/sync-runs", paths);
        Assert.Contains("/v1/sync-runs/{runId}", paths);
        Assert.Contains("/nightly-sync", paths);
        Assert.Contains("/v1/programs/{programId}/sync-runs/{runId}/release", paths);
        Assert.Contains("/v1/programs/{programId}/sync-runs/{runId}/skip", paths);
        Assert.Contains("/v1/programs/{programId}/intraday-passes/held", paths);
        Assert.Contains("/v1/programs/{programId}/intraday-passes/{passId}/release", paths);
        Assert.Contains("/v1/programs/{programId}/intraday-passes/{passId}/skip", paths);
        Assert.Contains("/v1/programs/{programId}/alerts/test", paths);
        Assert.Contains("/v1/programs/{programId}/alerts/deliveries", paths);
    }
}
