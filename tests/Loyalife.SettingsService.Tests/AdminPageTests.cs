using System.Net;
using System.Net.Http.Json;
using Loyalife.SettingsService.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenQA.Selenium;

namespace Loyalife.SettingsService.Tests;

/// <summary>The admin page in headless Chromium, as an admin uses it, against settings-service and a dispatcher double.</summary>
[Trait("Suite", "System")] // a real browser: slow to start, so outside the fast loop
public sealed class AdminPageTests
{
    [Fact]
    public async Task AnAdminEnablesMoEngageSeesTheRejectedKeyFixesItAndSaves()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        var programId = await host.NewProgramAsync();
        await host.AddWorkspaceAsync("APPWEB01", "01", "WebRightKey0123456");
        using var browser = await SignedInAsync(host);
        await browser.ChooseProgramAsync(programId);
        await browser.UntilAsync(() => browser.Text("moengage-status") == "Not configured.", "the program's MoEngage status");
        Assert.False(browser.Find("moengage-details").Displayed);
        await browser.UntilAsync(() => browser.Text("sync-runs").Contains("unavailable"), "sync runs marked unavailable");

        browser.Find("enabled").Click();
        await browser.UntilAsync(() => browser.Find("credentials-dialog").Displayed, "the credentials dialog");
        browser.Find("app-id").SendKeys("APPWEB01");
        browser.Find("api-key").SendKeys("WebWrongKey0123456");
        browser.Find("dashboard-url").SendKeys("http://dashboard-01.moengage.com");
        browser.Find("save").Click();
        await browser.UntilAsync(() => browser.Text("dashboard-url-error").Contains("https://dashboard-101.moengage.com"), "the dashboard URL field error");
        Assert.Equal("true", browser.Find("dashboard-url").GetAttribute("aria-invalid"));

        browser.Find("dashboard-url").Clear();
        browser.Find("dashboard-url").SendKeys("https://dashboard-01.moengage.com");
        browser.Find("save").Click();
        await browser.UntilAsync(() => browser.Text("dialog-error").Contains("data centre 01"), "the rejected-key message");
        Assert.Contains("rejected", browser.Text("dialog-error"));
        Assert.Contains("DC 01 · US", browser.Text("dialog-error"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.GetAsync(SettingsPaths.MoEngage(programId))).StatusCode);

        browser.Find("api-key").Clear();
        browser.Find("api-key").SendKeys("WebRightKey0123456");
        browser.Find("save").Click();
        await browser.UntilAsync(() => !browser.Find("credentials-dialog").Displayed, "the dialog to close after saving");
        await browser.UntilAsync(() => browser.Text("moengage-status").StartsWith("Enabled"), "the enabled status");
        Assert.Equal(ApiKeyMask.Dots + "3456", browser.Text("detail-api-key"));
        Assert.Contains("accepted", browser.Text("result"));
        Assert.Contains("DC 01 · US", browser.Text("result"));
        Assert.Equal("DC 01 · US", browser.Text("detail-data-center"));
        Assert.True(browser.Find("enabled").Selected);
        Assert.DoesNotContain("WebRightKey0123456", browser.Driver.PageSource);
        Assert.Empty(browser.ScriptErrors());

