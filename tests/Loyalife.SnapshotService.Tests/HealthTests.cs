using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

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
        // The service's own registrations on a plain host, as settings-service's and the dispatcher's start-up
        // tests do: the same check stops all three.
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:loyalife"] = "Host=127.0.0.1;Database=none",
            ["APP_API_TOKEN"] = "",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddSnapshotServices();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("APP_API_TOKEN", error.Message);
    }
}
