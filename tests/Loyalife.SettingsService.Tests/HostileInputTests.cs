using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Loyalife.SettingsService.Tests.Support;
using static Loyalife.Testing.HostileAuth;

namespace Loyalife.SettingsService.Tests;

/// <summary>
/// Issue 9's bad input sweep for settings-service: malformed and hostile requests against every endpoint of
/// SettingsApi, InternalApi and AdminPage, sent over real Kestrel. Each must answer a 4xx (a problem where there is a
/// body), never a 5xx, never echo a token or the stored API key, and leave the service healthy.
/// </summary>
public sealed class HostileInputTests(SettingsHostFixture fixture) : IClassFixture<SettingsHostFixture>, IAsyncLifetime
{
    // The one program with settings; every hostile PUT below is invalid, so its stored key never changes.
    private const string Configured = "demo";
    private const string ApiKey = "HostileKeyQ7w2E9r4T6";
    private const string Injection = "%27%3B%20DROP%20TABLE%20loyalty.programs%3B--";
    private const string Moengage = "/v1/programs/demo/integrations/moengage";

    private static readonly Dictionary<string, HostileRequest> Table = BuildTable();

    private SettingsServiceHost Host => fixture.Host;

    public static TheoryData<string> Cases => [.. Table.Keys];

    public async Task InitializeAsync()
    {
        if ((await Host.Admin.GetAsync(SettingsPaths.MoEngage(Configured))).StatusCode == HttpStatusCode.NotFound)
        {
            await Host.AddWorkspaceAsync("APPHOSTILE1", "02", ApiKey);
            var saved = await Host.Admin.PutAsJsonAsync(SettingsPaths.MoEngage(Configured),
                new { enabled = true, appId = "APPHOSTILE1", apiKey = ApiKey, dashboardUrl = "https://dashboard-02.moengage.com" });
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

        foreach (var path in new[] { SettingsPaths.EnabledPrograms, SettingsPaths.Credentials(Configured) })
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
                () => JsonContent.Create(new { enabled = true, appId = "APPX", apiKey = "KeyKeyKey1", dashboardUrl = "https://dashboard-01.moengage.com" }));
            Add($"DELETE settings of {label}", "DELETE", path, Admin, [400, 404]);
            Add($"verify {label}", "POST", path + "/verify", Admin, [400, 404]);
            Add($"audit of {label}", "GET", path + "/audit", Admin, [200, 400, 404]);
            Add($"sync runs of {label}", "GET", path + "/sync-runs", Admin, [400, 404]);
            Add($"credentials of {label}", "GET", $"/internal/v1/programs/{id}/integrations/moengage/credentials", AppToken(SettingsServiceHost.AppApiToken), [400, 404]);
        }

        Add("a 20,000-character request line", "GET", $"/v1/programs/{new string('p', 20_000)}/integrations/moengage", Admin, [400, 404, 414]);
        Add("audit limit not a number", "GET", Moengage + "/audit?limit=abc", Admin, [400]);
        Add("audit limit beyond int", "GET", Moengage + "/audit?limit=99999999999999999999", Admin, [400]);
        Add("audit limit with SQL injection", "GET", Moengage + "/audit?limit=1%20OR%201%3D1", Admin, [400]);
        Add("audit limit given twice", "GET", Moengage + "/audit?limit=1&limit=2", Admin, [400]);

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

        // Paths that are not endpoints, including traversal towards files outside wwwroot.
        Add("traversal out of wwwroot", "GET", "/admin/..%2F..%2Fappsettings.json", None, [400, 404]);
        Add("encoded dot-dot out of wwwroot", "GET", "/%2e%2e/%2e%2e/etc/passwd", None, [400, 404]);
        Add("backslash traversal", "GET", "/admin/..%5C..%5Cappsettings.json", None, [400, 404]);
        Add("an unknown v1 path", "GET", "/v1/secrets", Admin, [404]);
        return table;
    }

    private static void Admin(HttpRequestMessage request) => Bearer(SettingsServiceHost.AdminToken)(request);
}