        var saved = await host.Admin.GetFromJsonAsync<MoEngageSettingsView>(SettingsPaths.MoEngage(programId));
        Assert.True(saved!.Enabled);
        Assert.Equal("APPWEB01", saved.AppId);
        Assert.Equal("01", saved.DataCenter);
    }

    [Fact]
    public async Task AnAdminRenamingAnAttributeToAReservedNameIsToldWhyAndSavesAnAllowedNameAndTheSendPolicy()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        await ConnectDemoAsync(host);
        using var browser = await SignedInAsync(host);
        await browser.UntilAsync(() => browser.Find("naming-form").Displayed, "the attribute names and policy");
        Assert.True(browser.Find("unknown-verify").Selected);
        browser.Driver.FindElement(By.CssSelector("#names summary")).Click();
        var status = browser.Find("name-status");
        Assert.Equal("loyalty_status", status.GetAttribute("value"));

        status.Clear();
        status.SendKeys("status");
        await browser.UntilAsync(() => browser.Text("name-status-problem").Contains("reserves"), "the reserved-name message");
        Assert.Equal("true", status.GetAttribute("aria-invalid"));
        Assert.False(browser.Find("naming-save").Enabled);

        status.Clear();
        status.SendKeys("member_status");
        browser.Find("unknown-send").Click();
        await browser.UntilAsync(() => browser.Find("naming-save").Enabled, "the save button");
        browser.Find("naming-save").Click();
        await browser.UntilAsync(() => browser.Text("naming-result").StartsWith("Saved"), "the saved names");

        var saved = await Json.ReadAsync(await host.Admin.GetAsync(SettingsPaths.MoEngage("demo")));
        Assert.Equal("member_status", saved.GetProperty("attributeNames").Text("status"));
        Assert.Equal("send", saved.Text("unknownMembers"));
        Assert.Empty(browser.ScriptErrors());
    }

    [Fact]
    public async Task WithNoDispatcherBehindItEverySectionItFeedsSaysNotAvailableAndThePageStillWorks()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        await ConnectDemoAsync(host);
        using var browser = await SignedInAsync(host);

        await browser.UntilAsync(() => browser.Text("sync-runs").Contains("not available"), "the runs marked not available");
        await browser.UntilAsync(() => browser.Text("missing").Contains("not available"), "the members list marked not available");
        Assert.Contains("not available", browser.Text("chart"));
        Assert.True(browser.Find("missing-download").GetAttribute("disabled") is not null);
        Assert.False(browser.Find("held").Displayed);
        Assert.StartsWith("Enabled", browser.Text("moengage-status"));
        Assert.Empty(browser.ScriptErrors());
    }

    [Fact]
    public async Task AnAdminReadsARunsReportByKeyboardReleasesTheHeldNightAndDownloadsTheMembersNotInMoEngage()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        await ConnectDemoAsync(host);
        var decisions = new List<string>();
        await using var dispatcher = await StartDispatcherAsync(host, decisions);
        using var browser = await SignedInAsync(host);
        await browser.UntilAsync(() => browser.Driver.FindElements(By.CssSelector("#sync-runs tbody tr")).Count == 30, "the run history");

        // The failed night: its row opens its report with Enter, as a keyboard user opens it.
        var failed = browser.Driver.FindElements(By.CssSelector("#sync-runs tbody tr")).Single(row => row.Text.Contains("Failed", StringComparison.OrdinalIgnoreCase));
        failed.SendKeys(Keys.Enter);
        await browser.UntilAsync(() => browser.Text("run-report").Contains("Verification"), "the run's report");
        Assert.Contains("Night of Sat 21 Nov 2026", browser.Text("run-heading"));
        Assert.Contains("MoEngage answered 503", browser.Text("run-report"));
        Assert.Contains("C00012345", browser.Text("run-report"));
        // Where the night's time went, phase by phase, in the program's zone to the second.
        Assert.Contains("Timeline", browser.Text("run-report"));
        Assert.Contains("Member attributes", browser.Text("run-report"));
        Assert.Contains("Confirming members with MoEngage (Get User)", browser.Text("run-report"));
        Assert.Contains("4.2 s in 11 stretches", browser.Text("run-report"));
        browser.Find("run-close").Click();

        await browser.UntilAsync(() => browser.Text("held").Contains("events far above the usual night") && browser.Text("held").Contains("above 5 × the median"), "the held night with its rule");
        Assert.Contains("41,250", browser.Text("held"));
        browser.Driver.FindElement(By.XPath("//section[@id='held']//button[normalize-space()='Release and send']")).Click();
        await browser.ConfirmAsync();
        await browser.UntilAsync(() => decisions.Count == 1, "the release to reach the dispatcher");
        Assert.Equal($"release {SampleNights.HeldRun}", decisions[0]);

        await browser.UntilAsync(() => browser.Text("missing").Contains("137 members"), "the members not in MoEngage");
        browser.Find("missing-next").Click();
        await browser.UntilAsync(() => browser.Text("missing").Contains("M000026"), "the second page");
        browser.Find("missing-download").Click();
        var csv = await browser.DownloadedAsync("demo-members-not-in-moengage.csv");
        Assert.Equal(Csv, csv);
        Assert.Empty(browser.ScriptErrors());
    }

    [Fact]
    public async Task AnAdminSkipsAHeldSendOfTheDayAndItLeavesTheHeldSection()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        await ConnectDemoAsync(host);
        var decisions = new List<string>();
        await using var dispatcher = await StartDispatcherAsync(host, decisions);
        using var browser = await SignedInAsync(host);

        await browser.UntilAsync(() => browser.Text("held-passes").Contains("During the day of"), "the held pass of the day");
        Assert.Contains("96,000", browser.Text("held-passes"));
        Assert.Contains("the night sends these events", browser.Text("held-passes"));
        browser.Resize(1280);
        browser.Driver.ExecuteScript("document.getElementById('held').scrollIntoView({block: 'start'})");
        Directory.CreateDirectory(ScreenshotFolder);
        browser.Driver.GetScreenshot().SaveAsFile(Path.Combine(ScreenshotFolder, "admin-held-1280.png"));
        browser.Driver.FindElement(By.XPath("//div[@id='held-passes']//button[normalize-space()='Skip these events']")).Click();
        await browser.ConfirmAsync();

        await browser.UntilAsync(() => decisions.Contains($"skip pass {HeldPass}"), "the skip to reach the dispatcher");
        await browser.UntilAsync(() => browser.Text("held-passes") == "", "the pass gone from the held section");
        var audit = await Json.ReadAsync(await host.Admin.GetAsync(SettingsPaths.MoEngage("demo") + "/audit"));
        Assert.Contains(audit.EnumerateArray(), entry => entry.Text("action") == "intraday-pass-skip");
        Assert.Empty(browser.ScriptErrors());
    }

    [Fact]
    public async Task ScreenshotsOfThePageAtLaptopAndPhoneWidthAreWrittenToTestResults()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        await ConnectDemoAsync(host);
        await using var dispatcher = await StartDispatcherAsync(host, []);
        using var browser = await SignedInAsync(host);
        await browser.UntilAsync(() => browser.Driver.FindElements(By.CssSelector("#chart svg .bar")).Count > 0, "the chart");
        await browser.UntilAsync(() => browser.Text("missing").Contains("137 members"), "the members not in MoEngage");
        var folder = ScreenshotFolder;

        await browser.SaveFullPageAsync(Path.Combine(folder, "admin-1280.png"), 1280);
        await browser.SaveFullPageAsync(Path.Combine(folder, "admin-phone-390.png"), 390);
        browser.Resize(1280);
        browser.Driver.FindElements(By.CssSelector("#sync-runs tbody tr"))[2].Click();
        await browser.UntilAsync(() => browser.Text("run-report").Contains("Sending"), "a run's report");
        Directory.CreateDirectory(folder);
        browser.Driver.GetScreenshot().SaveAsFile(Path.Combine(folder, "admin-report-1280.png"));
        browser.Driver.ExecuteScript("[...document.querySelectorAll('#run-report h3')].find(h => h.textContent === 'Timeline').scrollIntoView({block: 'start'})");
        browser.Driver.GetScreenshot().SaveAsFile(Path.Combine(folder, "admin-report-timeline-1280.png"));
        browser.Find("run-close").Click();
        browser.Find("edit").Click();
        await browser.UntilAsync(() => browser.Find("credentials-dialog").Displayed, "the connection dialog");
        browser.Driver.GetScreenshot().SaveAsFile(Path.Combine(folder, "admin-connect-1280.png"));

        Assert.True(new FileInfo(Path.Combine(folder, "admin-phone-390.png")).Length > 10_000);
        Assert.Empty(browser.ScriptErrors());
    }

    [Fact]
    public async Task TheDemoEditorSignsInSeesOnlyTheirProgramRenamesAnAttributeAndFindsTheirNameInTheHistory()
    {
        var providerPort = FreePort.Next();
        await using var host = await SettingsServiceHost.StartAsync(SignInSetup.ServiceSettings(providerPort));
        await using var provider = await SignInSetup.StartProviderAsync(providerPort, host.AppUrl);
        await host.NewProgramAsync();
        await ConnectDemoAsync(host);
        using var browser = AdminBrowser.Start();

        await browser.SignInAsPersonAsync(host.AppUrl, "demo-editor");

        var programs = browser.Driver.FindElements(By.CssSelector("#program option")).Select(option => option.GetAttribute("value")).ToList();
        Assert.Equal(["demo"], programs);
        Assert.Equal("Eddie Editor", browser.Text("who"));
        Assert.False(browser.Find("read-only-notice").Displayed);
        await browser.UntilAsync(() => browser.Find("naming-form").Displayed, "the attribute names");
        browser.Driver.FindElement(By.CssSelector("#names summary")).Click();
        var status = browser.Find("name-status");
        status.Clear();
        status.SendKeys("member_status");
        await browser.UntilAsync(() => browser.Find("naming-save").Enabled, "the save button");
        browser.Find("naming-save").Click();
        await browser.UntilAsync(() => browser.Text("naming-result").StartsWith("Saved"), "the saved names");

        var saved = await Json.ReadAsync(await host.Admin.GetAsync(SettingsPaths.MoEngage("demo")));
        Assert.Equal("member_status", saved.GetProperty("attributeNames").Text("status"));
        browser.Driver.Navigate().Refresh();
        await browser.UntilAsync(() => browser.Find("workspace").Displayed, "the page, still signed in, after a reload");
        browser.Driver.FindElement(By.CssSelector("#audit summary")).Click();
        await browser.UntilAsync(() => browser.Text("audit-entries").Contains("Eddie Editor"), "the editor's name in the change history");
        Assert.DoesNotContain(browser.Driver.Manage().Cookies.AllCookies, cookie => cookie.Value.Contains("eyJ", StringComparison.Ordinal));
        Assert.Empty(browser.ScriptErrors());
    }

    [Fact]
    public async Task TheDemoEditorSwitchesOnTheIntradayLaneIsToldWhyABadIntervalIsRefusedFindsItKeptAfterAReloadAndSwitchesItOff()
    {
        var providerPort = FreePort.Next();
        await using var host = await SettingsServiceHost.StartAsync(SignInSetup.ServiceSettings(providerPort));
        await using var provider = await SignInSetup.StartProviderAsync(providerPort, host.AppUrl);
        await ConnectDemoAsync(host);
        using var browser = AdminBrowser.Start();
        await browser.SignInAsPersonAsync(host.AppUrl, "demo-editor");
        await browser.UntilAsync(() => browser.Find("naming-form").Displayed, "what MoEngage receives");
        Assert.False(browser.Find("intraday-on").Selected);
        Assert.Contains("nightly full refresh still runs", browser.Text("intraday-help"));

        // 0 minutes passes the browser (the form leaves checking to the server); the server's 400 names the field.
        browser.Find("intraday-on").Click();
        SetMinutes(browser, "0");
        browser.Find("naming-save").Click();
        await browser.UntilAsync(() => browser.Text("intraday-problem").Contains("intradayMinutes"), "the server's reason beside the setting");
        Assert.Contains("from 1 to 60", browser.Text("intraday-problem"));
        Assert.Equal("true", browser.Find("intraday-minutes").GetAttribute("aria-invalid"));
        Directory.CreateDirectory(ScreenshotFolder);
        browser.Driver.GetScreenshot().SaveAsFile(Path.Combine(ScreenshotFolder, "admin-intraday-refused-1280.png"));
        Assert.Equal(JsonValueKind.Null, (await Json.ReadAsync(await host.Admin.GetAsync(SettingsPaths.MoEngage("demo")))).GetProperty("intradayMinutes").ValueKind);

        SetMinutes(browser, "5");
        browser.Find("naming-save").Click();
        await browser.UntilAsync(() => browser.Text("naming-result").StartsWith("Saved"), "the saved setting");
        Assert.Equal("", browser.Text("intraday-problem"));
        Assert.Null(browser.Find("intraday-minutes").GetAttribute("aria-invalid"));
        Assert.Equal(5, (await Json.ReadAsync(await host.Admin.GetAsync(SettingsPaths.MoEngage("demo")))).GetProperty("intradayMinutes").GetInt32());

        browser.Driver.Navigate().Refresh();
        await browser.UntilAsync(() => browser.Find("naming-form").Displayed, "the page again after a reload");
        await browser.UntilAsync(() => browser.Find("intraday-on").Selected, "the lane still on after the reload");
        Assert.Equal("5", browser.Find("intraday-minutes").GetAttribute("value"));
        Assert.Contains("every 5 minutes during the day", browser.Text("moengage-status"));
        await browser.SaveFullPageAsync(Path.Combine(ScreenshotFolder, "admin-intraday-on-1280.png"), 1280);
        browser.Resize(1280);

        browser.Find("intraday-on").Click();
        browser.Find("naming-save").Click();
        await browser.UntilAsync(() => browser.Text("naming-result").StartsWith("Saved"), "the lane switched off");
        var saved = await Json.ReadAsync(await host.Admin.GetAsync(SettingsPaths.MoEngage("demo")));
        Assert.Equal(JsonValueKind.Null, saved.GetProperty("intradayMinutes").ValueKind);
        var audit = (await Json.ReadAsync(await host.Admin.GetAsync(SettingsPaths.MoEngage("demo") + "/audit"))).EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, audit[0].GetProperty("changes").GetProperty("intradayMinutes").GetProperty("to").ValueKind);
        Assert.Equal(5, audit[1].GetProperty("changes").GetProperty("intradayMinutes").GetProperty("to").GetInt32());
        Assert.Empty(browser.ScriptErrors());
    }

    [Fact]
    public async Task TheKolkataViewerSignsInAndIsOfferedNothingThatChangesTheProgramThenSignsOut()
    {
        var providerPort = FreePort.Next();
        await using var host = await SettingsServiceHost.StartAsync(SignInSetup.ServiceSettings(providerPort));
        await using var provider = await SignInSetup.StartProviderAsync(providerPort, host.AppUrl);
        await LedgerDatabase.AddProgramAsync(host.ConnectionString, "demo-kolkata");
        await host.AddWorkspaceAsync("KOLKATA-APP-01", "02", "KolkataKey0123456");
        var saved = await host.Admin.PutAsJsonAsync(SettingsPaths.MoEngage("demo-kolkata"),
            new { enabled = true, appId = "KOLKATA-APP-01", apiKey = "KolkataKey0123456", dashboardUrl = "https://dashboard-02.moengage.com", intradayMinutes = 10 });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        using var browser = AdminBrowser.Start();

        await browser.SignInAsPersonAsync(host.AppUrl, "kolkata-viewer");

        Assert.Equal(["demo-kolkata"], browser.Driver.FindElements(By.CssSelector("#program option")).Select(option => option.GetAttribute("value")).ToList());
        await browser.UntilAsync(() => browser.Find("naming-form").Displayed, "the attribute names, to read");
        Assert.Contains("viewer", browser.Text("read-only-notice"));
        Assert.StartsWith("Enabled", browser.Text("moengage-status"));
        var changing = browser.Driver.FindElements(By.CssSelector("[data-change]")).Where(control => control.Displayed).Select(control => control.GetAttribute("id"));
        Assert.Empty(changing);
        Assert.All(browser.Driver.FindElements(By.CssSelector("#naming-form input")), input =>
            Assert.True(input.GetAttribute("readonly") is not null || !input.Enabled, $"{input.GetAttribute("id")} can be changed"));
        // The intraday lane: shown as set, not changeable (disabled, as the other choices).
        Assert.True(browser.Find("intraday-on").Selected);
        Assert.Equal("10", browser.Find("intraday-minutes").GetAttribute("value"));
        Assert.False(browser.Find("intraday-on").Enabled);
        Assert.False(browser.Find("intraday-minutes").Enabled);
        await browser.SaveFullPageAsync(Path.Combine(ScreenshotFolder, "admin-viewer-1280.png"), 1280);
        await browser.SaveFullPageAsync(Path.Combine(ScreenshotFolder, "admin-viewer-phone-390.png"), 390);
        browser.Resize(1280);

        browser.Find("sign-out").Click();
        await browser.UntilAsync(() => browser.Find("sign-in").Displayed, "the sign-in card after signing out");
        browser.Driver.Navigate().Refresh();
        await browser.UntilAsync(() => browser.Find("sign-in").Displayed, "the sign-in card after a reload: the session is gone");
        Assert.False(browser.Find("workspace").Displayed);
        await browser.SaveFullPageAsync(Path.Combine(ScreenshotFolder, "admin-sign-in-phone-390.png"), 390);
        Assert.Empty(browser.ScriptErrors());
    }

    [Fact]
    public async Task AProviderThatCannotBeReachedGivesAPageSayingSoAndTheAdminTokenStillWorks()
    {
        await using var host = await SettingsServiceHost.StartAsync(SignInSetup.ServiceSettings(FreePort.Next()));
        using var browser = AdminBrowser.Start();
        browser.Driver.Navigate().GoToUrl(new Uri(host.AppUrl, "/admin"));
        await browser.UntilAsync(() => browser.Find("sign-in-button").Displayed, "the Sign in button");

        browser.Find("sign-in-button").Click();

        await browser.UntilAsync(() => browser.Text("sign-in-problem").Contains("cannot be reached"), "the page saying the provider is away");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Anonymous.GetAsync("/admin/sign-in")).StatusCode);
        await browser.SignInAsync(host.AppUrl, SettingsServiceHost.AdminToken);
        Assert.Empty(browser.ScriptErrors());
    }

    private static void SetMinutes(AdminBrowser browser, string minutes)
    {
        var input = browser.Find("intraday-minutes");
        input.Clear();
        input.SendKeys(minutes);
    }

    private static string ScreenshotFolder => Path.Combine(Repository.Root, "tests", "Loyalife.SettingsService.Tests", "TestResults");

    private const string HeldPass = "7d0c7b7e-0f6e-4a43-9a55-3b1c2d3e4f05";

    private static readonly object HeldPassJson = new
    {
        passId = HeldPass, programId = "demo", businessDate = "2026-11-30", since = "2026-11-30T09:55:00Z", cutOff = "2026-11-30T10:00:00Z",
        status = "held", reason = "held",
        held = new
        {
            businessDate = "2026-11-30", rule = "events_above_median", heldAt = "2026-11-30T10:00:04Z",
            summary = "intraday pass (the day so far, projected to a whole day): loyalty_points_earned 96,000 is above 5 × the median of the last 7 nights (8,100)",
        },
    };

    private const string Csv = "memberId,customerId,since,lastChecked\nM000001,C09000001,2026-11-02T23:04:00Z,2026-11-30T23:03:00Z\n";

    /// <summary>A browser on the admin page, signed in with the admin token.</summary>
    private static async Task<AdminBrowser> SignedInAsync(SettingsServiceHost host)
    {
        var browser = AdminBrowser.Start();
        await browser.SignInAsync(host.AppUrl, SettingsServiceHost.AdminToken);
        return browser;
    }

    private static async Task ConnectDemoAsync(SettingsServiceHost host)
    {
        await host.AddWorkspaceAsync("DEMO-APP-01", "02", "DemoKey0123456789");
        var saved = await host.Admin.PutAsJsonAsync(SettingsPaths.MoEngage("demo"),
            new { enabled = true, appId = "DEMO-APP-01", apiKey = "DemoKey0123456789", dashboardUrl = "https://dashboard-02.moengage.com" });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
    }

    private static Task<WebApplication> StartDispatcherAsync(SettingsServiceHost host, List<string> decisions) =>
        DispatcherDouble.StartAsync(host, app =>
        {
            app.MapGet("/v1/programs/{programId}/sync-runs", (string programId) => Results.Json(SampleNights.Runs(programId)));
            app.MapGet("/v1/sync-runs/{runId:guid}", (Guid runId) =>
                SampleNights.Find("demo", runId) is { } found ? Results.Json(found) : Results.Problem(title: "Unknown run", statusCode: 404));
            app.MapPost("/v1/programs/{programId}/sync-runs/{runId:guid}/{decision}", (string programId, Guid runId, string decision) =>
            {
                lock (decisions)
                {
                    decisions.Add($"{decision} {runId}");
                }

                return Results.Json(new { runId, programId, status = decision == "release" ? "pending" : "skipped" });
            });
            // One pass of the day held, until it is decided.
            app.MapGet("/v1/programs/{programId}/intraday-passes/held", () =>
            {
                lock (decisions)
                {
                    return Results.Json(decisions.Any(d => d.EndsWith(HeldPass, StringComparison.Ordinal)) ? [] : new[] { HeldPassJson });
                }
            });
            app.MapPost("/v1/programs/{programId}/intraday-passes/{passId:guid}/{decision}", (string programId, Guid passId, string decision) =>
            {
                lock (decisions)
                {
                    decisions.Add($"{decision} pass {passId}");
                }

                return Results.Json(new { passId, programId, status = decision == "release" ? "pending" : "skipped" });
            });
            app.MapGet("/v1/programs/{programId}/members-not-in-moengage", (HttpRequest request, string? search, string? after) =>
                request.Headers.Accept.ToString() == "text/csv" ? Results.Text(Csv, "text/csv") : Results.Json(SampleNights.MembersPage(search, after)));
        });
}
