namespace Loyalife.SettingsService.Tests;

public sealed class AuthTests(SettingsHostFixture fixture) : SettingsTestBase(fixture)
{
    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "GET", "/v1/programs" },
        { "GET", "/v1/programs/demo/integrations/moengage" },
        { "PUT", "/v1/programs/demo/integrations/moengage" },
        { "DELETE", "/v1/programs/demo/integrations/moengage" },
        { "POST", "/v1/programs/demo/integrations/moengage/verify" },
        { "GET", "/v1/programs/demo/integrations/moengage/audit" },
        { "GET", "/v1/programs/demo/integrations/moengage/sync-runs" },
        { "GET", "/v1/integrations/moengage/export" },
    };

    public static TheoryData<string> InternalEndpoints => new()
    {
        SettingsPaths.EnabledPrograms,
        SettingsPaths.Credentials("demo"),
    };

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task AdminEndpointsRefuseCallsWithoutAToken(string method, string path)
    {
        var response = await SendAsync(Host.Anonymous, method, path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task AdminEndpointsRefuseAWrongToken(string method, string path)
    {
        foreach (var client in new[] { Host.Client("not-the-admin-token"), Host.Client(SettingsServiceHost.AdminToken + "x"), Host.ThroughDapr() })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(client, method, path)).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(InternalEndpoints))]
    public async Task InternalEndpointsRefuseDirectCalls(string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Admin.GetAsync(path)).StatusCode);

        using var wrong = Host.Client(null);
        wrong.DefaultRequestHeaders.Add("dapr-api-token", "not-the-app-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task InternalEndpointsAnswerCallsThatCameThroughDapr()
    {
        Assert.Equal(HttpStatusCode.OK, (await Host.ThroughDapr().GetAsync(SettingsPaths.EnabledPrograms)).StatusCode);
        var missing = await Host.ThroughDapr().GetAsync(SettingsPaths.Credentials("demo"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheAdminPageItselfIsPublicButHoldsNoData()
    {
        var page = await Host.Anonymous.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Admin token", await page.Content.ReadAsStringAsync());
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method is "PUT" ? JsonContent.Create(IntegrationBody.Enabled("APP1", "GoodKey123456", "01")) : null,
        });
}
