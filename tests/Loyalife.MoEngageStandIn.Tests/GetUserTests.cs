namespace Loyalife.MoEngageStandIn.Tests;

/// <summary>Get User, <c>POST /v1/customers/export?app_id=…</c>, as MoEngage's Data API reference describes it.</summary>
public sealed class GetUserTests(StandInFixture fixture) : StandInTestBase(fixture)
{
    [Fact]
    public async Task FoundUsersComeWithTheirAskedForFieldsAndUnknownOnesAreListedNotFound()
    {
        var appId = await Client.CreateGetUserWorkspaceAsync(new JsonObject
        {
            ["customers"] = new JsonArray(new JsonObject { ["customerId"] = "C1", ["attributes"] = new JsonObject { ["tier"] = "Gold", ["points"] = 5 } }),
        });

        var response = await Client.GetUserAsync(appId, ["C1", "C2"], ["tier"]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("success", body.GetProperty("status").GetString());
        Assert.Equal("export_users", body.GetProperty("type").GetString());
        var user = Assert.Single(body.GetProperty("data").GetProperty("users").EnumerateArray()).GetProperty("user_attributes");
        Assert.Equal("C1", user.GetProperty("customer_id").GetString());
        Assert.Matches("^[0-9a-f]{24}$", user.GetProperty("id").GetString());
        Assert.False(user.TryGetProperty("uid", out _));
        Assert.Equal("Gold", user.GetProperty("tier").GetString());
        Assert.False(user.TryGetProperty("points", out _));
        var missing = Assert.Single(body.GetProperty("data").GetProperty("users_not_found").EnumerateArray());
        Assert.Equal("customer_id", missing.GetProperty("identifier_type").GetString());
        Assert.Equal("C2", missing.GetProperty("identifier").GetString());
        var stats = await Client.StatsAsync(appId);
        Assert.Equal(2, stats.Stat("usersLookedUp"));
        Assert.Equal(1, stats.Stat("usersFound"));
    }

    [Fact]
    public async Task TheOlderShapeWithFieldsBesideDataIsAccepted()
    {
        var appId = await Client.CreateGetUserWorkspaceAsync(new JsonObject { ["customerIdPattern"] = "^C" });
        await Client.BulkAsync(appId, Bulk(Customer("C1", new { tier = "Gold", points = 5 }, updateExistingOnly: true)));
        var body = GetUserBody(["C1"]);
        body["user_fields_to_export"] = new JsonArray("points");

        var response = await Client.PostAsync($"/dc/01/v1/customers/export?app_id={appId}", body.ToJsonString(), appId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("users")[0].GetProperty("user_attributes");
        Assert.Equal(5, user.GetProperty("points").GetInt32());
        Assert.False(user.TryGetProperty("tier", out _));
    }

    [Fact]
    public async Task TwentyIdentifiersAreAllowedAndTwentyOneAreALimitBreach()
    {
        var appId = await Client.CreateGetUserWorkspaceAsync();

        var twenty = await Client.GetUserAsync(appId, Enumerable.Range(0, 20).Select(i => $"C{i}"));
        var twentyOne = await Client.GetUserAsync(appId, Enumerable.Range(0, 21).Select(i => $"C{i}"));

        Assert.Equal(HttpStatusCode.OK, twenty.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twentyOne.StatusCode);
        var error = await ErrorAsync(twentyOne);
        Assert.Equal("LimitBreached", error.GetProperty("type").GetString());
        Assert.Equal("max limit allowed is 20", error.GetProperty("message").GetString());
        Assert.Equal(20, (await Client.StatsAsync(appId)).Stat("usersLookedUp"));
    }

    [Fact]
    public async Task BeyondTheUsersPerMinuteQuotaGetUserAnswers429WithRateLimitHeaders()
    {
        var appId = await Client.CreateGetUserWorkspaceAsync(usersPerMinute: 25);

        var first = await Client.GetUserAsync(appId, Enumerable.Range(0, 20).Select(i => $"C{i}"));
        var second = await Client.GetUserAsync(appId, Enumerable.Range(0, 20).Select(i => $"C{i}"));
        var last = await Client.GetUserAsync(appId, Enumerable.Range(0, 5).Select(i => $"C{i}"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("5", first.Headers.GetValues("x-ratelimit-remaining").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("fail", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("25", second.Headers.GetValues("x-ratelimit-limit").Single());
        Assert.Equal("5", second.Headers.GetValues("x-ratelimit-remaining").Single());
        Assert.InRange(int.Parse(second.Headers.GetValues("x-ratelimit-reset").Single()), 1, 60);
        Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        Assert.Equal("0", last.Headers.GetValues("x-ratelimit-remaining").Single());
        Assert.Equal(1, (await Client.StatsAsync(appId)).Stat("rateLimited"));
    }

    [Fact]
    public async Task TheDefaultQuotaIsMoEngagesThousandUsersAMinute()
    {
        var appId = await Client.CreateWorkspaceAsync(body: new JsonObject { ["getUser"] = new JsonObject { ["enabled"] = true } });

        var workspace = await Client.GetJsonAsync($"/control/workspaces/{appId}");
        var response = await Client.GetUserAsync(appId, ["C1"]);

        Assert.Equal(1000, workspace.GetProperty("getUser").GetProperty("usersPerMinute").GetInt32());
        Assert.Equal("1000", response.Headers.GetValues("x-ratelimit-limit").Single());
        Assert.Equal("999", response.Headers.GetValues("x-ratelimit-remaining").Single());
    }

    [Fact]
    public async Task AWorkspaceWithoutGetUserAnswersAFailSayingItIsNotEnabled()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("C1");

        var response = await Client.GetUserAsync(appId, ["C1"]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not enabled", (await ErrorAsync(response)).GetProperty("message").GetString());
        Assert.False((await Client.GetJsonAsync($"/control/workspaces/{appId}")).GetProperty("getUser").GetProperty("enabled").GetBoolean());
    }

    [Theory]
    [InlineData("01")]
    [InlineData("02")]
    [InlineData("03")]
    [InlineData("04")]
    [InlineData("05")]
    [InlineData("06")]
    [InlineData("101")]
    public async Task GetUserAnswersUnderTheWorkspacesOwnDataCentreOnly(string dc)
    {
        var appId = await Client.CreateGetUserWorkspaceAsync(dataCenter: dc);
        var other = dc == "01" ? "02" : "01";

        var home = await Client.GetUserAsync(appId, ["C1"], dc: dc);
        var away = await Client.GetUserAsync(appId, ["C1"], dc: other);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, away.StatusCode);
    }

    [Fact]
    public async Task GetUserChecksCredentialsAsTheDataApiDoes()
    {
        var appId = await Client.CreateGetUserWorkspaceAsync();
        var body = GetUserBody(["C1"]).ToJsonString();
        var path = $"/dc/01/v1/customers/export?app_id={appId}";

        var none = await Client.PostAsync(path, body, null);
        var wrongKey = await Client.PostAsync(path, body, appId, "wrong");
        var otherUser = await Client.PostAsync(path, body, "SOMEONEELSE");
        var noAppId = await Client.PostAsync("/dc/01/v1/customers/export", body, appId);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, otherUser.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noAppId.StatusCode);
        Assert.Contains("app_id", (await ErrorAsync(noAppId)).GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("serverErrorRate", HttpStatusCode.InternalServerError)]
    [InlineData("tooManyRequestsRate", HttpStatusCode.TooManyRequests)]
    public async Task SeededFaultsReachGetUser(string rate, HttpStatusCode expected)
    {
        var appId = await Client.CreateGetUserWorkspaceAsync(new JsonObject { ["faults"] = new JsonObject { [rate] = 1.0 } });

        var response = await Client.GetUserAsync(appId, ["C1"]);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("fail", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var logged = (await Client.GetJsonAsync($"/control/workspaces/{appId}/requests?limit=1"))[0];
        Assert.Contains("injected", logged.GetProperty("reason").GetString());
        Assert.Equal(0, (await Client.StatsAsync(appId)).Stat("usersLookedUp"));
    }

    [Fact]
    public async Task AProfileCreatedByAnEventIsFoundAndOneRefusedByUpdateExistingOnlyIsNot()
    {
        var appId = await Client.CreateGetUserWorkspaceAsync();
        await Client.BulkAsync(appId, Bulk(
            Event("E1", "loyalty_points_earned", DateTimeOffset.UtcNow.AddHours(-1)),
            Customer("U1", new { tier = "Gold" }, updateExistingOnly: true)));

        var response = await Client.GetUserAsync(appId, ["E1", "U1"]);

        var data = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
        Assert.Equal("E1", Assert.Single(data.GetProperty("users").EnumerateArray()).GetProperty("user_attributes").GetProperty("customer_id").GetString());
        Assert.Equal("U1", Assert.Single(data.GetProperty("users_not_found").EnumerateArray()).GetProperty("identifier").GetString());
    }

    [Fact]
    public async Task AUserIsFoundByTheMoEngageIdItsAnswerGaveUnderEitherIdentifierType()
    {
        var appId = await Client.CreateGetUserWorkspaceAsync(new JsonObject { ["customerIds"] = new JsonArray("C1", "C2") });
        var byCustomerId = await Client.GetUserAsync(appId, ["C2"]);
        var moEngageId = (await byCustomerId.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("users")[0]
            .GetProperty("user_attributes").GetProperty("id").GetString()!;
        var body = $$$"""
            {"data":{"identifiers":[{"identifier_type":"moengage_id","identifier":"{{{moEngageId}}}"},
              {"identifier_type":"id","identifier":"{{{moEngageId}}}"},{"identifier_type":"moengage_id","identifier":"000000000000000000000000"}]}}
            """;

        var response = await Client.PostAsync($"/dc/01/v1/customers/export?app_id={appId}", body, appId);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data");
        Assert.All(data.GetProperty("users").EnumerateArray(), u => Assert.Equal("C2", u.GetProperty("user_attributes").GetProperty("customer_id").GetString()));
        Assert.Equal(2, data.GetProperty("users").GetArrayLength());
        var missing = Assert.Single(data.GetProperty("users_not_found").EnumerateArray());
        Assert.Equal("moengage_id", missing.GetProperty("identifier_type").GetString());
    }

    [Fact]
    public async Task UidIsAnsweredOnlyWhenAskedForAsMoEngagesStandardNameForTheId()
    {
        var appId = await Client.CreateGetUserWorkspaceAsync(new JsonObject { ["customerIds"] = new JsonArray("C1") });

        var response = await Client.GetUserAsync(appId, ["C1"], ["uid", "customer_id"]);

        var user = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("users")[0].GetProperty("user_attributes");
        Assert.Equal("C1", user.GetProperty("uid").GetString());
        Assert.Equal("C1", user.GetProperty("customer_id").GetString());
    }

    [Theory]
    [InlineData("""{"identifiers":[]}""", "data")]
    [InlineData("""{"data":{}}""", "identifiers")]
    public async Task AMissingPartIsMoEngagesMissingAttributeErrorNamingIt(string body, string attribute)
    {
        var appId = await Client.CreateGetUserWorkspaceAsync();

        var response = await Client.PostAsync($"/dc/01/v1/customers/export?app_id={appId}", body, appId);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Equal("MissingAttributeError", error.GetProperty("type").GetString());
        Assert.Equal(attribute, error.GetProperty("attribute").GetString());
    }
}
