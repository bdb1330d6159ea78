using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;

namespace Loyalife.DaprSidecar.Tests;

public sealed class InvocationTests : IAsyncLifetime
{
    private readonly TestSidecars sidecars = new();
    private TestApp callee = null!;
    private RunningSidecar caller = null!;

    public async Task InitializeAsync()
    {
        callee = await sidecars.StartAppAsync();
        await sidecars.StartAsync("callee", callee.Port);
        caller = await sidecars.StartAsync("caller");
    }

    public async Task DisposeAsync() => await sidecars.DisposeAsync();

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("HEAD")]
    [InlineData("OPTIONS")]
    public async Task EveryVerbReachesTheCalleeAppThroughBothSidecars(string verb)
    {
        var http = sidecars.Invoker(caller, "callee");
        using var request = new HttpRequestMessage(new HttpMethod(verb), "/echo/some/path?x=1&y=%20two");
        if (verb is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{\"hello\":\"world\"}", Encoding.UTF8, "application/json");
        request.Headers.Add("x-custom", "kept");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("yes", response.Headers.GetValues("x-echo").Single());
        var seen = Assert.Single(callee.Received);
        Assert.Equal(verb, seen.Method);
        Assert.Equal("/echo/some/path", seen.Path);
        Assert.Equal("?x=1&y=%20two", seen.Query);
        Assert.Equal("kept", seen.Headers["x-custom"]);
        Assert.Equal("caller", seen.Headers["dapr-caller-app-id"]);
        Assert.Equal("callee", seen.Headers["dapr-callee-app-id"]);
        if (verb is "POST" or "PUT" or "PATCH")
        {
            Assert.Equal(17, seen.BodyLength);
            Assert.Equal("application/json; charset=utf-8", seen.Headers["content-type"]);
        }
    }

    [Fact]
    public async Task TheCalleeSeesDaprdsForwardedHeadersAppendedToTheCallers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/echo/forwarded");
        request.Headers.Add("X-Forwarded-For", "10.0.0.7");

        using var response = await sidecars.Invoker(caller, "callee").SendAsync(request);

        var seen = Assert.Single(callee.Received);
        var host = System.Net.Dns.GetHostName();
        Assert.Equal("10.0.0.7, 127.0.0.1", seen.Headers["x-forwarded-for"]);
        Assert.Equal(host, seen.Headers["x-forwarded-host"]);
        Assert.Equal($"for=127.0.0.1;by=127.0.0.1;host={host}", seen.Headers["forwarded"]);
    }

    [Theory]
    [InlineData(201)]
    [InlineData(204)]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task TheAppsStatusCodeAndBodyComeBackUnchanged(int status)
    {
        var http = sidecars.Invoker(caller, "callee");

        using var response = await http.GetAsync($"/status/{status}");

        Assert.Equal(status, (int)response.StatusCode);
        if (status != 204)
            Assert.Equal($"the app says {status}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TenMegabyteBodiesStreamThereAndBack()
    {
        var body = RandomNumberGenerator.GetBytes(10 * 1024 * 1024);
        var http = sidecars.Invoker(caller, "callee");

        using var response = await http.PostAsync("/mirror", new ByteArrayContent(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, echoed.Length);
        Assert.Equal(SHA256.HashData(body), SHA256.HashData(echoed));
    }

    [Fact]
    public async Task TheDaprAppIdHeaderFormInvokesLikeThePathForm()
    {
        using var http = new HttpClient { BaseAddress = caller.HttpEndpoint };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/echo/header-form?q=a%2Fb")
        {
            Content = new StringContent("abc"),
        };
        request.Headers.Add("dapr-app-id", "callee");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(callee.Received);
        Assert.Equal(("/echo/header-form", "?q=a%2Fb", 3L), (seen.Path, seen.Query, seen.BodyLength));
        Assert.False(seen.Headers.ContainsKey("dapr-app-id"));
    }

    [Fact]
    public async Task ThePlainUrlFormKeepsPercentEncodingOfTheMethodPath()
    {
        using var http = new HttpClient { BaseAddress = caller.HttpEndpoint };

        using var response = await http.GetAsync("/v1.0/invoke/callee/method/echo/a%2Fb/c?z=%3D");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await response.Content.ReadFromJsonAsync<ReceivedRequest>();
        Assert.Equal("/echo/a%2Fb/c", seen!.Path);
        Assert.Equal("?z=%3D", seen.Query);
    }

    [Fact]
    public async Task AnUnknownAppIdAnswersDaprsDirectInvokeError()
    {
        var message = await DirectInvokeErrorAsync("nobody");

        Assert.Equal("failed to invoke, id: nobody, err: couldn't find service: nobody", message);
    }

    [Fact]
    public async Task AStaleRegistryEntryOfADeadProcessIsIgnored()
    {
        await File.WriteAllTextAsync(Path.Combine(sidecars.Environment.RegistryDirectory!, "ghost.json"),
            """{"appId":"ghost","httpEndpoint":"http://127.0.0.1:9/","grpcEndpoint":"http://127.0.0.1:9/","processId":2147483000,"hopKey":"x","startedAt":"2026-01-01T00:00:00Z"}""");

        Assert.EndsWith("couldn't find service: ghost", await DirectInvokeErrorAsync("ghost"));
    }

    [Fact]
    public async Task ACalleeWhoseAppIsDownAnswersDirectInvokeError()
    {
        await sidecars.StartAsync("down", FreePort.Next());

        Assert.StartsWith("failed to invoke, id: down, err: error invoking app channel:", await DirectInvokeErrorAsync("down"));
    }

    private async Task<string?> DirectInvokeErrorAsync(string appId)
    {
        using var response = await sidecars.Invoker(caller, appId).GetAsync("/anything");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ERR_DIRECT_INVOKE", error.RootElement.GetProperty("errorCode").GetString());
        return error.RootElement.GetProperty("message").GetString();
    }

    [Fact]
    public async Task ASidecarInvokesItsOwnAppDirectly()
    {
        var callee = await sidecars.StartAsync("callee-self", this.callee.Port);
        var http = sidecars.Invoker(callee, "callee-self");

        using var response = await http.GetAsync("/echo/self");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("callee-self", Assert.Single(this.callee.Received).Headers["dapr-caller-app-id"]);
    }

    [Fact]
    public async Task TheCallersTraceContinuesAcrossBothSidecarsWithNewSpans()
    {
        var http = sidecars.Invoker(caller, "callee");
        using var callerSpan = new Activity("caller app").SetIdFormat(ActivityIdFormat.W3C).Start();

        using var response = await http.GetAsync("/echo/traced");

        var traceparent = Assert.Single(callee.Received).Headers["traceparent"].Split('-');
        Assert.Equal(callerSpan.TraceId.ToHexString(), traceparent[1]);
        Assert.NotEqual(callerSpan.SpanId.ToHexString(), traceparent[2]);
    }
}
