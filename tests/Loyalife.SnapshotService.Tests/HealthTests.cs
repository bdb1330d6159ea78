using System.Net;

namespace Loyalife.SnapshotService.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task AliveAnswersOkWithoutTheDaprToken()
    {
        await using var app = await SnapshotApp.StartAsync(DateTimeOffset.UtcNow);
        using var anonymous = app.Host.CreateClient();

        var response = await anonymous.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StartUpRefusesWithoutAppApiTokenAndNamesIt()
    {
        Environment.SetEnvironmentVariable("APP_API_TOKEN", null);
        await using var host = new ServiceHost<Program>(port: null, new Dictionary<string, string?>
        {
            ["ConnectionStrings:loyalife"] = "Host=127.0.0.1;Database=none",
        });

        var error = Assert.Throws<InvalidOperationException>(() => host.CreateClient());

        Assert.Contains("APP_API_TOKEN", error.Message);
    }
}
