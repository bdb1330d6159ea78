namespace Loyalife.MoEngageStandIn.Tests;

/// <summary>What MoEngage checks before it looks at elements: content type, the 100 KB (Bulk) and 128 KB caps, an empty body.</summary>
public sealed class RequestGateTests(StandInFixture fixture) : StandInTestBase(fixture)
{
    private const int Cap = 102_400;

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task ABodyThatIsNotDeclaredJsonGets415(string contentType)
    {
        var appId = await Client.CreateWorkspaceAsync();

        var response = await Client.PostAsync($"/dc/01/v1/transition/{appId}", BodyOfSize(200), appId, contentType: contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        await ErrorAsync(response);
    }

    [Theory]
    [InlineData("transition")]
    [InlineData("customer")]
    [InlineData("event")]
    public async Task ABodyWithoutContentTypeIsMoEngagesMissingHeaderValue(string operation)
    {
        var appId = await Client.CreateWorkspaceAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/dc/01/v1/{operation}/{appId}") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(BodyOfSize(200))) };
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{appId}:{Key}")));

        var response = await Client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Equal("Missing header value", error.GetProperty("type").GetString());
        Assert.Equal("The Content-Type Header is required", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnEmptyBodyIsMoEngagesEmptyRequestBody()
    {
        var appId = await Client.CreateWorkspaceAsync();

        var response = await Client.PostAsync($"/dc/01/v1/customer/{appId}", "", appId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Empty request body", (await ErrorAsync(response)).GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("customer", """{"type":"customer","customer_id":"C1","attributes":{"a":1}}""")]
    [InlineData("event", """{"type":"event","customer_id":"C1","actions":[{"action":"a"}]}""")]
    public async Task TrackUserAndCreateEventTakeUpTo128Kilobytes(string operation, string element)
    {
        const int otherCap = 131_072;
        var appId = await Client.CreateWorkspaceAsync();

        var atCap = await Client.PostAsync($"/dc/01/v1/{operation}/{appId}", element + new string(' ', otherCap - element.Length), appId);
        var overCap = await Client.PostAsync($"/dc/01/v1/{operation}/{appId}", element + new string(' ', otherCap + 1 - element.Length), appId);

        Assert.Equal(HttpStatusCode.OK, atCap.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overCap.StatusCode);
        Assert.Equal("The payload can not exceed 128KB", (await ErrorAsync(overCap)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task ACharsetParameterIsFine()
    {
        var appId = await Client.CreateWorkspaceAsync();

        var response = await Client.PostAsync($"/dc/01/v1/transition/{appId}", BodyOfSize(200), appId,
            contentType: "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ExactlyOneHundredKilobytesIsAcceptedAndOneByteMoreIsTooLarge()
    {
        var appId = await Client.CreateWorkspaceAsync();

        var atCap = await Client.PostAsync($"/dc/01/v1/transition/{appId}", BodyOfSize(Cap), appId);
        var overCap = await Client.PostAsync($"/dc/01/v1/transition/{appId}", BodyOfSize(Cap + 1), appId);

        Assert.Equal(HttpStatusCode.OK, atCap.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overCap.StatusCode);
        Assert.Equal("PayloadTooLarge", (await ErrorAsync(overCap)).GetProperty("type").GetString());
        var stats = await Client.StatsAsync(appId);
        Assert.Equal(1, stats.Stat("acceptedRequests"));
        Assert.Equal(Cap, stats.Stat("bytesReceived"));
    }

    [Fact]
    public async Task AnOversizedBodyWithoutContentLengthIsCutOffAtTheCap()
    {
        var appId = await Client.CreateWorkspaceAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/dc/01/v1/transition/{appId}")
        {
            Content = new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(BodyOfSize(3 * Cap)))),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Authorization = new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{appId}:{Key}")));

        var response = await Client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(Cap + 1, (await Client.StatsAsync(appId)).Stat("bytesReceived"));
    }

    /// <summary>A valid one-customer Bulk body padded with white space to exactly <paramref name="bytes"/>.</summary>
    private static string BodyOfSize(int bytes)
    {
        const string json = """{"type":"transition","elements":[{"type":"customer","customer_id":"C1","attributes":{"a":1}}]}""";
        return json + new string(' ', bytes - json.Length);
    }

    /// <summary>Hides the length so HttpClient sends the body chunked.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
