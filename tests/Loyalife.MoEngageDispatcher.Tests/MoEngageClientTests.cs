using Microsoft.Extensions.Logging.Abstractions;

namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class MoEngageClientTests
{
    private static readonly MoEngageCredentials Credentials = new("p", true, "APP1", "s3cret", "02", "https://api-02.example/");

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.Conflict)]
    public async Task CredentialAnswersStopTheRunNamingTheDataCentre(HttpStatusCode status)
    {
        var (client, requests) = Client(_ => Answer(status, """{"status":"fail","error":{"message":"App Secret key mismatch"}}"""));

        var rejected = await Assert.ThrowsAsync<CredentialsRejectedException>(() => SendAsync(client));

        Assert.Contains("credentials rejected by MoEngage data centre 02", rejected.Message);
        Assert.Contains("App Secret key mismatch", rejected.Message);
        Assert.Single(requests);
    }

    [Fact]
    public async Task EveryRequestCarriesBasicAuthTheAppKeyHeaderAndJsonToTheTransitionPath()
    {
        var (client, requests) = Client(_ => Answer(HttpStatusCode.OK, """{"status":"success"}"""));

        var result = await SendAsync(client);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var request = Assert.Single(requests);
        Assert.Equal("https://api-02.example/v1/transition/APP1", request.RequestUri!.ToString());
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("APP1:s3cret")), request.Headers.Authorization!.ToString());
        Assert.Equal("APP1", request.Headers.GetValues("MOE-APPKEY").Single());
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.ToString());
        Assert.True(Sent.TryGetValue(request, out var sent));
        var (body, length) = sent;
        Assert.Equal(Encoding.UTF8.GetByteCount(body), length);
        Assert.NotEqual(true, request.Headers.TransferEncodingChunked);
    }

    [Fact]
    public async Task A429WaitsForTheResetTheHeadersGiveThenResends()
    {
        var calls = 0;
        var (client, requests) = Client(_ =>
        {
            if (++calls > 1)
            {
                return Answer(HttpStatusCode.OK, "{}");
            }

            var limited = Answer(HttpStatusCode.TooManyRequests, "{}");
            limited.Headers.Add("x-ratelimit-reset", "1");
            return limited;
        });

        var result = await SendAsync(client);

        Assert.Equal((SendOutcome.Accepted, 1, 0, 2), (result.Outcome, result.RateLimitWaits, result.Retries, requests.Count));
        Assert.Equal(TimeSpan.FromSeconds(1), result.RateLimitWaited);
    }

    [Fact]
    public async Task ServerErrorsAreRetriedAFixedNumberOfTimesThenTheRunFails()
    {
        var (client, requests) = Client(_ => Answer(HttpStatusCode.ServiceUnavailable, "busy"));

        var failure = await Assert.ThrowsAsync<MoEngageUnavailableException>(() => SendAsync(client));

        Assert.Equal(3, requests.Count);
        Assert.Contains("data centre 02 failed 3 attempts", failure.Message);
    }

    private static async Task<SendResult> SendAsync(MoEngageClient client)
    {
        using var packer = new BulkBodyPacker(1024);
        var writer = packer.BeginElement();
        writer.WriteStartObject();
        writer.WriteString("type", "customer");
        writer.WriteEndObject();
        packer.Commit(ElementKind.Customer, null, StreamPosition.Start);
        using var body = packer.Flush()!;
        return await client.SendAsync(Credentials, body, CancellationToken.None, CancellationToken.None);
    }

    [Fact]
    public async Task GetUserAsksForAtMostTwentyIdsWithContentLengthAndReadsWhoIsHeld()
    {
        var (factory, requests) = Stub(_ => Answer(HttpStatusCode.OK, """
            {"status":"success","type":"export_users","data":{"users":[{"user_attributes":{"uid":"C2","points_available":5}}],
             "users_not_found":[{"identifier_type":"customer_id","identifier":"C1"}]}}
            """));
        var client = GetUser(factory);

        var answer = await client.ExportAsync(Credentials, ["C1", "C2"], ["points_available"], CancellationToken.None);

        Assert.Equal(["C2"], answer.Exists);
        Assert.Equal(["C1"], answer.NotFound);
        Assert.Equal(5, answer.Found["C2"].GetProperty("points_available").GetInt32());
        var request = Assert.Single(requests);
        Assert.Equal("https://api-02.example/v1/customers/export?app_id=APP1", request.RequestUri!.ToString());
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("APP1:s3cret")), request.Headers.Authorization!.ToString());
        Assert.True(Sent.TryGetValue(request, out var sent));
        var (body, length) = sent;
        Assert.Equal(Encoding.UTF8.GetByteCount(body), length);
        Assert.Equal(
            """{"data":{"identifiers":[{"identifier_type":"customer_id","identifier":"C1"},{"identifier_type":"customer_id","identifier":"C2"}],"user_fields_to_export":["points_available"]}}""",
            body);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            client.ExportAsync(Credentials, Enumerable.Range(0, 21).Select(i => $"C{i}").ToList(), [], CancellationToken.None));
    }

    [Fact]
    public async Task GetUserRetriesServerErrorsAndRateLimitsThenFailsRatherThanGuessing()
    {
        var calls = 0;
        var (factory, requests) = Stub(_ => ++calls switch
        {
            1 => Answer(HttpStatusCode.ServiceUnavailable, "busy"),
            2 => Answer(HttpStatusCode.TooManyRequests, "{}"),
            _ => Answer(HttpStatusCode.OK, """{"data":{"users":[],"users_not_found":[{"identifier":"C1"}]}}"""),
        });

        var answer = await GetUser(factory).ExportAsync(Credentials, ["C1"], [], CancellationToken.None);

        Assert.Equal((3, 1, 1), (requests.Count, answer.Retries, answer.RateLimitWaits));
        Assert.Equal(["C1"], answer.NotFound);

        var (failing, _) = Stub(_ => Answer(HttpStatusCode.BadGateway, "down"));
        var failure = await Assert.ThrowsAsync<MoEngageUnavailableException>(() => GetUser(failing).ExportAsync(Credentials, ["C1"], [], CancellationToken.None));
        Assert.Contains("MoEngage (Get User) data centre 02 failed 3 attempts", failure.Message);
    }

    [Fact]
    public async Task AGetUserThatIsNotEnabledSaysSoAndIsNotTakenForARejectedKey()
    {
        var (factory, _) = Stub(_ => Answer(HttpStatusCode.Forbidden, """{"status":"fail","error":{"message":"The Get User API is not enabled for this workspace"}}"""));

        var failure = await Assert.ThrowsAsync<MoEngageUnavailableException>(() => GetUser(factory).ExportAsync(Credentials, ["C1"], [], CancellationToken.None));

        Assert.Contains("not enabled", failure.Message);
        Assert.Contains("'send'", failure.Message);
        Assert.DoesNotContain("s3cret", failure.Message);
    }

    private static GetUserClient GetUser(IHttpClientFactory factory)
    {
        var options = Options.Create(new MoEngageOptions
        {
            MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5), MaxRateLimitWait = TimeSpan.FromMilliseconds(5),
        });
        return new GetUserClient(Calls(factory, options));
    }

    private static DataApiCalls Calls(IHttpClientFactory factory, IOptions<MoEngageOptions> options) =>
        new(factory, options, new RetryTiming(options, TimeProvider.System), TimeProvider.System, NullLogger<DataApiCalls>.Instance);

    private static (IHttpClientFactory Factory, List<HttpRequestMessage> Requests) Stub(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        var requests = new List<HttpRequestMessage>();
        return (new StubFactory(Recording(requests, answer)), requests);
    }

    /// <summary>Each request's body and Content-Length as sent (the content is disposed once answered).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpRequestMessage, Tuple<string, long?>> Sent = new();

    private static HttpResponseMessage Answer(HttpStatusCode status, string body) => new(status) { Content = new StringContent(body) };

    private static (MoEngageClient Client, List<HttpRequestMessage> Requests) Client(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        var requests = new List<HttpRequestMessage>();
        var options = Options.Create(new MoEngageOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) });
        var client = new MoEngageClient(Calls(new StubFactory(Recording(requests, answer)), options));
        return (client, requests);
    }

    private sealed class StubFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    /// <summary>Answers every request with <paramref name="answer"/>, keeping it, its body and its Content-Length.</summary>
    private static StubHandler Recording(List<HttpRequestMessage> requests, Func<HttpRequestMessage, HttpResponseMessage> answer) =>
        StubHandler.Answering(async (request, cancellationToken) =>
        {
            await request.Content!.LoadIntoBufferAsync(cancellationToken);
            Sent.AddOrUpdate(request, Tuple.Create(await request.Content.ReadAsStringAsync(cancellationToken), request.Content.Headers.ContentLength));
            requests.Add(request);
            return answer(request);
        });
}
