using System.Net;
using System.Net.Http.Json;
using Loyalife.SettingsService.Secrets;
using Loyalife.SettingsService.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Loyalife.SettingsService.Tests;

public sealed class UnreachableMoEngageTests
{
    [Fact]
    public async Task AMoEngageThatDoesNotAnswerIsA503AndNothingIsSaved()
    {
        // A port nobody listens on: connection refused, as when MoEngage or the network is down.
        await using var host = await SettingsServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["MoEngage:ApiBaseUrl"] = $"http://127.0.0.1:{FreePort.Next()}/dc/{{dc}}",
        });

        await AssertUnavailableAsync(host, "could not be reached");
    }

    [Fact]
    public async Task AMoEngageServerErrorIsA503AndNothingIsSaved()
    {
        await using var failing = await StartFailingMoEngageAsync();
        await using var host = await SettingsServiceHost.StartAsync(new Dictionary<string, string?>
        {
            ["MoEngage:ApiBaseUrl"] = $"{failing.Urls.First()}/dc/{{dc}}",
        });

        await AssertUnavailableAsync(host, "HTTP 503");
    }

    private static async Task AssertUnavailableAsync(SettingsServiceHost host, string expectedDetail)
    {
        var programId = await host.NewProgramAsync();

        var response = await host.Admin.PutAsJsonAsync(SettingsPaths.MoEngage(programId),
            new { enabled = true, appId = "APPDOWN1", apiKey = "DownKey0123456789", dashboardUrl = "https://dashboard-03.moengage.com" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.Equal("03", problem.Text("dataCenter"));
        Assert.Contains(expectedDetail, problem.Text("detail"));
        Assert.Contains("Nothing was saved", problem.Text("detail"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.GetAsync(SettingsPaths.MoEngage(programId))).StatusCode);
        Assert.DoesNotContain(SecretsFile.Read(host.SecretsFile).Keys, name => name.StartsWith(SecretNames.ForProgram(programId)));
    }

    private static async Task<WebApplication> StartFailingMoEngageAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapPost("/dc/{dc}/v1/integrations/authentication", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        await app.StartAsync();
        return app;
    }
}
