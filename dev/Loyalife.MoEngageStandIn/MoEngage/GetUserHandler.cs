namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// Get User, <c>POST /v1/customers/export?app_id=…</c>: data centre, <c>app_id</c>, credentials (as every Data
/// API), then whether MoEngage support enabled it for the workspace, injected faults, Content-Length (where the
/// workspace asks), content type, 128 KB, JSON, shape (at most 20 identifiers), the users-per-minute quota.
/// An unknown user is listed in <c>users_not_found</c>, never a 404.
/// </summary>
internal sealed class GetUserHandler(WorkspaceRegistry registry, DataApiGate gate, TimeProvider time)
{
    public async Task<Results<Ok<ExportUsersSuccess>, JsonHttpResult<MoEngageFailure>, EmptyHttpResult>> HandleAsync(
        HttpContext http, string dc, string? appId)
    {
        const DataEndpoint endpoint = DataEndpoint.GetUser;
        var request = http.Request;
        var facts = new RequestFacts(RequestIds.New(), request.Method, request.Path, time.GetUtcNow(), 0, null);
        if (!DataCenters.IsKnown(dc))
        {
            return DataApiGate.Refuse(http, null, endpoint, facts, Rejection.UnknownDataCenter(dc));
        }

        if (string.IsNullOrEmpty(appId))
        {
            return DataApiGate.Refuse(http, null, endpoint, facts, Rejection.ParamsRequired("app_id is required in path/query params."));
        }

        var workspace = registry.Find(appId);
        if (DataApiGate.Authenticate(BasicCredentials.Parse(request.Headers.Authorization), dc, appId, workspace) is { } denied)
        {
            return DataApiGate.Refuse(http, workspace, endpoint, facts, denied);
        }

        if (!workspace!.GetUser.Enabled)
        {
            workspace.Record(facts, Rejection.GetUserNotEnabled.Status, Rejection.GetUserNotEnabled.Message);
            return DataApiGate.Answer(Rejection.GetUserNotEnabled, facts);
        }

        var fault = workspace.DrawFault();
        if (DataApiGate.InjectedRefusal(fault) is { } injected)
        {
            return DataApiGate.Refuse(http, workspace, endpoint, facts with { Note = "injected" }, injected);
        }

        facts = facts with { Note = DataApiGate.DelayNote(fault) };
        ExportUsersData? exported;
        try
        {
            await gate.DelayAtLeastAsync(fault.Delay, http.RequestAborted);
            if (DataApiGate.LengthProblem(workspace, request) is { } unsized)
            {
                return DataApiGate.Refuse(http, workspace, endpoint, facts, unsized);
            }

            var (payload, rejection, bytes) = await JsonBody.ReadAsync(request, JsonBody.MaxOtherBytes, http.RequestAborted);
            facts = facts with { Bytes = bytes };
            using (payload)
            {
                var asked = rejection is null ? GetUserRequest.Parse(payload!.Root, out rejection) : null;
                if (asked is null)
                {
                    return DataApiGate.Refuse(http, workspace, endpoint, facts, rejection!);
                }

                exported = workspace.Export(asked.Identifiers, asked.Fields, facts);
                DataApiGate.SetQuotaHeaders(http, workspace, endpoint, facts.Time);
                if (exported is null)
                {
                    return DataApiGate.Answer(Rejection.RateLimited, facts);
                }
            }
        }
        catch (Exception exception) when (DataApiGate.ClientWentAway(http, exception))
        {
            return DataApiGate.RecordClientGone(workspace, facts, exception);
        }

        if (fault.Kind == FaultKind.DropAfterAccept)
        {
            // Answered into the void: the quota is spent and the caller learns nothing.
            http.Abort();
            return TypedResults.Empty;
        }

        return TypedResults.Ok(ExportUsersSuccess.Of(exported));
    }
}
