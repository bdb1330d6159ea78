using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Loyalife.MoEngageDispatcher.Tests.Support;

/// <summary>
/// A fake Dapr HTTP endpoint (<c>DAPR_HTTP_ENDPOINT</c>) that answers <c>/v1.0/invoke/{app}/method/…</c> for
/// settings-service and snapshot-service with their APIs' JSON shapes (docs/ledger.md), from in-memory programs.
/// The dispatcher reaches it exactly as it reaches a real sidecar.
/// </summary>
public sealed class FakeDapr : IAsyncDisposable
{
    public const string ApiToken = "dapr-token-for-tests";
    private readonly WebApplication app;

    private FakeDapr(WebApplication app, string endpoint)
    {
        this.app = app;
        Endpoint = endpoint;
    }

    public string Endpoint { get; }

    public int Port => new Uri(Endpoint).Port;

    public ConcurrentDictionary<string, FakeProgram> Programs { get; } = new();

    public static async Task<FakeDapr> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeDapr? fake = null;
        app.Map("/v1.0/invoke/{appId}/method/{**path}", (HttpContext http, string appId, string path) => fake!.Serve(http, appId, path));
        // The same answers as the apps themselves, for the real sidecars to forward to (settings- and
        // snapshot-service paths do not overlap, so one fake app serves both).
        app.Map("/internal/{**path}", (HttpContext http, string path) => fake!.ServeApp(http, "settings-service", "internal/" + path));
        app.Map("/v1/programs/{**path}", (HttpContext http, string path) => fake!.ServeApp(http, "snapshot-service", "v1/programs/" + path));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake = new FakeDapr(app, address);
        return fake;
    }

    /// <summary>Calls that arrived as an app's own paths, i.e. forwarded by a real sidecar.</summary>
    public int AppCalls => appCalls;

    private int appCalls;

    private IResult ServeApp(HttpContext http, string appId, string path)
    {
        Interlocked.Increment(ref appCalls);
        return Serve(http, appId, path);
    }

    public FakeProgram Add(FakeProgram program) => Programs[program.ProgramId] = program;

    private IResult Serve(HttpContext http, string appId, string path)
    {
        if (http.Request.Headers["dapr-api-token"] != ApiToken)
        {
            return Results.Json(new { errorCode = "ERR_UNAUTHORIZED" }, statusCode: 401);
        }

        var segments = path.Split('/');
        return appId switch
        {
            "settings-service" => Settings(segments),
            "snapshot-service" => Snapshots(http, segments),
            _ => Results.Json(new { errorCode = "ERR_DIRECT_INVOKE" }, statusCode: 500),
        };
    }

    private IResult Settings(string[] path)
    {
        if (path is ["internal", "v1", "integrations", "moengage", "enabled-programs"])
        {
            return Results.Json(Programs.Values.Where(p => p.Enabled).Select(p =>
                new { programId = p.ProgramId, appId = p.AppId, dataCenter = p.DataCenter, apiBaseUrl = p.ApiBaseUrl }));
        }

        if (path is ["internal", "v1", "programs", var id, "integrations", "moengage", "credentials"] && Programs.TryGetValue(id, out var program))
        {
            var credentials = new JsonObject
            {
                ["programId"] = program.ProgramId, ["enabled"] = program.Enabled, ["appId"] = program.AppId, ["apiKey"] = program.ApiKey,
                ["dataCenter"] = program.DataCenter, ["apiBaseUrl"] = program.ApiBaseUrl,
            };
            if (program.AttributeNames is { } names)
            {
                credentials["attributeNames"] = new JsonObject(names.Select(n => KeyValuePair.Create(n.Key, (JsonNode?)n.Value)));
            }

            if (program.UnknownMembers is { } unknownMembers)
            {
                credentials["unknownMembers"] = unknownMembers;
            }

            if (program.IntradayMinutes is { } minutes)
            {
                credentials["intradayMinutes"] = minutes;
            }

            return Results.Json(credentials);
        }

        if (path is ["internal", "v1", "programs", var owner, "alerts", "targets"] && Programs.TryGetValue(owner, out var withTargets))
        {
            return Results.Json(withTargets.AlertTargets.Select(t => new { targetId = t.TargetId, url = t.Url, signingSecret = t.SigningSecret }));
        }

        return Results.Problem(statusCode: 404, title: "Not found");
    }

    private IResult Snapshots(HttpContext http, string[] path)
    {
        if (path.Length < 3 || path[0] != "v1" || path[1] != "programs" || !Programs.TryGetValue(path[2], out var program))
        {
            return Results.Problem(statusCode: 404, title: "Unknown program");
        }

        if (path.Length == 3)
        {
            return Results.Json(new { programId = program.ProgramId, name = program.ProgramId, timeZone = program.TimeZone, tiers = new[] { "silver", "gold" } });
        }

        if (FakeMemberDays.Serve(program, path, http.Request.Query) is { } memberAnswer)
        {
            return memberAnswer;
        }

        if (FakeIntraday.Serve(program, path, http.Request.Query) is { } intradayAnswer)
        {
            return intradayAnswer;
        }

        if (path is [_, _, _, "snapshots", var date, var what])
        {
            var query = http.Request.Query;
            lock (program.PagesServed)
            {
                program.PagesServed.Add($"{date} {what} {query["after"]}");
            }

            if (what == "summary")
            {
                var events = program.Events.GroupBy(e => (string)e["name"]!).ToDictionary(g => g.Key, g => (long)g.Count());
                return Results.Json(new
                {
                    programId = program.ProgramId, businessDate = date, asOf = DateTimeOffset.UtcNow,
                    members = program.Members.Count, skippedMembers = program.SkippedMembers, events,
                });
            }

            var items = what == "members" ? program.Members : program.Events;
            var after = string.IsNullOrEmpty(query["after"]) ? 0 : int.Parse(query["after"]!, CultureInfo.InvariantCulture);
            var limit = int.Parse(query["limit"].FirstOrDefault() ?? "1000", CultureInfo.InvariantCulture);
            var page = items.Skip(after).Take(limit).Select(item => item.DeepClone()).ToArray();
            var next = after + page.Length < items.Count ? (after + page.Length).ToString(CultureInfo.InvariantCulture) : null;
            return Results.Json(new JsonObject
            {
                ["programId"] = program.ProgramId, ["businessDate"] = date, ["asOf"] = DateTimeOffset.UtcNow,
                ["items"] = new JsonArray(page), ["next"] = next,
            });
        }

        return Results.Problem(statusCode: 404, title: "Not found");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
