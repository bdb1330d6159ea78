using System.Text.Json.Nodes;
using Loyalife.SettingsService.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenQA.Selenium;

namespace Loyalife.SettingsService.Tests;

/// <summary>The admin page's member lookup in headless Chromium, against settings-service and a dispatcher double answering the lookup's JSON.</summary>
[Trait("Suite", "System")] // a real browser: slow to start, so outside the fast loop
public sealed class MemberLookupPageTests
{
    [Fact]
    public async Task AnAdminLooksUpAMemberAndReadsTheSentenceThenTheAttributesSideBySideThenTheNightsEvents()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        await using var dispatcher = await StartDispatcherAsync(host);
        using var browser = AdminBrowser.Start();
        await browser.SignInAsync(host.AppUrl, SettingsServiceHost.AdminToken);
        var folder = Path.Combine(Repository.Root, "tests", "Loyalife.SettingsService.Tests", "TestResults");
        Directory.CreateDirectory(folder);

        await LookUpAsync(browser, "M00000042");
        Assert.StartsWith("MoEngage's points_available is 999,999, we sent 1,250 on 6 Dec", browser.Text("lookup-result"));
        var rows = browser.Driver.FindElements(By.CssSelector("#lookup-result table"))[0].FindElements(By.CssSelector("tbody tr"));
        var points = rows.Single(row => row.Text.StartsWith("points_available", StringComparison.Ordinal));
        Assert.Contains("1,250", points.Text);
        Assert.Contains("999,999", points.Text);
        Assert.Contains("differs", points.Text, StringComparison.OrdinalIgnoreCase); // the badge is set in capitals
        Assert.Contains("same", rows.Single(row => row.Text.StartsWith("loyalty_status", StringComparison.Ordinal)).Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("held back: not yet confirmed", browser.Text("lookup-result"), StringComparison.OrdinalIgnoreCase);
        ScrollTo(browser, "member-lookup");
        browser.Driver.GetScreenshot().SaveAsFile(Path.Combine(folder, "lookup-1280.png"));
        browser.Resize(390);
        ScrollTo(browser, "member-lookup");
        browser.Driver.GetScreenshot().SaveAsFile(Path.Combine(folder, "lookup-phone-390.png"));
        browser.Resize(1280);

        // A customer id that is no member id: the members behind it, here one MoEngage does not hold.
        await LookUpAsync(browser, "C404");
        Assert.StartsWith("MoEngage has no profile with Customer ID C404: check the Relation Reference.", browser.Text("lookup-result"));

        await LookUpAsync(browser, "M00000007");
        Assert.StartsWith("Not sent: no Relation Reference.", browser.Text("lookup-result"));

        // From the list of members not in MoEngage, a row opens the member's lookup.
        await browser.UntilAsync(() => browser.Text("missing").Contains("M000001"), "the members not in MoEngage");
        browser.Driver.FindElements(By.CssSelector("#missing tbody tr"))[0].Click();
        await browser.UntilAsync(() => browser.Text("lookup-result").Contains("M000001"), "the lookup of the list's first member");
        Assert.Equal("M000001", browser.Find("lookup-id").GetAttribute("value"));
        Assert.StartsWith("Sent last night; MoEngage holds it and agrees.", browser.Text("lookup-result"));
        Assert.Empty(browser.ScriptErrors());
    }

    // MoEngage answers the customer id beside the attributes.
    private static JsonObject Held(JsonObject attributes, string customerId)
    {
        attributes["uid"] = customerId;
        return attributes;
    }

    private static async Task LookUpAsync(AdminBrowser browser, string id)
    {
        var input = browser.Find("lookup-id");
        input.Clear();
        input.SendKeys(id + Keys.Enter);
        await browser.UntilAsync(() => browser.Driver.FindElements(By.CssSelector("#lookup-result .lookup-sentence")).Any(s => s.Displayed)
            && browser.Text("lookup-result").Contains(id, StringComparison.Ordinal), $"the lookup of {id}");
    }

    private static void ScrollTo(AdminBrowser browser, string id) =>
        browser.Driver.ExecuteScript("document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", id);

