using System.Net;
using System.Net.Http.Json;
using Loyalife.SettingsService.Settings;
using Loyalife.SettingsService.Tests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Loyalife.SettingsService.Tests;

/// <summary>The admin page in headless Chromium, as an admin uses it.</summary>
[Trait("Suite", "System")] // a real browser: slow to start, so outside the fast loop
public sealed class AdminPageTests
{
    private const string Install = "apt-get install -y chromium chromium-driver";

    [Fact]
    public async Task AnAdminEnablesMoEngageSeesTheRejectedKeyFixesItAndSaves()
    {
        var chromium = Prerequisite.Find("chromium", Install);
        var chromedriver = Prerequisite.Find("chromedriver", Install);
        await using var host = await SettingsServiceHost.StartAsync();
        var programId = await host.NewProgramAsync();
        await host.AddWorkspaceAsync("APPWEB01", "01", "WebRightKey0123456");
        using var browser = StartBrowser(chromium, chromedriver, out var profile);
        try
        {
            browser.Navigate().GoToUrl(new Uri(host.AppUrl, "/admin"));
            browser.FindElement(By.Id("admin-token")).SendKeys(SettingsServiceHost.AdminToken);
            browser.FindElement(By.CssSelector("#sign-in button[type=submit]")).Click();
            await UntilAsync(browser, () => browser.FindElement(By.Id("workspace")).Displayed, "the signed-in view");
            browser.FindElement(By.CssSelector($"#program option[value='{programId}']")).Click();
            await UntilAsync(browser, () => browser.FindElement(By.Id("moengage-status")).Text == "Not configured.", "the program's MoEngage status");
            Assert.False(browser.FindElement(By.Id("moengage-details")).Displayed);
            await UntilAsync(browser, () => browser.FindElement(By.Id("sync-runs")).Text.Contains("unavailable"), "sync runs marked unavailable");

            browser.FindElement(By.Id("enabled")).Click();
            await UntilAsync(browser, () => browser.FindElement(By.Id("credentials-dialog")).Displayed, "the credentials dialog");
            browser.FindElement(By.Id("app-id")).SendKeys("APPWEB01");
            browser.FindElement(By.Id("api-key")).SendKeys("WebWrongKey0123456");
            browser.FindElement(By.Id("dashboard-url")).SendKeys("http://dashboard-01.moengage.com");
            browser.FindElement(By.Id("save")).Click();
            await UntilAsync(browser, () => browser.FindElement(By.Id("dashboard-url-error")).Text.Contains("https://dashboard-101.moengage.com"), "the dashboard URL field error");
            Assert.Equal("true", browser.FindElement(By.Id("dashboard-url")).GetAttribute("aria-invalid"));

            browser.FindElement(By.Id("dashboard-url")).Clear();
            browser.FindElement(By.Id("dashboard-url")).SendKeys("https://dashboard-01.moengage.com");
            browser.FindElement(By.Id("save")).Click();
            await UntilAsync(browser, () => browser.FindElement(By.Id("dialog-error")).Text.Contains("data centre 01"), "the rejected-key message");
            Assert.Contains("rejected", browser.FindElement(By.Id("dialog-error")).Text);
            Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.GetAsync(SettingsPaths.MoEngage(programId))).StatusCode);

            browser.FindElement(By.Id("api-key")).Clear();
            browser.FindElement(By.Id("api-key")).SendKeys("WebRightKey0123456");
            browser.FindElement(By.Id("save")).Click();
            await UntilAsync(browser, () => !browser.FindElement(By.Id("credentials-dialog")).Displayed, "the dialog to close after saving");
            await UntilAsync(browser, () => browser.FindElement(By.Id("moengage-status")).Text.StartsWith("Enabled"), "the enabled status");
            Assert.Equal(ApiKeyMask.Dots + "3456", browser.FindElement(By.Id("detail-api-key")).Text);
            Assert.Contains("accepted", browser.FindElement(By.Id("result")).Text);
            Assert.True(browser.FindElement(By.Id("enabled")).Selected);
            Assert.DoesNotContain("WebRightKey0123456", browser.PageSource);

            var saved = await host.Admin.GetFromJsonAsync<MoEngageSettingsView>(SettingsPaths.MoEngage(programId));
            Assert.True(saved!.Enabled);
            Assert.Equal("APPWEB01", saved.AppId);
            Assert.Equal("01", saved.DataCenter);
        }
        finally
        {
            browser.Quit();
            Directory.Delete(profile, recursive: true);
        }
    }

    private static ChromeDriver StartBrowser(string chromium, string chromedriver, out string profile)
    {
        profile = Directory.CreateTempSubdirectory("settings-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", "--window-size=1200,900");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static async Task UntilAsync(IWebDriver browser, Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                if (condition())
                {
                    return;
                }
            }
            catch (WebDriverException)
            {
                // Not there yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 15 s for {what}. Page text: {browser.FindElement(By.TagName("body")).Text}");
            }

            await Task.Delay(100);
        }
    }
}
