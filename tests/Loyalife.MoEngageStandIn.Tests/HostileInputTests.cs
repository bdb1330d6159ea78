using static Loyalife.Testing.HostileAuth;

namespace Loyalife.MoEngageStandIn.Tests;

/// <summary>
/// The bad input sweep for the MoEngage stand-in: malformed and hostile requests against every endpoint of
/// DataApi and ControlApi. Each must answer a 4xx (the Data API in MoEngage's own error shape, the control API a
/// problem), never a 5xx, never echo the workspace's API key, and leave the stand-in healthy with its workspace intact.
/// </summary>
public sealed class HostileInputTests(StandInFixture fixture) : IClassFixture<StandInFixture>, IAsyncLifetime
{
    private const string AppId = "HOSTILEAPP";
    private const string ApiKey = "StandInHostileKey42";
    private const string Data = "/dc/01/v1";
    private const string Workspace = "/control/workspaces/" + AppId;
    private const string GetUser = Data + "/customers/export?app_id=" + AppId;

    private static readonly Dictionary<string, HostileRequest> Table = BuildTable();

    public static TheoryData<string> Cases => [.. Table.Keys];

    public async Task InitializeAsync()
    {
        using var response = await fixture.Host.Control.PutAsJsonAsync(Workspace, new { dataCenter = "01", apiKey = ApiKey, getUser = new { enabled = true } });
        response.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AHostileRequestGetsA4xxNoSecretAndTheStandInStaysHealthy(string name)
    {
        using var client = new HttpClient { BaseAddress = fixture.Host.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

        var failure = await Table[name].SendAndJudgeAsync(client, [ApiKey, Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AppId}:{ApiKey}"))]);

        Assert.True(failure is null, $"{name}: {failure}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Workspace)).StatusCode);
    }

    private static Dictionary<string, HostileRequest> BuildTable()
    {
        var table = new Dictionary<string, HostileRequest>();
        void Add(string name, string method, string path, Action<HttpRequestMessage> auth, int[] expected, Func<HttpContent>? content = null) =>
            table.Add(name, new HostileRequest(method, path, auth, expected, content));
        void Post(string name, string path, string json, int[] expected, Action<HttpRequestMessage>? auth = null) =>
            table.Add(name, new HostileRequest("POST", path, auth ?? Workspace01, expected, () => new StringContent(json, Encoding.UTF8, "application/json"))
            {
                ErrorMediaType = "application/json",
            });
        void Control(string name, string method, string path, string? json, int[] expected) =>
            Add(name, method, path, None, expected, json is null ? null : () => new StringContent(json, Encoding.UTF8, "application/json"));

        // The Data API: missing and wrong credentials, then malformed and hostile bodies with the right ones.
        string[] dataPaths = [$"{Data}/transition/{AppId}", $"{Data}/customer/{AppId}", $"{Data}/event/{AppId}", $"{Data}/integrations/authentication", GetUser];
        foreach (var path in dataPaths)
        {
            Post($"{path} without credentials", path, "{}", [400, 401], None);
            Post($"{path} with a wrong key", path, "{}", [400, 401], Basic(AppId, "wrong-key"));
            // MoEngage answers 409 "App key mismatch" when the Basic user is not the path's app id (docs/moengage.md).
            Post($"{path} with the key of another app id", path, "{}", [400, 401, 409], Basic("OTHERAPP", ApiKey));
            Post($"{path} with a bearer", path, "{}", [400, 401], Bearer(ApiKey));
            Post($"{path} with Basic that is not base64", path, "{}", [400, 401], Raw("Basic %%%not-base64%%%"));
            Post($"{path} with Basic without a colon", path, "{}", [400, 401], Raw("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(AppId))));
            Post($"{path} with wrong JSON types", path, """{"type":123,"elements":"none","customer_id":[],"actions":{}}""", [400, 401, 413, 422]);
            Post($"{path} with a JSON array", path, "[1,2,3]", [400, 401, 422]);
            Post($"{path} with JSON null", path, "null", [400, 401, 422]);
            Post($"{path} with truncated JSON", path, """{"type":"transition","elements":[""", [400, 401, 422]);
            Post($"{path} with deeply nested JSON", path, $$"""{"type":"transition","elements":{{new string('[', 10_000)}}{{new string(']', 10_000)}}}""", [400, 401, 413, 422]);
            Post($"{path} with a lone surrogate", path, """{"type":"customer","customer_id":"C\uD800","attributes":{"name":"\uDC00"}}""", [400, 401, 422]);
            Post($"{path} with NUL, RTL and emoji", path, """{"type":"customer","customer_id":"C\u0000\u202E\uD83D\uDE00","attributes":{"na\u0000me":"x"}}""", [200, 400, 401, 422]);
            Post($"{path} with SQL injection", path, """{"type":"customer","customer_id":"'; DROP TABLE users;--","attributes":{"' OR 1=1":"x"}}""", [200, 400, 401, 422]);
            table.Add($"{path} with invalid UTF-8", new HostileRequest("POST", path, Workspace01, [400, 401, 422],
                () => new ByteArrayContent([.. "{\"type\":\"customer\",\"customer_id\":\""u8, 0xC0, 0xAF, .. "\"}"u8]) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } })
            {
                ErrorMediaType = "application/json",
            });
            table.Add($"{path} with a 5 MB body", new HostileRequest("POST", path, Workspace01, [400, 401, 413], () => new StreamedJsonContent("type", 5 * 1024 * 1024))
            {
                ErrorMediaType = "application/json",
            });
            table.Add($"{path} with a 50 MB body", new HostileRequest("POST", path, Workspace01, [400, 401, 413], () => new StreamedJsonContent("type", 50 * 1024 * 1024))
            {
                ErrorMediaType = "application/json",
            });
            table.Add($"{path} as text/plain", new HostileRequest("POST", path, Workspace01, [400, 401, 415], () => new StringContent("{}", Encoding.UTF8, "text/plain"))
            {
                ErrorMediaType = "application/json",
            });
            Add($"GET {path}", "GET", path, Workspace01, [404, 405]);
        }

        // Get User: MoEngage's shape, at most 20 identifiers, customer_id only, the app_id in the query.
        static string Identifiers(int count) => string.Join(",", Enumerable.Range(0, count).Select(i => $$"""{"identifier_type":"customer_id","identifier":"C{{i}}"}"""));
        Post("Get User with 21 identifiers", GetUser, $$$"""{"data":{"identifiers":[{{{Identifiers(21)}}}]}}""", [400]);
        Post("Get User with 10,000 identifiers", GetUser, $$$"""{"data":{"identifiers":[{{{Identifiers(10_000)}}}]}}""", [400, 413]);
        Post("Get User without identifiers", GetUser, """{"data":{"identifiers":[]}}""", [400]);
        Post("Get User without data", GetUser, """{"identifiers":[{"identifier_type":"customer_id","identifier":"C1"}]}""", [400]);
        Post("Get User by email", GetUser, """{"data":{"identifiers":[{"identifier_type":"email","identifier":"a@b.c"}]}}""", [400]);
        Post("Get User with a numeric identifier", GetUser, """{"data":{"identifiers":[{"identifier_type":"customer_id","identifier":7}]}}""", [400]);
        Post("Get User with an empty identifier", GetUser, """{"data":{"identifiers":[{"identifier_type":"customer_id","identifier":""}]}}""", [400]);
        Post("Get User with fields as a string", GetUser, """{"data":{"identifiers":[{"identifier_type":"customer_id","identifier":"C1"}],"user_fields_to_export":"tier"}}""", [400]);
        Post("Get User with numeric fields", GetUser, """{"data":{"identifiers":[{"identifier_type":"customer_id","identifier":"C1"}],"user_fields_to_export":[1]}}""", [400]);
        Post("Get User without app_id", $"{Data}/customers/export", """{"data":{"identifiers":[{"identifier_type":"customer_id","identifier":"C1"}]}}""", [400]);
        Post("Get User for another app_id than the credentials", $"{Data}/customers/export?app_id=OTHERAPP", """{"data":{"identifiers":[{"identifier_type":"customer_id","identifier":"C1"}]}}""", [409]);
        Post("Get User with two app_ids", $"{GetUser}&app_id=OTHERAPP", """{"data":{"identifiers":[{"identifier_type":"customer_id","identifier":"C1"}]}}""", [400, 401, 409]);
        Post("Get User in another data centre", $"/dc/02/v1/customers/export?app_id={AppId}", """{"data":{"identifiers":[{"identifier_type":"customer_id","identifier":"C1"}]}}""", [401]);

        // MoEngage judges bulk elements one by one: a broken one is refused in the answer, never a 500.
        Post("a bulk element with a lone surrogate", $"{Data}/transition/{AppId}",
            """{"type":"transition","elements":[{"type":"customer","customer_id":"C\uD800","attributes":{"name":"x"}}]}""", [200, 400]);
        Post("a bulk element with a lone surrogate in an attribute name", $"{Data}/transition/{AppId}",
            """{"type":"transition","elements":[{"type":"customer","customer_id":"C1","attributes":{"\uDC00name":"x"}}]}""", [200, 400]);

        foreach (var dc in new[] { "00", "07", "..%2F..%2Fcontrol", "%2e%2e", "01%00", new string('9', 4000), "%27%20OR%201%3D1--" })
        {
            Post($"bulk import to data centre {(dc.Length > 40 ? $"of {dc.Length} characters" : dc)}", $"/dc/{dc}/v1/transition/{AppId}", """{"type":"transition","elements":[]}""", [400, 401, 404]);
        }

        foreach (var appId in new[] { "..%2F..%2Fcontrol%2Freset", "%2e%2e", "APP%00", new string('A', 4000), "%27%20OR%201%3D1--", "%E2%80%AEAPP%F0%9F%98%80" })
        {
            var label = appId.Length > 40 ? $"of {appId.Length} characters" : appId;
            Post($"bulk import to app id {label}", $"{Data}/transition/{appId}", """{"type":"transition","elements":[]}""", [400, 401, 404, 409]);
            Control($"GET workspace {label}", "GET", $"/control/workspaces/{appId}", null, [400, 404]);
            Control($"DELETE workspace {label}", "DELETE", $"/control/workspaces/{appId}", null, [400, 404]);
            Control($"stats of workspace {label}", "GET", $"/control/workspaces/{appId}/stats", null, [400, 404]);
            Control($"customer of workspace {label}", "GET", $"/control/workspaces/{appId}/customers/C1", null, [400, 404]);
        }

        // The control API: malformed and hostile bodies and queries.
        Control("PUT a workspace with wrong types", "PUT", Workspace, """{"dataCenter":1,"apiKey":["k"],"limits":"none"}""", [400]);
        Control("PUT a workspace with a bad data centre", "PUT", Workspace, """{"dataCenter":"../../etc","apiKey":"k"}""", [400]);
        Control("PUT a workspace with a catastrophic regex", "PUT", Workspace, """{"dataCenter":"01","apiKey":"k","customerIdPattern":"(a+)+$("}""", [400]);
        Control("PUT a workspace with negative limits", "PUT", Workspace, """{"dataCenter":"01","apiKey":"k","limits":{"bulkUsersPerMinute":-5}}""", [400]);
        Control("PUT a workspace with fault rates above one", "PUT", Workspace, """{"dataCenter":"01","apiKey":"k","faults":{"serverErrorRate":7.5}}""", [400]);
        Control("PUT a workspace with a body app id that differs", "PUT", Workspace, """{"appId":"OTHER","dataCenter":"01","apiKey":"k"}""", [400]);
        Control("PUT a workspace with JSON null", "PUT", Workspace, "null", [400]);
        Control("PUT a workspace with truncated JSON", "PUT", Workspace, """{"dataCenter":"01""", [400]);
        Control("PUT a workspace with deeply nested JSON", "PUT", Workspace, $$"""{"limits":{{new string('[', 10_000)}}{{new string(']', 10_000)}}}""", [400]);
        Control("PUT a workspace with a lone surrogate key", "PUT", Workspace, """{"dataCenter":"01","apiKey":"\uD800"}""", [400]);
        Add("PUT a workspace with a 50 MB key", "PUT", Workspace, None, [400, 413], () => new StreamedJsonContent("apiKey", 50 * 1024 * 1024));
        Add("PUT a workspace as text/plain", "PUT", Workspace, None, [415], () => new StringContent("{}", Encoding.UTF8, "text/plain"));
        Control("add customers without a list", "POST", Workspace + "/customers", """{"customerIds":null}""", [400]);
        Control("add customers with an empty id", "POST", Workspace + "/customers", """{"customerIds":[""]}""", [400]);
        Control("add customers as numbers", "POST", Workspace + "/customers", """{"customerIds":[1,2]}""", [400]);
        Control("requests with a limit that is not a number", "GET", Workspace + "/requests?limit=abc", null, [400]);
        Control("customers of an unknown origin", "GET", Workspace + "/customers?origin=%27%20OR%201%3D1--", null, [400]);
        Control("customers with a limit that is not a number", "GET", Workspace + "/customers?limit=abc", null, [400]);
        Control("PUT a workspace with a negative processing delay", "PUT", Workspace, """{"dataCenter":"01","apiKey":"k","processingDelayMilliseconds":-1}""", [400]);
        Control("PUT a workspace with a day-long processing delay", "PUT", Workspace, """{"dataCenter":"01","apiKey":"k","processingDelayMilliseconds":86400000}""", [400]);
        Control("PUT a workspace keeping no events", "PUT", Workspace, """{"dataCenter":"01","apiKey":"k","eventsKeptPerCustomer":0}""", [400]);
        Control("PUT a workspace with a negative Get User quota", "PUT", Workspace, """{"dataCenter":"01","apiKey":"k","getUser":{"enabled":true,"usersPerMinute":-1}}""", [400]);
        Control("PUT a workspace with Get User as text", "PUT", Workspace, """{"dataCenter":"01","apiKey":"k","getUser":"on"}""", [400]);
        Control("PUT a workspace with customers as numbers", "PUT", Workspace, """{"dataCenter":"01","apiKey":"k","customers":[1,2]}""", [400]);
        Control("PUT a workspace with a customer without an id", "PUT", Workspace, """{"dataCenter":"01","apiKey":"k","customers":[{"attributes":{"a":1}}]}""", [400]);
        Control("PUT a workspace with a customer whose attributes are a list", "PUT", Workspace, """{"dataCenter":"01","apiKey":"k","customers":[{"customerId":"C1","attributes":[1]}]}""", [400]);
        Control("requests with a limit beyond int", "GET", Workspace + "/requests?limit=99999999999999", null, [400]);
        Control("customer with a traversal id", "GET", Workspace + "/customers/..%2F..%2Freset", null, [404]);
        Control("customer with a 4000-character id", "GET", Workspace + "/customers/" + new string('C', 4000), null, [404]);
        Control("PATCH a workspace", "PATCH", Workspace, "{}", [405]);
        Control("GET reset", "GET", "/control/reset", null, [404, 405]);
        Control("DELETE all workspaces", "DELETE", "/control/workspaces", null, [405]);
        return table;
    }

    private static void Workspace01(HttpRequestMessage request) => Basic(AppId, ApiKey)(request);
}
