namespace Loyalife.MoEngageStandIn.Tests;

/// <summary>
/// What a customer record can do besides setting attributes, as MoEngage documents Track User: the array
/// operators, <c>unset_attributes</c>; and the device records a Bulk body may carry.
/// </summary>
public sealed class CustomerRecordOperationsTests(StandInFixture fixture) : StandInTestBase(fixture)
{
    [Fact]
    public async Task ArrayOperatorsAppendAndRemoveValuesAndAreNeverStoredAsAttributes()
    {
        var appId = await SeededWorkspaceAsync(new JsonObject { ["tags"] = new JsonArray("a", "b", "c"), ["score"] = 3 });

        var response = await Track(appId, """
            {"type":"customer","customer_id":"U1","attributes":{"tier":"Gold",
              "addValueToArrayField":{"favourites":["shoes","bags"],"score":[4]},
              "removeValueFromArrayField":{"tags":["b","x"]}}}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await Client.CustomerAsync(appId, "U1")).GetProperty("attributes");
        Assert.Equal(["favourites", "score", "tags", "tier"], stored.EnumerateObject().Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal("""["shoes","bags"]""", stored.GetProperty("favourites").GetRawText());
        Assert.Equal("[4]", stored.GetProperty("score").GetRawText());
        Assert.Equal("""["a","c"]""", stored.GetProperty("tags").GetRawText());
    }

    [Fact]
    public async Task AddingToAnArrayKeepsWhatItHeld()
    {
        var appId = await SeededWorkspaceAsync(new JsonObject { ["tags"] = new JsonArray("a") });

        await Track(appId, """{"type":"customer","customer_id":"U1","attributes":{"addValueToArrayField":{"tags":["b"]},"removeValueFromArrayField":{}}}""");

        Assert.Equal("""["a","b"]""", (await Client.CustomerAsync(appId, "U1")).GetProperty("attributes").GetProperty("tags").GetRawText());
    }

    [Theory]
    [InlineData("""{"addValueToArrayField":{"first_name":["x"]},"removeValueFromArrayField":{"first_name":["y"]}}""", "Cannot add and remove 'first_name' at the same time")]
    [InlineData("""{"first_name":"x","addValueToArrayField":{"first_name":["y"]}}""", "Cannot set and add to 'first_name'")]
    [InlineData("""{"addValueToArrayField":{"platforms":["y"]}}""", "platforms")]
    [InlineData("""{"removeValueFromArrayField":{"tags":"a"}}""", "must be an array")]
    [InlineData("""{"addValueToArrayField":[]}""", "must be an object")]
    public async Task AnArrayOperatorMoEngageForbidsIsRefusedClearly(string attributes, string message)
    {
        var appId = await SeededWorkspaceAsync(new JsonObject());

        var response = await Track(appId, $$"""{"type":"customer","customer_id":"U1","attributes":{{attributes}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Equal("ArrayFieldError", error.GetProperty("type").GetString());
        Assert.Contains(message, error.GetProperty("message").GetString());
        Assert.Empty((await Client.CustomerAsync(appId, "U1")).GetProperty("attributes").EnumerateObject());
    }

    [Fact]
    public async Task UnsetAttributesRemovesWhatItsRulesMatchButNotMoEngagesOwnAttributes()
    {
        var appId = await SeededWorkspaceAsync(new JsonObject
        {
            ["First_Name"] = "Ann", ["temp_a"] = 1, ["temp_b"] = 2, ["keep_temp"] = 3, ["code_x_9"] = 4, ["moe_unsubscribe"] = true, ["tier"] = "Gold",
        });

        var response = await Track(appId, """
            {"type":"customer","customer_id":"U1","unset_attributes":[
              {"type":"equals","attr":"first_name","case_sensitive":false},{"type":"prefix","attr":"temp_"},
              {"type":"contains","attr":"_X_","case_sensitive":true},{"type":"suffix","attr":"subscribe"}],
             "attributes":{"temp_a":5}}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await Client.CustomerAsync(appId, "U1")).GetProperty("attributes");
        Assert.Equal(["code_x_9", "keep_temp", "moe_unsubscribe", "temp_a", "tier"], stored.EnumerateObject().Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.Equal(5, stored.GetProperty("temp_a").GetInt32());
    }

    [Theory]
    [InlineData("""{"type":"starts","attr":"a"}""")]
    [InlineData("""{"type":"equals"}""")]
    [InlineData("""{"type":5,"attr":"a"}""")]
    [InlineData("""{"type":"equals","attr":[]}""")]
    [InlineData("""{"type":"equals","attr":"a","case_sensitive":"no"}""")]
    public async Task AnUnreadableUnsetRuleIsRefusedNamingTheField(string rule)
    {
        var appId = await SeededWorkspaceAsync(new JsonObject { ["a"] = 1 });

        var response = await Track(appId, $$"""{"type":"customer","customer_id":"U1","unset_attributes":[{{rule}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unset_attributes", (await ErrorAsync(response)).GetProperty("attribute").GetString());
        Assert.Equal(1, (await Client.CustomerAsync(appId, "U1")).GetProperty("attributes").GetProperty("a").GetInt32());
    }

    [Theory]
    [InlineData("drop")]
    [InlineData("reject")]
    public async Task ABulkDeviceRecordIsAcceptedAndNotKept(string bulkElementFaults)
    {
        var appId = await Client.CreateWorkspaceAsync(body: new JsonObject { ["customerIds"] = new JsonArray("U1"), ["bulkElementFaults"] = bulkElementFaults });

        var response = await Client.BulkAsync(appId, """
            {"type":"transition","elements":[{"type":"device","customer_id":"U1","device_id":"D1","attributes":{"platform":"ANDROID","push_id":"p"}},
              {"type":"customer","customer_id":"U1","attributes":{"tier":"Gold"}}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stats = await Client.StatsAsync(appId);
        Assert.Equal(0, stats.Stat("elementsRejected"));
        Assert.Equal(1, stats.Stat("customersUpdated"));
    }

    [Fact]
    public async Task ADeviceRecordWithoutItsDeviceIdIsAnInvalidElement()
    {
        var appId = await Client.CreateWorkspaceAsync(body: new JsonObject { ["customerIds"] = new JsonArray("U1"), ["bulkElementFaults"] = "reject" });

        var response = await Client.BulkAsync(appId, """{"type":"transition","elements":[{"type":"device","customer_id":"U1","attributes":{}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("device_id", (await ErrorAsync(response)).GetProperty("attribute").GetString());
    }

    private Task<string> SeededWorkspaceAsync(JsonObject attributes) =>
        Client.CreateWorkspaceAsync(body: new JsonObject
        {
            ["customers"] = new JsonArray(new JsonObject { ["customerId"] = "U1", ["attributes"] = attributes }),
        });

    private Task<HttpResponseMessage> Track(string appId, string body) => Client.PostAsync($"/dc/01/v1/customer/{appId}", body, appId);
}
