using Loyalife.ServiceDefaults.Auth;

namespace Loyalife.MoEngageDispatcher.Tests;

/// <summary>
/// Who may see and change what on the dispatcher (docs/access.md): every admin endpoint × every kind of caller,
/// from one table; an endpoint the service maps without a row fails <see cref="EveryAdminEndpointHasARowAndIsBehindProgramAccess"/>.
/// </summary>
public sealed class ProgramAccessTests(SignedInDispatcherFixture fixture) : IClassFixture<SignedInDispatcherFixture>
{
    private const string Runs = "/v1/programs/{programId}/sync-runs";

    // What an allowed caller gets; changes are sent so that they change nothing (an invalid body, a run that is not
    // held, a program without alert targets), so the rows do not depend on each other's order.
    private static readonly AccessTable Table = new(
    [
        new("POST", Runs, 400, Body: "{}"),
        new("GET", Runs, 200),
        new("GET", "/v1/sync-runs/{runId:guid}", 200, AccessScope.ById),
        new("POST", Runs + "/{runId:guid}/release", 409),
        new("POST", Runs + "/{runId:guid}/skip", 409),
        new("POST", "/v1/programs/{programId}/alerts/test", 409),
        new("GET", "/v1/programs/{programId}/alerts/deliveries", 200),
        new("GET", "/v1/programs/{programId}/members-not-in-moengage", 200),
        new("GET", "/v1/programs/{programId}/intraday-days", 200),
        new("GET", "/v1/programs/{programId}/intraday-passes/held", 200),
        new("POST", "/v1/programs/{programId}/intraday-passes/{passId:guid}/release", 404), // no such pass: the handler's own 404
        new("POST", "/v1/programs/{programId}/intraday-passes/{passId:guid}/skip", 404),
        new("GET", "/v1/programs/{programId}/members/{memberId}/moengage", 200),
        new("GET", "/v1/programs/{programId}/members", 400), // no customerId: the handler's own 400
    ]);

    public static TheoryData<string, AccessCaller> Cases => Table.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachCallerGetsWhatItsProgramsAndRoleAllow(string endpoint, AccessCaller caller)
    {
        var row = Table[endpoint];
        var path = row.Route.Replace("{programId}", fixture.ProgramId, StringComparison.Ordinal)
            .Replace("{runId:guid}", fixture.RunId.ToString(), StringComparison.Ordinal)
            .Replace("{memberId}", "M00000001", StringComparison.Ordinal)
            .Replace("{passId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal);
        using var client = fixture.App.CreateClient();

        var failure = await AccessTable.JudgeAsync(client, row, caller, AccessTable.TokenOf(fixture.Issuer, caller, fixture.ProgramId), path, fixture.ProgramId);

        Assert.True(failure is null, failure);
    }

    [Fact]
    public void EveryAdminEndpointHasARowAndIsBehindProgramAccess() =>
        Assert.Empty(Table.Gaps(fixture.App.Services, AuthPolicies.ProgramAccess));

    [Fact]
    public async Task ARunOfAnotherProgramIsAnsweredLikeARunThatDoesNotExist()
    {
        using var outsider = fixture.As(AccessCaller.EditorOfAnotherProgram);

        using var theirs = await outsider.GetAsync($"/v1/sync-runs/{fixture.RunId}");
        using var none = await outsider.GetAsync($"/v1/sync-runs/{Guid.Empty}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (theirs.StatusCode, none.StatusCode));
        Assert.Equal("Unknown run", (await theirs.Content.ReadFromJsonAsync<JsonObject>())!["title"]!.GetValue<string>());
        Assert.DoesNotContain(fixture.ProgramId, await theirs.Content.ReadAsStringAsync());
    }
}
