namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// Track User, Create Event and Bulk Import, in MoEngage's order of refusal: data centre, credentials,
/// (injected faults), Content-Length (where the workspace asks), content type, size, JSON, request shape,
/// elements and quota, then apply.
/// </summary>
internal sealed class DataRequestHandler(WorkspaceRegistry registry, DataApiGate gate, TimeProvider time)
{
    public const string DroppedNote = "injected: applied, then the connection was dropped unanswered";

    public async Task<Results<Ok<MoEngageSuccess>, JsonHttpResult<MoEngageFailure>, EmptyHttpResult>> HandleAsync(
        HttpContext http, string dc, string appId, DataEndpoint endpoint)
    {
        var request = http.Request;
        var facts = new RequestFacts(RequestIds.New(), request.Method, request.Path, time.GetUtcNow(), 0, null);
        if (!DataCenters.IsKnown(dc))
        {
            return DataApiGate.Refuse(http, null, endpoint, facts, Rejection.UnknownDataCenter(dc));
        }

        var workspace = registry.Find(appId);
        if (DataApiGate.Authenticate(BasicCredentials.Parse(request.Headers.Authorization), dc, appId, workspace) is { } denied)
        {
            // Logged in the workspace the path names, if any: a wrong data centre then shows up there.
            return DataApiGate.Refuse(http, workspace, endpoint, facts, denied);
        }

        var fault = workspace!.DrawFault();
        if (DataApiGate.InjectedRefusal(fault) is { } injected)
        {
            return DataApiGate.Refuse(http, workspace, endpoint, facts with { Note = "injected" }, injected);
        }

        facts = facts with { Note = DataApiGate.DelayNote(fault) };
        try
        {
            await gate.DelayAtLeastAsync(fault.Delay, http.RequestAborted);
            if (DataApiGate.LengthProblem(workspace, request) is { } unsized)
            {
                return DataApiGate.Refuse(http, workspace, endpoint, facts, unsized);
            }

            var (payload, rejection, bytes) = await JsonBody.ReadAsync(request, http.RequestAborted);
            facts = facts with { Bytes = bytes };
            using (payload)
            {
                rejection ??= endpoint == DataEndpoint.BulkImport ? BulkShape.Problem(payload!.Root) : null;
                if (rejection is not null)
                {
                    return DataApiGate.Refuse(http, workspace, endpoint, facts, rejection);
                }

                if (fault.Kind == FaultKind.DropAfterAccept)
                {
                    facts = facts with { Note = string.Join("; ", new[] { facts.Note, DroppedNote }.OfType<string>()) };
                }

                var outcome = workspace.Ingest(endpoint, payload!.Root, facts);
                DataApiGate.SetQuotaHeaders(http, workspace, endpoint, facts.Time);
                if (outcome.Status != StatusCodes.Status200OK)
                {
                    return DataApiGate.Answer(outcome.Status == StatusCodes.Status429TooManyRequests
                        ? Rejection.RateLimited
                        : Rejection.Element(outcome.Fault!, outcome.Fault!.Message), facts);
                }
            }
        }
        catch (Exception exception) when (DataApiGate.ClientWentAway(http, exception))
        {
            return DataApiGate.RecordClientGone(workspace, facts, exception);
        }

        if (fault.Kind == FaultKind.DropAfterAccept)
        {
            // Applied, counted, never answered: the ambiguous case a client must not retry blindly.
            http.Abort();
            return TypedResults.Empty;
        }

        return TypedResults.Ok(MoEngageSuccess.Accepted);
    }
}
