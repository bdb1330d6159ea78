namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>
/// MoEngage's Get User API, <c>POST /v1/customers/export?app_id=…</c> (docs/moengage.md): which customer_ids
/// the workspace holds, and their attributes, under the shared failure policy (<see cref="DataApiCalls"/>).
/// Running out of attempts, or any refusal, fails the run: an unconfirmed member's event is never sent for
/// want of an answer.
/// </summary>
public sealed class GetUserClient(DataApiCalls calls)
{
    /// <summary>MoEngage answers 400 <c>LimitBreached</c> beyond this many identifiers in one call.</summary>
    public const int MaxIdentifiers = 20;

    public Task<GetUserAnswer> ExportAsync(
        MoEngageCredentials credentials, IReadOnlyList<string> customerIds, IEnumerable<string> fields, CancellationToken cancellationToken)
    {
        if (customerIds.Count is 0 or > MaxIdentifiers)
        {
            throw new ArgumentOutOfRangeException(nameof(customerIds), customerIds.Count, $"Get User takes 1 to {MaxIdentifiers} identifiers a call");
        }

        var uri = new Uri($"{credentials.ApiBaseUrl.TrimEnd('/')}/v1/customers/export?app_id={Uri.EscapeDataString(credentials.AppId)}");
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            data = new
            {
                identifiers = customerIds.Select(id => new { identifier_type = "customer_id", identifier = id }),
                user_fields_to_export = fields.ToArray(),
            },
        });
        return calls.SendAsync(
            "MoEngage (Get User)", credentials,
            () =>
            {
                // ByteArrayContent has a known length, so the request carries Content-Length, never a chunked body.
                var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Authorization = MoEngageClient.Basic(credentials);
                return request;
            },
            async (response, tally, token) =>
            {
                try
                {
                    var (exists, found, notFound) = await ReadAsync(response, customerIds, token);
                    return new GetUserAnswer(exists, found, notFound, tally.Requests, tally.Retries, tally.RateLimitWaits, tally.RateLimitWaited);
                }
                catch (JsonException bad)
                {
                    throw new MoEngageUnavailableException($"MoEngage Get User answered 200 with a body that is not its JSON: {bad.Message}");
                }
            },
            (status, answer, _) => status switch
            {
                // A 403 is not taken for a rejected key: Get User answers it while MoEngage has not enabled the API.
                HttpStatusCode.Unauthorized or HttpStatusCode.Conflict => throw new CredentialsRejectedException(credentials.DataCenter, (int)status, answer),
                _ => throw new MoEngageUnavailableException(
                    $"MoEngage Get User answered {(int)status} for workspace {credentials.AppId}, so no member can be confirmed " +
                    $"and no event is sent (ask MoEngage to enable Get User for the workspace, or set unknown members to 'send'): {answer}"),
            },
            null, cancellationToken, cancellationToken);
    }

    /// <summary>
    /// <c>data.users[].user_attributes</c> and <c>data.users_not_found[].identifier</c>. A user is matched to the
    /// id asked by its identifier attribute when it carries one, else by elimination when one id is left.
    /// Every asked id not listed as not found exists when the users answered are exactly that many.
    /// </summary>
    private static async Task<(HashSet<string> Exists, Dictionary<string, JsonElement> Found, HashSet<string> NotFound)> ReadAsync(
        HttpResponseMessage response, IReadOnlyList<string> asked, CancellationToken cancellationToken)
    {
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var data = document.RootElement.TryGetProperty("data", out var d) ? d : document.RootElement;
        var notFound = new HashSet<string>(StringComparer.Ordinal);
        if (data.TryGetProperty("users_not_found", out var missing) && missing.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in missing.EnumerateArray())
            {
                var id = entry.ValueKind == JsonValueKind.String ? entry.GetString()
                    : entry.TryGetProperty("identifier", out var identifier) ? identifier.GetString() : null;
                if (id is not null)
                {
                    notFound.Add(id);
                }
            }
        }

        var found = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var held = asked.Where(id => !notFound.Contains(id)).Distinct().ToList();
        var unmatched = held.ToList();
        var answered = 0;
        if (data.TryGetProperty("users", out var users) && users.ValueKind == JsonValueKind.Array)
        {
            answered = users.GetArrayLength();
            foreach (var user in users.EnumerateArray())
            {
                var attributes = user.TryGetProperty("user_attributes", out var a) && a.ValueKind == JsonValueKind.Object ? a : user;
                var id = IdentifierOf(attributes, unmatched) ?? (unmatched.Count == 1 ? unmatched[0] : null);
                if (id is not null)
                {
                    found[id] = attributes.Clone();
                    unmatched.Remove(id);
                }
            }
        }

        var exists = answered == held.Count ? held.ToHashSet(StringComparer.Ordinal) : found.Keys.ToHashSet(StringComparer.Ordinal);
        return (exists, found, notFound);
    }

    private static string? IdentifierOf(JsonElement attributes, List<string> candidates)
    {
        foreach (var key in (ReadOnlySpan<string>)["customer_id", "uid", "ID", "id", "identifier"])
        {
            if (attributes.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
                && candidates.Contains(value.GetString()!))
            {
                return value.GetString();
            }
        }

        return null;
    }
}
