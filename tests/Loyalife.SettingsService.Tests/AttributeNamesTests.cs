using Loyalife.Domain.MoEngage;

namespace Loyalife.SettingsService.Tests;

/// <summary>The MoEngage names of Loyalife's attributes: checked on save, shown complete everywhere they are read.</summary>
public sealed class AttributeNamesTests(SettingsHostFixture fixture) : SettingsTestBase(fixture)
{
    private const string Dashboard = "https://dashboard-01.moengage.com";

    public static TheoryData<string, string[], string> BadNames => new()
    {
        // attributeNames as sent, the attributes the answer must name, a part of the reason
        { """{"status":"status"}""", ["status"], "reserves" },
        { """{"tier":"user_id"}""", ["tier"], "reserves" },
        { """{"tier":"MOE_tier"}""", ["tier"], "moe_" },
        { $$"""{"tier":"{{new string('t', 201)}}"}""", ["tier"], "200 characters" },
        { """{"tier":""}""", ["tier"], "empty" },
        { """{"tier":null}""", ["tier"], "empty" },
        { """{"tier":" tier"}""", ["tier"], "white space" },
        { """{"tier":"tier\u0007"}""", ["tier"], "control character" },
        { """{"tier":"points_available"}""", ["tier", "points_available"], "both" },
        { """{"tier":"Loyalty_Status"}""", ["tier", "status"], "both" },
        { """{"tier":"x","points_available":"x"}""", ["tier", "points_available"], "both" },
        { """{"Tier":"loyalty_tier"}""", ["Tier"], "not a Loyalife attribute" },
        { """{"points":"balance"}""", ["points"], "not a Loyalife attribute" },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public async Task ANameMoEngageWouldNotTakeIsA400NamingTheAttributeAndSavesNothing(string attributeNames, string[] named, string reason)
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPNAME01", "01", "NamesKey0123456789");
        var body = $$"""{"enabled":true,"appId":"APPNAME01","apiKey":"NamesKey0123456789","dashboardUrl":"{{Dashboard}}","attributeNames":{{attributeNames}}}""";

        var response = await Host.Admin.PutAsync(SettingsPaths.MoEngage(programId), new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json.ReadAsync(response)).GetProperty("errors");
        foreach (var name in named)
        {
            var message = Assert.Single(errors.GetProperty($"attributeNames.{name}").EnumerateArray()).GetString()!;
            Assert.Contains(name, message);
            Assert.Contains(reason, message);
            Assert.All(named, other => Assert.Contains(other, message));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await Host.Admin.GetAsync(SettingsPaths.MoEngage(programId))).StatusCode);
    }

    [Fact]
    public async Task OverridesShowCompleteInGetAuditExportAndCredentials()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPNAME02", "01", "NamesKey0123456789");
        var overrides = new Dictionary<string, string> { ["tier"] = "loyalty_tier", ["points_available"] = "points_balance" };

        var put = await Host.SaveMoEngageAsync(programId,
            new { enabled = true, appId = "APPNAME02", apiKey = "NamesKey0123456789", dashboardUrl = Dashboard, attributeNames = overrides });
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var expected = AttributeNaming.Effective(overrides);
        Assert.Equal("loyalty_status", expected["status"]);
        AssertNames(expected, (await Json.ReadAsync(put)).GetProperty("attributeNames"));
        AssertNames(expected, (await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.MoEngage(programId)))).GetProperty("attributeNames"));
        var export = await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.Export));
        var exported = export.GetProperty("integrations").EnumerateArray().Single(item => item.Text("programId") == programId);
        AssertNames(expected, exported.GetProperty("attributeNames"));
        Assert.Equal("verify", exported.Text("unknownMembers"));
        AssertNames(expected, (await Json.ReadAsync(await Host.ThroughDapr().GetAsync(SettingsPaths.Credentials(programId)))).GetProperty("attributeNames"));
        var created = (await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.MoEngage(programId) + "/audit")))[0].GetProperty("changes");
        Assert.Equal("loyalty_tier", created.GetProperty("attributeNames").GetProperty("tier").Text("to"));
        Assert.Equal("loyalty_status", created.GetProperty("attributeNames").GetProperty("status").Text("to"));
        Assert.Equal("verify", created.GetProperty("unknownMembers").Text("to"));

        // Back to the defaults; then the complete map as GET shows it, sent back, changes nothing.
        var reset = await Host.SaveMoEngageAsync(programId,
            new { enabled = true, appId = "APPNAME02", dashboardUrl = Dashboard, attributeNames = new Dictionary<string, string>() });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var defaults = AttributeNaming.Effective(null);
        AssertNames(defaults, (await Json.ReadAsync(reset)).GetProperty("attributeNames"));
        Assert.Equal(HttpStatusCode.OK, (await Host.SaveMoEngageAsync(programId,
            new { enabled = true, appId = "APPNAME02", dashboardUrl = Dashboard, attributeNames = defaults })).StatusCode);

        var audit = (await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.MoEngage(programId) + "/audit"))).EnumerateArray().ToList();
        Assert.False(audit[0].GetProperty("changes").TryGetProperty("attributeNames", out _));
        var names = audit[1].GetProperty("changes").GetProperty("attributeNames");
        Assert.Equal(["points_available", "tier"], names.EnumerateObject().Select(change => change.Name).Order());
        Assert.Equal(("loyalty_tier", "tier"), (names.GetProperty("tier").Text("from"), names.GetProperty("tier").Text("to")));
    }

    [Fact]
    public async Task AnUpdateWithoutAttributeNamesKeepsTheStoredOnes()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPNAME03", "01", "NamesKey0123456789");
        Assert.Equal(HttpStatusCode.Created, (await Host.SaveMoEngageAsync(programId,
            new { enabled = true, appId = "APPNAME03", apiKey = "NamesKey0123456789", dashboardUrl = Dashboard, attributeNames = new { tier = "loyalty_tier" } })).StatusCode);

        var update = await Host.SaveMoEngageAsync(programId, new { enabled = false, appId = "APPNAME03", dashboardUrl = Dashboard });

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal("loyalty_tier", (await Json.ReadAsync(update)).GetProperty("attributeNames").Text("tier"));
    }

    private static void AssertNames(IReadOnlyDictionary<string, string> expected, JsonElement actual) =>
        Assert.Equal(expected.OrderBy(entry => entry.Key), actual.EnumerateObject().Select(entry => KeyValuePair.Create(entry.Name, entry.Value.GetString()!)).OrderBy(entry => entry.Key));
}
