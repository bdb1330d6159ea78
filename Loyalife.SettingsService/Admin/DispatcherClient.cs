namespace Loyalife.SettingsService.Admin;

/// <summary>
/// Calls moengage-dispatcher's admin API through Dapr service invocation with the admin's own credentials
/// (the dispatcher's admin endpoints ask for the same admin). Answers null when the dispatcher cannot be had.
/// </summary>
public sealed class DispatcherClient(IConfiguration configuration, ILogger<DispatcherClient> logger)
{
    public const string DispatcherAppId = "moengage-dispatcher";

    private readonly Lazy<HttpClient> http = new(() =>
    {
        var client = DaprClient.CreateInvokeHttpClient(
            DispatcherAppId,
            configuration["DAPR_HTTP_ENDPOINT"] is { Length: > 0 } endpoint ? endpoint : null,
            configuration["DAPR_API_TOKEN"] is { Length: > 0 } token ? token : null);
        // A CSV of every member not in MoEngage can take a while; a hung dispatcher still must not hang the page.
        client.Timeout = TimeSpan.FromSeconds(30);
        return client;
    });

    /// <returns>The dispatcher's answer (the caller disposes it), or null when it could not be reached.</returns>
    public async Task<HttpResponseMessage?> SendAsync(HttpMethod method, string pathAndQuery, string? accept, string? authorization, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (!string.IsNullOrEmpty(authorization))
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (!string.IsNullOrEmpty(accept))
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        try
        {
            return await http.Value.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("moengage-dispatcher unavailable for {Method} {Path}: {Error}", method, request.RequestUri?.AbsolutePath, exception.GetType().Name);
            return null;
        }
    }
}
