namespace Loyalife.SettingsService.Tests;

/// <summary>
/// The intraday lane's setting: off unless asked for, 1 to 60 minutes, kept when a PUT leaves it out, switched
/// off by null, audited, exported and handed to the dispatcher; anything else a 400 naming the field.
/// </summary>
public sealed class IntradayMinutesTests(SettingsHostFixture fixture) : SettingsTestBase(fixture)
{
    private const string Dashboard = "https://dashboard-02.moengage.com";

    [Fact]
    public async Task AProgramSavedWithoutTheSettingIsNightlyOnly()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPDAY01", "02", "DayKey0123456789aaaa");

        var put = await Host.SaveMoEngageAsync(programId, IntegrationBody.Enabled("APPDAY01", "DayKey0123456789aaaa", "02"));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await Json.ReadAsync(put)).GetProperty("intradayMinutes").ValueKind);
        var credentials = await Json.ReadAsync(await Host.ThroughDapr().GetAsync(SettingsPaths.Credentials(programId)));
        Assert.Equal(JsonValueKind.Null, credentials.GetProperty("intradayMinutes").ValueKind);
    }

    [Fact]
    public async Task TheSettingIsStoredKeptWhenLeftOutAndSwitchedOffByNull()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPDAY02", "02", "DayKey0123456789bbbb");
        await Host.SaveMoEngageAsync(programId, IntegrationBody.Enabled("APPDAY02", "DayKey0123456789bbbb", "02"));

        var on = await Host.SaveMoEngageAsync(programId, new { enabled = true, appId = "APPDAY02", dashboardUrl = Dashboard, intradayMinutes = 5 });
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Equal(5, (await Json.ReadAsync(on)).GetProperty("intradayMinutes").GetInt32());

        var kept = await Host.SaveMoEngageAsync(programId, new { enabled = true, appId = "APPDAY02", dashboardUrl = Dashboard });
        Assert.Equal(5, (await Json.ReadAsync(kept)).GetProperty("intradayMinutes").GetInt32());
        var get = await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.MoEngage(programId)));
        Assert.Equal(5, get.GetProperty("intradayMinutes").GetInt32());

        using var dapr = Host.ThroughDapr();
        var credentials = await Json.ReadAsync(await dapr.GetAsync(SettingsPaths.Credentials(programId)));
        Assert.Equal(5, credentials.GetProperty("intradayMinutes").GetInt32());
        var enabled = await Json.ReadAsync(await dapr.GetAsync(SettingsPaths.EnabledPrograms));
        Assert.Equal(5, enabled.EnumerateArray().Single(item => item.Text("programId") == programId).GetProperty("intradayMinutes").GetInt32());

        var export = await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.Export));
        Assert.Equal(5, export.GetProperty("integrations").EnumerateArray().Single(item => item.Text("programId") == programId)
            .GetProperty("intradayMinutes").GetInt32());

        var off = await Host.SaveMoEngageAsync(programId, new { enabled = true, appId = "APPDAY02", dashboardUrl = Dashboard, intradayMinutes = (int?)null });
        Assert.Equal(JsonValueKind.Null, (await Json.ReadAsync(off)).GetProperty("intradayMinutes").ValueKind);

        var audit = (await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.MoEngage(programId) + "/audit"))).EnumerateArray().ToList();
        var switchedOff = audit[0].GetProperty("changes").GetProperty("intradayMinutes");
        Assert.Equal((5, JsonValueKind.Null), (switchedOff.GetProperty("from").GetInt32(), switchedOff.GetProperty("to").ValueKind));
        Assert.False(audit[1].GetProperty("changes").TryGetProperty("intradayMinutes", out _));
        Assert.Equal(5, audit[2].GetProperty("changes").GetProperty("intradayMinutes").GetProperty("to").GetInt32());
    }

    public static TheoryData<string> HostileValues => ["0", "61", "-1", "\"5\"", "1e9", "5.5", "true", "[5]", "{}", "2147483648", "\"\""];

    [Theory]
    [MemberData(nameof(HostileValues))]
    public async Task AValueOutsideOneToSixtyIsA400NamingTheFieldAndSavesNothing(string value)
    {
        var programId = await Host.NewProgramAsync();
        var body = $$"""{"enabled":true,"appId":"APP1","apiKey":"GoodKey123456","dashboardUrl":"{{Dashboard}}","intradayMinutes":{{value}}}""";

        var response = await Host.Admin.PutAsync(SettingsPaths.MoEngage(programId), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await Json.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("intradayMinutes")[0].GetString();
        Assert.Contains("from 1 to 60", message);
        await Host.AssertNothingSavedAsync(programId);
    }
}
