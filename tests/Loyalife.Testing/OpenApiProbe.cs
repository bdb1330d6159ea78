using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Loyalife.Testing;

/// <summary>
/// Sends ordinary and hostile requests to every operation of a service's own OpenAPI document, with and
/// without credentials, and answers each one whose status the document does not declare for that operation,
/// or that failed with a 5xx: a client must be able to trust the contract for every answer it can get.
/// </summary>
public static class OpenApiProbe
{
    /// <summary>
    /// Values every path and query parameter is also tried with: unknown, malformed and hostile (no NUL: the in-memory
    /// test server cannot carry one in a path; the hostile-input sweeps send it over a real socket).
    /// </summary>
    private static readonly string[] Hostile =
        ["no-such-thing", "0", "-1", "2026-02-30", "2099-01-01", "not a date", "..%2F..%2Fetc", "💥ü", new string('x', 300), "00000000-0000-0000-0000-000000000000"];

    private static readonly (string? MediaType, string Text)[] Bodies =
        [(null, ""), ("application/json", ""), ("application/json", "{"), ("application/json", "[]"), ("application/json", "{}"),
         ("application/json", "\"x\""), ("application/json", "{\"enabled\":\"yes\",\"businessDate\":17}"), ("text/plain", "hello")];

    /// <param name="credentials">Each set of headers to try, e.g. none, and those of an authorized caller.</param>
    /// <param name="ordinary">Parameter name → a well-formed value (a known program, a closed date); tried first.</param>
    public static async Task<IReadOnlyList<string>> UndeclaredAsync(
        HttpClient client, JsonElement document, IReadOnlyList<IReadOnlyDictionary<string, string>> credentials,
        IReadOnlyDictionary<string, string> ordinary)
    {
        // One finding per operation and status, with the first request that showed it.
        var findings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (template, method, operation) in Operations(document))
        {
            var declared = operation.TryGetProperty("responses", out var responses)
                ? responses.EnumerateObject().Select(response => response.Name).ToHashSet()
                : [];
            foreach (var (path, query) in Targets(template, operation, ordinary))
            {
                foreach (var (mediaType, body) in method is "GET" or "DELETE" ? [(null, "")] : Bodies)
                {
                    foreach (var headers in credentials)
                    {
                        using var request = new HttpRequestMessage(new HttpMethod(method), path + query);
                        foreach (var (name, value) in headers)
                        {
                            request.Headers.TryAddWithoutValidation(name, value);
                        }

                        if (mediaType is not null)
                        {
                            request.Content = new StringContent(body, Encoding.UTF8);
                            request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
                        }

                        using var response = await client.SendAsync(request);
                        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        if (status.StartsWith('5') || !declared.Contains(status))
                        {
                            var who = headers.Count == 0 ? "without credentials" : "with " + string.Join("+", headers.Keys);
                            findings.TryAdd($"{method} {template} answered {status} (declared: {string.Join(",", declared.Order())})",
                                $"e.g. to {method} {path}{query} {mediaType} '{Shorten(body)}' {who}");
                        }
                    }
                }
            }
        }

        return findings.Select(finding => $"{finding.Key}, {finding.Value}").ToList();
    }

    /// <summary>Every operation of the document, as (path template, method, operation).</summary>
    public static IEnumerable<(string Template, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(operation => operation.Name is "get" or "put" or "post" or "delete" or "patch")
            .Select(operation => (path.Name, operation.Name.ToUpperInvariant(), operation.Value)));

    /// <summary>The ordinary request first, then each parameter in turn hostile while the others stay ordinary.</summary>
    private static IEnumerable<(string Path, string Query)> Targets(string template, JsonElement operation, IReadOnlyDictionary<string, string> ordinary)
    {
        var parameters = operation.TryGetProperty("parameters", out var list)
            ? list.EnumerateArray().Select(p => (Name: p.GetProperty("name").GetString()!, In: p.GetProperty("in").GetString()!)).Where(p => p.In is "path" or "query").ToList()
            : [];
        string Value(string name) => ordinary.TryGetValue(name, out var value) ? value : "no-such-thing";
        (string, string) Build(string? hostileName, string? hostileValue)
        {
            var path = template;
            var query = new List<string>();
            foreach (var (name, place) in parameters)
            {
                var value = name == hostileName ? hostileValue! : Value(name);
                if (place == "path")
                {
                    path = path.Replace("{" + name + "}", value.Contains('%') ? value : Uri.EscapeDataString(value), StringComparison.Ordinal);
                }
                else if (name == hostileName || ordinary.ContainsKey(name))
                {
                    query.Add($"{Uri.EscapeDataString(name)}={(value.Contains('%') ? value : Uri.EscapeDataString(value))}");
                }
            }

            return (path, query.Count == 0 ? "" : "?" + string.Join("&", query));
        }

        yield return Build(null, null);
        foreach (var (name, _) in parameters)
        {
            foreach (var value in Hostile)
            {
                yield return Build(name, value);
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
