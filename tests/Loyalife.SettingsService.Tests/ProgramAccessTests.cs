using System.Text.Json.Nodes;
using Loyalife.ServiceDefaults.Auth;

namespace Loyalife.SettingsService.Tests;

/// <summary>
/// Who may see and change what on settings-service (docs/access.md): every admin endpoint × every kind of caller,
/// from one table; an endpoint the service maps without a row fails <see cref="EveryAdminEndpointHasARowAndIsBehindProgramAccess"/>.
/// </summary>
public sealed class ProgramAccessTests(SignedInSettingsFixture fixture) : IClassFixture<SignedInSettingsFixture>
{
    private const string Settings = "/v1/programs/{programId}/integrations/moengage";
    private const string Targets = "/v1/programs/{programId}/alerts/targets";

    // What an allowed caller gets: the handler's own answer to the request the table sends. Changes are sent so
    // that they change nothing (an invalid body, an absent target, a program without settings), so the rows do not
    // depend on each other's order. Proxies answer 502 here: no dispatcher listens (its own table covers it).
    private static readonly AccessTable Table = new(
    [
        new("GET", "/v1/me", 200, AccessScope.Caller),
        new("GET", "/v1/programs", 200, AccessScope.List),
        new("GET", "/v1/integrations/moengage/export", 200, AccessScope.List),
        new("GET", Settings, 200),
        new("PUT", Settings, 400, Body: "{}"),
        new("DELETE", Settings, 404),
        new("POST", Settings + "/verify", 200),
        new("GET", Settings + "/audit", 200),
        new("GET", Settings + "/sync-runs", 502),
        new("GET", Settings + "/sync-runs/{runId:guid}", 502),
        new("POST", Settings + "/sync-runs/{runId:guid}/release", 502),
        new("POST", Settings + "/sync-runs/{runId:guid}/skip", 502),
        new("GET", Settings + "/members-not-in-moengage", 502),
        new("GET", Settings + "/intraday-days", 502),
        new("GET", Settings + "/intraday-passes/held", 502),
        new("POST", Settings + "/intraday-passes/{passId:guid}/release", 502),
        new("POST", Settings + "/intraday-passes/{passId:guid}/skip", 502),
        new("GET", Settings + "/members/{memberId}", 502),
        new("GET", Settings + "/members", 502),
        new("GET", Targets, 200),
        new("POST", Targets, 400, Body: "{}"),
        new("DELETE", Targets + "/{targetId:guid}", 404),
        new("POST", "/v1/programs/{programId}/alerts/test", 502),
        new("GET", "/v1/programs/{programId}/alerts/deliveries", 502),
    ]);

    public static TheoryData<string, AccessCaller> Cases => Table.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachCallerGetsWhatItsProgramsAndRoleAllow(string endpoint, AccessCaller caller)
    {
        var row = Table[endpoint];
        // Deleting settings is asked of the program without any, so an allowed delete changes nothing either.
        var programId = row.Method == "DELETE" && row.Route == Settings ? fixture.Bare : fixture.Configured;
        var path = row.Route.Replace("{programId}", programId, StringComparison.Ordinal)
            .Replace("{runId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{targetId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{passId:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("{memberId}", "M00000001", StringComparison.Ordinal);
        using var client = fixture.Host.Client(null);

        var failure = await AccessTable.JudgeAsync(client, row, caller, AccessTable.TokenOf(fixture.Issuer, caller, fixture.Configured, fixture.Bare), path, programId);

        Assert.True(failure is null, failure);
    }

    [Fact]
    public void EveryAdminEndpointHasARowAndIsBehindProgramAccess() =>
        Assert.Empty(Table.Gaps(fixture.Host.Services, AuthPolicies.ProgramAccess));

    [Fact]
    public async Task TheProgramListHoldsOnlyTheCallersPrograms()
    {
        using var editor = fixture.As(AccessCaller.EditorOfTheProgram);
        using var operatorClient = fixture.As(AccessCaller.Operator);
        using var outsider = fixture.As(AccessCaller.EditorOfAnotherProgram);

        Assert.Equal(new[] { fixture.Bare, fixture.Configured }.Order(StringComparer.Ordinal), Ids(await Json.ReadAsync(await editor.GetAsync("/v1/programs"))));
        Assert.Contains("demo", Ids(await Json.ReadAsync(await operatorClient.GetAsync("/v1/programs"))));
        Assert.Empty(Ids(await Json.ReadAsync(await outsider.GetAsync("/v1/programs"))));
    }

    [Fact]
    public async Task TheExportHoldsOnlyTheCallersPrograms()
    {
        var elsewhere = await fixture.Host.NewProgramWithWorkspaceAsync("APPACCESS02", "01", SignedInSettingsFixture.ApiKey);
        Assert.Equal(HttpStatusCode.Created,
            (await fixture.Host.SaveMoEngageAsync(elsewhere, IntegrationBody.Enabled("APPACCESS02", SignedInSettingsFixture.ApiKey, "01"))).StatusCode);
        using var viewer = fixture.As(AccessCaller.ViewerOfTheProgram);

        var export = await viewer.GetStringAsync(SettingsPaths.Export);
        var everything = await fixture.Host.Admin.GetStringAsync(SettingsPaths.Export);

        Assert.Contains($"\"{fixture.Configured}\"", export);
        Assert.DoesNotContain($"\"{elsewhere}\"", export);
        Assert.Contains($"\"{elsewhere}\"", everything);
    }

    [Fact]
    public async Task AnEditorsChangeIsAuditedUnderTheirNameAndTheAdminTokensAsTheAdminToken()
    {
        var programId = await fixture.Host.NewProgramWithWorkspaceAsync("APPACCESS03", "01", SignedInSettingsFixture.ApiKey);
        var claims = fixture.Issuer.Claims("e-7781", new JsonArray(programId), new JsonArray("loyalife.editor"));
        claims["name"] = "Asha Rao";
        claims["preferred_username"] = "asha@brand.example";
        using var editor = fixture.Host.Client(fixture.Issuer.Sign(claims));

        Assert.Equal(HttpStatusCode.Created,
            (await editor.PutAsJsonAsync(SettingsPaths.MoEngage(programId), IntegrationBody.Enabled("APPACCESS03", SignedInSettingsFixture.ApiKey, "01"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Host.Admin.PostAsync(SettingsPaths.MoEngage(programId) + "/verify", null)).StatusCode);

        var audit = await Json.ReadAsync(await editor.GetAsync(SettingsPaths.MoEngage(programId) + "/audit"));
        Assert.Equal(["admin-token", "Asha Rao"], audit.EnumerateArray().Select(entry => entry.Text("actor")));
    }

    private static IEnumerable<string> Ids(JsonElement programs) => programs.EnumerateArray().Select(program => program.Text("programId")).Order(StringComparer.Ordinal);
}
