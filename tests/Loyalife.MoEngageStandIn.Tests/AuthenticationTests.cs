namespace Loyalife.MoEngageStandIn.Tests;

public sealed class AuthenticationTests(StandInFixture fixture) : StandInTestBase(fixture)
{
    private const string OneCustomer = """{"type":"transition","elements":[{"type":"customer","customer_id":"C1","attributes":{"a":1}}]}""";

    [Fact]
    public async Task AWrongKeyGetsMoEngages401()
    {
        var appId = await Client.CreateWorkspaceAsync("02");

        var response = await Client.PostAsync($"/dc/02/v1/transition/{appId}", OneCustomer, appId, "wrong-key");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("App Secret key mismatch", (await ErrorAsync(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task TheRightKeySentToAnotherDataCentreGets401()
    {
        var appId = await Client.CreateWorkspaceAsync("02");

        var wrongCentre = await Client.PostAsync($"/dc/01/v1/transition/{appId}", OneCustomer, appId);
        var rightCentre = await Client.PostAsync($"/dc/02/v1/transition/{appId}", OneCustomer, appId);

        Assert.Equal(HttpStatusCode.Unauthorized, wrongCentre.StatusCode);
        Assert.StartsWith("App Secret key mismatch", (await ErrorAsync(wrongCentre)).GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, rightCentre.StatusCode);
    }

    [Fact]
    public async Task AnAppIdInThePathOtherThanTheAuthenticatedOneGets409()
    {
        var appId = await Client.CreateWorkspaceAsync();
        var other = await Client.CreateWorkspaceAsync();

        var response = await Client.PostAsync($"/dc/01/v1/transition/{other}", OneCustomer, appId);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("App key mismatch in params and authentication", (await ErrorAsync(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task MissingCredentialsGet401AndUnknownAppIdsToo()
    {
        var appId = await Client.CreateWorkspaceAsync();

        var anonymous = await Client.PostAsync($"/dc/01/v1/transition/{appId}", OneCustomer, user: null);
        var unknown = await Client.PostAsync("/dc/01/v1/transition/NOSUCHAPP", OneCustomer, "NOSUCHAPP");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(1, (await Client.StatsAsync(appId)).Stat("requests"));
    }

    [Fact]
    public async Task AnUnknownDataCentreIsNotFound()
    {
        var appId = await Client.CreateWorkspaceAsync();

        var response = await Client.PostAsync($"/dc/07/v1/transition/{appId}", OneCustomer, appId);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await ErrorAsync(response);
    }

    [Theory]
    [InlineData("01", "01", null, HttpStatusCode.OK)]
    [InlineData("01", "02", null, HttpStatusCode.Unauthorized)]
    [InlineData("02", "02", null, HttpStatusCode.Unauthorized)]
    [InlineData("01", "01", "wrong-key", HttpStatusCode.Unauthorized)]
    public async Task TestConnectionChecksKeyDataCentreAndRegion(string dc, string region, string? secret, HttpStatusCode expected)
    {
        var appId = await Client.CreateWorkspaceAsync("01", new() { ["appName"] = "Loyalife Demo" });
        var body = JsonSerializer.Serialize(new { app_id = appId, app_secret = secret ?? Key, source = "loyalife", region });

        var response = await Client.PostAsync($"/dc/{dc}/v1/integrations/authentication", body, appId, secret ?? Key);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("success", answer.GetProperty("status").GetString());
            Assert.Equal("Loyalife Demo", answer.GetProperty("app_name").GetString());
        }
        else
        {
            Assert.StartsWith("App Secret key mismatch", (await ErrorAsync(response)).GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task TestConnectionWithAnotherAppKeyHeaderGets409()
    {
        var appId = await Client.CreateWorkspaceAsync();
        var other = await Client.CreateWorkspaceAsync();
        var body = JsonSerializer.Serialize(new { app_id = appId, app_secret = Key, source = "loyalife", region = "01" });

        var response = await Client.PostAsync("/dc/01/v1/integrations/authentication", body, other);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
