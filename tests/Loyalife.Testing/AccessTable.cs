using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalife.Testing;

/// <summary>
/// Runs a service's access table: every row × every <see cref="AccessCaller"/> is one test case, and the
/// service's own endpoint list is checked against the rows, so an admin endpoint added without a row fails.
/// </summary>
public sealed class AccessTable(IEnumerable<AccessRow> rows)
{
    public const string OtherProgram = "someone-elses-program";

    private readonly Dictionary<string, AccessRow> rows = rows.ToDictionary(row => row.Name);

    public AccessRow this[string name] => rows[name];

    public TheoryData<string, AccessCaller> Cases()
    {
        var cases = new TheoryData<string, AccessCaller>();
        foreach (var name in rows.Keys)
        {
            foreach (var caller in Enum.GetValues<AccessCaller>())
            {
                cases.Add(name, caller);
            }
        }

        return cases;
    }

    /// <summary>A token of <paramref name="caller"/> from <paramref name="issuer"/>, where "the program" is <paramref name="programs"/>.</summary>
    public static string TokenOf(TestIssuer issuer, AccessCaller caller, params string[] programs) => caller switch
    {
        AccessCaller.Operator => issuer.Token("operator@loyalife.example", ["*"], "loyalife.editor"),
        AccessCaller.EditorOfTheProgram => issuer.Token("editor@brand.example", programs, "loyalife.editor"),
        AccessCaller.ViewerOfTheProgram => issuer.Token("viewer@brand.example", programs, "loyalife.viewer"),
        AccessCaller.EditorOfAnotherProgram => issuer.Token("editor@other-brand.example", [OtherProgram], "loyalife.editor"),
        AccessCaller.EditorOfNoProgram => issuer.Token("editor@nowhere.example", null, "loyalife.editor"),
        AccessCaller.NoRole => issuer.Token("someone@brand.example", programs),
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    /// <summary>Sends the row's request as <paramref name="bearer"/> and says what is wrong with the answer (null when nothing).</summary>
    public static async Task<string?> JudgeAsync(HttpClient client, AccessRow row, AccessCaller caller, string bearer, string path, string programId)
    {
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), path);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        if (row.Body is not null)
        {
            request.Content = new StringContent(row.Body, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var expected = row.ExpectedFor(caller);
        if ((int)response.StatusCode != expected)
        {
            return $"{caller} {row.Name}: expected {expected}, got {(int)response.StatusCode}: {body}";
        }

        var title = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? JsonDocument.Parse(body).RootElement.GetProperty("title").GetString()
            : null;
        if (row.HidesTheProgramFrom(caller))
        {
            // Not "forbidden", not "not yours": exactly what a program that does not exist answers.
            var problem = JsonDocument.Parse(body).RootElement;
            return title == "Unknown program" && problem.GetProperty("detail").GetString() == $"There is no loyalty program '{programId}'."
                ? null
                : $"{caller} {row.Name}: the 404 differs from an unknown program's: {body}";
        }

        return expected == 404 && row.Allowed == 404 && title == "Unknown program"
            ? $"{caller} {row.Name}: an allowed caller was told the program does not exist: {body}"
            : null;
    }

    /// <summary>
    /// What is wrong (empty when nothing) with the service's endpoints under <c>/v1/</c>: one without a row, one whose
    /// row names no endpoint, one not behind <paramref name="policy"/>.
    /// </summary>
    public IReadOnlyList<string> Gaps(IServiceProvider services, string policy)
    {
        var mapped = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText?.StartsWith("/v1/", StringComparison.Ordinal) == true)
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                // A group's "" route ends its pattern in a slash the request path need not have.
                .Select(method => (Name: $"{method} {endpoint.RoutePattern.RawText!.TrimEnd('/')}", Endpoint: endpoint)))
            .ToList();
        var gaps = new List<string>();
        gaps.AddRange(mapped.Where(m => !rows.ContainsKey(m.Name)).Select(m => $"{m.Name}: no row in the access table"));
        gaps.AddRange(rows.Keys.Except(mapped.Select(m => m.Name)).Select(name => $"{name}: a row for an endpoint the service does not map"));
        // An endpoint about the caller names no program: signed in is all it asks.
        gaps.AddRange(mapped.Where(m => !m.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(data =>
                data.Policy == policy || (rows.TryGetValue(m.Name, out var row) && row.Scope == AccessScope.Caller && data.Policy is not null)))
            .Select(m => $"{m.Name}: not behind the '{policy}' policy"));
        return gaps;
    }
}
