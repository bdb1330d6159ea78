using System.Text.Json;

namespace Loyalife.Testing;

/// <summary>What each service's OpenAPI document (/openapi/v1.json, in Development) must say about its endpoints.</summary>
public static class OpenApiAssert
{
    public static async Task<JsonElement> ReadAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/openapi/v1.json");
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            throw new InvalidOperationException($"/openapi/v1.json answered {(int)response.StatusCode} {response.Content.Headers.ContentType}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// What is wrong (empty when nothing): every operation under <paramref name="prefixes"/> has a summary and names the
    /// problem answers it can give (at least one 4xx or 5xx response); <paramref name="expected"/> ("GET /v1/…") are all there.
    /// </summary>
    public static IReadOnlyList<string> Gaps(JsonElement document, string[] prefixes, params string[] expected)
    {
        var operations = new List<string>();
        var missing = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => prefixes.Any(prefix => p.Name.StartsWith(prefix, StringComparison.Ordinal))))
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "put" or "post" or "delete" or "patch"))
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                operations.Add(name);
                if (!operation.Value.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
                {
                    missing.Add($"{name}: no summary");
                }

                var statuses = operation.Value.TryGetProperty("responses", out var responses) ? responses.EnumerateObject().Select(r => r.Name).ToList() : [];
                if (!statuses.Any(status => status.StartsWith('4') || status.StartsWith('5')))
                {
                    missing.Add($"{name}: no problem response among {string.Join(",", statuses)}");
                }
            }
        }

        missing.AddRange(expected.Except(operations).Select(name => $"{name}: not in the document"));
        return missing;
    }
}
