namespace Loyalife.SettingsService.Tests;

public sealed class AlertTargetsTests(SettingsHostFixture fixture) : SettingsTestBase(fixture)
{
    private const string Secret = "whsec-settings-test-8e41a2";

    [Fact]
    public async Task ATargetsSigningSecretGoesToTheSecretStoreAndOnlyTheDispatcherReadsItBack()
    {
        var programId = await Host.NewProgramAsync();

        var added = await Host.Admin.PostAsJsonAsync(SettingsPaths.AlertTargets(programId), new { url = "http://localhost:9/hook", signingSecret = Secret });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var target = await Json.ReadAsync(added);
        var targetId = target.GetProperty("targetId").GetGuid();
        Assert.Equal("http://localhost:9/hook", target.Text("url"));
        Assert.True(target.GetProperty("hasSigningSecret").GetBoolean());
        Assert.True(target.TryGetProperty("createdAt", out _));
        Assert.Equal($"/v1/programs/{programId}/alerts/targets/{targetId}", added.Headers.Location?.OriginalString);
        Assert.DoesNotContain(Secret, target.GetRawText());

        var listed = await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.AlertTargets(programId)));
        Assert.Equal(targetId, Assert.Single(listed.EnumerateArray()).GetProperty("targetId").GetGuid());
        Assert.DoesNotContain(Secret, listed.GetRawText());
        Assert.Contains(SecretsFile.Read(Host.SecretsFile), secret => secret.Key.StartsWith(SecretNames.SigningSecretPrefix) && secret.Value == Secret);
        Assert.DoesNotContain(await LedgerDatabase.DumpAsync(Host.ConnectionString), row => row.Contains(Secret));
        var audit = await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.MoEngage(programId) + "/audit"));
        var entry = Assert.Single(audit.EnumerateArray());
        Assert.Equal(("alert-target-added", "localhost"), (entry.Text("action"), entry.GetProperty("changes").Text("host")));

        var internalPath = SettingsPaths.InternalAlertTargets(programId);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Anonymous.GetAsync(internalPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Admin.GetAsync(internalPath)).StatusCode);
        using var dispatcher = Host.ThroughDapr(record: false);
        var forDispatcher = Assert.Single((await Json.ReadAsync(await dispatcher.GetAsync(internalPath))).EnumerateArray());
        Assert.Equal((targetId.ToString(), "http://localhost:9/hook", Secret),
            (forDispatcher.Text("targetId"), forDispatcher.Text("url"), forDispatcher.Text("signingSecret")));

        Assert.Equal(HttpStatusCode.NoContent, (await Host.Admin.DeleteAsync($"{SettingsPaths.AlertTargets(programId)}/{targetId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Admin.DeleteAsync($"{SettingsPaths.AlertTargets(programId)}/{targetId}")).StatusCode);
        Assert.Empty((await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.AlertTargets(programId)))).EnumerateArray());
        Assert.Empty((await Json.ReadAsync(await dispatcher.GetAsync(internalPath))).EnumerateArray());
        Assert.DoesNotContain(SecretsFile.Read(Host.SecretsFile), secret => secret.Value == Secret);
        Assert.DoesNotContain(Host.Logs.Lines(), line => line.Contains(Secret));
    }

    [Theory]
    [InlineData("http://hooks.example.com/alerts", "https")]
    [InlineData("https://10.1.2.3/alerts", "10.1.2.3 is a private address")]
    [InlineData("https://192.168.0.10/alerts", "a private address")]
    [InlineData("https://127.0.0.1:8443/alerts", "a loopback address")]
    [InlineData("https://[::1]/alerts", "a loopback address")]
    [InlineData("https://169.254.169.254/latest/meta-data", "a link-local address")]
    [InlineData("https://[fe80::1]/alerts", "a link-local address")]
    [InlineData("https://user:pass@hooks.example.com/alerts", "user name or password")]
    [InlineData("not a url", "absolute")]
    [InlineData("", "required")]
    public async Task AWebhookThatIsNotHttpsOrNotPublicIsRefusedNamingWhy(string url, string why)
    {
        var programId = await Host.NewProgramAsync();

        var refused = await Host.Admin.PostAsJsonAsync(SettingsPaths.AlertTargets(programId), new { url });

        var problem = await Json.ReadProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains(why, problem.GetProperty("errors").GetProperty("url")[0].GetString());
        Assert.Empty((await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.AlertTargets(programId)))).EnumerateArray());
    }

    [Fact]
    public async Task APublicHttpsAddressIsAcceptedAndABadSigningSecretIsRefusedWithoutBeingEchoed()
    {
        var programId = await Host.NewProgramAsync();

        Assert.Equal(HttpStatusCode.Created, (await Host.Admin.PostAsJsonAsync(SettingsPaths.AlertTargets(programId), new { url = "https://93.184.215.14/alerts" })).StatusCode);

        var shortSecret = await Host.Admin.PostAsJsonAsync(SettingsPaths.AlertTargets(programId), new { url = "https://93.184.215.14/b", signingSecret = "tooShort-9" });
        Assert.Equal(HttpStatusCode.BadRequest, shortSecret.StatusCode);
        var body = await shortSecret.Content.ReadAsStringAsync();
        Assert.Contains("signingSecret", body);
        Assert.DoesNotContain("tooShort-9", body);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Admin.PostAsJsonAsync(SettingsPaths.AlertTargets("no-such-program"), new { url = "https://93.184.215.14/a" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Admin.GetAsync(SettingsPaths.AlertTargets("no-such-program"))).StatusCode);
    }

    [Fact]
    public async Task AProgramHasAtMostTenTargets()
    {
        var programId = await Host.NewProgramAsync();
        for (var n = 0; n < 10; n++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Host.Admin.PostAsJsonAsync(SettingsPaths.AlertTargets(programId), new { url = $"https://93.184.215.14/{n}" })).StatusCode);
        }

        var eleventh = await Host.Admin.PostAsJsonAsync(SettingsPaths.AlertTargets(programId), new { url = "https://93.184.215.14/10" });

        Assert.Equal(HttpStatusCode.Conflict, eleventh.StatusCode);
        Assert.Equal(10, (await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.AlertTargets(programId)))).GetArrayLength());
    }

    [Fact]
    public async Task OutsideDevelopmentLocalhostIsRefusedToo()
    {
        await using var production = await SettingsServiceHost.StartAsync(new Dictionary<string, string?> { ["Alerts:AllowLocalhost"] = "false" });

        var refused = await production.Admin.PostAsJsonAsync(SettingsPaths.AlertTargets("demo"), new { url = "https://localhost:8443/hook" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("loopback", (await Json.ReadAsync(refused)).GetProperty("errors").GetProperty("url")[0].GetString());
    }
}
