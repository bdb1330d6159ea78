namespace Loyalife.MoEngageDispatcher.Sources;

/// <summary>Shared reading of answers from services reached through Dapr invocation.</summary>
internal static class DaprSources
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<T?> GetOrNullAsync<T>(HttpClient http, string path, string service, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, service, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new SourceException($"{service} answered an empty body for {path}");
    }

    public static async Task EnsureSuccessAsync(HttpResponseMessage response, string service, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new SourceException(
                $"{service} answered {(int)response.StatusCode} for {response.RequestMessage?.RequestUri?.PathAndQuery}: {Truncate(body)}");
        }
    }

    public static string Truncate(string text, int max = 500) => text.Length <= max ? text : text[..max] + "…";
}
