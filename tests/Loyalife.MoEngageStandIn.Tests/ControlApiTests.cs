namespace Loyalife.MoEngageStandIn.Tests;

public sealed class ControlApiTests(StandInFixture fixture) : StandInTestBase(fixture)
{
    [Theory]
    [InlineData("""{"dataCenter":"07","apiKey":"k"}""", "dataCenter")]
    [InlineData("""{"dataCenter":"01"}""", "apiKey")]
    [InlineData("""{"dataCenter":"01","apiKey":"k","customerIdPattern":"("}""", "customerIdPattern")]
    [InlineData("""{"dataCenter":"01","apiKey":"k","faults":{"serverErrorRate":1.5}}""", "faults")]
    [InlineData("""{"dataCenter":"01","apiKey":"k","limits":{"trackUserPerMinute":-1}}""", "limits")]
    public async Task AnInvalidWorkspaceIsAValidationProblem(string body, string field)
    {
        var response = await Client.Http.PutAsync("/control/workspaces/BAD",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task PutAnswersTheWorkspaceWithExplicitNullLimitsUnlimited()
    {
        var appId = await Client.CreateWorkspaceAsync("101", new JsonObject
        {
            ["limits"] = new JsonObject { ["bulkUsersPerMinute"] = null, ["trackUserPerMinute"] = 5 },
        });

        var workspace = await Client.GetJsonAsync($"/control/workspaces/{appId}");

        Assert.Equal("101", workspace.GetProperty("dataCenter").GetString());
        var limits = workspace.GetProperty("limits");
        Assert.Equal(JsonValueKind.Null, limits.GetProperty("bulkUsersPerMinute").ValueKind);
        Assert.Equal(60_000, limits.GetProperty("bulkEventsPerMinute").GetInt32());
        Assert.Equal(5, limits.GetProperty("trackUserPerMinute").GetInt32());
        Assert.Equal(0.0, workspace.GetProperty("faults").GetProperty("serverErrorRate").GetDouble());
        Assert.False(workspace.TryGetProperty("apiKey", out _));
    }

    [Fact]
    public async Task AddedCustomersExistForUpdateExistingOnlyAndEvents()
    {
        var appId = await Client.CreateWorkspaceAsync();
        var added = await Client.Http.PostAsJsonAsync($"/control/workspaces/{appId}/customers", new { customerIds = new[] { "K1" } });

        await Client.BulkAsync(appId, Bulk(
            Customer("K1", new { tier = "Gold" }, updateExistingOnly: true),
            Event("K1", "e", DateTimeOffset.UtcNow.AddMinutes(-1))));

        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        var customer = await Client.CustomerAsync(appId, "K1");
        Assert.Equal("K1", customer.GetProperty("customerId").GetString());
        Assert.Equal("Gold", customer.GetProperty("attributes").GetProperty("tier").GetString());
        Assert.Equal(1, (await Client.StatsAsync(appId)).Stat("eventsAccepted"));
    }

    [Fact]
    public async Task APatternMakesMatchingCustomersExistWithoutAttributes()
    {
        var appId = await Client.CreateWorkspaceAsync(body: new JsonObject { ["customerIdPattern"] = @"^C\d{7}[0-8]$" });

        var matching = await Client.CustomerAsync(appId, "C00000011");
        var notMatching = await Client.Http.GetAsync($"/control/workspaces/{appId}/customers/C00000019");

        Assert.Empty(matching.GetProperty("attributes").EnumerateObject());
        Assert.Equal(HttpStatusCode.NotFound, notMatching.StatusCode);
    }

    [Fact]
    public async Task TheRequestLogListsRecentRequestsNewestFirst()
    {
        var appId = await Client.CreateWorkspaceAsync();
        var body = JsonSerializer.Serialize(Bulk(Customer("C1", new { a = 1 }), Event("C1", "e", DateTimeOffset.UtcNow.AddMinutes(-1))));
        await Client.PostAsync($"/dc/01/v1/transition/{appId}", body, appId);
        await Client.PostAsync($"/dc/01/v1/transition/{appId}", body, appId, "bad-key");

        var log = (await Client.GetJsonAsync($"/control/workspaces/{appId}/requests?limit=10")).EnumerateArray().ToList();

        Assert.Equal([401, 200], log.Select(e => e.GetProperty("status").GetInt32()));
        var accepted = log[1];
        Assert.Equal("POST", accepted.GetProperty("method").GetString());
        Assert.Equal($"/dc/01/v1/transition/{appId}", accepted.GetProperty("path").GetString());
        Assert.Equal(body.Length, accepted.GetProperty("bytes").GetInt64());
        Assert.Equal(1, accepted.GetProperty("customers").GetInt32());
        Assert.Equal(1, accepted.GetProperty("events").GetInt32());
        Assert.StartsWith("App Secret key mismatch", log[0].GetProperty("reason").GetString());
        Assert.Single((await Client.GetJsonAsync($"/control/workspaces/{appId}/requests?limit=1")).EnumerateArray());
    }

    [Fact]
    public async Task PuttingAWorkspaceAgainEmptiesItAndDeletingItLocksClientsOut()
    {
        var appId = await Client.CreateWorkspaceAsync();
        await Client.BulkAsync(appId, Bulk(Customer("C1", new { a = 1 })));

        await Client.Http.PutAsJsonAsync($"/control/workspaces/{appId}", new { dataCenter = "01", apiKey = Key });
        var afterReplace = await Client.Http.GetAsync($"/control/workspaces/{appId}/customers/C1");
        var deleted = await Client.Http.DeleteAsync($"/control/workspaces/{appId}");
        var afterDelete = await Client.BulkAsync(appId, Bulk(Customer("C1", new { a = 1 })));
        var stats = await Client.Http.GetAsync($"/control/workspaces/{appId}/stats");

        Assert.Equal(HttpStatusCode.NotFound, afterReplace.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterDelete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stats.StatusCode);
        Assert.Equal("application/problem+json", stats.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheInspectionPageListsWorkspacesWithTheirValuesEscaped()
    {
        var appId = await Client.CreateWorkspaceAsync(body: new JsonObject { ["appName"] = "<script>alert(1)</script>" });
        await Client.BulkAsync(appId, Bulk(Customer("C1", new { a = 1 })));

        var response = await Client.Http.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(appId, html);
        Assert.Contains($"POST /dc/01/v1/transition/{appId}", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }
}
