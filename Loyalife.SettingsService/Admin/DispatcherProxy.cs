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
        var api = routes.MapGroup("/v1/programs/{programId}/integrations/moengage").WithTags("Admin").RequireProgramAccess()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        api.MapGet("/sync-runs", ([AsParameters] DispatcherCall call) =>
                ForwardAsync(call, HttpMethod.Get, $"/v1/programs/{Escape(call.ProgramId)}/sync-runs"))
            .WithSummary("The program's recent sync runs with their reports, newest first (from moengage-dispatcher)");
        api.MapGet("/sync-runs/{runId:guid}", RunAsync)
            .WithSummary("One sync run of the program with its full report and rejected elements");
        api.MapPost("/sync-runs/{runId:guid}/release", ([AsParameters] HeldRunDecision decision) =>
                DecideAsync(decision, $"sync-runs/{decision.RunId}/release", "sync-run-release", new { runId = decision.RunId }))
            .WithSummary("Release a held run: its night is sent as it is (audited)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/sync-runs/{runId:guid}/skip", ([AsParameters] HeldRunDecision decision) =>
                DecideAsync(decision, $"sync-runs/{decision.RunId}/skip", "sync-run-skip", new { runId = decision.RunId }))
            .WithSummary("Skip a held run: its night is not sent (audited)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/intraday-days", ([AsParameters] DispatcherCall call) =>
                ForwardAsync(call, HttpMethod.Get, $"/v1/programs/{Escape(call.ProgramId)}/intraday-days"))
            .WithSummary("What the intraday lane did, one line a day, newest first (from moengage-dispatcher)");
        api.MapGet("/intraday-passes/held", ([AsParameters] DispatcherCall call) =>
                ForwardAsync(call, HttpMethod.Get, $"/v1/programs/{Escape(call.ProgramId)}/intraday-passes/held"))
            .WithSummary("The intraday passes held for a decision, newest first (from moengage-dispatcher)");
        api.MapPost("/intraday-passes/{passId:guid}/release", ([AsParameters] HeldPassDecision decision) =>
                DecideAsync(decision.Decision, $"intraday-passes/{decision.PassId}/release", "intraday-pass-release", new { passId = decision.PassId }))
            .WithSummary("Release a held intraday pass: it is sent as it is and the lane goes on with the day (audited)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/intraday-passes/{passId:guid}/skip", ([AsParameters] HeldPassDecision decision) =>
                DecideAsync(decision.Decision, $"intraday-passes/{decision.PassId}/skip", "intraday-pass-skip", new { passId = decision.PassId }))
            .WithSummary("Skip a held intraday pass: its events are never sent, nor by the night (audited)")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/members-not-in-moengage", MembersNotInMoEngageAsync)
            .WithSummary("Members MoEngage does not hold (search, after, limit); Accept: text/csv gives every matching row as CSV")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static Task<Results<DispatcherAnswer, ProblemHttpResult>> MembersNotInMoEngageAsync(
        [AsParameters] DispatcherCall call, string? search, string? after, string? limit)
    {
        // Only the parameters the dispatcher knows go on; it validates their values.
        var query = QueryString.Create(new Dictionary<string, string?> { ["search"] = search, ["after"] = after, ["limit"] = limit }
            .Where(pair => pair.Value is not null));
        var accept = call.Http.Request.Headers.Accept.ToString().Contains(Csv, StringComparison.OrdinalIgnoreCase) ? Csv : "application/json";
        return ForwardAsync(call, HttpMethod.Get, $"/v1/programs/{Escape(call.ProgramId)}/members-not-in-moengage{query}", accept);
    }

    private static async Task<Results<ContentHttpResult, DispatcherAnswer, ProblemHttpResult>> RunAsync([AsParameters] DispatcherCall call, Guid runId)
    {
        var answer = await ForwardAsync(call, HttpMethod.Get, $"/v1/sync-runs/{runId}");
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
        var json = await response.Content.ReadAsStringAsync(call.Cancellation);
        return ProgramOf(json) == call.ProgramId
            ? TypedResults.Text(json, "application/json")
            : ApiProblems.Problem(StatusCodes.Status404NotFound, "Unknown run", $"Program '{call.ProgramId}' has no sync run {runId}.");
    }

    /// <param name="path">The decision's path under the program on the dispatcher.</param>
    private static async Task<Results<DispatcherAnswer, ProblemHttpResult>> DecideAsync(HeldRunDecision held, string path, string action, object details)
    {
        var answer = await ForwardAsync(held.Call, HttpMethod.Post, $"/v1/programs/{Escape(held.ProgramId)}/{path}");
        if (answer.Result is DispatcherAnswer { Response.IsSuccessStatusCode: true })
        {
            // Who let a held day or pass through (or threw it away) belongs in the program's audit trail with its settings changes.
            await held.Audit.RecordAdminActionAsync(held.ProgramId, AdminUser.NameOf(held.User), action, details, held.Cancellation);
        }

        return answer;
    }

    /// <summary>
    /// Answers an unknown program here, else forwards to the dispatcher with the caller's credentials
    /// (<see cref="CallerCredentials"/>; also for <c>Alerts/AlertsProxy</c>).
    /// </summary>
    internal static async Task<Results<DispatcherAnswer, ProblemHttpResult>> ForwardAsync(DispatcherCall call, HttpMethod method, string path, string? accept = null)
    {
        var (programId, http, ct) = (call.ProgramId, call.Http, call.Cancellation);
        if (!await call.Programs.ExistsAsync(programId, ct))
        {
            return ApiProblems.UnknownProgram(programId);
        }

        var response = await call.Dispatcher.SendAsync(method, path, accept, await CallerCredentials.AuthorizationAsync(http), ct);
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
