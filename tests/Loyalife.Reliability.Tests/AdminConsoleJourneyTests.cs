using OpenQA.Selenium;

namespace Loyalife.Reliability.Tests;

/// <summary>The admin page in headless Chromium against the whole system: the real dispatcher, snapshot-service and stand-in.</summary>
[Trait("Suite", "System")]
public sealed class AdminConsoleJourneyTests
{
    private const string AppId = "console-app";
    private const string ApiKey = "console-key";
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public async Task AnAdminOpensTheReportOfARealRunAndReadsWhatWasSent()
    {
        await using var system = await ConnectedAsync();
        var run = await SyncAsync(system, LoyalifeSystem.Yesterday);

        using var browser = await OpenAsync(system);
        await browser.UntilAsync(() => browser.Driver.FindElements(By.CssSelector("#sync-runs tbody tr")).Count == 1, "the run in the history");
        var row = browser.Driver.FindElement(By.CssSelector("#sync-runs tbody tr"));
        Assert.Contains($"{run.MembersSent.ToString("N0", British)} sent", row.Text);
        Assert.Contains("Succeeded", row.Text, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("#chart svg .bar.members")));

        row.Click();
        await browser.UntilAsync(() => browser.Text("run-report").Contains("Events sent"), "the run's report");
        var report = browser.Text("run-report");
        Assert.Contains(run.Json.GetProperty("runId").GetString()!, report);
        foreach (var sent in run.Report.GetProperty("eventsSent").EnumerateObject().Where(e => e.Value.GetInt64() > 0))
        {
            Assert.Contains($"{sent.Name.Replace('_', ' ')} {sent.Value.GetInt64().ToString("N0", British)}", report);
        }

        // A run of a few hundred members takes seconds or less: both figures read to the tenth, never "0 s" beside "1 s".
        AssertShortDuration(browser, "Duration", run.Json.GetProperty("durationSeconds").GetDouble());
        AssertShortDuration(browser, "Quota floor", run.Report.GetProperty("quotaLowerBoundSeconds").GetDouble());

