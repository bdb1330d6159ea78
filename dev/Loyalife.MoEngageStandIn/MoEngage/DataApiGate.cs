namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// The steps every Data API endpoint takes before its own work, in MoEngage's order: credentials, injected
/// faults and their delay, the workspace's Content-Length rule; and how a refusal is logged and answered.
/// </summary>
internal sealed class DataApiGate(TimeProvider time)
{
    public static Rejection? Authenticate(BasicCredentials? credentials, string dc, string appId, Workspace? workspace)
    {
        if (credentials is null)
        {
            return Rejection.Unauthorized(Rejection.HeaderRequired);
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

    /// <summary>A chunked body (no Content-Length) where the workspace asks for strictness.</summary>
    public static Rejection? LengthProblem(Workspace workspace, HttpRequest request) =>
        workspace.RequireContentLength && request.ContentLength is null ? Rejection.LengthRequired : null;

    public static Rejection? InjectedRefusal(FaultDraw fault) => fault.Kind switch
    {
        FaultKind.ServerError => Rejection.ServerError,
        FaultKind.TooManyRequests => Rejection.RateLimited,
        _ => null,
    };

    public static JsonHttpResult<MoEngageFailure> Refuse(HttpContext http, Workspace? workspace,
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

    public static JsonHttpResult<MoEngageFailure> Answer(Rejection rejection, RequestFacts facts) =>
        TypedResults.Json(rejection.ToBody(facts.RequestId), statusCode: rejection.Status);

    public static void SetQuotaHeaders(HttpContext http, Workspace workspace, DataEndpoint endpoint, DateTimeOffset now)
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

    public static bool ClientWentAway(HttpContext http, Exception exception) =>
        http.RequestAborted.IsCancellationRequested || exception is BadHttpRequestException;

    /// <summary>The client went away or broke off its body: nothing was applied, and there is no one to answer.</summary>
    public static EmptyHttpResult RecordClientGone(Workspace workspace, RequestFacts facts, Exception exception)
    {
        workspace.Record(facts, StatusCodes.Status499ClientClosedRequest,
            "client closed the connection or broke off the body: " + exception.Message);
        return TypedResults.Empty;
    }

    public static string? DelayNote(FaultDraw fault) =>
        fault.Delay > TimeSpan.Zero ? $"injected delay of {fault.Delay.TotalMilliseconds:0} ms" : null;

    // A timer may fire a tick before its due time (the runtime's timer queue counts whole milliseconds),
    // so a slow answer waits out whatever the timer left, measured on the monotonic clock.
    public async Task DelayAtLeastAsync(TimeSpan delay, CancellationToken ct)
    {
        var start = time.GetTimestamp();
        TimeSpan left;
        while ((left = delay - time.GetElapsedTime(start)) > TimeSpan.Zero)
        {
            await Task.Delay(left, time, ct);
        }
    }
}
