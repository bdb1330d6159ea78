namespace Loyalife.DaprSidecar.Tests;

public sealed class HealthTests() : SidecarTestBase(apiToken: "dapr-token")
{
    [Fact]
    public async Task WaitForSidecarAndCheckHealthSucceed()
    {
        var sidecar = await Sidecars.StartAsync("healthy");
        var client = Sidecars.Client(sidecar);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await client.WaitForSidecarAsync(timeout.Token);

        Assert.True(await client.CheckHealthAsync());
        Assert.True(await client.CheckOutboundHealthAsync());
    }

    [Fact]
    public async Task HealthzAnswers204WithoutAToken()
    {
        var sidecar = await Sidecars.StartAsync("healthy");
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        Assert.Equal(HttpStatusCode.NoContent, (await http.GetAsync("/v1.0/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.GetAsync("/v1.0/healthz/outbound")).StatusCode);
    }

    [Fact]
    public async Task MetadataNamesTheAppAndItsComponents()
    {
        var components = Sidecars.Components(("cron.yaml", ComponentYaml.Cron("nightly-sync", "@daily")));
        var sidecar = await Sidecars.StartWithComponentsAsync("described", components);
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };
        http.DefaultRequestHeaders.Add("dapr-api-token", "dapr-token");

        using var metadata = JsonDocument.Parse(await http.GetStringAsync("/v1.0/metadata"));

        Assert.Equal("described", metadata.RootElement.GetProperty("id").GetString());
        var component = Assert.Single(metadata.RootElement.GetProperty("components").EnumerateArray());
        Assert.Equal("bindings.cron", component.GetProperty("type").GetString());
    }
}
