using static Loyalife.Testing.HostileAuth;

namespace Loyalife.SettingsService.Tests;

/// <summary>
/// The bad input sweep for settings-service: malformed and hostile requests against every endpoint of
/// SettingsApi, InternalApi, AlertTargetsApi and AdminPage, sent over real Kestrel. Each must answer a 4xx (a problem where there is a
/// body), never a 5xx, never echo a token or the stored API key, and leave the service healthy.
/// </summary>
public sealed class HostileInputTests(SettingsHostFixture fixture) : SettingsTestBase(fixture), IAsyncLifetime
{
    // The one program with settings; every hostile PUT below is invalid, so its stored key never changes.
    private const string Configured = "demo";
    private const string ApiKey = "HostileKeyQ7w2E9r4T6";
    private const string Injection = "%27%3B%20DROP%20TABLE%20loyalty.programs%3B--";
    private const string RunId = "0b9d7a4e-3c1f-4f6a-9d55-2f1e8c7a6b01";

    private static readonly string Moengage = SettingsPaths.MoEngage(Configured);
    private static readonly string Targets = SettingsPaths.AlertTargets(Configured);
    private static readonly Dictionary<string, HostileRequest> Table = BuildTable();

    public static TheoryData<string> Cases => [.. Table.Keys];

    public async Task InitializeAsync()
    {
        if ((await Host.Admin.GetAsync(SettingsPaths.MoEngage(Configured))).StatusCode == HttpStatusCode.NotFound)
        {
            await Host.AddWorkspaceAsync("APPHOSTILE1", "02", ApiKey);
            var saved = await Host.SaveMoEngageAsync(Configured, IntegrationBody.Enabled("APPHOSTILE1", ApiKey, "02"));
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AHostileRequestGetsA4xxProblemNoSecretAndTheServiceStaysHealthy(string name)
    {
        using var client = new HttpClient { BaseAddress = Host.AppUrl, Timeout = TimeSpan.FromSeconds(30) };

        var failure = await Table[name].SendAndJudgeAsync(client, [ApiKey, SettingsServiceHost.AdminToken, SettingsServiceHost.AppApiToken, SettingsServiceHost.DaprApiToken]);

        Assert.True(failure is null, $"{name}: {failure}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task AfterTheSweepTheStoredSettingsAndKeyAreUnchanged()
    {
        foreach (var name in Table.Keys.Where(key => Table[key].Method is "PUT" or "DELETE"))
        {
            await AHostileRequestGetsA4xxProblemNoSecretAndTheServiceStaysHealthy(name);
        }

        using var dispatcher = Host.ThroughDapr(record: false);
        var credentials = await Json.ReadAsync(await dispatcher.GetAsync(SettingsPaths.Credentials(Configured)));
        Assert.Equal((ApiKey, "APPHOSTILE1"), (credentials.Text("apiKey"), credentials.Text("appId")));
        Assert.Equal(HttpStatusCode.OK, (await Host.Admin.GetAsync("/v1/programs")).StatusCode);
    }

    private static Dictionary<string, HostileRequest> BuildTable()
    {
        var table = new Dictionary<string, HostileRequest>();
        void Add(string name, string method, string path, Action<HttpRequestMessage> auth, int[] expected, Func<HttpContent>? content = null) =>
            table.Add(name, new HostileRequest(method, path, auth, expected, content));
        void Put(string name, string json, int[]? expected = null) =>
            Add(name, "PUT", Moengage, Admin, expected ?? [400], () => new StringContent(json, Encoding.UTF8, "application/json"));

        // Missing, wrong and expired credentials on every admin and internal endpoint.
        string[][] adminEndpoints =
        [
            ["GET", "/v1/programs"], ["GET", "/v1/integrations/moengage/export"], ["GET", Moengage], ["PUT", Moengage],
            ["DELETE", Moengage], ["POST", Moengage + "/verify"], ["GET", Moengage + "/audit"], ["GET", Moengage + "/sync-runs"],
            ["GET", Targets], ["POST", Targets], ["DELETE", $"{Targets}/{Guid.Empty}"],
            ["POST", "/v1/programs/demo/alerts/test"], ["GET", "/v1/programs/demo/alerts/deliveries"],
            ["GET", Moengage + "/sync-runs/" + RunId], ["POST", Moengage + "/sync-runs/" + RunId + "/release"],
            ["POST", Moengage + "/sync-runs/" + RunId + "/skip"], ["GET", Moengage + "/members-not-in-moengage"],
            ["GET", Moengage + "/members/M1"], ["GET", Moengage + "/members?customerId=C1"], ["GET", Moengage + "/intraday-days"],
        ];
        foreach (var endpoint in adminEndpoints)
        {
            var (method, path) = (endpoint[0], endpoint[1]);
            Add($"{method} {path} without a token", method, path, None, [401]);
            Add($"{method} {path} with a wrong bearer", method, path, Bearer("not-the-admin-token"), [401]);
            Add($"{method} {path} with the admin token plus a character", method, path, Bearer(SettingsServiceHost.AdminToken + "x"), [401]);
            Add($"{method} {path} with the app token as bearer", method, path, Bearer(SettingsServiceHost.AppApiToken), [401]);
            Add($"{method} {path} with the app token header only", method, path, AppToken(SettingsServiceHost.AppApiToken), [401]);
            Add($"{method} {path} with Basic credentials", method, path, Basic("admin", SettingsServiceHost.AdminToken), [401]);
            Add($"{method} {path} with an expired unsigned JWT", method, path, Bearer(ExpiredUnsignedJwt), [401]);
        }

        foreach (var path in new[] { SettingsPaths.EnabledPrograms, SettingsPaths.Credentials(Configured), SettingsPaths.InternalAlertTargets(Configured) })
        {
            Add($"GET {path} without the app token", "GET", path, None, [401]);
            Add($"GET {path} with a wrong app token", "GET", path, AppToken("not-the-app-token"), [401]);
            Add($"GET {path} with the admin bearer", "GET", path, Admin, [401]);
            Add($"GET {path} with the Dapr API token as app token", "GET", path, AppToken(SettingsServiceHost.DaprApiToken), [401]);
        }

        Add("a 64 KB bearer token", "GET", "/v1/programs", Bearer(new string('A', 64 * 1024)), [400, 401, 431]);
        Add("a bearer token with control characters", "GET", "/v1/programs", Raw("Bearer \u0001\u007f" + SettingsServiceHost.AdminToken), [400, 401]);

        // PUT bodies: wrong JSON types, missing fields, nulls, malformed JSON, hostile strings.
        Put("enabled as a string", """{"enabled":"yes","appId":"APPX","apiKey":"KeyKeyKey1","dashboardUrl":"https://dashboard-01.moengage.com"}""");
        Put("appId as a number", """{"enabled":true,"appId":123,"apiKey":"KeyKeyKey1","dashboardUrl":"https://dashboard-01.moengage.com"}""");
        Put("apiKey as an object", """{"enabled":true,"appId":"APPX","apiKey":{"k":1},"dashboardUrl":"https://dashboard-01.moengage.com"}""");
        Put("dashboardUrl as an array", """{"enabled":true,"appId":"APPX","apiKey":"KeyKeyKey1","dashboardUrl":["https://dashboard-01.moengage.com"]}""");
        Put("a JSON array body", """[{"enabled":true}]""");
        Put("a JSON string body", "\"settings\"");
        Put("a JSON null body", "null");
        Put("an empty body", "");
        Put("truncated JSON", """{"enabled":true,"appId":"APPX""");
        Put("JSON with a trailing comma", """{"enabled":true,}""");
        Put("an empty object", "{}");
        Put("every field null", """{"enabled":null,"appId":null,"apiKey":null,"dashboardUrl":null}""");
        Put("an empty appId", """{"enabled":true,"appId":"","apiKey":"KeyKeyKey1","dashboardUrl":"https://dashboard-01.moengage.com"}""");
        Put("an empty apiKey", """{"enabled":true,"appId":"APPX","apiKey":"","dashboardUrl":"https://dashboard-01.moengage.com"}""");
        Put("SQL injection in appId", """{"enabled":true,"appId":"x'; DROP TABLE loyalty.programs;--","apiKey":"KeyKeyKey1","dashboardUrl":"https://dashboard-01.moengage.com"}""");
        Put("SQL injection in apiKey", """{"enabled":true,"appId":"APPX","apiKey":"' OR '1'='1","dashboardUrl":"https://dashboard-01.moengage.com"}""");
        Put("path traversal in appId", """{"enabled":true,"appId":"../../etc/passwd","apiKey":"KeyKeyKey1","dashboardUrl":"https://dashboard-01.moengage.com"}""");
        Put("RTL override and emoji in appId", """{"enabled":true,"appId":"APP\u202Egnp.exe\uD83D\uDE00","apiKey":"KeyKeyKey1","dashboardUrl":"https://dashboard-01.moengage.com"}""");
        Put("NUL in appId", """{"enabled":true,"appId":"APP\u0000X","apiKey":"KeyKeyKey1","dashboardUrl":"https://dashboard-01.moengage.com"}""");
        Put("NUL in apiKey", """{"enabled":true,"appId":"APPX","apiKey":"Key\u0000Key","dashboardUrl":"https://dashboard-01.moengage.com"}""");
        Put("a lone high surrogate in appId", """{"enabled":true,"appId":"APP\uD800","apiKey":"KeyKeyKey1","dashboardUrl":"https://dashboard-01.moengage.com"}""");
        Put("a lone low surrogate in apiKey", """{"enabled":true,"appId":"APPX","apiKey":"Key\uDC00","dashboardUrl":"https://dashboard-01.moengage.com"}""");
        Put("a javascript: dashboard URL", """{"enabled":true,"appId":"APPX","apiKey":"KeyKeyKey1","dashboardUrl":"javascript:alert(1)"}""");
        Put("a file: dashboard URL", """{"enabled":true,"appId":"APPX","apiKey":"KeyKeyKey1","dashboardUrl":"file:///etc/passwd"}""");
        Put("a dashboard URL with user info", """{"enabled":true,"appId":"APPX","apiKey":"KeyKeyKey1","dashboardUrl":"https://evil@dashboard-01.moengage.com"}""");
        Put("an overlong appId", $$"""{"enabled":true,"appId":"{{new string('A', 10_000)}}","apiKey":"KeyKeyKey1","dashboardUrl":"https://dashboard-01.moengage.com"}""");
        Put("deeply nested JSON", $$"""{"enabled":true,"appId":{{new string('[', 10_000)}}{{new string(']', 10_000)}}}""");
        Put("a number too big for any type", """{"enabled":1e999999,"appId":"APPX"}""");
        // The MoEngage names and the unknown-members choice: wrong types, hostile names, too many.
        void PutWith(string name, string field) =>
            Put(name, $$"""{"enabled":true,"appId":"APPX","apiKey":"KeyKeyKey1","dashboardUrl":"https://dashboard-01.moengage.com",{{field}}}""");
        PutWith("attributeNames as a string", "\"attributeNames\":\"tier\"");
        PutWith("attributeNames as an array", "\"attributeNames\":[\"tier\"]");
        PutWith("attributeNames as a number", "\"attributeNames\":1");
        PutWith("an attribute name as a number", "\"attributeNames\":{\"tier\":5}");
        PutWith("an attribute name as an object", "\"attributeNames\":{\"tier\":{\"name\":\"x\"}}");
        PutWith("an attribute name as an array", "\"attributeNames\":{\"tier\":[\"x\"]}");
        PutWith("an attribute name nested deep", $"\"attributeNames\":{{\"tier\":{new string('[', 5_000)}{new string(']', 5_000)}}}");
        PutWith("an attribute name with NUL", "\"attributeNames\":{\"tier\":\"ti\\u0000er\"}");
        PutWith("an attribute name with a lone surrogate", "\"attributeNames\":{\"tier\":\"tier\\uD800\"}");
        PutWith("an unknown attribute with a lone surrogate", "\"attributeNames\":{\"ti\\uDC00er\":\"tier\"}");
        PutWith("an unknown attribute with NUL and RTL override", "\"attributeNames\":{\"ti\\u0000\\u202Eer\":\"tier\"}");
        PutWith("SQL injection as an attribute", "\"attributeNames\":{\"x'; DROP TABLE settings.moengage_integrations;--\":\"tier\"}");
        PutWith("SQL injection in a reserved name", "\"attributeNames\":{\"status\":\"status'; DROP TABLE loyalty.programs;--\",\"tier\":\"status\"}");
        PutWith("a 10,000-character attribute name", $"\"attributeNames\":{{\"tier\":\"{new string('t', 10_000)}\"}}");
        PutWith("10,000 unknown attributes", $"\"attributeNames\":{{{string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"a{i}\":\"b{i}\""))}}}");
        PutWith("every attribute under one name", $"\"attributeNames\":{{{string.Join(",", Loyalife.Domain.MoEngage.AttributeNaming.LoyalifeNames.Select(n => $"\"{n}\":\"same\""))}}}");
        PutWith("intradayMinutes as a string", "\"intradayMinutes\":\"5\"");
        PutWith("intradayMinutes of 1e9", "\"intradayMinutes\":1e9");
        PutWith("intradayMinutes of 0", "\"intradayMinutes\":0");
        PutWith("intradayMinutes of 61", "\"intradayMinutes\":61");
        PutWith("intradayMinutes negative", "\"intradayMinutes\":-1");
        PutWith("intradayMinutes with 400 digits", $"\"intradayMinutes\":{new string('9', 400)}");
        PutWith("unknownMembers as a number", "\"unknownMembers\":1");
        PutWith("unknownMembers as a boolean", "\"unknownMembers\":true");
        PutWith("unknownMembers as an array", "\"unknownMembers\":[\"send\"]");
        PutWith("unknownMembers in capitals", "\"unknownMembers\":\"VERIFY\"");
        PutWith("unknownMembers empty", "\"unknownMembers\":\"\"");
        PutWith("unknownMembers with a NUL", "\"unknownMembers\":\"send\\u0000\"");
        PutWith("unknownMembers with SQL injection", "\"unknownMembers\":\"send'; DROP TABLE loyalty.programs;--\"");
        Add("a 5 MB unknownMembers", "PUT", Moengage, Admin, [400, 413], () => new StreamedJsonContent("unknownMembers", 5 * 1024 * 1024));

        Add("invalid UTF-8 bytes", "PUT", Moengage, Admin, [400], () => new ByteArrayContent([.. "{\"enabled\":true,\"appId\":\""u8, 0xC0, 0xAF, 0xFF, .. "\"}"u8])
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
        });
        Add("a 5 MB appId", "PUT", Moengage, Admin, [400, 413], () => new StreamedJsonContent("appId", 5 * 1024 * 1024));
        Add("a 50 MB apiKey", "PUT", Moengage, Admin, [400, 413], () => new StreamedJsonContent("apiKey", 50 * 1024 * 1024));
        Add("a text/plain body", "PUT", Moengage, Admin, [415], () => new StringContent("""{"enabled":true}""", Encoding.UTF8, "text/plain"));
        Add("an XML body", "PUT", Moengage, Admin, [415], () => new StringContent("<settings enabled=\"true\"/>", Encoding.UTF8, "application/xml"));
        Add("a form body", "PUT", Moengage, Admin, [415], () => new FormUrlEncodedContent([new("enabled", "true")]));
        Add("no content type", "PUT", Moengage, Admin, [415], () => new ByteArrayContent("{}"u8.ToArray()));
        Add("a body on verify", "POST", Moengage + "/verify", Admin, [200, 400, 415], () => new StreamedJsonContent("x", 1024 * 1024));

        // Alert target bodies: wrong types, malformed JSON, addresses that are not public HTTPS, hostile strings.
        void Target(string name, string json, int[]? expected = null) =>
            Add($"alert target {name}", "POST", Targets, Admin, expected ?? [400], () => new StringContent(json, Encoding.UTF8, "application/json"));
        Target("url as a number", """{"url":443}""");
        Target("url as an object", """{"url":{"host":"hooks.example.com"}}""");
        Target("signingSecret as a number", """{"url":"https://93.184.215.14/a","signingSecret":1234567890123456789}""");
        Target("a JSON array body", """[{"url":"https://93.184.215.14/a"}]""");
        Target("a JSON null body", "null");
        Target("an empty body", "");
        Target("truncated JSON", """{"url":"https://93.184.215.14""");
        Target("an empty object", "{}");
        Target("a javascript: url", """{"url":"javascript:alert(1)"}""");
        Target("a file: url", """{"url":"file:///etc/passwd"}""");
        Target("a gopher: url", """{"url":"gopher://93.184.215.14:70/_"}""");
        Target("the metadata service", """{"url":"https://169.254.169.254/latest/meta-data/"}""");
        Target("a private address in decimal", """{"url":"https://167772161/hook"}""");
        Target("a private address in hex", """{"url":"https://0x0a000001/hook"}""");
        Target("an IPv4-mapped loopback", """{"url":"https://[::ffff:127.0.0.1]/hook"}""");
        Target("the unspecified address", """{"url":"https://0.0.0.0/hook"}""");
        Target("SQL injection as the url", """{"url":"https://93.184.215.14/'; DROP TABLE settings.alert_targets;--"}""", [201, 400]);
        Target("NUL in the url", """{"url":"https://93.184.215.14/a\u0000b"}""", [201, 400]);
        Target("NUL in the signing secret", """{"url":"https://93.184.215.14/a","signingSecret":"0123456789abcdef\u0000"}""");
        Target("a lone surrogate in the url", """{"url":"https://93.184.215.14/\uD800"}""");
        Target("a 3,000-character url", $$"""{"url":"https://93.184.215.14/{{new string('a', 3000)}}"}""");
        Target("a 2,000-character signing secret", $$"""{"url":"https://93.184.215.14/a","signingSecret":"{{new string('s', 2000)}}"}""");
        Target("deeply nested JSON", $$"""{"url":{{new string('[', 10_000)}}{{new string(']', 10_000)}}}""");
        Add("alert target with a 5 MB url", "POST", Targets, Admin, [400, 413], () => new StreamedJsonContent("url", 5 * 1024 * 1024));
        Add("alert target as text/plain", "POST", Targets, Admin, [415], () => new StringContent("""{"url":"https://93.184.215.14/a"}""", Encoding.UTF8, "text/plain"));
        Add("alert target as a form", "POST", Targets, Admin, [415], () => new FormUrlEncodedContent([new("url", "https://93.184.215.14/a")]));
        Add("delete an unknown alert target", "DELETE", $"{Targets}/{Guid.NewGuid()}", Admin, [404]);
        Add("delete an alert target that is not a guid", "DELETE", $"{Targets}/not-a-guid", Admin, [404, 405]);
        Add("delete an alert target by SQL injection", "DELETE", $"{Targets}/{Injection}", Admin, [404, 405]);
        Add("PUT alert targets", "PUT", Targets, Admin, [405], () => JsonContent.Create(new { url = "https://93.184.215.14/a" }));
        Add("DELETE all alert targets", "DELETE", Targets, Admin, [405]);
        Add("GET the test alert", "GET", "/v1/programs/demo/alerts/test", Admin, [405]);
        Add("DELETE alert deliveries", "DELETE", "/v1/programs/demo/alerts/deliveries", Admin, [405]);
        Add("POST the internal alert targets", "POST", SettingsPaths.InternalAlertTargets(Configured), AppToken(SettingsServiceHost.AppApiToken), [405]);

        // Hostile program ids on every per-program endpoint, and hostile query strings.
        string[] programIds =
        [
            Injection, "..%2F..%2Finternal", "%2e%2e%2f%2e%2e", "demo%2F..%2F..%2Fadmin", "..%5C..%5Cwindows",
            "%E2%80%AEdemo%F0%9F%98%80", "demo%00", "%ED%A0%80", new string('p', 4000), "%25%32%65%25%32%65",
        ];
        foreach (var id in programIds)
        {
            var label = id.Length > 40 ? $"a {id.Length}-character id" : id;
            var path = $"/v1/programs/{id}/integrations/moengage";
            Add($"GET settings of {label}", "GET", path, Admin, [400, 404]);
            Add($"PUT settings of {label}", "PUT", path, Admin, [400, 404],
                () => JsonContent.Create(IntegrationBody.Enabled("APPX", "KeyKeyKey1", "01")));
            Add($"DELETE settings of {label}", "DELETE", path, Admin, [400, 404]);
            Add($"verify {label}", "POST", path + "/verify", Admin, [400, 404]);
            Add($"audit of {label}", "GET", path + "/audit", Admin, [200, 400, 404]);
            Add($"sync runs of {label}", "GET", path + "/sync-runs", Admin, [400, 404]);
            Add($"a sync run of {label}", "GET", $"{path}/sync-runs/{RunId}", Admin, [400, 404]);
            Add($"release a run of {label}", "POST", $"{path}/sync-runs/{RunId}/release", Admin, [400, 404]);
            Add($"members not in MoEngage of {label}", "GET", path + "/members-not-in-moengage", Admin, [400, 404]);
            Add($"a member lookup of {label}", "GET", path + "/members/M1", Admin, [400, 404]);
            Add($"credentials of {label}", "GET", $"/internal/v1/programs/{id}/integrations/moengage/credentials", AppToken(SettingsServiceHost.AppApiToken), [400, 404]);
            Add($"alert targets of {label}", "GET", $"/v1/programs/{id}/alerts/targets", Admin, [400, 404]);
            Add($"add an alert target to {label}", "POST", $"/v1/programs/{id}/alerts/targets", Admin, [400, 404],
                () => JsonContent.Create(new { url = "https://93.184.215.14/a" }));
            Add($"remove an alert target of {label}", "DELETE", $"/v1/programs/{id}/alerts/targets/{Guid.NewGuid()}", Admin, [400, 404]);
            Add($"a test alert of {label}", "POST", $"/v1/programs/{id}/alerts/test", Admin, [400, 404]);
            Add($"alert deliveries of {label}", "GET", $"/v1/programs/{id}/alerts/deliveries?limit=5", Admin, [400, 404]);
            Add($"internal alert targets of {label}", "GET", $"/internal/v1/programs/{id}/alerts/targets", AppToken(SettingsServiceHost.AppApiToken), [200, 400, 404]);
        }

        Add("a 20,000-character request line", "GET", $"/v1/programs/{new string('p', 20_000)}/integrations/moengage", Admin, [400, 404, 414]);
        Add("audit limit not a number", "GET", Moengage + "/audit?limit=abc", Admin, [400]);
        Add("audit limit beyond int", "GET", Moengage + "/audit?limit=99999999999999999999", Admin, [400]);
        Add("audit limit with SQL injection", "GET", Moengage + "/audit?limit=1%20OR%201%3D1", Admin, [400]);
        Add("audit limit given twice", "GET", Moengage + "/audit?limit=1&limit=2", Admin, [400]);

        // Run ids that are not ids, and hostile queries towards the dispatcher (away in this sweep: a 502 problem is its answer).
        Add("a run id with SQL injection", "GET", $"{Moengage}/sync-runs/{Injection}", Admin, [404]);
        Add("a run id with traversal", "GET", $"{Moengage}/sync-runs/..%2F..%2Finternal", Admin, [400, 404]);
        Add("skip a run id that is not a GUID", "POST", $"{Moengage}/sync-runs/not-a-guid/skip", Admin, [404]);
        Add("a member lookup with SQL injection", "GET", $"{Moengage}/members/{Injection}", Admin, [400, 404, 502]);
        Add("a member lookup of 20,000 characters", "GET", $"{Moengage}/members/{new string('m', 20_000)}", Admin, [400, 404, 414, 502]);
        Add("a customer lookup with SQL injection", "GET", $"{Moengage}/members?customerId={Injection}", Admin, [400, 404, 502]);
        Add("DELETE a member lookup", "DELETE", Moengage + "/members/M1", Admin, [405]);
        Add("members search with SQL injection", "GET", $"{Moengage}/members-not-in-moengage?search={Injection}", Admin, [400, 404, 502]);
        Add("members search of 20,000 characters", "GET", $"{Moengage}/members-not-in-moengage?search={new string('s', 20_000)}", Admin, [400, 404, 414, 502]);

        // Wrong methods.
        Add("PATCH settings", "PATCH", Moengage, Admin, [405]);
        Add("POST settings", "POST", Moengage, Admin, [405], () => JsonContent.Create(new { enabled = true }));
        Add("GET verify", "GET", Moengage + "/verify", Admin, [405]);
        Add("DELETE audit", "DELETE", Moengage + "/audit", Admin, [405]);
        Add("POST export", "POST", "/v1/integrations/moengage/export", Admin, [405]);
        Add("PUT programs", "PUT", "/v1/programs", Admin, [405]);
        Add("DELETE enabled programs", "DELETE", SettingsPaths.EnabledPrograms, AppToken(SettingsServiceHost.AppApiToken), [405]);
        Add("POST credentials", "POST", SettingsPaths.Credentials(Configured), AppToken(SettingsServiceHost.AppApiToken), [405]);
        Add("POST the admin page", "POST", "/admin", None, [405]);
        Add("TRACE the admin page", "TRACE", "/admin", None, [405]);
        Add("GET release", "GET", $"{Moengage}/sync-runs/{RunId}/release", Admin, [405]);
        Add("DELETE members not in MoEngage", "DELETE", Moengage + "/members-not-in-moengage", Admin, [405]);

        // Paths that are not endpoints, including traversal towards files outside wwwroot.
        Add("traversal out of wwwroot", "GET", "/admin/..%2F..%2Fappsettings.json", None, [400, 404]);
        Add("encoded dot-dot out of wwwroot", "GET", "/%2e%2e/%2e%2e/etc/passwd", None, [400, 404]);
        Add("backslash traversal", "GET", "/admin/..%5C..%5Cappsettings.json", None, [400, 404]);
        Add("an unknown v1 path", "GET", "/v1/secrets", Admin, [404]);
        return table;
    }

    private static void Admin(HttpRequestMessage request) => Bearer(SettingsServiceHost.AdminToken)(request);
}
