namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// Test Connection: the workspace named by <c>MOE-APPKEY</c> and <c>app_id</c> must live in this data
/// centre, under this key, in the <c>region</c> the caller names. HTTP Basic is checked when sent (MoEngage
/// documents it as required; the body carries the same credentials, so a client that omits it still passes).
/// </summary>
internal sealed class TestConnectionHandler(WorkspaceRegistry registry, TimeProvider time)
{
    public async Task<Results<Ok<TestConnectionSuccess>, JsonHttpResult<MoEngageFailure>>> HandleAsync(
        HttpContext http, string dc)
    {
        var request = http.Request;
        var facts = new RequestFacts(RequestIds.New(), request.Method, request.Path, time.GetUtcNow(), 0, null);
        if (!DataCenters.IsKnown(dc))
        {
            return DataApiGate.Answer(Rejection.UnknownDataCenter(dc), facts);
        }

        // MOE-APPKEY names the workspace before the body is read, so its Content-Length rule applies here too.
        if (registry.Find(request.Headers["MOE-APPKEY"].ToString()) is { } named && DataApiGate.LengthProblem(named, request) is { } unsized)
        {
            named.Record(facts, unsized.Status, unsized.Message);
            return DataApiGate.Answer(unsized, facts);
        }

        var (payload, rejection, bytes) = await JsonBody.ReadAsync(request, JsonBody.MaxOtherBytes, http.RequestAborted);
        facts = facts with { Bytes = bytes };
        using (payload)
        {
            if (rejection is not null)
            {
                return DataApiGate.Answer(rejection, facts);
            }

            var body = payload!.Root;
            var appId = Text(body, "app_id");
            var workspace = appId is null ? null : registry.Find(appId);
            rejection = Check(request, dc, body, appId, workspace);
            workspace?.Record(facts, rejection?.Status ?? StatusCodes.Status200OK, rejection?.Message);
            return rejection is null
                ? TypedResults.Ok(new TestConnectionSuccess("success", workspace!.AppName))
                : DataApiGate.Answer(rejection, facts);
        }
    }

    private static Rejection? Check(HttpRequest request, string dc, JsonElement body, string? appId, Workspace? workspace)
    {
        var secret = Text(body, "app_secret");
        var region = Text(body, "region");
        if (appId is null || secret is null || region is null || Text(body, "source") is null)
        {
            return Rejection.BadRequest("app_id, app_secret, source and region are required strings");
        }

        var appKey = request.Headers["MOE-APPKEY"].ToString();
        if (appKey.Length == 0)
        {
            return Rejection.BadRequest("MOE-APPKEY header is required");
        }

        var basic = BasicCredentials.Parse(request.Headers.Authorization);
        if (appKey != appId || (basic is not null && basic.User != appId))
        {
            return Rejection.AppKeyMismatch;
        }

        var secretMatches = workspace is not null && BasicCredentials.SecretEquals(secret, workspace.ApiKey)
            && (basic is null || BasicCredentials.SecretEquals(basic.Password, workspace.ApiKey));
        return secretMatches && workspace!.DataCenter == dc && region == dc ? null : Rejection.Unauthorized();
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
