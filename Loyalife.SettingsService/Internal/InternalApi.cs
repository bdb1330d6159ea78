namespace Loyalife.SettingsService.Internal;

/// <summary>What the dispatcher reads through Dapr service invocation; a direct call without the app token is refused.</summary>
public static class InternalApi
{
    public static RouteGroupBuilder MapInternalApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/internal/v1").WithTags("Internal").RequireAuthorization(AuthPolicies.ThroughDapr);
        api.MapGet("/integrations/moengage/enabled-programs", EnabledProgramsAsync);
        api.MapGet("/programs/{programId}/integrations/moengage/credentials", CredentialsAsync)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<EnabledProgram>>> EnabledProgramsAsync(
        SettingsStore store, IOptions<MoEngageOptions> moEngage, CancellationToken ct)
    {
        var rows = await store.ListAsync(enabledOnly: true, ct);
        return TypedResults.Ok<IReadOnlyList<EnabledProgram>>(
            [.. rows.Select(row => new EnabledProgram(row.ProgramId, row.AppId, row.DataCenter, SettingsViews.ApiBaseUrl(moEngage.Value, row.DataCenter), row.IntradayMinutes))]);
    }

    private static async Task<Results<Ok<MoEngageCredentials>, ProblemHttpResult>> CredentialsAsync(
        string programId, SettingsStore store, SettingsCommands commands, IOptions<MoEngageOptions> moEngage, CancellationToken ct)
    {
        if (await store.GetAsync(programId, ct) is not { } row)
        {
            return SettingsProblems.NotConfigured(programId);
        }

        if (await commands.ReadKeyAsync(row, ct) is not { } current)
        {
            return SettingsProblems.StoredKeyUnreadable(programId);
        }

        var (latest, key) = current;
        return TypedResults.Ok(new MoEngageCredentials(
            latest.ProgramId, latest.Enabled, latest.AppId, key, latest.DataCenter, SettingsViews.ApiBaseUrl(moEngage.Value, latest.DataCenter),
            AttributeNaming.Effective(latest.AttributeNames), latest.UnknownMembers, latest.IntradayMinutes));
    }
}
