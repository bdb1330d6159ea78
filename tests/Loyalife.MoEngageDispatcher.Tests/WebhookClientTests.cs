using Loyalife.Domain.Alerts;

namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class WebhookClientTests
{
    [Fact]
    public async Task TheConnectionItselfRefusesAHostResolvingToALoopbackAddressUnlessLocalhostIsAllowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var strict = new HttpClient(WebhookClient.CreateHandler(allowLocalhost: false));
        using var development = new HttpClient(WebhookClient.CreateHandler(allowLocalhost: true));

        // Past the URL check, as a name whose DNS answer changed after the target was saved would be.
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => strict.PostAsync(receiver.Url, new StringContent("{}")));
        Assert.IsType<WebhookAddressException>(refused.InnerException);
        Assert.Contains("a loopback address", refused.InnerException!.Message);
        Assert.Empty(receiver.Requests);

        using var answer = await development.PostAsync(receiver.Url, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(answer.IsSuccessStatusCode);
        Assert.Single(receiver.Requests);
    }
}
