using Dapr;
using Grpc.Core;

namespace Loyalife.DaprSidecar.Tests;

public sealed class TokenTests : IAsyncLifetime
{
    private const string DaprToken = "dapr-token-123";
    private const string AppToken = "app-token-456";
    private readonly TestSidecars sidecars = new(apiToken: DaprToken, appApiToken: AppToken);
    private TestApp app = null!;
    private RunningSidecar sidecar = null!;

    public async Task InitializeAsync()
    {
        app = await sidecars.StartAppAsync();
        await sidecars.WriteFileAsync("s.json", """{"k":"v"}""");
        var components = sidecars.Components(("s.yaml", ComponentYaml.SecretStore("secretstore", "s.json")));
        sidecar = await sidecars.StartWithComponentsAsync("guarded", components, app.Port);
    }

    public async Task DisposeAsync() => await sidecars.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    public async Task HttpApiCallsWithoutTheRightTokenGetDaprds401(string? token)
    {
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };
        if (token is not null)
            http.DefaultRequestHeaders.Add("dapr-api-token", token);

        foreach (var path in new[] { "/v1.0/invoke/guarded/method/echo/x", "/v1.0/secrets/secretstore/k", "/v1.0/metadata" })
        {
            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("invalid api token\n", await response.Content.ReadAsStringAsync());
        }
        Assert.Empty(app.Received);
    }

    [Theory]
    [InlineData("dapr-app-id header")]
    [InlineData("gRPC content type")]
    public async Task OtherRequestShapesNeedTheTokenToo(string shape)
    {
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };
        using var request = shape == "dapr-app-id header"
            ? new HttpRequestMessage(HttpMethod.Get, "/echo/x") { Headers = { { "dapr-app-id", "guarded" } } }
            : new HttpRequestMessage(HttpMethod.Post, "/v1.0/secrets/secretstore/k")
            {
                Content = new ByteArrayContent([]) { Headers = { { "content-type", "application/grpc" } } },
            };

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(app.Received);
    }

    [Theory]
    [InlineData(null, "missing api token in request metadata")]
    [InlineData("wrong", "authentication error: api token mismatch")]
    public async Task GrpcCallsWithoutTheRightTokenAreUnauthenticated(string? token, string message)
    {
        var client = new Dapr.Client.DaprClientBuilder()
            .UseGrpcEndpoint(sidecar.GrpcEndpoint.ToString())
            .UseHttpEndpoint(sidecar.HttpEndpoint.ToString())
            .UseDaprApiToken(token)
            .Build();
        using var _ = client;

        var error = await Assert.ThrowsAsync<DaprException>(() => client.GetSecretAsync("secretstore", "k"));

        var rpc = Assert.IsType<RpcException>(error.InnerException);
        Assert.Equal((StatusCode.Unauthenticated, message), (rpc.StatusCode, rpc.Status.Detail));
    }

    [Fact]
    public async Task WithTheTokenTheSdkReadsSecretsAndInvokes()
    {
        Assert.Equal("v", (await sidecars.Client(sidecar).GetSecretAsync("secretstore", "k"))["k"]);

        using var response = await sidecars.Invoker(sidecar, "guarded").GetAsync("/echo/x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheAppGetsTheAppTokenAndNeverTheDaprToken()
    {
        var caller = await sidecars.StartAsync("caller");

        using var response = await sidecars.Invoker(caller, "guarded").GetAsync("/echo/x");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AppToken, Assert.Single(app.Received).Headers["dapr-api-token"]);
    }

    [Fact]
    public async Task TheSidecarToSidecarHopRejectsCallersWithoutTheRegistryKey()
    {
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };
        http.DefaultRequestHeaders.Add("dapr-api-token", DaprToken);

        using var response = await http.GetAsync("/_loyalife/hop/echo/x");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(app.Received);
    }
}
