namespace Loyalife.SettingsService.Settings;

/// <summary>For admins (docs/architecture.md): a program's MoEngage settings, their check, audit trail and export.</summary>
public static class SettingsApi
{
    public static RouteGroupBuilder MapSettingsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/v1").WithTags("Settings").RequireProgramAccess();
        api.MapGet("/programs", ListProgramsAsync);
        api.MapGet("/integrations/moengage/export", ExportAsync);

        var moEngage = api.MapGroup("/programs/{programId}/integrations/moengage");
        moEngage.MapPut("", PutAsync);
        moEngage.MapGet("", GetAsync);
        moEngage.MapDelete("", DeleteAsync);
        moEngage.MapPost("/verify", VerifyAsync);
        moEngage.MapGet("/audit", AuditAsync).ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<LoyaltyProgram>>> ListProgramsAsync(ProgramAccess access, ProgramDirectory programs, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<LoyaltyProgram>>([.. (await programs.ListAsync(ct)).Where(program => access.Holds(program.ProgramId))]);

    private static async Task<Results<Ok<MoEngageSettingsView>, Created<MoEngageSettingsView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string programId, MoEngageSettingsRequest request, ClaimsPrincipal user, SettingsCommands commands, IOptions<MoEngageOptions> moEngage,
        HttpContext http, CancellationToken ct)
    {
        var outcome = await commands.SaveAsync(programId, request, AdminUser.NameOf(user), ct);
        return outcome switch
        {
            { UnknownProgram: true } => ApiProblems.UnknownProgram(programId),
            { Errors: { } errors } => TypedResults.ValidationProblem(errors, title: "The MoEngage settings are not valid"),
            { FailedCheck: { } check } => SettingsProblems.CheckFailed(check),
            { FailedGetUser: { } getUser } => SettingsProblems.GetUserFailed(getUser, request.AppId!),
            { StoredKeyUnreadable: true } => SettingsProblems.StoredKeyUnreadable(programId),
            { Saved: { } row, Created: true } => TypedResults.Created(http.Request.Path, row.ToView(outcome.ApiKeyMasked, moEngage.Value)),
            { Saved: { } row } => TypedResults.Ok(row.ToView(outcome.ApiKeyMasked, moEngage.Value)),
            _ => throw new InvalidOperationException("A save ended without an outcome."),
        };
    }

    private static async Task<Results<Ok<MoEngageSettingsView>, ProblemHttpResult>> GetAsync(
        string programId, SettingsStore store, SettingsCommands commands, IOptions<MoEngageOptions> moEngage, CancellationToken ct) =>
        await store.GetAsync(programId, ct) is { } row
            ? TypedResults.Ok(row.ToView(await commands.MaskedKeyAsync(row, ct), moEngage.Value))
            : SettingsProblems.NotConfigured(programId);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string programId, ClaimsPrincipal user, SettingsCommands commands, CancellationToken ct) =>
        await commands.DeleteAsync(programId, AdminUser.NameOf(user), ct)
            ? TypedResults.NoContent()
            : SettingsProblems.NotConfigured(programId);

    private static async Task<Results<Ok<VerificationView>, ProblemHttpResult>> VerifyAsync(
        string programId, ClaimsPrincipal user, SettingsCommands commands, TimeProvider clock, CancellationToken ct)
    {
        var (row, check, unreadable) = await commands.VerifyAsync(programId, AdminUser.NameOf(user), ct);
        return (row, check) switch
        {
            (null, _) => SettingsProblems.NotConfigured(programId),
            (_, null) when unreadable => SettingsProblems.StoredKeyUnreadable(programId),
            (_, { Verified: true } ok) => TypedResults.Ok(new VerificationView(
                programId, true, ok.DataCenter, ok.ApiBaseUrl.ToString().TrimEnd('/'), ok.WorkspaceName, clock.GetUtcNow(), ok.Message)),
            (_, { } failed) => SettingsProblems.CheckFailed(failed),
            _ => throw new InvalidOperationException("A verification ended without an outcome."),
        };
    }

    private static async Task<Ok<IReadOnlyList<AuditEntry>>> AuditAsync(string programId, SettingsStore store, CancellationToken ct, int limit = 50) =>
        TypedResults.Ok(await store.AuditAsync(programId, Math.Clamp(limit, 1, 500), ct));

    private static async Task<Ok<SettingsExport>> ExportAsync(
        ProgramAccess access, SettingsStore store, IOptions<MoEngageOptions> moEngage, TimeProvider clock, CancellationToken ct)
    {
        var rows = await store.ListAsync(enabledOnly: false, ct);
        return TypedResults.Ok(new SettingsExport(clock.GetUtcNow(),
            [.. rows.Where(row => access.Holds(row.ProgramId)).Select(row => row.ToExport(moEngage.Value))]));
    }
}
