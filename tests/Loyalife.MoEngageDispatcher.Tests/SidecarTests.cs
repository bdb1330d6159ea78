using System.Globalization;
using Loyalife.DaprSidecar;

namespace Loyalife.MoEngageDispatcher.Tests;

/// <summary>The same run with every call to settings- and snapshot-service going through the local Dapr sidecars.</summary>
public sealed class SidecarTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    [Fact]
    public async Task ARunReadsCredentialsAndSnapshotsThroughTheLocalSidecars()
    {
        var program = await env.ProgramAsync(members: 40, events: 7);
        var registry = Directory.CreateTempSubdirectory("loyalife-dapr-").FullName;
        const string dispatcherToken = "dispatcher-sidecar-token";
        var appPort = env.Dapr.Port.ToString(CultureInfo.InvariantCulture);
        await using var settings = await DaprSidecarHost.StartAsync(
            ["--app-id", "settings-service", "--app-port", appPort, "--dapr-http-port", "0", "--dapr-grpc-port", "0"],
            new SidecarEnvironment { AppApiToken = FakeDapr.ApiToken, RegistryDirectory = registry });
        await using var snapshots = await DaprSidecarHost.StartAsync(
            ["--app-id", "snapshot-service", "--app-port", appPort, "--dapr-http-port", "0", "--dapr-grpc-port", "0"],
            new SidecarEnvironment { AppApiToken = FakeDapr.ApiToken, RegistryDirectory = registry });
        await using var own = await DaprSidecarHost.StartAsync(
            ["--app-id", "moengage-dispatcher", "--dapr-http-port", "0", "--dapr-grpc-port", "0"],
            new SidecarEnvironment { ApiToken = dispatcherToken, RegistryDirectory = registry });
        await using var dispatcher = env.Dispatcher(settings: new Dictionary<string, string?>
        {
            ["Sync:MaxCatchUpDays"] = "1",
            ["DAPR_HTTP_ENDPOINT"] = own.HttpEndpoint.ToString().TrimEnd('/'),
            ["DAPR_API_TOKEN"] = dispatcherToken,
        });

        var run = await dispatcher.TickForOneRunAsync(program.ProgramId);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        await env.StandIn.AssertDeliveredOnceAsync(program.AppId, members: 40, events: 7);
        // Credentials, program, summary and pages all came through the callee sidecars, none to the fake's invoke route.
        Assert.True(env.Dapr.AppCalls >= 6, $"{env.Dapr.AppCalls} calls forwarded by sidecars");
    }
}
