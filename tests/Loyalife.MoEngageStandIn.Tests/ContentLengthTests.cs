namespace Loyalife.MoEngageStandIn.Tests;

/// <summary>
/// MoEngage says to send a Content-Length and not to rely on chunked bodies, without saying what it does with one.
/// The stand-in accepts them unless a workspace asks for strictness (<c>requireContentLength</c>): then 411.
/// </summary>
public sealed class ContentLengthTests(StandInFixture fixture) : StandInTestBase(fixture)
{
    [Fact]
    public async Task ByDefaultAChunkedBodyIsAccepted()
    {
        var appId = await Client.CreateWorkspaceAsync();

        var response = await SendChunkedAsync($"/dc/01/v1/transition/{appId}", JsonSerializer.Serialize(Bulk(Customer("C1", new { a = 1 }))), appId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AStrictWorkspaceRefusesChunkedBodiesWith411OnEveryEndpoint()
    {
        var appId = await Client.CreateGetUserWorkspaceAsync(new JsonObject { ["requireContentLength"] = true });
        var bulk = JsonSerializer.Serialize(Bulk(Customer("C1", new { a = 1 })));
        var testConnection = JsonSerializer.Serialize(new { app_id = appId, app_secret = Key, source = "loyalife", region = "01" });

        var chunked = new[]
        {
            await SendChunkedAsync($"/dc/01/v1/transition/{appId}", bulk, appId),
            await SendChunkedAsync($"/dc/01/v1/customer/{appId}", """{"type":"customer","customer_id":"C1","attributes":{}}""", appId),
            await SendChunkedAsync($"/dc/01/v1/customers/export?app_id={appId}", GetUserBody(["C1"]).ToJsonString(), appId),
            await SendChunkedAsync("/dc/01/v1/integrations/authentication", testConnection, appId),
        };
        var sized = await Client.BulkAsync(appId, bulk);

        Assert.All(chunked, response => Assert.Equal(HttpStatusCode.LengthRequired, response.StatusCode));
        Assert.Equal("LengthRequired", (await ErrorAsync(chunked[0])).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, sized.StatusCode);
        Assert.True((await Client.GetJsonAsync($"/control/workspaces/{appId}")).GetProperty("requireContentLength").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.Http.GetAsync($"/control/workspaces/{appId}/customers/C2")).StatusCode);
    }

    private Task<HttpResponseMessage> SendChunkedAsync(string path, string json, string appId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ChunkedContent(Encoding.UTF8.GetBytes(json)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{appId}:{Key}")));
        request.Headers.Add("MOE-APPKEY", appId);
        return Client.Http.SendAsync(request);
    }

    /// <summary>Content of no known length, which HttpClient sends with <c>Transfer-Encoding: chunked</c>.</summary>
    private sealed class ChunkedContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
