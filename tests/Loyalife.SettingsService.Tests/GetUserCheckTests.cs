namespace Loyalife.SettingsService.Tests;

/// <summary>
/// Saving finds out whether MoEngage's Get User API answers for the workspace (the stand-in's per-workspace
/// switch plays MoEngage support enabling it). <c>verify</c> needs it; <c>send</c> does not.
/// </summary>
public sealed class GetUserCheckTests(SettingsHostFixture fixture) : SettingsTestBase(fixture)
{
    [Theory]
    [InlineData("APPGU01", "01", true, null, "verify")]
    [InlineData("APPGU03", "03", false, "send", "send")]
    public async Task AChoiceTheWorkspaceAllowsIsSavedAndShowsWhetherGetUserAnswers(
        string appId, string dataCenter, bool getUser, string? unknownMembers, string stored)
    {
        var programId = await Host.NewProgramWithWorkspaceAsync(appId, dataCenter, "GetUserKey0123456789", getUser);

        var put = await Host.SaveMoEngageAsync(programId, IntegrationBody.Enabled(appId, "GetUserKey0123456789", dataCenter, unknownMembers));

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var saved = await Json.ReadAsync(put);
        Assert.Equal(stored, saved.Text("unknownMembers"));
        Assert.Equal(getUser, saved.GetProperty("getUserAvailable").GetBoolean());
        var get = await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.MoEngage(programId)));
        Assert.Equal(stored, get.Text("unknownMembers"));
        Assert.Equal(getUser, get.GetProperty("getUserAvailable").GetBoolean());
        var credentials = await Json.ReadAsync(await Host.ThroughDapr().GetAsync(SettingsPaths.Credentials(programId)));
        Assert.Equal(stored, credentials.Text("unknownMembers"));
    }

    [Fact]
    public async Task VerifyWhereGetUserDoesNotAnswerIsRefusedNamingBothWaysOutAndSavesNothing()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPGU02", "02", "GetUserKey0123456789", getUser: false);

        var put = await Host.SaveMoEngageAsync(programId, IntegrationBody.Enabled("APPGU02", "GetUserKey0123456789", "02"));

        var problem = await Json.ReadProblemAsync(put, HttpStatusCode.UnprocessableEntity);
        var detail = problem.Text("detail");
        Assert.Contains("Get User", problem.Text("title"));
        Assert.Contains("does not answer", detail);
        Assert.Contains("ask MoEngage support to enable the Get User API for workspace APPGU02", detail);
        Assert.Contains("choose 'send'", detail);
        Assert.Contains("create profiles for members it does not hold", detail);
        Assert.Contains("Nothing was saved", detail);
        Assert.False(problem.GetProperty("getUserAvailable").GetBoolean());
        Assert.Equal("02", problem.Text("dataCenter"));
        await Host.AssertNothingSavedAsync(programId);
    }

    [Fact]
    public async Task AnUpdateWithoutUnknownMembersKeepsTheStoredChoice()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPGU04", "04", "GetUserKey0123456789", getUser: false);
        Assert.Equal(HttpStatusCode.Created, (await Host.SaveMoEngageAsync(programId, IntegrationBody.Enabled("APPGU04", "GetUserKey0123456789", "04", "send"))).StatusCode);

        var update = await Host.SaveMoEngageAsync(programId,
            new { enabled = true, appId = "APPGU04", dashboardUrl = "https://dashboard-04.moengage.com" });

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal("send", (await Json.ReadAsync(update)).Text("unknownMembers"));
    }

    [Fact]
    public async Task SwitchingToVerifyAsksGetUserAgainEvenWhileSwitchedOff()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPGU05", "05", "GetUserKey0123456789", getUser: false);
        Assert.Equal(HttpStatusCode.Created, (await Host.SaveMoEngageAsync(programId, IntegrationBody.Enabled("APPGU05", "GetUserKey0123456789", "05", "send"))).StatusCode);
        var off = new { enabled = false, appId = "APPGU05", dashboardUrl = "https://dashboard-05.moengage.com", unknownMembers = "verify" };

        var refused = await Host.SaveMoEngageAsync(programId, off);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var kept = await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.MoEngage(programId)));
        Assert.Equal(("send", true), (kept.Text("unknownMembers"), kept.GetProperty("enabled").GetBoolean()));

        // MoEngage support has enabled Get User for the workspace.
        await Host.AddWorkspaceAsync("APPGU05", "05", "GetUserKey0123456789", getUser: true);
        var accepted = await Host.SaveMoEngageAsync(programId, off);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var saved = await Json.ReadAsync(accepted);
        Assert.Equal("verify", saved.Text("unknownMembers"));
        Assert.True(saved.GetProperty("getUserAvailable").GetBoolean());
        var audit = await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.MoEngage(programId) + "/audit"));
        var changes = audit[0].GetProperty("changes");
        Assert.Equal(("send", "verify"), (changes.GetProperty("unknownMembers").Text("from"), changes.GetProperty("unknownMembers").Text("to")));
        Assert.True(changes.GetProperty("getUserAvailable").GetProperty("to").GetBoolean());
    }
}
