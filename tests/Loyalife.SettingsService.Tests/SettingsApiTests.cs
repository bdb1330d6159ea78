namespace Loyalife.SettingsService.Tests;

public sealed class SettingsApiTests(SettingsHostFixture fixture) : SettingsTestBase(fixture)
{
    [Fact]
    public async Task SavingVerifiedCredentialsStoresTheKeyAsASecretAndShowsItMasked()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPSAVE01", "02", "SaveKey0123456789abcd");

        var put = await Host.SaveMoEngageAsync(programId,
            new { enabled = true, appId = "APPSAVE01", apiKey = "SaveKey0123456789abcd", dashboardUrl = "HTTPS://Dashboard-02.MoEngage.com/" });

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var saved = await Json.ReadAsync(put);
        Assert.Equal(ApiKeyMask.Dots + "abcd", saved.Text("apiKeyMasked"));
        Assert.Equal("02", saved.Text("dataCenter"));
        Assert.Equal("https://dashboard-02.moengage.com", saved.Text("dashboardUrl"));
        Assert.Equal(Host.MoEngage.ApiBaseUrlTemplate.Replace("{dc}", "02"), saved.Text("apiBaseUrl"));
        Assert.Equal("admin-token", saved.Text("updatedBy"));
        Assert.DoesNotContain("SaveKey0123456789abcd", saved.GetRawText());

