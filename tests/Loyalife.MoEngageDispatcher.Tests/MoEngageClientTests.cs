using System.Net;
using System.Text;
using Loyalife.MoEngageDispatcher.MoEngage;
using Loyalife.MoEngageDispatcher.Sources;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

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

    private static HttpResponseMessage Answer(HttpStatusCode status, string body) => new(status) { Content = new StringContent(body) };

    private static (MoEngageClient Client, List<HttpRequestMessage> Requests) Client(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        var requests = new List<HttpRequestMessage>();
        var options = Options.Create(new MoEngageOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) });
        var client = new MoEngageClient(new StubFactory(new StubHandler(requests, answer)), options, TimeProvider.System, NullLogger<MoEngageClient>.Instance);
        return (client, requests);
    }

    private sealed class StubFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }

    private sealed class StubHandler(List<HttpRequestMessage> requests, Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            await request.Content!.LoadIntoBufferAsync(cancellationToken);
            requests.Add(request);
            return answer(request);
        }
    }
}
