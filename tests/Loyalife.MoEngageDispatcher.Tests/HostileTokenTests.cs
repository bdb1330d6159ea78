using static Loyalife.Testing.HostileAuth;

namespace Loyalife.MoEngageDispatcher.Tests;

/// <summary>
/// Tokens no admin may pass with (401, the token in no answer), well-signed tokens with malformed access claims
/// (they grant nothing, never a 5xx), and the nightly run, which never asks the identity provider. docs/access.md.
/// </summary>
public sealed class HostileTokenTests(SignedInDispatcherFixture fixture) : IClassFixture<SignedInDispatcherFixture>
{
    public static TheoryData<string, string, int> HostileClaims => new()
    {
        { "programs as a number", """{"programs":5,"roles":["loyalife.editor"]}""", 404 },
        { "programs as an object", """{"programs":{"{p}":true},"roles":["loyalife.editor"]}""", 404 },
        { "programs as a list of lists", """{"programs":[["{p}"]],"roles":["loyalife.editor"]}""", 404 },
        { "the program behind a path", """{"programs":["../{p}","{p}/..","..%2F{p}","{p}\\x"],"roles":["loyalife.editor"]}""", 404 },
        { "the program as one string", """{"programs":"{p}","roles":"loyalife.viewer"}""", 200 },
        { "roles of other names only", """{"programs":["{p}"],"roles":["admin","LOYALIFE.VIEWER","loyalife.viewer "]}""", 403 },
        { "roles as an object", """{"programs":["{p}"],"roles":{"loyalife.viewer":true}}""", 403 },
        // In memory there is no header limit (Kestrel answers 431 beyond 32 KB): the lists themselves are read and matched.
        { "a 10,000-name role list with the viewer's", $$"""{"programs":["{p}"],"roles":[{{string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"r{i}\""))}},"loyalife.viewer"]}""", 200 },
        { "10,000 programs with the program", $$"""{"programs":[{{string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"program-{i}\""))}},"{p}"],"roles":["loyalife.viewer"]}""", 200 },
        { "10,000 programs without it", $$"""{"programs":[{{string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"program-{i}\""))}}],"roles":["loyalife.viewer"]}""", 404 },
    };

    [Theory]
    [MemberData(nameof(HostileTokens.Kinds), MemberType = typeof(HostileTokens))]
    public async Task ABadTokenIsUnauthorized(string kind)
    {
        var token = HostileTokens.Make(fixture.Issuer, kind, fixture.ProgramId);
        using var client = fixture.App.CreateClient();

        foreach (var path in new[] { $"/v1/programs/{fixture.ProgramId}/sync-runs", $"/v1/sync-runs/{fixture.RunId}" })
        {
            var failure = await new HostileRequest("GET", path, Bearer(token), [401]).SendAndJudgeAsync(client, [token]);
            Assert.True(failure is null, $"{kind} on {path}: {failure}");
        }
    }

    [Theory]
    [MemberData(nameof(HostileClaims))]
    public async Task MalformedAccessClaimsGrantNothingAndNeverFailTheService(string name, string claims, int expected)
    {
        var given = JsonNode.Parse(claims.Replace("{p}", fixture.ProgramId, StringComparison.Ordinal))!.AsObject();
        var token = fixture.Issuer.Sign(fixture.Issuer.Claims("hostile@brand.example", given["programs"]?.DeepClone(), given["roles"]?.DeepClone()));
        using var client = fixture.App.CreateClient();

        var failure = await new HostileRequest("GET", $"/v1/programs/{fixture.ProgramId}/sync-runs", Bearer(token), [expected]).SendAndJudgeAsync(client, [token]);

        Assert.True(failure is null, $"{name}: {failure}");
    }

    [Fact]
    public async Task WithTheProviderUnreachableTheNightlyRunStillRunsAndOnlyTokensAreRefused()
    {
        var environment = new Support.Environment();
        await environment.InitializeAsync();
        try
        {
            var program = await environment.ProgramAsync(members: 5, events: 2);
            await using var dispatcher = environment.Dispatcher(settings: new Dictionary<string, string?>(fixture.Issuer.Settings)
            {
                ["Admin:Jwt:Authority"] = $"http://127.0.0.1:{FreePort.Next()}",
                // One closed day, so the tick makes exactly one run (a week's catch-up races the count).
                ["Sync:MaxCatchUpDays"] = "1",
            });

            var run = await dispatcher.TickForOneRunAsync(program.ProgramId);

            Assert.Equal(RunStatus.Succeeded, run.Status);
            using var signedIn = dispatcher.CreateClient();
            signedIn.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Issuer.Token("operator@loyalife.example", ["*"], "loyalife.editor"));
            Assert.Equal(HttpStatusCode.Unauthorized, (await signedIn.GetAsync($"/v1/programs/{program.ProgramId}/sync-runs")).StatusCode);
        }
        finally
        {
            await environment.DisposeAsync();
        }
    }
}
