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

        await AssertUnavailableAsync(host, "verify", "could not be reached");
    }

    [Fact]
    public async Task AMoEngageServerErrorIsA503AndNothingIsSaved()
    {
        await using var failing = await ScriptedMoEngage.StartAsync(ScriptedMoEngage.Fails(503), ScriptedMoEngage.GetUserAnswers);
        await using var host = await SettingsServiceHost.StartAsync(new Dictionary<string, string?> { ["MoEngage:ApiBaseUrl"] = failing.ApiBaseUrlTemplate });

        await AssertUnavailableAsync(host, "verify", "HTTP 503");
    }

    [Theory]
    [InlineData("verify")]
    [InlineData("send")]
    public async Task AMoEngageDownAtTheGetUserCheckIsA503AndNothingIsSaved(string unknownMembers)
    {
        // Down is not "Get User does not answer": with either choice the admin is told to try again, and nothing is decided.
        await using var failing = await ScriptedMoEngage.StartAsync(ScriptedMoEngage.TestConnectionSucceeds, ScriptedMoEngage.Fails(503));
        await using var host = await SettingsServiceHost.StartAsync(new Dictionary<string, string?> { ["MoEngage:ApiBaseUrl"] = failing.ApiBaseUrlTemplate });

        var problem = await AssertUnavailableAsync(host, unknownMembers, "HTTP 503");

        Assert.Contains("Get User", problem.Text("detail"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, problem.GetProperty("getUserAvailable").ValueKind);
    }

    private static async Task<System.Text.Json.JsonElement> AssertUnavailableAsync(SettingsServiceHost host, string unknownMembers, string expectedDetail)
    {
        var programId = await host.NewProgramAsync();

        var response = await host.SaveMoEngageAsync(programId, IntegrationBody.Enabled("APPDOWN1", "DownKey0123456789", "03", unknownMembers));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.Equal("03", problem.Text("dataCenter"));
        Assert.Contains(expectedDetail, problem.Text("detail"));
        Assert.Contains("Nothing was saved", problem.Text("detail"));
        await host.AssertNothingSavedAsync(programId);
        return problem;
    }
}