        Directory.CreateDirectory(Results);
        browser.Driver.GetScreenshot().SaveAsFile(Path.Combine(Results, "admin-real-run-report-1280.png"));
        Assert.Empty(browser.ScriptErrors());
    }

    [Fact]
    public async Task AnAdminDownloadsTheMembersNotInMoEngageAsTheDispatcherListsThem()
    {
        await using var system = await ConnectedAsync();
        var run = await SyncAsync(system, LoyalifeSystem.Yesterday);
        Assert.True(run.Report.GetProperty("membersNotInMoEngage").GetInt64() > 0, "the demo day has no member MoEngage lacks");

        using var browser = await OpenAsync(system);
        await browser.UntilAsync(() => browser.Text("missing").Contains("showing"), "the members not in MoEngage");
        browser.Find("missing-download").Click();
        var csv = await browser.DownloadedAsync($"{LoyalifeSystem.ProgramId}-members-not-in-moengage.csv");

        using var dispatcher = system.AdminClient(system.Dispatcher.Url);
        var path = $"/v1/programs/{LoyalifeSystem.ProgramId}/members-not-in-moengage";
        using var csvRequest = new HttpRequestMessage(HttpMethod.Get, path);
        csvRequest.Headers.Accept.ParseAdd("text/csv");
        using var fromApi = await dispatcher.SendAsync(csvRequest);
        Assert.Equal(await fromApi.Content.ReadAsStringAsync(), csv);

        var listed = new List<(string MemberId, string CustomerId)>();
        string? after = null;
        do
        {
            var page = await dispatcher.GetFromJsonAsync<JsonElement>(path + (after is null ? "" : $"?after={Uri.EscapeDataString(after)}"));
            listed.AddRange(page.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("memberId").GetString()!, i.GetProperty("customerId").GetString()!)));
            after = page.GetProperty("next").GetString();
        }
        while (after is not null);

        var lines = csv.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("memberId,customerId,since,lastChecked", lines[0]);
        Assert.Equal(listed, lines.Skip(1).Select(line => line.Split(',')).Select(cells => (cells[0], cells[1])));
        Assert.Equal(run.Report.GetProperty("membersNotInMoEngage").GetInt64(), listed.Count);
        Assert.All(listed, member => Assert.False(Workspace.IsProfile(member.CustomerId), $"{member.CustomerId} is a profile of the workspace"));
        Assert.Empty(browser.ScriptErrors());
    }

    [Fact]
    public async Task AnAdminReleasesANightHeldByARuleAndItIsSentAndRecorded()
    {
        // Any name's events above the one synced night before: the demo's ordinary ups and downs trip it.
        await using var system = await ConnectedAsync(new Dictionary<string, string?> { ["HeldRuns:EventsFactor"] = "1", ["HeldRuns:EventsMinimum"] = "0" });
        var (quiet, busy) = await NightsRisingAsync(system);
        await SyncAsync(system, quiet);
        var heldId = await system.StartRunAsync(busy);
        var held = await Wait.UntilAsync(() => system.RunAsync(heldId), r => r.Status != "pending" && r.Status != "running",
            TimeSpan.FromSeconds(90), r => $"run {heldId} still {r.Status}");
        Assert.True(held.Status == "held", held.ToString());
        var stats = await system.StandIn.Control.GetFromJsonAsync<JsonElement>($"/control/workspaces/{AppId}/stats");

        using var browser = await OpenAsync(system);
        await browser.UntilAsync(() => browser.Find("held").Displayed && browser.Text("held").Contains("events far above the usual night"), "the held night with its rule");
        Assert.Contains(held.Report.GetProperty("held").GetProperty("summary").GetString()!, browser.Text("held"));
        browser.Driver.FindElement(By.XPath("//section[@id='held']//button[normalize-space()='Release and send']")).Click();
        await browser.ConfirmAsync();
        await browser.UntilAsync(() => browser.Text("held-runs").Contains("Released") || !browser.Find("held").Displayed, "the release to be acknowledged");

        var sent = await system.WaitForRunAsync(heldId, TimeSpan.FromSeconds(90));
        Assert.True(sent.Status == "succeeded", sent.ToString());
        Assert.True(sent.EventsSent > 0, sent.ToString());
        Assert.False(string.IsNullOrEmpty(sent.Report.GetProperty("held").GetProperty("releasedBy").GetString()), sent.ToString());
        var after = await system.StandIn.Control.GetFromJsonAsync<JsonElement>($"/control/workspaces/{AppId}/stats");
        Assert.Equal(stats.GetProperty("eventsAccepted").GetInt64() + sent.EventsSent, after.GetProperty("eventsAccepted").GetInt64());

        using var settings = system.AdminClient(system.Settings.Url);
        var audit = await settings.GetFromJsonAsync<JsonElement>($"/v1/programs/{LoyalifeSystem.ProgramId}/integrations/moengage/audit");
        Assert.Contains(audit.EnumerateArray(), entry => entry.GetProperty("action").GetString() == "sync-run-release");
        browser.Driver.Navigate().Refresh();
        await browser.UntilAsync(() => browser.Driver.FindElements(By.CssSelector("#sync-runs tbody tr")).Count == 2, "the two nights in the history");
        browser.Driver.FindElement(By.CssSelector("#audit summary")).Click();
        await browser.UntilAsync(() => browser.Text("audit-entries").Contains("released a held night"), "the release in the change history");
        Assert.False(browser.Find("held").Displayed);
        Assert.Empty(browser.ScriptErrors());
    }

    [Fact]
    public async Task AnAdminAddsASignedWebhookSendsATestAlertAndSeesItDelivered()
    {
        const string secret = "whsec-console-journey-71c2";
        await using var system = await ConnectedAsync(new Dictionary<string, string?> { ["Alerts:PollInterval"] = "00:00:00.200" });
        await using var receiver = await WebhookReceiver.StartAsync(secret);

        using var browser = await OpenAsync(system);
        await browser.UntilAsync(() => browser.Find("alert-form").Displayed, "the alert targets");
        browser.Find("alert-url").SendKeys(receiver.Url);
        browser.Find("alert-secret").SendKeys(secret);
        browser.Find("alert-add").Click();
        await browser.UntilAsync(() => browser.Text("alert-targets").Contains(receiver.Url), "the webhook in the list");
        Assert.Contains("yes (HMAC-SHA256)", browser.Text("alert-targets"));
        await browser.UntilAsync(() => browser.Find("alert-test").Enabled, "the test button");
        browser.Find("alert-test").Click();

        var received = Assert.Single(await receiver.WaitForAsync(1));
        Assert.True(received.SignatureValid);
        Assert.Equal(("test", LoyalifeSystem.ProgramId), (received.Body.GetProperty("kind").GetString(), received.Body.GetProperty("program").GetString()));
        Assert.DoesNotContain(secret, received.Raw);
        await browser.UntilAsync(() => browser.Text("alert-deliveries").Contains(receiver.Url)
            && browser.Text("alert-deliveries").Contains("delivered", StringComparison.OrdinalIgnoreCase), "the delivery listed as delivered");
        Assert.Contains("HTTP 200", browser.Text("alert-deliveries"));
        Assert.DoesNotContain(secret, browser.Driver.PageSource);
        Assert.Empty(browser.ScriptErrors());
    }

    private static string Results => Path.Combine(Repository.Root, "tests", "Loyalife.Reliability.Tests", "TestResults");

    /// <summary>The whole system with the demo program connected to a stand-in workspace.</summary>
    private static async Task<LoyalifeSystem> ConnectedAsync(IReadOnlyDictionary<string, string?>? dispatcherSettings = null)
    {
        var system = await LoyalifeSystem.StartAsync(dispatcherSettings: dispatcherSettings);
        try
        {
            await system.ConnectWorkspaceAsync(AppId, ApiKey);
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    private static Task<SyncRun> SyncAsync(LoyalifeSystem system, DateOnly date) =>
        system.RunToSuccessAsync(date, TimeSpan.FromSeconds(90));

    private static async Task<AdminBrowser> OpenAsync(LoyalifeSystem system)
    {
        var browser = AdminBrowser.Start();
        try
        {
            await browser.SignInAsync(system.Settings.Url, LoyalifeSystem.AdminToken);
            await browser.ChooseProgramAsync(LoyalifeSystem.ProgramId);
            return browser;
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    /// <summary>Two closed nights in a row, the second with more events of some name than the first, read from snapshot-service.</summary>
    private static async Task<(DateOnly Quiet, DateOnly Busy)> NightsRisingAsync(LoyalifeSystem system)
    {
        using var client = new HttpClient { BaseAddress = system.Snapshots.Url };
        client.DefaultRequestHeaders.Add("dapr-api-token", LoyalifeSystem.AppApiToken);
        async Task<Dictionary<string, long>> EventsAsync(DateOnly date) =>
            (await client.GetFromJsonAsync<JsonElement>($"/v1/programs/{LoyalifeSystem.ProgramId}/snapshots/{date:yyyy-MM-dd}/summary"))
                .GetProperty("events").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.GetInt64());
        for (var busy = LoyalifeSystem.Yesterday; busy > LoyalifeSystem.Yesterday.AddDays(-14); busy = busy.AddDays(-1))
        {
            var before = await EventsAsync(busy.AddDays(-1));
            if ((await EventsAsync(busy)).Any(e => e.Value > before.GetValueOrDefault(e.Key)))
            {
                return (busy.AddDays(-1), busy);
            }
        }

        throw new InvalidOperationException("the demo ledger has no night with more events of a name than the night before");
    }

    /// <summary>A figure under 10 s reads to the tenth ("0.4 s", "&lt; 0.1 s"), never rounded to "0 s" or up to a whole second; longer ones in whole seconds.</summary>
    private static void AssertShortDuration(AdminBrowser browser, string label, double seconds)
    {
        var shown = browser.Driver.FindElement(By.XPath($"//div[@id='run-report']//dt[normalize-space()='{label}']/following-sibling::dd[1]")).Text;
        if (seconds < 0.05)
        {
            Assert.StartsWith(seconds == 0 ? "0 s" : "< 0.1 s", shown);
            return;
        }

        if (seconds >= 9.95)
        {
            Assert.DoesNotContain(".", shown.Split(' ')[0]);
            return;
        }

        var figure = double.Parse(shown.Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(figure - seconds) <= 0.05 + 1e-9, $"{label} {seconds} s shown as \"{shown}\"");
    }
}
