using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting;

namespace Loyalife.SnapshotService.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task AliveAnswersOkWithoutTheDaprToken()
    {
        await using var app = await SnapshotApp.StartAsync(DateTimeOffset.UtcNow);
        using var anonymous = app.Factory.CreateClient();

        var response = await anonymous.GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task StartUpRefusesWithoutAppApiTokenAndNamesIt()
    {
        Environment.SetEnvironmentVariable("APP_API_TOKEN", null);
        await using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(web => web.UseSetting("ConnectionStrings:loyalife", "Host=127.0.0.1;Database=none"));

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("APP_API_TOKEN", error.Message);
    }
}
