using static Loyalife.Testing.HostileAuth;

namespace Loyalife.MoEngageDispatcher.Tests;

/// <summary>
/// The bad input sweep for moengage-dispatcher: malformed and hostile requests against every endpoint of
/// SyncRunsApi, HeldRunsApi, AlertsApi, MemberLookupApi and NightlySyncApi, over real Kestrel. Each must answer a 4xx (a problem where there is a body), never
/// a 5xx, never echo a token or the program's API key, and leave the service healthy with no run started.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.Dispatcher dispatcher) : IClassFixture<HostileInputTests.Dispatcher>
{
    private static readonly Dictionary<string, HostileRequest> Table = BuildTable();

    public static TheoryData<string> Cases => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AHostileRequestGetsA4xxProblemNoSecretAndTheServiceStaysHealthy(string name)
    {
        using var client = dispatcher.App.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(30);
        var hostile = Table[name];

        var failure = await hostile.SendAndJudgeAsync(client,
            [DispatcherApp.AdminToken, DispatcherApp.AppApiToken, FakeDapr.ApiToken, dispatcher.Program.ApiKey],
            hostile.Path.Replace("{known}", dispatcher.Program.ProgramId, StringComparison.Ordinal));

        Assert.True(failure is null, $"{name}: {failure}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task AfterTheSweepNoRunWasStarted()
    {
        foreach (var name in Table.Keys.Where(key => Table[key].Method == "POST"))
        {
            await AHostileRequestGetsA4xxProblemNoSecretAndTheServiceStaysHealthy(name);
        }

        Assert.Empty(await dispatcher.App.RunsAsync(dispatcher.Program.ProgramId));
    }

    private static Dictionary<string, HostileRequest> BuildTable()
    {
        const string Runs = "/v1/programs/{known}/sync-runs";
        var table = new Dictionary<string, HostileRequest>();
        void Add(string name, string method, string path, Action<HttpRequestMessage> auth, int[] expected, Func<HttpContent>? content = null) =>
            table.Add(name, new HostileRequest(method, path, auth, expected, content));
        void Start(string name, string json, int[]? expected = null) =>
            Add(name, "POST", Runs, Admin, expected ?? [400], () => new StringContent(json, Encoding.UTF8, "application/json"));

        // Missing, wrong and expired credentials on every endpoint.
        var release = $"{Runs}/{Guid.Empty}/release";
        var skip = $"{Runs}/{Guid.Empty}/skip";
        const string TestAlert = "/v1/programs/{known}/alerts/test";
        const string Deliveries = "/v1/programs/{known}/alerts/deliveries";
        const string Absent = "/v1/programs/{known}/members-not-in-moengage";
        const string Lookup = "/v1/programs/{known}/members";
        string[][] adminEndpoints =
        [
            ["POST", Runs], ["GET", Runs], ["GET", $"/v1/sync-runs/{Guid.Empty}"], ["POST", release], ["POST", skip], ["POST", TestAlert], ["GET", Deliveries],
            ["GET", Absent], ["GET", $"{Lookup}/M00000001/moengage"], ["GET", $"{Lookup}?customerId=C0000001"],
        ];
        foreach (var endpoint in adminEndpoints)
        {
            var (method, path) = (endpoint[0], endpoint[1]);
            Func<HttpContent>? body = method == "POST" ? () => new StringContent("""{"businessDate":"2026-01-01"}""", Encoding.UTF8, "application/json") : null;
            Add($"{method} {path} without a token", method, path, None, [401], body);
            Add($"{method} {path} with a wrong bearer", method, path, Bearer("not-the-admin-token"), [401], body);
            Add($"{method} {path} with the admin token plus a character", method, path, Bearer(DispatcherApp.AdminToken + "x"), [401], body);
            Add($"{method} {path} with the app token as bearer", method, path, Bearer(DispatcherApp.AppApiToken), [401], body);
            Add($"{method} {path} with the app token header only", method, path, AppToken(DispatcherApp.AppApiToken), [401], body);
            Add($"{method} {path} with Basic credentials", method, path, Basic("admin", DispatcherApp.AdminToken), [401], body);
            Add($"{method} {path} with an expired unsigned JWT", method, path, Bearer(ExpiredUnsignedJwt), [401], body);
        }

        Add("nightly sync without the app token", "POST", "/nightly-sync", None, [401]);
        Add("nightly sync with a wrong app token", "POST", "/nightly-sync", AppToken("not-the-app-token"), [401]);
        Add("nightly sync with the Dapr API token as app token", "POST", "/nightly-sync", AppToken(FakeDapr.ApiToken), [401]);
        Add("nightly sync with the admin bearer", "POST", "/nightly-sync", Admin, [401]);
        Add("nightly sync with the app token as bearer", "POST", "/nightly-sync", Bearer(DispatcherApp.AppApiToken), [401]);
        Add("nightly sync with a 5 MB body and no token", "POST", "/nightly-sync", None, [401, 413], () => new StreamedJsonContent("x", 5 * 1024 * 1024));
        Add("intraday tick without the app token", "POST", "/intraday-tick", None, [401]);
        Add("intraday tick with the admin bearer", "POST", "/intraday-tick", Admin, [401]);
        Add("GET intraday tick", "GET", "/intraday-tick", AppToken(DispatcherApp.AppApiToken), [405]);
        Add("a 64 KB bearer token", "GET", Runs, Bearer(new string('A', 64 * 1024)), [400, 401, 431]);

        // Start bodies: wrong JSON types, missing fields, nulls, malformed JSON, bad dates, hostile strings.
        Start("businessDate as a number", """{"businessDate":20261127}""");
        Start("businessDate as an object", """{"businessDate":{"year":2026}}""");
        Start("dryRun as a string", """{"businessDate":"2026-01-01","dryRun":"yes"}""");
        Start("dryRun as null", """{"businessDate":"2026-01-01","dryRun":null}""");
        Start("from as an array", """{"from":["2026-01-01"],"to":"2026-01-02"}""");
        Start("a JSON array body", """[{"businessDate":"2026-01-01"}]""");
        Start("a JSON string body", "\"2026-01-01\"");
        Start("a JSON null body", "null");
        Start("an empty body", "");
        Start("truncated JSON", """{"businessDate":"2026-01""");
        Start("JSON with comments", """{"businessDate":"2026-01-01" /* hi */}""");
        Start("an empty object", "{}");
        Start("every field null", """{"businessDate":null,"from":null,"to":null}""");
        Start("only from", """{"from":"2026-01-01"}""");
        Start("only to", """{"to":"2026-01-01"}""");
        Start("latest with a range", """{"businessDate":"latest","from":"2026-01-01","to":"2026-01-02"}""");
        Start("from after to", """{"from":"2026-01-05","to":"2026-01-01"}""");
        Start("a range of ten thousand years", """{"from":"0001-01-01","to":"9999-12-31"}""");
        Start("a date that does not exist", """{"businessDate":"2026-02-30"}""");
        Start("a date and time", """{"businessDate":"2026-01-01T00:00:00Z"}""");
        Start("a date in another order", """{"businessDate":"01-02-2026"}""");
        Start("the first date there is", """{"businessDate":"0001-01-01"}""");
        Start("the last date there is", """{"businessDate":"9999-12-31"}""");
        Start("a backfill at the end of time", """{"from":"9999-12-30","to":"9999-12-31"}""");
        Start("a backfill at the start of time", """{"from":"0001-01-01","to":"0001-01-02"}""");
        Start("a date in the future", """{"businessDate":"2999-01-01"}""");
        Start("Arabic-Indic digits", """{"businessDate":"٢٠٢٦-٠١-٠١"}""");
        Start("SQL injection as the date", """{"businessDate":"2026-01-01'; DROP TABLE sync_runs;--"}""");
        Start("NUL in the date", """{"businessDate":"2026-01-01\u0000"}""");
        Start("RTL override and emoji in the date", """{"businessDate":"\u202E2026-01-01\uD83D\uDE00"}""");
        Start("a lone surrogate in the date", """{"businessDate":"2026-01-01\uD800"}""");
        Start("deeply nested JSON", $$"""{"businessDate":{{new string('[', 10_000)}}{{new string(']', 10_000)}}}""");
        Start("a number too big for any type", """{"businessDate":"2026-01-01","dryRun":1e999999}""");
        Add("invalid UTF-8 bytes", "POST", Runs, Admin, [400], () => new ByteArrayContent([.. "{\"businessDate\":\""u8, 0xC0, 0xAF, 0xFF, .. "\"}"u8])
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/json") },
        });
        Add("a 5 MB businessDate", "POST", Runs, Admin, [400, 413], () => new StreamedJsonContent("businessDate", 5 * 1024 * 1024));
        Add("a 50 MB businessDate", "POST", Runs, Admin, [400, 413], () => new StreamedJsonContent("businessDate", 50 * 1024 * 1024));
        Add("a text/plain body", "POST", Runs, Admin, [415], () => new StringContent("""{"businessDate":"2026-01-01"}""", Encoding.UTF8, "text/plain"));
        Add("an XML body", "POST", Runs, Admin, [415], () => new StringContent("<run businessDate=\"2026-01-01\"/>", Encoding.UTF8, "application/xml"));
        Add("a form body", "POST", Runs, Admin, [415], () => new FormUrlEncodedContent([new("businessDate", "2026-01-01")]));
        Add("no content type", "POST", Runs, Admin, [415], () => new ByteArrayContent("""{"businessDate":"2026-01-01"}"""u8.ToArray()));

        // Hostile program and run ids.
        string[] programIds =
        [
            "%27%3B%20DROP%20TABLE%20sync_runs%3B--", "..%2F..%2Fnightly-sync", "%2e%2e%2f%2e%2e", "p%2F..%2F..%2Fhealth", "..%5C..%5Cwindows",
            "%E2%80%AEp%F0%9F%98%80", "p%00", "%ED%A0%80", new string('p', 4000), "%25%32%65%25%32%65",
        ];
        foreach (var id in programIds)
        {
            var label = id.Length > 40 ? $"a {id.Length}-character id" : id;
            Add($"start a run of {label}", "POST", $"/v1/programs/{id}/sync-runs", Admin, [400, 404],
                () => new StringContent("""{"businessDate":"2026-01-01"}""", Encoding.UTF8, "application/json"));
            Add($"runs of {label}", "GET", $"/v1/programs/{id}/sync-runs", Admin, [200, 400, 404]);
        }

        string[] runIds = ["not-a-guid", "%27%3B%20DROP%20TABLE%20sync_runs%3B--", "..%2F..%2Fprograms", "00000000-0000-0000-0000-00000000000g", "%00", new string('f', 4000)];
        foreach (var id in runIds)
        {
            Add($"run {(id.Length > 40 ? $"a {id.Length}-character id" : id)}", "GET", $"/v1/sync-runs/{id}", Admin, [400, 404]);
        }

        Add("an unknown run", "GET", $"/v1/sync-runs/{Guid.NewGuid()}", Admin, [404]);

        // Held runs: only a held run of the program itself can be released or skipped; a body is ignored.
        foreach (var decision in new[] { "release", "skip" })
        {
            Add($"{decision} an unknown run", "POST", $"{Runs}/{Guid.NewGuid()}/{decision}", Admin, [404]);
            Add($"{decision} with a JSON body", "POST", $"{Runs}/{Guid.NewGuid()}/{decision}", Admin, [404],
                () => new StringContent("""{"status":"succeeded","runId":"' OR 1=1 --"}""", Encoding.UTF8, "application/json"));
            Add($"{decision} with a 5 MB body", "POST", $"{Runs}/{Guid.NewGuid()}/{decision}", Admin, [404, 413], () => new StreamedJsonContent("status", 5 * 1024 * 1024));
            Add($"GET {decision}", "GET", $"{Runs}/{Guid.Empty}/{decision}", Admin, [405]);
            foreach (var id in runIds)
            {
                Add($"{decision} run {(id.Length > 40 ? $"a {id.Length}-character id" : id)}", "POST", $"{Runs}/{id}/{decision}", Admin, [400, 404]);
            }

            foreach (var id in programIds)
            {
                Add($"{decision} a run of {(id.Length > 40 ? $"a {id.Length}-character id" : id)}", "POST",
                    $"/v1/programs/{id}/sync-runs/{Guid.NewGuid()}/{decision}", Admin, [400, 404]);
            }
        }

        // Alerts: a test alert of a program without targets is a conflict; the deliveries' limit is checked.
        Add("a test alert of a program without targets", "POST", TestAlert, Admin, [409]);
        Add("a test alert with a JSON body", "POST", TestAlert, Admin, [409], () => new StringContent("""{"url":"http://169.254.169.254/"}""", Encoding.UTF8, "application/json"));
        Add("GET the test alert", "GET", TestAlert, Admin, [405]);
        Add("POST deliveries", "POST", Deliveries, Admin, [405]);
        foreach (var limit in new[] { "abc", "0", "-1", "501", "100000", "99999999999999999999", "1e3", "%00", "%27%20OR%201%3D1" })
        {
            Add($"deliveries with limit {limit}", "GET", $"{Deliveries}?limit={limit}", Admin, [400]);
        }

        foreach (var id in programIds)
        {
            var label = id.Length > 40 ? $"a {id.Length}-character id" : id;
            Add($"a test alert of {label}", "POST", $"/v1/programs/{id}/alerts/test", Admin, [400, 404]);
            Add($"deliveries of {label}", "GET", $"/v1/programs/{id}/alerts/deliveries", Admin, [200, 400, 404]);
        }
        Add("a 20,000-character request line", "GET", $"/v1/programs/{new string('p', 20_000)}/sync-runs", Admin, [400, 404, 414]);

        // The members-not-in-MoEngage list: bad paging and search, hostile text, CSV asked for in odd ways.
        foreach (var limit in new[] { "0", "-1", "1001", "abc", "1e3", "1.5", "%20", "99999999999999999999", "0x10" })
        {
            Add($"members not in MoEngage with limit={limit}", "GET", $"{Absent}?limit={limit}", Admin, [400]);
        }

        foreach (var days in new[] { "0", "-1", "367", "abc", "1e3", "1.5", "%20", "99999999999999999999" })
        {
            Add($"intraday days with days={days}", "GET", $"{Absent.Replace("members-not-in-moengage", "intraday-days")}?days={days}", Admin, [400]);
        }

        // The member lookup: hostile member and customer ids, on a known program and on hostile ones.
        string[] lookupIds =
        [
            "%27%3B%20DROP%20TABLE%20dispatch.confirmations%3B--", "M%00", "M%0A", "%ED%A0%80", "%C0%AF", "%E2%80%AEM%F0%9F%98%80",
            "..%2F..%2Fsync-runs", new string('M', 4000),
        ];
        foreach (var id in lookupIds)
        {
            var label = id.Length > 40 ? $"a {id.Length}-character id" : id;
            Add($"look up member {label}", "GET", $"{Lookup}/{id}/moengage", Admin, [400, 404]);
            Add($"look up customer id {label}", "GET", $"{Lookup}?customerId={id}", Admin, [200, 400]);
        }

        Add("look up without a customer id", "GET", Lookup, Admin, [400]);
        Add("look up a customer id given twice", "GET", $"{Lookup}?customerId=C1&customerId=C2", Admin, [400]);
        Add("POST a member lookup", "POST", $"{Lookup}/M00000001/moengage", Admin, [405]);
        foreach (var id in programIds)
        {
            var label = id.Length > 40 ? $"a {id.Length}-character id" : id;
            Add($"look up a member of {label}", "GET", $"/v1/programs/{id}/members/M00000001/moengage", Admin, [400, 404]);
        }

        Add("members not in MoEngage with a 5,000-character search", "GET", $"{Absent}?search={new string('s', 5000)}", Admin, [400]);
        Add("members not in MoEngage with a 5,000-character cursor", "GET", $"{Absent}?after={new string('a', 5000)}", Admin, [400]);
        Add("members not in MoEngage with NUL in the cursor", "GET", $"{Absent}?after=M%00", Admin, [400]);
        Add("members not in MoEngage with SQL in the search", "GET", $"{Absent}?search=%27%3B%20DROP%20TABLE%20dispatch.confirmations%3B--", Admin, [200]);
        Add("members not in MoEngage with a LIKE wildcard search", "GET", $"{Absent}?search=%25_%5C", Admin, [200]);
        Add("members not in MoEngage with a cursor of another shape", "GET", $"{Absent}?after=%E2%80%AE%F0%9F%98%80", Admin, [200]);
        Add("members not in MoEngage as CSV with a bad limit", "GET", $"{Absent}?limit=0", request =>
        {
            Admin(request);
            request.Headers.Accept.ParseAdd("text/csv");
        }, [400]);
        Add("members not in MoEngage with a repeated limit", "GET", $"{Absent}?limit=1&limit=2", Admin, [400]);
        foreach (var id in programIds)
        {
            var label = id.Length > 40 ? $"a {id.Length}-character id" : id;
            Add($"members not in MoEngage of {label}", "GET", $"/v1/programs/{id}/members-not-in-moengage", Admin, [400, 404]);
            Add($"intraday days of {label}", "GET", $"/v1/programs/{id}/intraday-days", Admin, [400, 404]);
        }

        Add("POST members not in MoEngage", "POST", Absent, Admin, [405], () => new StringContent("{}", Encoding.UTF8, "application/json"));
        Add("DELETE members not in MoEngage", "DELETE", Absent, Admin, [405]);

        // Wrong methods.
        Add("PUT runs", "PUT", Runs, Admin, [405], () => new StringContent("{}", Encoding.UTF8, "application/json"));
        Add("DELETE runs", "DELETE", Runs, Admin, [405]);
        Add("POST a run", "POST", $"/v1/sync-runs/{Guid.Empty}", Admin, [405]);
        Add("DELETE a run", "DELETE", $"/v1/sync-runs/{Guid.Empty}", Admin, [405]);
        Add("GET nightly sync", "GET", "/nightly-sync", AppToken(DispatcherApp.AppApiToken), [405]);
        Add("PUT nightly sync", "PUT", "/nightly-sync", AppToken(DispatcherApp.AppApiToken), [405]);
        Add("an unknown path", "GET", "/v1/secrets", Admin, [404]);
        Add("traversal to a file", "GET", "/%2e%2e/%2e%2e/etc/passwd", None, [400, 404]);
        return table;
    }

    private static void Admin(HttpRequestMessage request) => Bearer(DispatcherApp.AdminToken)(request);

    /// <summary>The engine tests' environment and one dispatcher on real Kestrel, with one program whose integration is disabled.</summary>
    public sealed class Dispatcher : IAsyncLifetime
    {
        private readonly Support.Environment environment = new();

        public DispatcherApp App { get; private set; } = null!;

        public FakeProgram Program { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            await environment.InitializeAsync();
            Program = await environment.ProgramAsync(members: 1, events: 0);
            // A hostile request that slipped past validation would answer 409 here rather than start a run.
            Program.Enabled = false;
            App = environment.Dispatcher(port: 0);
            App.Start();
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await environment.DisposeAsync();
        }
    }
}
