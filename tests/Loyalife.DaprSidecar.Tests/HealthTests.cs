using System.Net;
using System.Text.Json;
using Loyalife.DaprSidecar.Tests.Support;

namespace Loyalife.DaprSidecar.Tests;

public sealed class HealthTests : IAsyncDisposable
{
    private readonly TestSidecars _sidecars = new(apiToken: "dapr-token");

    public async ValueTask DisposeAsync() => await _sidecars.DisposeAsync();

    [Fact]
    public async Task WaitForSidecarAndCheckHealthSucceed()
    {
        var sidecar = await _sidecars.StartAsync("healthy");
        var client = _sidecars.Client(sidecar);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.WaitForSidecarAsync(timeout.Token);

        Assert.True(await client.CheckHealthAsync());
        Assert.True(await client.CheckOutboundHealthAsync());
    }

    [Fact]
    public async Task HealthzAnswers204WithoutAToken()
    {
        var sidecar = await _sidecars.StartAsync("healthy");
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        Assert.Equal(HttpStatusCode.NoContent, (await http.GetAsync("/v1.0/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.GetAsync("/v1.0/healthz/outbound")).StatusCode);
    }

    [Fact]
    public async Task MetadataNamesTheAppAndItsComponents()
    {
        var components = _sidecars.Components(("cron.yaml", ComponentYaml.Cron("nightly-sync", "@daily")));
        var sidecar = await _sidecars.StartAsync("described", null, "--resources-path", components);
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };
        http.DefaultRequestHeaders.Add("dapr-api-token", "dapr-token");

        using var metadata = JsonDocument.Parse(await http.GetStringAsync("/v1.0/metadata"));

        Assert.Equal("described", metadata.RootElement.GetProperty("id").GetString());
        var component = Assert.Single(metadata.RootElement.GetProperty("components").EnumerateArray());
        Assert.Equal("bindings.cron", component.GetProperty("type").GetString());
    }
}
