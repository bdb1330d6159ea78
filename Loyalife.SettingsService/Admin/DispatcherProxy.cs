namespace Loyalife.SettingsService.Admin;

/// <summary>
/// The dispatcher's admin API as the admin page reaches it: under the program's integration, checked for an
/// unknown program first (the caller's mistake is a 404 here, without forwarding a hostile id and the admin's
/// credentials, and without a 502 when the dispatcher is away), then forwarded through Dapr.
/// </summary>
public static class DispatcherProxy
{
    private const string Csv = "text/csv";

    // Answers an admin can act on pass as they came; anything else (a 5xx, its own 401) is the dispatcher's trouble.
    private static readonly HashSet<int> PassedOn = [200, 202, 400, 404, 409, 429];

    public static RouteGroupBuilder MapDispatcherProxy(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/v1/programs/{programId}/integrations/moengage").WithTags("Admin").RequireAuthorization(AuthPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        api.MapGet("/sync-runs", (string programId, HttpContext http, ProgramDirectory programs, DispatcherClient dispatcher, CancellationToken ct) =>
                ForwardAsync(programId, http, programs, dispatcher, HttpMethod.Get, $"/v1/programs/{Escape(programId)}/sync-runs", null, ct))
            .WithSummary("The program's recent sync runs with their reports, newest first (from moengage-dispatcher)");
        api.MapGet("/sync-runs/{runId:guid}", RunAsync)
            .WithSummary("One sync run of the program with its full report and rejected elements");
        api.MapPost("/sync-runs/{runId:guid}/release", (string programId, Guid runId, HttpContext http, ClaimsPrincipal user, ProgramDirectory programs,
                DispatcherClient dispatcher, SettingsStore audit, CancellationToken ct) => DecideAsync("release", programId, runId, http, user, programs, dispatcher, audit, ct))
            .WithSummary("Release a held run: its night is sent as it is (audited)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/sync-runs/{runId:guid}/skip", (string programId, Guid runId, HttpContext http, ClaimsPrincipal user, ProgramDirectory programs,
                DispatcherClient dispatcher, SettingsStore audit, CancellationToken ct) => DecideAsync("skip", programId, runId, http, user, programs, dispatcher, audit, ct))
            .WithSummary("Skip a held run: its night is not sent (audited)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/members-not-in-moengage", MembersNotInMoEngageAsync)
            .WithSummary("Members MoEngage does not hold (search, after, limit); Accept: text/csv gives every matching row as CSV")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static Task<Results<DispatcherAnswer, ProblemHttpResult>> MembersNotInMoEngageAsync(
        string programId, string? search, string? after, string? limit, HttpContext http, ProgramDirectory programs, DispatcherClient dispatcher,
        CancellationToken ct)
    {
        // Only the parameters the dispatcher knows go on; it validates their values.
        var query = QueryString.Create(new Dictionary<string, string?> { ["search"] = search, ["after"] = after, ["limit"] = limit }
            .Where(pair => pair.Value is not null));
        var accept = http.Request.Headers.Accept.ToString().Contains(Csv, StringComparison.OrdinalIgnoreCase) ? Csv : "application/json";
        return ForwardAsync(programId, http, programs, dispatcher, HttpMethod.Get,
            $"/v1/programs/{Escape(programId)}/members-not-in-moengage{query}", accept, ct);
    }

    private static async Task<Results<ContentHttpResult, DispatcherAnswer, ProblemHttpResult>> RunAsync(
        string programId, Guid runId, HttpContext http, ProgramDirectory programs, DispatcherClient dispatcher, CancellationToken ct)
    {
        var answer = await ForwardAsync(programId, http, programs, dispatcher, HttpMethod.Get, $"/v1/sync-runs/{runId}", null, ct);
        if (answer.Result is not DispatcherAnswer { Response.StatusCode: System.Net.HttpStatusCode.OK } found)
        {
            return answer.Result switch
            {
                DispatcherAnswer passed => passed,
                ProblemHttpResult problem => problem,
                _ => throw new InvalidOperationException("A forward ended without an answer."),
            };
        }

        // The dispatcher's run ids are global: a run of another program is not this program's to show.
        using var response = found.Response;
        var json = await response.Content.ReadAsStringAsync(ct);
        return ProgramOf(json) == programId
            ? TypedResults.Text(json, "application/json")
            : ApiProblems.Problem(StatusCodes.Status404NotFound, "Unknown run", $"Program '{programId}' has no sync run {runId}.");
    }

    private static async Task<Results<DispatcherAnswer, ProblemHttpResult>> DecideAsync(
        string decision, string programId, Guid runId, HttpContext http, ClaimsPrincipal user, ProgramDirectory programs, DispatcherClient dispatcher,
        SettingsStore audit, CancellationToken ct)
    {
        var answer = await ForwardAsync(programId, http, programs, dispatcher, HttpMethod.Post,
            $"/v1/programs/{Escape(programId)}/sync-runs/{runId}/{decision}", null, ct);
        if (answer.Result is DispatcherAnswer { Response.IsSuccessStatusCode: true })
        {
            // Who let a held day through (or threw it away) belongs in the program's audit trail with its settings changes.
            await audit.RecordAdminActionAsync(programId, AdminUser.NameOf(user), $"sync-run-{decision}", new { runId }, ct);
        }

        return answer;
    }

    /// <summary>Answers an unknown program here, else forwards to the dispatcher with the admin's credentials (also for <c>Alerts/AlertsProxy</c>).</summary>
    internal static async Task<Results<DispatcherAnswer, ProblemHttpResult>> ForwardAsync(
        string programId, HttpContext http, ProgramDirectory programs, DispatcherClient dispatcher, HttpMethod method, string path, string? accept,
        CancellationToken ct)
    {
        if (!await programs.ExistsAsync(programId, ct))
        {
            return ApiProblems.UnknownProgram(programId);
        }

        var response = await dispatcher.SendAsync(method, path, accept, http.Request.Headers.Authorization.ToString(), ct);
        if (response is null)
        {
            return Unavailable("moengage-dispatcher could not be reached through Dapr.");
        }

        http.Response.RegisterForDispose(response);

        if (!PassedOn.Contains((int)response.StatusCode))
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            return Unavailable($"moengage-dispatcher answered HTTP {status}.");
        }

        return new DispatcherAnswer(response);
    }

    private static ProblemHttpResult Unavailable(string detail) =>
        ApiProblems.Problem(StatusCodes.Status502BadGateway, "moengage-dispatcher unavailable", detail);

    private static string? ProgramOf(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.TryGetProperty("programId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Escape(string programId) => Uri.EscapeDataString(programId);
}
