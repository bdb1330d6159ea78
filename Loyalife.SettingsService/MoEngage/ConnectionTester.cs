using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Loyalife.SettingsService.MoEngage;

/// <summary>MoEngage's Test Connection (<c>POST /v1/integrations/authentication</c>) for one data centre.</summary>
public sealed class ConnectionTester(HttpClient http, IOptions<MoEngageOptions> options, ILogger<ConnectionTester> logger)
{
    public async Task<ConnectionCheck> CheckAsync(string dataCenter, string appId, string apiKey, CancellationToken ct)
    {
        var baseUrl = options.Value.ApiBaseUri(dataCenter);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/v1/integrations/authentication")
        {
            Content = JsonContent.Create(new TestConnectionBody(appId, apiKey, options.Value.Source, dataCenter)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{appId}:{apiKey}")));
        request.Headers.Add("MOE-APPKEY", appId);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.TestConnectionTimeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await ReadBodyAsync(response, timeout.Token);
            var check = Interpret(response.StatusCode, body, dataCenter, baseUrl);
            logger.LogInformation("MoEngage Test Connection for app {AppId} in data centre {DataCenter}: {Outcome} (HTTP {Status})",
                appId, dataCenter, check.Outcome, (int)response.StatusCode);
            return check;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            // The exception text names only the host; the key travels in a header and the body, never in the URL.
            logger.LogWarning("MoEngage data centre {DataCenter} at {BaseUrl} could not be reached: {Error}", dataCenter, baseUrl, exception.GetType().Name);
            return new ConnectionCheck(ConnectionCheckOutcome.Unreachable, dataCenter, baseUrl,
                $"MoEngage data centre {dataCenter} ({baseUrl.Host}) could not be reached"
                + (exception is OperationCanceledException ? $" within {options.Value.TestConnectionTimeout.TotalSeconds:0} s." : ".")
                + " Nothing was saved; try again in a few minutes.");
        }
    }

    private static ConnectionCheck Interpret(HttpStatusCode status, TestConnectionAnswer? body, string dc, Uri baseUrl)
    {
        var code = (int)status;
        var where = $"MoEngage data centre {dc} ({baseUrl.Host})";
        return code switch
        {
            >= 200 and < 300 when body?.Status is "success" =>
                new(ConnectionCheckOutcome.Verified, dc, baseUrl, $"{where} accepted the App ID and API key.", code, body.AppName),
            401 or (>= 200 and < 300) =>
                new(ConnectionCheckOutcome.Rejected, dc, baseUrl,
                    $"{where} rejected the App ID and API key. Check that the API key is the workspace's current Data API key "
                    + "(MoEngage → Settings → APIs), and that the Dashboard URL is the one you sign in to: MoEngage refuses a "
                    + "workspace's key in any other data centre.", code),
            409 =>
                new(ConnectionCheckOutcome.Rejected, dc, baseUrl,
                    $"{where} says the App ID does not belong to this API key. Check the App ID (MoEngage → Settings → APIs → Workspace ID).", code),
            403 =>
                new(ConnectionCheckOutcome.Rejected, dc, baseUrl,
                    $"{where} refused access for this workspace (HTTP 403): the account may be suspended or the key lacks Data API access.", code),
            408 or 429 or >= 500 =>
                new(ConnectionCheckOutcome.Unreachable, dc, baseUrl,
                    $"{where} answered HTTP {code}, so the credentials could not be checked. Nothing was saved; try again in a few minutes.", code),
            _ =>
                new(ConnectionCheckOutcome.Rejected, dc, baseUrl,
                    $"{where} refused the check with HTTP {code}. Check the App ID, the API key and the Dashboard URL.", code),
        };
    }

    private static async Task<TestConnectionAnswer?> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<TestConnectionAnswer>(ct);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}
