namespace Loyalife.MoEngageStandIn.Tests;

/// <summary>
/// MoEngage's published examples (Conformance/*.json, copied from its OpenAPI file; see Conformance/README.md)
/// sent to the stand-in, each answered as MoEngage documents: the status, the body's status and documented fields,
/// an error's type and attribute; and what the example should leave in the workspace.
/// </summary>
public sealed class ConformanceTests(StandInFixture fixture) : StandInTestBase(fixture)
{
    private const string MaskedKey = "**********";
    private const string MaskedAppId = "********";

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Conformance"), "*.json").Order())
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var example in document.RootElement.GetProperty("examples").EnumerateArray())
            {
                data.Add(Path.GetFileName(file), example.GetProperty("name").GetString()!);
            }
        }

        return data;
    }

    [Fact]
    public void EveryServedOperationHasItsPublishedExamples()
    {
        var files = Examples().Select(row => (string)row[0]).Distinct().Order();

        Assert.Equal(["bulk-import.json", "create-event.json", "get-user.json", "test-connection.json", "track-user.json"], files);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task APublishedExampleIsAnsweredAsMoEngageDocuments(string file, string name)
    {
        var operation = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", file)))!;
        var example = operation["examples"]!.AsArray().Single(e => (string?)e!["name"] == name)!;
        var workspace = Merge(operation["workspace"]!.AsObject(), example["workspace"]?.AsObject());
        var appId = await Client.CreateWorkspaceAsync(body: workspace.DeepClone().AsObject());
        var body = ((string?)example["rawRequest"] ?? example["request"]!.ToJsonString())
            .Replace(MaskedKey, Key).Replace(MaskedAppId, appId);
        var path = "/dc/01" + ((string)operation["path"]!).Replace("{appId}", appId);

        var response = (string?)example["auth"] switch
        {
            "none" => await Client.PostAsync(path, body, user: null),
            "wrong-key" => await Client.PostAsync(path, body, appId, key: "not-the-key"),
            _ => await Client.PostAsync(path, body, appId),
        };

        var answer = example["answer"]!;
        Assert.Equal((int)answer["status"]!, (int)response.StatusCode);
        var actual = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        AssertDocumentedBody(answer["body"]!.AsObject(), actual);
        if (example["then"] is JsonObject then)
        {
            await AssertLeftAsync(appId, workspace, then, actual);
        }
    }

    private static void AssertDocumentedBody(JsonObject documented, JsonObject actual)
    {
        Assert.Equal((string?)documented["status"], (string?)actual["status"]);
        if (documented["error"] is JsonObject error)
        {
            var actualError = actual["error"]!.AsObject();
            Assert.Equal((string?)error["type"], (string?)actualError["type"]);
            Assert.Equal((string?)error["attribute"], (string?)actualError["attribute"]);
            Assert.False(string.IsNullOrEmpty((string?)actualError["request_id"]));
            return;
        }

        foreach (var (key, value) in documented.Where(p => p.Key != "request_id"))
        {
            Assert.True(JsonNode.DeepEquals(value, actual[key]), $"{key}: documented {value?.ToJsonString()}, answered {actual[key]?.ToJsonString()}");
        }

        if (documented.ContainsKey("message"))
        {
            // The data overview's success body carries a request_id; the OpenAPI examples leave it out.
            Assert.False(string.IsNullOrEmpty((string?)actual["request_id"]));
        }
    }

    private async Task AssertLeftAsync(string appId, JsonObject workspace, JsonObject then, JsonObject answer)
    {
        if (then["customers"] is JsonObject customers)
        {
            foreach (var (customerId, attributes) in customers)
            {
                var stored = JsonNode.Parse((await Client.CustomerAsync(appId, customerId)).GetProperty("attributes").GetRawText());
                Assert.True(JsonNode.DeepEquals(attributes, stored), $"{customerId}: expected {attributes?.ToJsonString()}, holds {stored?.ToJsonString()}");
            }

            var held = (workspace["customerIds"]?.AsArray().Select(id => (string)id!) ?? [])
                .Concat(workspace["customers"]?.AsArray().Select(c => (string)c!["customerId"]!) ?? []);
            Assert.Equal(customers.Select(c => c.Key).Except(held).Count(), (await Client.StatsAsync(appId)).Stat("profilesCreated"));
        }

        if (then["events"] is JsonArray events)
        {
            var stored = (await Client.GetJsonAsync($"/control/workspaces/{appId}/events")).EnumerateArray()
                .Select(e => $"{e.GetProperty("customerId")} {e.GetProperty("name")} {e.GetProperty("currentTime")}");
            Assert.Equal(events.Select(e => $"{e!["customerId"]} {e["name"]} {e["currentTime"]}"), stored);
        }

        if (then["users"] is JsonObject users)
        {
            var answered = answer["data"]!["users"]!.AsArray().Select(u => u!["user_attributes"]!.AsObject()).ToList();
            Assert.Equal(users.Count, answered.Count);
            foreach (var (customerId, attributes) in users)
            {
                var user = answered.Single(u => (string?)u["customer_id"] == customerId);
                Assert.False(string.IsNullOrEmpty((string?)user["id"]));
                string[] expected = ["customer_id", "id", .. attributes!.AsObject().Select(a => a.Key)];
                Assert.Equal(expected.Order(StringComparer.Ordinal), user.Select(a => a.Key).Order(StringComparer.Ordinal));
                Assert.All(attributes!.AsObject(), a => Assert.True(JsonNode.DeepEquals(a.Value, user[a.Key])));
            }

            Assert.True(JsonNode.DeepEquals(then["usersNotFound"], answer["data"]!["users_not_found"]));
        }
    }

    private static JsonObject Merge(JsonObject operation, JsonObject? example)
    {
        var merged = operation.DeepClone().AsObject();
        foreach (var (key, value) in example ?? [])
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }
}
