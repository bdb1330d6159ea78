using System.Buffers.Text;
using System.Text;
using static Loyalife.Testing.HostileAuth;

namespace Loyalife.SnapshotService.Tests;

/// <summary>
/// The bad input sweep for snapshot-service: malformed and hostile requests against every endpoint of
/// ProgramsApi, SnapshotsApi and MemberLookupApi. Each must answer a 4xx (a problem where there is a body), never a 5xx, never echo
/// the app token, and leave the service healthy.
/// </summary>
public sealed class HostileInputTests(ScenarioLedger ledger) : IClassFixture<ScenarioLedger>
{
    private const string Snapshot = "/v1/programs/p1/snapshots/" + ScenarioLedger.Date;

    private static readonly Dictionary<string, HostileRequest> Table = BuildTable();

    public static TheoryData<string> Cases => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AHostileRequestGetsA4xxProblemNoSecretAndTheServiceStaysHealthy(string name)
    {
        using var client = ledger.App.Host.CreateClient();

        var failure = await Table[name].SendAndJudgeAsync(client, [SnapshotApp.Token]);

        Assert.True(failure is null, $"{name}: {failure}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task AfterTheSweepTheSnapshotStillPages()
    {
        foreach (var name in Table.Keys.Where(key => key.Contains("cursor", StringComparison.Ordinal)))
        {
            await AHostileRequestGetsA4xxProblemNoSecretAndTheServiceStaysHealthy(name);
        }

        Assert.NotEmpty(await ledger.App.GetAllAsync(Snapshot + "/members", limit: 1));
        Assert.Equal("p1", (await ledger.App.GetJsonAsync("/v1/programs/p1")).GetProperty("programId").GetString());
    }

    private static Dictionary<string, HostileRequest> BuildTable()
    {
        var table = new Dictionary<string, HostileRequest>();
        void Add(string name, string path, int[] expected, string method = "GET", Action<HttpRequestMessage>? auth = null, Func<HttpContent>? content = null) =>
            table.Add(name, new HostileRequest(method, path, auth ?? AppToken(SnapshotApp.Token), expected, content));

        string[] endpoints = ["/v1/programs", "/v1/programs/p1", Snapshot + "/members", Snapshot + "/events", Snapshot + "/summary", Snapshot + "/anomalies",
            Snapshot + "/members/M1", "/v1/programs/p1/members?customerId=C1"];

        // Missing and wrong app tokens, and the right one in the wrong place.
        foreach (var path in endpoints)
        {
            Add($"{path} without the app token", path, [401], auth: None);
            Add($"{path} with a wrong app token", path, [401], auth: AppToken("not-the-app-token"));
            Add($"{path} with the app token plus a character", path, [401], auth: AppToken(SnapshotApp.Token + "x"));
            Add($"{path} with the app token in another case", path, [401], auth: AppToken(SnapshotApp.Token.ToUpperInvariant()));
            Add($"{path} with an empty app token", path, [401], auth: AppToken(""));
            Add($"{path} with the app token as a bearer", path, [401], auth: Bearer(SnapshotApp.Token));
            Add($"{path} with a 64 KB app token", path, [400, 401, 431], auth: AppToken(new string('t', 64 * 1024)));
            Add($"POST {path}", path, [405], method: "POST", content: () => new StringContent("{}", Encoding.UTF8, "application/json"));
            Add($"DELETE {path}", path, [405], method: "DELETE");
            Add($"PUT {path} with a 5 MB body", path, [405, 413], method: "PUT", content: () => new StreamedJsonContent("x", 5 * 1024 * 1024));
        }

        // Hostile program ids on every per-program endpoint. (A NUL in the path is not here: TestServer refuses to
        // send it, and Kestrel, which the service runs on, answers 400 before the app; settings-service's sweep shows it.)
        string[] programIds =
        [
            "%27%3B%20DROP%20TABLE%20loyalty.programs%3B--", "p1%27%20OR%20%271%27%3D%271", "..%2F..%2Fv1%2Fprograms", "%2e%2e%2f%2e%2e",
            "p1%2F..%2F..%2Fhealth", "..%5C..%5Cwindows", "%E2%80%AEp1%F0%9F%98%80", "%ED%A0%80", "%C0%AF",
            new string('p', 4000), "%25%32%65%25%32%65",
        ];
        foreach (var id in programIds)
        {
            var label = id.Length > 40 ? $"a {id.Length}-character id" : id;
            Add($"program {label}", $"/v1/programs/{id}", [400, 404]);
            foreach (var kind in new[] { "members", "events", "summary", "anomalies" })
            {
                Add($"{kind} of program {label}", $"/v1/programs/{id}/snapshots/{ScenarioLedger.Date}/{kind}", [400, 404]);
            }
        }

        // Bad business dates.
        string[] dates =
        [
            "2026-02-30", "2026-00-10", "2026-1-1", "20261127", "2026-11-27T00:00:00Z", "2026-11-27%2000:00", "-2026-11-27",
            "0000-01-01", "0001-01-01", "9999-12-31", "9999-12-30", "%27%3B%20DROP%20TABLE%20loyalty.members%3B--",
            "%D9%A2%D9%A0%D9%A2%D9%A6-11-27", "2026%2F11%2F27", "..%2F2026-11-27", new string('9', 3000), "latest",
        ];
        foreach (var date in dates)
        {
            var label = date.Length > 40 ? $"a {date.Length}-character date" : date;
            foreach (var kind in new[] { "members", "events", "summary", "anomalies" })
            {
                Add($"{kind} of date {label}", $"/v1/programs/p1/snapshots/{date}/{kind}", [400, 404, 409]);
            }
        }

        // Bad cursors: garbage, injection, valid base64 of hostile keys, the wrong kind, huge.
        var cursors = new Dictionary<string, string>
        {
            ["garbage"] = "%%%",
            ["SQL injection"] = Uri.EscapeDataString("' OR 1=1 --"),
            ["base64 of SQL injection"] = Cursor("m1:' OR 1=1 --"),
            ["with a NUL"] = Cursor("m1:M1\0"),
            ["with a lone surrogate"] = Base64Url.EncodeToString([.. "m1:"u8, 0xED, 0xA0, 0x80]),
            ["of invalid UTF-8"] = Base64Url.EncodeToString([.. "m1:"u8, 0xC0, 0xAF]),
            ["of the wrong version"] = Cursor("m9:M1"),
            ["of 1 MB"] = Cursor("m1:" + new string('M', 1024 * 1024)),
            ["empty"] = "",
            ["with padding and slashes"] = Uri.EscapeDataString("bTE6TTE=/+"),
        };
        foreach (var (label, cursor) in cursors)
        {
            Add($"members cursor {label}", $"{Snapshot}/members?after={cursor}", [200, 400]);
        }

        var eventCursors = new Dictionary<string, string>
        {
            ["garbage"] = "%%%",
            ["of a members key"] = Cursor("m1:M1"),
            ["with the largest time"] = Cursor("e1:9223372036854775807:E1"),
            ["with the smallest time"] = Cursor("e1:-9223372036854775808:E1"),
            ["with a time beyond long"] = Cursor("e1:99999999999999999999:E1"),
            ["with a NUL id"] = Cursor("e1:0:\0"),
            ["with SQL injection"] = Cursor("e1:0:' OR 1=1 --"),
            ["without an id"] = Cursor("e1:0:"),
            ["without a time"] = Cursor("e1::E1"),
            ["of 1 MB"] = Cursor("e1:0:" + new string('E', 1024 * 1024)),
        };
        foreach (var (label, cursor) in eventCursors)
        {
            Add($"events cursor {label}", $"{Snapshot}/events?after={cursor}", [200, 400]);
        }

        // Bad limits.
        foreach (var limit in new[] { "0", "-1", "10001", "2147483648", "99999999999999999999", "1e3", "0x10", "%201", "1.5", "abc", "%00", "1%20OR%201%3D1", "" })
        {
            Add($"members limit '{limit}'", $"{Snapshot}/members?limit={limit}", [400]);
            Add($"events limit '{limit}'", $"{Snapshot}/events?limit={limit}", [400]);
        }

        // The member lookup: hostile member and customer ids, and its bad dates.
        string[] lookupIds =
        [
            "%27%3B%20DROP%20TABLE%20loyalty.members%3B--", "M1%27%20OR%20%271%27%3D%271", "%ED%A0%80", "%C0%AF", "%01", "M1%0A",
            "%E2%80%AEM1%F0%9F%98%80", new string('M', 4000), "..%2F..%2Fsummary",
        ];
        foreach (var id in lookupIds)
        {
            var label = id.Length > 40 ? $"a {id.Length}-character id" : id;
            Add($"member {label} of a day", $"{Snapshot}/members/{id}", [400, 404]);
            Add($"customer id {label}", $"/v1/programs/p1/members?customerId={id}", [200, 400]);
        }

        Add("a customer lookup without a customer id", "/v1/programs/p1/members", [400]);
        Add("a customer lookup with a blank customer id", "/v1/programs/p1/members?customerId=%20%09", [400]);
        Add("a customer lookup given twice", "/v1/programs/p1/members?customerId=C1&customerId=C2", [400]);
        Add("a member of a malformed date", "/v1/programs/p1/snapshots/2026-02-30/members/M1", [400]);
        Add("a member of a day not closed", "/v1/programs/p1/snapshots/2026-11-28/members/M1", [409]);
        Add("a member of an unknown program", $"/v1/programs/nope/snapshots/{ScenarioLedger.Date}/members/M1", [404]);
        Add("limit given twice", $"{Snapshot}/members?limit=1&limit=2", [400]);
        Add("after given twice", $"{Snapshot}/members?after={Cursor("m1:M1")}&after={Cursor("m1:M2")}", [400]);
        Add("a summary with a query", $"{Snapshot}/summary?programId=%27%3B--", [200]);
        Add("an unknown snapshot kind", "/v1/programs/p1/snapshots/2026-11-27/balances", [404]);
        Add("a 20,000-character query", $"{Snapshot}/members?x={new string('x', 20_000)}", [200, 400, 414]);
        return table;
    }

    private static string Cursor(string key) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(key));
}
