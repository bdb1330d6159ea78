namespace Loyalife.MoEngageStandIn.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task AliveAnswersOk()
    {
        await using var host = new ServiceHost<Program>(port: null, new Dictionary<string, string?>());
        using var client = host.CreateClient();

        var response = await client.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TheInProcessHostServesHealthOnARealPort()
    {
        await using var standIn = await MoEngageStandInHost.StartAsync();

        var response = await standIn.Control.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("127.0.0.1", standIn.BaseUrl.Host);
        Assert.Equal($"http://127.0.0.1:{standIn.BaseUrl.Port}/dc/{{dc}}", standIn.ApiBaseUrlTemplate);
    }
}
