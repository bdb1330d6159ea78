namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>
/// An admin's release or skip of a held pass. A skip first reads the pass's events from snapshot-service (the pass was
/// held before sending any), so that the night of its day can leave exactly those out; the decision itself is one
/// transaction, and a pass no longer held is left as it is (409).
/// </summary>
public sealed class PassDecisions(PassStore passes, IIntradaySource source, DispatchWorker worker, ILogger<PassDecisions> logger)
{
    private const int PageSize = 5000;

    public async Task<Results<Ok<HeldPass>, ProblemHttpResult>> DecideAsync(
        string programId, Guid passId, bool release, string actor, CancellationToken cancellationToken)
    {
        if (await passes.GetAsync(programId, passId, cancellationToken) is not { } pass)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "Unknown pass", $"Program '{programId}' has no intraday pass {passId}.");
        }

        if (pass is not { Status: PassStatus.Held, Report.Held: not null })
        {
            return NotHeld(pass);
        }

        List<string> events = [];
        if (!release)
        {
            try
            {
                events = await EventsOfAsync(pass, cancellationToken);
            }
            catch (Exception exception) when (exception is SourceException or HttpRequestException)
            {
                return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "The pass's events cannot be read",
                    "snapshot-service did not answer with the held pass's events, so the skip was not made; try again in a moment.");
            }
        }

        if (await passes.DecideAsync(pass, release, actor, events, cancellationToken) is not { } decided)
        {
            return NotHeld(await passes.GetAsync(programId, passId, cancellationToken) ?? pass);
        }

        logger.LogInformation("Intraday pass {PassId} of program {ProgramId} {Decision} by {Actor} ({Events} events skipped)",
            passId, programId, release ? "released" : "skipped", actor, events.Count);
        worker.Wake(programId, System.Diagnostics.Activity.Current?.Context ?? default);
        return TypedResults.Ok(HeldPass.Of(decided));
    }

    private static ProblemHttpResult NotHeld(PassRow pass) =>
        ApiProblems.Problem(StatusCodes.Status409Conflict, "The pass is not held",
            $"Intraday pass {pass.PassId} is {pass.Status}; only a held pass can be released or skipped.");

    private async Task<List<string>> EventsOfAsync(PassRow pass, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        string? after = null;
        do
        {
            using var page = await source.GetPageAsync(pass.ProgramId, pass.Window, SnapshotKind.Events, after, PageSize, cancellationToken);
            foreach (var item in page.Items.EnumerateArray())
            {
                if (item.TryGetProperty("eventId", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    ids.Add(id.GetString()!);
                }
            }

            after = page.Next;
        }
        while (after is not null);
        return ids;
    }
}
