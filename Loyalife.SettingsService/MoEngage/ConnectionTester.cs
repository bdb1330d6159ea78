namespace Loyalife.SettingsService.MoEngage;

/// <summary>MoEngage's Test Connection (<c>POST /v1/integrations/authentication</c>) for one data centre.</summary>
public sealed class ConnectionTester(HttpClient http, IOptions<MoEngageOptions> options, ILogger<ConnectionTester> logger)
{
    public async Task<ConnectionCheck> CheckAsync(string dataCenter, string appId, string apiKey, CancellationToken ct)
    {
        var baseUrl = options.Value.ApiBaseUri(dataCenter);
        using var request = MoEngageCall.Post(new Uri($"{baseUrl}/v1/integrations/authentication"),
            new TestConnectionBody(appId, apiKey, options.Value.Source, dataCenter), appId, apiKey);
        request.Headers.Add("MOE-APPKEY", appId);

        var answer = await MoEngageCall.SendAsync(http, request, options.Value.TestConnectionTimeout, ct);
        var check = Interpret(answer, dataCenter, baseUrl, options.Value.TestConnectionTimeout);
        logger.Log(check.Outcome == ConnectionCheckOutcome.Unreachable ? LogLevel.Warning : LogLevel.Information,
            "MoEngage Test Connection for app {AppId} in data centre {DataCenter} at {BaseUrl}: {Outcome} (HTTP {Status})",
            appId, dataCenter, baseUrl, check.Outcome, answer.Status);
        return check;
    }

    private static ConnectionCheck Interpret(MoEngageAnswer answer, string dc, Uri baseUrl, TimeSpan timeout)
    {
        var where = $"MoEngage data centre {dc} ({baseUrl.Host})";
        return answer.Status switch
        {
            _ when answer.SaysNothing =>
                new(ConnectionCheckOutcome.Unreachable, dc, baseUrl,
                    $"{where} {answer.NothingToJudge(timeout)}, so the credentials could not be checked. "
                    + "Nothing was saved; try again in a few minutes.",
                    answer.Status),
            >= 200 and < 300 when answer.Verdict is "success" =>
                new(ConnectionCheckOutcome.Verified, dc, baseUrl, $"{where} accepted the App ID and API key.", answer.Status,
                    MoEngageAnswer.Text(answer.Body, "app_name")),
            401 or (>= 200 and < 300) =>
                new(ConnectionCheckOutcome.Rejected, dc, baseUrl,
                    $"{where} rejected the App ID and API key. Check that the API key is the workspace's current Data API key "
                    + "(MoEngage → Settings → APIs), and that the Dashboard URL is the one you sign in to: MoEngage refuses a "
                    + "workspace's key in any other data centre.", answer.Status),
            409 =>
                new(ConnectionCheckOutcome.Rejected, dc, baseUrl,
                    $"{where} says the App ID does not belong to this API key. Check the App ID (MoEngage → Settings → APIs → Workspace ID).", answer.Status),
            403 =>
                new(ConnectionCheckOutcome.Rejected, dc, baseUrl,
                    $"{where} refused access for this workspace (HTTP 403): the account may be suspended or the key lacks Data API access.", answer.Status),
            _ =>
                new(ConnectionCheckOutcome.Rejected, dc, baseUrl,
                    $"{where} refused the check with HTTP {answer.Status}. Check the App ID, the API key and the Dashboard URL.", answer.Status),
        };
    }
}
