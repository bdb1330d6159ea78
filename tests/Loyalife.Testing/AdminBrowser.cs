using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Loyalife.Testing;

/// <summary>
/// Headless Chromium driving settings-service's admin page as an admin does: sign in, wait for what the page
/// says, download files, and keep screenshots. Shared by the tests that use the page against a part or the whole system.
/// </summary>
public sealed class AdminBrowser : IDisposable
{
    private const string Install = "apt-get install -y chromium chromium-driver";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string profile;

    private AdminBrowser(ChromeDriver driver, string profile, string downloads)
    {
        Driver = driver;
        this.profile = profile;
        Downloads = downloads;
    }

    public ChromeDriver Driver { get; }

    /// <summary>Where the browser saves downloaded files.</summary>
    public string Downloads { get; }

    public static AdminBrowser Start(int width = 1280, int height = 900)
    {
        var chromium = Prerequisite.Find("chromium", Install);
        var chromedriver = Prerequisite.Find("chromedriver", Install);
        var profile = Directory.CreateTempSubdirectory("admin-chromium-").FullName;
        var downloads = Directory.CreateDirectory(Path.Combine(profile, "downloads")).FullName;
        var options = new ChromeOptions { BinaryLocation = chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars", $"--user-data-dir={profile}", $"--window-size={width},{height}");
        options.AddUserProfilePreference("download.default_directory", downloads);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        return new AdminBrowser(new ChromeDriver(service, options, TimeSpan.FromSeconds(90)), profile, downloads);
    }

    public IWebElement Find(string id) => Driver.FindElement(By.Id(id));

    public string Text(string id) => Find(id).Text;

    /// <summary>Opens <paramref name="appUrl"/>/admin and signs in with <paramref name="token"/>, the break-glass way.</summary>
    public async Task SignInAsync(Uri appUrl, string token)
    {
        Driver.Navigate().GoToUrl(new Uri(appUrl, "/admin"));
        await UntilAsync(() => Find("sign-in").Displayed, "the sign-in card");
        Driver.FindElement(By.CssSelector("#break-glass summary")).Click();
        Find("admin-token").SendKeys(token);
        Find("token-submit").Click();
        await UntilAsync(() => Find("workspace").Displayed, "the signed-in view");
    }

    /// <summary>
    /// Opens <paramref name="appUrl"/>/admin, presses "Sign in" and, on the identity provider's page, picks the person
    /// <paramref name="person"/> (the development provider's <c>person-{subject}</c> link).
    /// </summary>
    public async Task SignInAsPersonAsync(Uri appUrl, string person)
    {
        Driver.Navigate().GoToUrl(new Uri(appUrl, "/admin"));
        await UntilAsync(() => Find("sign-in-button").Displayed, "the Sign in button");
        Find("sign-in-button").Click();
        await UntilAsync(() => Find($"person-{person}").Displayed, "the identity provider's sign-in page");
        Find($"person-{person}").Click();
        await UntilAsync(() => Find("workspace").Displayed, "the signed-in view");
    }

    public async Task ChooseProgramAsync(string programId)
    {
        Driver.FindElement(By.CssSelector($"#program option[value='{programId}']")).Click();
        await UntilAsync(() => Find("page-title").Text.Contains(programId, StringComparison.Ordinal) || Find("program").GetAttribute("value") == programId, "the program to load");
    }

    /// <summary>Waits until <paramref name="condition"/> holds; a timeout names what was awaited and shows the page's text.</summary>
    public async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
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
                throw new TimeoutException($"Waited {Patience.TotalSeconds:0} s for {what}. Page text: {Driver.FindElement(By.TagName("body")).Text}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Accepts the confirm() the page asks before a decision.</summary>
    public async Task ConfirmAsync()
    {
        await UntilAsync(() => Driver.SwitchTo().Alert() is not null, "the confirmation question");
        Driver.SwitchTo().Alert().Accept();
    }

    /// <summary>Script errors the page raised (failed fetches the page handles are not errors).</summary>
    public IReadOnlyList<string> ScriptErrors() =>
        [.. Driver.Manage().Logs.GetLog(LogType.Browser)
            .Where(entry => entry.Level == LogLevel.Severe && !entry.Message.Contains("Failed to load resource", StringComparison.Ordinal))
            .Select(entry => entry.Message)];

    /// <summary>Makes the viewport <paramref name="width"/> CSS pixels wide, as a laptop or a phone (mobile) shows the page.</summary>
    public void Resize(int width, int height = 900) =>
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = width < 600,
        });

    /// <summary>The whole page (not only the viewport) as a PNG at <paramref name="width"/> CSS pixels.</summary>
    public async Task SaveFullPageAsync(string path, int width)
    {
        Resize(width);
        await Task.Delay(200);
        var height = Convert.ToInt32(Driver.ExecuteScript("return Math.ceil(document.documentElement.scrollHeight)"), System.Globalization.CultureInfo.InvariantCulture);
        Resize(width, Math.Min(height, 16_000));
        await Task.Delay(200);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Driver.GetScreenshot().SaveAsFile(path);
    }

    public async Task<string> DownloadedAsync(string fileName)
    {
        var path = Path.Combine(Downloads, fileName);
        await UntilAsync(() => File.Exists(path) && new FileInfo(path).Length > 0, $"the download {fileName}");
        return await File.ReadAllTextAsync(path);
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        Directory.Delete(profile, recursive: true);
    }
}