    private static Task<WebApplication> StartDispatcherAsync(SettingsServiceHost host) =>
        DispatcherDouble.StartAsync(host, app =>
        {
            app.MapGet("/v1/programs/{programId}/members/{memberId}/moengage", (string programId, string memberId) => memberId switch
            {
                "M00000042" => Results.Json(Lookup(programId, memberId, "C0042", "2026-12-06", held: 999_999, differences: ["points_available"])),
                "M00000007" => Results.Json(new JsonObject
                {
                    ["programId"] = programId, ["memberId"] = memberId, ["customerId"] = null, ["sendable"] = false, ["skipReason"] = "missing_reference",
                    ["snapshotDate"] = Yesterday(), ["lastSentNight"] = null, ["sent"] = null, ["inMoEngage"] = null, ["getUser"] = "not_asked",
                    ["moengageAttributes"] = null, ["differences"] = new JsonArray(),
                }),
                "M404" => Results.Json(Lookup(programId, memberId, "C404", Yesterday(), held: null, differences: [])),
                _ when memberId.StartsWith("M0000", StringComparison.Ordinal) =>
                    Results.Json(Lookup(programId, memberId, "C" + memberId[1..], Yesterday(), held: 1_250, differences: [])),
                _ => Results.Problem(title: "Unknown member", detail: $"Program '{programId}' has no member '{memberId}'.", statusCode: 404),
            });
            app.MapGet("/v1/programs/{programId}/members", (string programId, string customerId) =>
                Results.Json(new JsonObject
                {
                    ["programId"] = programId, ["customerId"] = customerId, ["matches"] = customerId == "C404" ? 1 : 0,
                    ["members"] = customerId == "C404" ? new JsonArray(Lookup(programId, "M404", "C404", Yesterday(), held: null, differences: [])) : new JsonArray(),
                }));
            app.MapGet("/v1/programs/{programId}/members-not-in-moengage", (string? search, string? after) => Results.Json(SampleNights.MembersPage(search, after)));
        });

    private static string Yesterday() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime)
        .AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The dispatcher's lookup of a sendable member sent on <paramref name="night"/>; <paramref name="held"/> null: MoEngage holds no profile.</summary>
    private static JsonObject Lookup(string programId, string memberId, string customerId, string night, int? held, string[] differences)
    {
        JsonObject Attributes(int points) => new()
        {
            ["points_available"] = points, ["points_accrued_lifetime"] = 4_800, ["tier"] = "Gold", ["loyalty_status"] = "active",
            ["enrollment_date"] = "2024-03-02", ["last_transaction_date"] = "2026-12-05", ["points_expiring_30d"] = 300,
        };
        return new JsonObject
        {
            ["programId"] = programId, ["memberId"] = memberId, ["customerId"] = customerId, ["sendable"] = true, ["skipReason"] = null,
            ["snapshotDate"] = night, ["lastSentNight"] = night, ["lastSentAt"] = $"{night}T23:04:11Z", ["lastSentRunId"] = Guid.NewGuid(),
            ["sent"] = new JsonObject
            {
                ["attributes"] = Attributes(1_250),
                ["events"] = new JsonArray(
                    new JsonObject
                    {
                        ["eventId"] = "pe-901", ["name"] = "loyalty_points_earned", ["occurredAt"] = $"{night}T10:15:00Z", ["fate"] = held is null ? "held_back" : "sent",
                        ["heldBackReason"] = held is null ? "not_in_moengage" : null, ["attributes"] = new JsonObject { ["points"] = 250 },
                    },
                    new JsonObject
                    {
                        ["eventId"] = "tier-77", ["name"] = "loyalty_tier_upgraded", ["occurredAt"] = $"{night}T10:15:01Z", ["fate"] = held is null ? "held_back" : held == 999_999 ? "held_back" : "sent",
                        ["heldBackReason"] = held is null ? "not_in_moengage" : held == 999_999 ? "unconfirmed" : null, ["attributes"] = new JsonObject { ["from_tier"] = "Silver", ["to_tier"] = "Gold" },
                    }),
            },
            ["inMoEngage"] = held is not null, ["inMoEngageAsOf"] = DateTimeOffset.UtcNow, ["inMoEngageFrom"] = "get_user", ["getUser"] = "answered",
            ["moengageAttributes"] = held is { } points ? Held(Attributes(points), customerId) : null,
            ["differences"] = new JsonArray(differences.Select(d => (JsonNode?)d).ToArray()),
        };
    }
}
