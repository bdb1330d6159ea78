using System.Globalization;
using OpenQA.Selenium;

namespace Loyalife.Reliability.Tests;

/// <summary>The admin page in headless Chromium against the whole system: the real dispatcher, snapshot-service and stand-in.</summary>
[Trait("Suite", "System")]
public sealed class AdminConsoleJourneyTests
{
    [Fact]
    public async Task AnAdminOpensTheReportOfARealRunAndReadsWhatWasSent()
    {
        await using var system = await LoyalifeSystem.StartAsync();
        await system.ConnectWorkspaceAsync("console-app", "console-key");
        var run = await system.RunToSuccessAsync(LoyalifeSystem.Yesterday, TimeSpan.FromSeconds(90));

        using var browser = AdminBrowser.Start();
        await browser.SignInAsync(system.Settings.Url, LoyalifeSystem.AdminToken);
        await browser.ChooseProgramAsync(LoyalifeSystem.ProgramId);
        await browser.UntilAsync(() => browser.Driver.FindElements(By.CssSelector("#sync-runs tbody tr")).Count == 1, "the run in the history");
        var row = browser.Driver.FindElement(By.CssSelector("#sync-runs tbody tr"));
        Assert.Contains($"{run.MembersSent.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} sent", row.Text);
        Assert.Contains("Succeeded", row.Text, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(browser.Driver.FindElements(By.CssSelector("#chart svg .bar.members")));

        row.Click();
        await browser.UntilAsync(() => browser.Text("run-report").Contains("Events sent"), "the run's report");
        var report = browser.Text("run-report");
        Assert.Contains(run.Json.GetProperty("runId").GetString()!, report);
        foreach (var sent in run.Report.GetProperty("eventsSent").EnumerateObject().Where(e => e.Value.GetInt64() > 0))
        {
            Assert.Contains($"{sent.Name.Replace('_', ' ')} {sent.Value.GetInt64().ToString("N0", CultureInfo.GetCultureInfo("en-GB"))}", report);
        }

        Directory.CreateDirectory(Results);
        browser.Driver.GetScreenshot().SaveAsFile(Path.Combine(Results, "admin-real-run-report-1280.png"));
        Assert.Empty(browser.ScriptErrors());
    }

    private static string Results => Path.Combine(Repository.Root, "tests", "Loyalife.Reliability.Tests", "TestResults");
}