        var get = await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.MoEngage(programId)));
        Assert.Equal(saved.Text("apiKeyMasked"), get.Text("apiKeyMasked"));
        Assert.True(get.GetProperty("enabled").GetBoolean());

        var credentials = await Json.ReadAsync(await Host.ThroughDapr().GetAsync(SettingsPaths.Credentials(programId)));
        Assert.Equal("SaveKey0123456789abcd", credentials.Text("apiKey"));
        Assert.Equal("APPSAVE01", credentials.Text("appId"));
        Assert.Equal(saved.Text("apiBaseUrl"), credentials.Text("apiBaseUrl"));
        Assert.Contains(SecretsFile.Read(Host.SecretsFile), secret => secret.Key.StartsWith(SecretNames.ForProgram(programId)) && secret.Value == "SaveKey0123456789abcd");
    }

    [Fact]
    public async Task AnUpdateWithoutAKeyKeepsTheStoredOne()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPKEEP01", "03", "KeepKey0123456789wxyz");
        await SaveAsync(programId, "APPKEEP01", "KeepKey0123456789wxyz", "https://dashboard-03.moengage.com");

        var disable = await Host.SaveMoEngageAsync(programId,
            new { enabled = false, appId = "APPKEEP01", dashboardUrl = "https://dashboard-03.moengage.com" });
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        Assert.False((await Json.ReadAsync(disable)).GetProperty("enabled").GetBoolean());

        var enable = await Host.SaveMoEngageAsync(programId,
            new { enabled = true, appId = "APPKEEP01", dashboardUrl = "https://dashboard-03.moengage.com" });
        Assert.Equal(HttpStatusCode.OK, enable.StatusCode);
        Assert.Equal(ApiKeyMask.Dots + "wxyz", (await Json.ReadAsync(enable)).Text("apiKeyMasked"));

        var credentials = await Json.ReadAsync(await Host.ThroughDapr().GetAsync(SettingsPaths.Credentials(programId)));
        Assert.Equal("KeepKey0123456789wxyz", credentials.Text("apiKey"));
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"enabled":true,"appId":"","apiKey":"GoodKey123456","dashboardUrl":"https://dashboard-01.moengage.com"}""", "appId" },
        { """{"enabled":true,"apiKey":"GoodKey123456","dashboardUrl":"https://dashboard-01.moengage.com"}""", "appId" },
        { $$"""{"enabled":true,"appId":"{{new string('A', 65)}}","apiKey":"GoodKey123456","dashboardUrl":"https://dashboard-01.moengage.com"}""", "appId" },
        { """{"enabled":true,"appId":"APPÜ1","apiKey":"GoodKey123456","dashboardUrl":"https://dashboard-01.moengage.com"}""", "appId" },
        { """{"enabled":true,"appId":"APP 1","apiKey":"GoodKey123456","dashboardUrl":"https://dashboard-01.moengage.com"}""", "appId" },
        { """{"enabled":true,"appId":"APP1 ","apiKey":"GoodKey123456","dashboardUrl":"https://dashboard-01.moengage.com"}""", "appId" },
        { """{"enabled":true,"appId":"APP1","apiKey":"","dashboardUrl":"https://dashboard-01.moengage.com"}""", "apiKey" },
        { """{"enabled":true,"appId":"APP1","dashboardUrl":"https://dashboard-01.moengage.com"}""", "apiKey" },
        { $$"""{"enabled":true,"appId":"APP1","apiKey":"{{new string('k', 257)}}","dashboardUrl":"https://dashboard-01.moengage.com"}""", "apiKey" },
        { """{"enabled":true,"appId":"APP1","apiKey":"GoodKey12345€","dashboardUrl":"https://dashboard-01.moengage.com"}""", "apiKey" },
        { """{"enabled":true,"appId":"APP1","apiKey":"Good Key123456","dashboardUrl":"https://dashboard-01.moengage.com"}""", "apiKey" },
        { """{"enabled":true,"appId":"APP1","apiKey":"GoodKey123456\n","dashboardUrl":"https://dashboard-01.moengage.com"}""", "apiKey" },
        { """{"enabled":true,"appId":"APP1","apiKey":"GoodKey123456","dashboardUrl":""}""", "dashboardUrl" },
        { """{"enabled":true,"appId":"APP1","apiKey":"GoodKey123456"}""", "dashboardUrl" },
        { """{"enabled":true,"appId":"APP1","apiKey":"GoodKey123456","dashboardUrl":"http://dashboard-01.moengage.com"}""", "dashboardUrl" },
        { """{"enabled":true,"appId":"APP1","apiKey":"GoodKey123456","dashboardUrl":"https://dashboard-01.moengage.com/segments"}""", "dashboardUrl" },
        { """{"enabled":true,"appId":"APP1","apiKey":"GoodKey123456","dashboardUrl":"https://dashboard-01.moengage.com/?tab=1"}""", "dashboardUrl" },
        { """{"enabled":true,"appId":"APP1","apiKey":"GoodKey123456","dashboardUrl":"https://dashboard-01.moengage.com#x"}""", "dashboardUrl" },
        { """{"enabled":true,"appId":"APP1","apiKey":"GoodKey123456","dashboardUrl":"https://dashboard-01.moengage.com:8443"}""", "dashboardUrl" },
        { """{"enabled":true,"appId":"APP1","apiKey":"GoodKey123456","dashboardUrl":"https://me@dashboard-01.moengage.com"}""", "dashboardUrl" },
        { """{"enabled":true,"appId":"APP1","apiKey":"GoodKey123456","dashboardUrl":"https://dashboard-07.moengage.com"}""", "dashboardUrl" },
        { """{"enabled":true,"appId":"APP1","apiKey":"GoodKey123456","dashboardUrl":"https://dashboard-01.moengage.com.example.org"}""", "dashboardUrl" },
        { """{"appId":"APP1","apiKey":"GoodKey123456","dashboardUrl":"https://dashboard-01.moengage.com"}""", "enabled" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadInputIsA400ThatNamesTheFieldAndSavesNothing(string body, string field)
    {
        var programId = await Host.NewProgramAsync();

        var response = await Host.Admin.PutAsync(SettingsPaths.MoEngage(programId), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await Json.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        var messages = problem.GetProperty("errors").GetProperty(field);
        if (field == "dashboardUrl")
        {
            Assert.Contains("https://dashboard-01.moengage.com", messages[0].GetString());
            Assert.Contains("https://dashboard-101.moengage.com", messages[0].GetString());
        }

        await Host.AssertNothingSavedAsync(programId);
    }

    [Fact]
    public async Task AMalformedBodyIsA400Problem()
    {
        var programId = await Host.NewProgramAsync();
        var response = await Host.Admin.PutAsync(SettingsPaths.MoEngage(programId), new StringContent("{\"enabled\": \"yes\"", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnUnknownProgramIsA404Problem()
    {
        var response = await Host.SaveMoEngageAsync("no-such-program", IntegrationBody.Enabled("APP1", "GoodKey123456", "01"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no-such-program", (await Json.ReadAsync(response)).Text("detail"));
    }

    [Fact]
    public async Task AWrongDataCentreIsA422NamingTheDataCentreTriedAndSavesNothing()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPDC01", "01", "DcKey0123456789");

        var response = await Host.SaveMoEngageAsync(programId, IntegrationBody.Enabled("APPDC01", "DcKey0123456789", "02"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        Assert.Equal("02", problem.Text("dataCenter"));
        Assert.Contains("data centre 02", problem.Text("detail"));
        Assert.Contains("Dashboard URL", problem.Text("detail"));
        await Host.AssertNothingSavedAsync(programId);
    }

    [Fact]
    public async Task ARejectedKeyIsA422AndKeepsThePreviousSettings()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPREJ01", "04", "RightKey0123456789");

        var first = await Host.SaveMoEngageAsync(programId, IntegrationBody.Enabled("APPREJ01", "WrongKey0123456789", "04"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, first.StatusCode);
        Assert.Contains("API key", (await Json.ReadAsync(first)).Text("detail"));
        await Host.AssertNothingSavedAsync(programId);

        await SaveAsync(programId, "APPREJ01", "RightKey0123456789", "https://dashboard-04.moengage.com");
        var second = await Host.SaveMoEngageAsync(programId, IntegrationBody.Enabled("APPREJ01", "WrongKey0123456789", "04"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        var credentials = await Json.ReadAsync(await Host.ThroughDapr().GetAsync(SettingsPaths.Credentials(programId)));
        Assert.Equal("RightKey0123456789", credentials.Text("apiKey"));
        Assert.Single(SecretsFile.Read(Host.SecretsFile).Keys, name => name.StartsWith(SecretNames.ForProgram(programId)));
    }

    [Fact]
    public async Task RotationIsSeenByTheNextCredentialsReadWithoutARestart()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPROT01", "05", "OldKey0123456789");
        await SaveAsync(programId, "APPROT01", "OldKey0123456789", "https://dashboard-05.moengage.com");
        Assert.Equal("OldKey0123456789", (await Json.ReadAsync(await Host.ThroughDapr().GetAsync(SettingsPaths.Credentials(programId)))).Text("apiKey"));

        await Host.AddWorkspaceAsync("APPROT01", "05", "NewKey9876543210");
        await SaveAsync(programId, "APPROT01", "NewKey9876543210", "https://dashboard-05.moengage.com", expected: HttpStatusCode.OK);

        Assert.Equal("NewKey9876543210", (await Json.ReadAsync(await Host.ThroughDapr().GetAsync(SettingsPaths.Credentials(programId)))).Text("apiKey"));
        var secrets = SecretsFile.Read(Host.SecretsFile).Where(secret => secret.Key.StartsWith(SecretNames.ForProgram(programId))).ToList();
        Assert.Equal("NewKey9876543210", Assert.Single(secrets).Value);
    }

    [Fact]
    public async Task VerifyReChecksTheStoredCredentials()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPVER01", "06", "VerifyKey0123456789");
        await SaveAsync(programId, "APPVER01", "VerifyKey0123456789", "https://dashboard-06.moengage.com");

        var ok = await Host.Admin.PostAsync(SettingsPaths.MoEngage(programId) + "/verify", null);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.True((await Json.ReadAsync(ok)).GetProperty("verified").GetBoolean());

        await Host.AddWorkspaceAsync("APPVER01", "06", "RevokedAndReplaced01");
        var rejected = await Host.Admin.PostAsync(SettingsPaths.MoEngage(programId) + "/verify", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        Assert.Equal("06", (await Json.ReadAsync(rejected)).Text("dataCenter"));

        Assert.Equal(HttpStatusCode.NotFound, (await Host.Admin.PostAsync(SettingsPaths.MoEngage(await Host.NewProgramAsync()) + "/verify", null)).StatusCode);
    }

    [Fact]
    public async Task DeleteRemovesTheRowAndTheSecretAndIsAudited()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPDEL01", "101", "DeleteKey0123456789");
        await SaveAsync(programId, "APPDEL01", "DeleteKey0123456789", "https://dashboard-101.moengage.com");

        Assert.Equal(HttpStatusCode.NoContent, (await Host.Admin.DeleteAsync(SettingsPaths.MoEngage(programId))).StatusCode);

        await Host.AssertNothingSavedAsync(programId);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.ThroughDapr().GetAsync(SettingsPaths.Credentials(programId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Admin.DeleteAsync(SettingsPaths.MoEngage(programId))).StatusCode);
        var audit = await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.MoEngage(programId) + "/audit"));
        Assert.Equal(["deleted", "created"], audit.EnumerateArray().Select(entry => entry.Text("action")));
    }

    [Fact]
    public async Task TheAuditTrailSaysWhoChangedWhatAndWhenButNeverTheKey()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPAUD01", "01", "AuditKey01234WVKQ");
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        await SaveAsync(programId, "APPAUD01", "AuditKey01234WVKQ", "https://dashboard-01.moengage.com");
        await Host.SaveMoEngageAsync(programId,
            new { enabled = false, appId = "APPAUD01", dashboardUrl = "https://dashboard-01.moengage.com" });

        var response = await Host.Admin.GetAsync(SettingsPaths.MoEngage(programId) + "/audit");
        var entries = (await Json.ReadAsync(response)).EnumerateArray().ToList();

        Assert.Equal(["updated", "created"], entries.Select(entry => entry.Text("action")));
        Assert.All(entries, entry => Assert.Equal("admin-token", entry.Text("actor")));
        Assert.All(entries, entry => Assert.InRange(entry.GetProperty("occurredAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5)));
        Assert.False(entries[0].GetProperty("changes").GetProperty("enabled").GetProperty("to").GetBoolean());
        Assert.False(entries[0].GetProperty("changes").TryGetProperty("apiKey", out _));
        Assert.Equal("set", entries[1].GetProperty("changes").Text("apiKey"));
        Assert.DoesNotContain("AuditKey01234WVKQ", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("WVKQ", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheExportListsEveryProgramsSettingsWithoutSecrets()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPEXP01", "02", "ExportKey01234QZJX");
        await SaveAsync(programId, "APPEXP01", "ExportKey01234QZJX", "https://dashboard-02.moengage.com");

        var response = await Host.Admin.GetAsync(SettingsPaths.Export);
        var text = await response.Content.ReadAsStringAsync();
        var export = await Json.ReadAsync(response);

        var mine = export.GetProperty("integrations").EnumerateArray().Single(item => item.Text("programId") == programId);
        Assert.Equal("APPEXP01", mine.Text("appId"));
        Assert.Equal("02", mine.Text("dataCenter"));
        Assert.DoesNotContain("ExportKey01234QZJX", text);
        Assert.DoesNotContain("QZJX", text);
        Assert.DoesNotContain(SecretNames.Prefix, text);
        Assert.DoesNotContain("apiKey", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheDispatcherSeesOnlyEnabledPrograms()
    {
        var on = await Host.NewProgramAsync();
        var off = await Host.NewProgramAsync();
        await Host.AddWorkspaceAsync("APPLIST01", "03", "ListKey0123456789");
        await SaveAsync(on, "APPLIST01", "ListKey0123456789", "https://dashboard-03.moengage.com");
        await SaveAsync(off, "APPLIST01", "ListKey0123456789", "https://dashboard-03.moengage.com");
        await Host.SaveMoEngageAsync(off, new { enabled = false, appId = "APPLIST01", dashboardUrl = "https://dashboard-03.moengage.com" });

        var list = (await Json.ReadAsync(await Host.ThroughDapr().GetAsync(SettingsPaths.EnabledPrograms))).EnumerateArray().ToList();

        var entry = Assert.Single(list, item => item.Text("programId") == on);
        Assert.Equal("APPLIST01", entry.Text("appId"));
        Assert.Equal("03", entry.Text("dataCenter"));
        Assert.Equal(Host.MoEngage.ApiBaseUrlTemplate.Replace("{dc}", "03"), entry.Text("apiBaseUrl"));
        Assert.DoesNotContain(list, item => item.Text("programId") == off);
        Assert.False((await Json.ReadAsync(await Host.ThroughDapr().GetAsync(SettingsPaths.Credentials(off)))).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task ConcurrentSavesLeaveTheLastWriterInPlaceWithItsOwnKeyAndAuditBoth()
    {
        var programId = await Host.NewProgramWithWorkspaceAsync("APPCONA", "01", "ConcurrentKeyA0001");
        await Host.AddWorkspaceAsync("APPCONB", "02", "ConcurrentKeyB0002");
        var pairs = new Dictionary<string, string> { ["APPCONA"] = "ConcurrentKeyA0001", ["APPCONB"] = "ConcurrentKeyB0002" };

        const int rounds = 4;
        for (var round = 0; round < rounds; round++)
        {
            var saves = await Task.WhenAll(
                Host.SaveMoEngageAsync(programId, IntegrationBody.Enabled("APPCONA", pairs["APPCONA"], "01")),
                Host.SaveMoEngageAsync(programId, IntegrationBody.Enabled("APPCONB", pairs["APPCONB"], "02")));
            Assert.All(saves, save => Assert.True(save.IsSuccessStatusCode, save.StatusCode.ToString()));

            var credentials = await Json.ReadAsync(await Host.ThroughDapr().GetAsync(SettingsPaths.Credentials(programId)));
            Assert.Equal(pairs[credentials.Text("appId")], credentials.Text("apiKey"));
            Assert.Equal(credentials.Text("appId") == "APPCONA" ? "01" : "02", credentials.Text("dataCenter"));
            Assert.Single(SecretsFile.Read(Host.SecretsFile).Keys, name => name.StartsWith(SecretNames.ForProgram(programId)));
        }

        var audit = await Json.ReadAsync(await Host.Admin.GetAsync(SettingsPaths.MoEngage(programId) + "/audit"));
        Assert.Equal(rounds * 2, audit.GetArrayLength());
    }

    private async Task SaveAsync(string programId, string appId, string apiKey, string dashboardUrl, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await Host.SaveMoEngageAsync(programId, new { enabled = true, appId, apiKey, dashboardUrl });
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
