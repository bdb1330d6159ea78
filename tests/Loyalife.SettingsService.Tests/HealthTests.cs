namespace Loyalife.SettingsService.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task AliveAnswersOk()
    {
        await using var host = await SettingsServiceHost.StartAsync();

        var response = await host.Anonymous.GetAsync("/alive");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
