using System.Globalization;
using Loyalife.MoEngageStandIn.Workspaces;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// Track User, Create Event and Bulk Import, in MoEngage's order of refusal: data centre, credentials,
/// (injected faults), content type, size, JSON, request shape, elements and quota, then apply.
/// </summary>
internal sealed class DataRequestHandler(WorkspaceRegistry registry, TimeProvider time)
{
    private const string DroppedNote = "injected: applied, then the connection was dropped unanswered";

    public async Task<Results<Ok<MoEngageSuccess>, JsonHttpResult<MoEngageFailure>, EmptyHttpResult>> HandleAsync(
        HttpContext http, string dc, string appId, DataEndpoint endpoint)
    {
        var request = http.Request;
        var facts = new RequestFacts(RequestIds.New(), request.Method, request.Path, time.GetUtcNow(), 0, null);
        if (!DataCenters.IsKnown(dc))
        {
            return Refuse(http, null, endpoint, facts, Rejection.UnknownDataCenter(dc));
        }

        var workspace = registry.Find(appId);
        if (Authenticate(BasicCredentials.Parse(request.Headers.Authorization), dc, appId, workspace) is { } denied)
        {
            // Logged in the workspace the path names, if any: a wrong data centre then shows up there.
            return Refuse(http, workspace, endpoint, facts, denied);
        }

        var fault = workspace!.DrawFault();
        switch (fault.Kind)
        {
            case FaultKind.ServerError:
                return Refuse(http, workspace, endpoint, facts with { Note = "injected" }, Rejection.ServerError);
            case FaultKind.TooManyRequests:
                return Refuse(http, workspace, endpoint, facts with { Note = "injected" }, Rejection.RateLimited);
        }

        facts = facts with { Note = fault.Delay > TimeSpan.Zero ? $"injected delay of {fault.Delay.TotalMilliseconds:0} ms" : null };
        try
        {
            await DelayAtLeastAsync(fault.Delay, http.RequestAborted);

            var (payload, rejection, bytes) = await JsonBody.ReadAsync(request, http.RequestAborted);
            facts = facts with { Bytes = bytes };
            using (payload)
            {
                rejection ??= endpoint == DataEndpoint.BulkImport ? BulkShape.Problem(payload!.Root) : null;
                if (rejection is not null)
                {
                    return Refuse(http, workspace, endpoint, facts, rejection);
                }

                if (fault.Kind == FaultKind.DropAfterAccept)
                {
                    facts = facts with { Note = string.Join("; ", new[] { facts.Note, DroppedNote }.OfType<string>()) };
                }

                var outcome = workspace.Ingest(endpoint, payload!.Root, facts);
                SetQuotaHeaders(http, workspace, endpoint, facts.Time);
                if (outcome.Status != StatusCodes.Status200OK)
                {
                    return Answer(outcome.Status == StatusCodes.Status429TooManyRequests
                        ? Rejection.RateLimited
                        : Rejection.BadRequest(outcome.Reason!), facts);
                }
            }
        }
        catch (Exception exception) when (http.RequestAborted.IsCancellationRequested || exception is BadHttpRequestException)
        {
            // The client went away or broke off its body: nothing was applied.
            workspace.Record(facts, StatusCodes.Status499ClientClosedRequest,
                "client closed the connection or broke off the body: " + exception.Message);
            return TypedResults.Empty;
        }

        if (fault.Kind == FaultKind.DropAfterAccept)
        {
            // Applied, counted, never answered: the ambiguous case a client must not retry blindly.
            http.Abort();
            return TypedResults.Empty;
        }

        return TypedResults.Ok(MoEngageSuccess.Accepted);
    }

    private static Rejection? Authenticate(BasicCredentials? credentials, string dc, string appId, Workspace? workspace)
    {
        if (credentials is null)
        {
            return Rejection.Unauthorized("Authentication required: send HTTP Basic App ID and Data API key");
        }

        if (!string.Equals(credentials.User, appId, StringComparison.Ordinal))
        {
            return Rejection.AppKeyMismatch;
        }

        // An unknown App ID, a wrong key and a workspace in another data centre look the same, as at MoEngage.
        return workspace is null || workspace.DataCenter != dc
            || !BasicCredentials.SecretEquals(credentials.Password, workspace.ApiKey)
            ? Rejection.Unauthorized()
            : null;
    }

    private static JsonHttpResult<MoEngageFailure> Refuse(HttpContext http, Workspace? workspace,
        DataEndpoint endpoint, RequestFacts facts, Rejection rejection)
    {
        workspace?.Record(facts, rejection.Status,
            facts.Note is null ? rejection.Message : $"{rejection.Message} ({facts.Note})");
        if (workspace is not null && rejection.Status is not (StatusCodes.Status401Unauthorized or StatusCodes.Status409Conflict))
        {
            SetQuotaHeaders(http, workspace, endpoint, facts.Time);
        }

        return Answer(rejection, facts);
    }

    private static JsonHttpResult<MoEngageFailure> Answer(Rejection rejection, RequestFacts facts) =>
        TypedResults.Json(rejection.ToBody(facts.RequestId), statusCode: rejection.Status);

    private static void SetQuotaHeaders(HttpContext http, Workspace workspace, DataEndpoint endpoint, DateTimeOffset now)
    {
        if (workspace.QuotaHeaders(endpoint, now) is not { } quota)
        {
            return;
        }

        var headers = http.Response.Headers;
        headers["x-ratelimit-limit"] = quota.Limit.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining"] = quota.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-reset"] = quota.ResetSeconds.ToString(CultureInfo.InvariantCulture);
    }

    // A timer may fire a tick before its due time (the runtime's timer queue counts whole milliseconds),
    // so a slow answer waits out whatever the timer left, measured on the monotonic clock.
    private async Task DelayAtLeastAsync(TimeSpan delay, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        TimeSpan left;
        while ((left = delay - time.GetElapsedTime(start)) > TimeSpan.Zero)
        {
            await Task.Delay(left, time, ct);
        }
    }
}
