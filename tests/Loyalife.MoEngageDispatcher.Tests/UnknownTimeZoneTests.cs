namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class UnknownTimeZoneTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    [Fact]
    public async Task AProgramWhoseZoneThisMachineDoesNotKnowIsAProblemNamingTheZone()
    {
        var program = await env.ProgramAsync(members: 1, events: 0, timeZone: "Mars/Olympus_Mons");
        await using var dispatcher = env.Dispatcher();
        using var admin = dispatcher.Admin();

        using var response = await admin.PostAsJsonAsync($"/v1/programs/{program.ProgramId}/sync-runs", new { businessDate = "latest" });

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Program time zone unknown", problem.GetProperty("title").GetString());
        Assert.Contains("'Mars/Olympus_Mons'", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }
}
