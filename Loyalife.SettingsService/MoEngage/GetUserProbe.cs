namespace Loyalife.SettingsService.MoEngage;

/// <summary>
/// Asks MoEngage's Get User API (<c>POST /v1/customers/export?app_id=…</c>) about one made-up customer. Get User
/// must be enabled for a workspace by MoEngage support, and what MoEngage answers while it is not is not
/// documented, so only its documented success answer counts: <c>status: success</c> with our customer among
/// <c>data.users_not_found</c> (docs/moengage.md, "Get User").
/// </summary>
public sealed class GetUserProbe(HttpClient http, IOptions<MoEngageOptions> options, ILogger<GetUserProbe> logger)
{
    public async Task<GetUserCheck> CheckAsync(string dataCenter, string appId, string apiKey, CancellationToken ct)
    {
        var baseUrl = options.Value.ApiBaseUri(dataCenter);
        // Nobody's customer_id: unique, and not one of MoEngage's disallowed identifiers.
        var identifier = $"loyalife-get-user-check-{Guid.NewGuid():N}";
        var body = new
        {
            data = new
            {
                identifiers = new[] { new { identifier_type = "customer_id", identifier } },
                user_fields_to_export = Array.Empty<string>(),
            },
        };
        using var request = MoEngageCall.Post(new Uri($"{baseUrl}/v1/customers/export?app_id={Uri.EscapeDataString(appId)}"), body, appId, apiKey);

        var answer = await MoEngageCall.SendAsync(http, request, options.Value.GetUserTimeout, ct);
        var check = Interpret(answer, identifier, dataCenter, baseUrl, options.Value.GetUserTimeout);
        logger.Log(check.Outcome == GetUserOutcome.Unreachable ? LogLevel.Warning : LogLevel.Information,
            "MoEngage Get User check for app {AppId} in data centre {DataCenter} at {BaseUrl}: {Outcome} (HTTP {Status}, error type {ErrorType})",
            appId, dataCenter, baseUrl, check.Outcome, answer.Status, answer.ErrorType);
        return check;
    }

    private static GetUserCheck Interpret(MoEngageAnswer answer, string identifier, string dc, Uri baseUrl, TimeSpan timeout)
    {
        var where = $"MoEngage data centre {dc} ({baseUrl.Host})";
        if (answer.SaysNothing)
        {
            return new(GetUserOutcome.Unreachable, dc, baseUrl,
                $"{where} {answer.NothingToJudge(timeout)} when asked whether its Get User API answers for the workspace. "
                + "Nothing was saved; try again in a few minutes.",
                answer.Status);
        }

        if (answer.Status is >= 200 and < 300 && answer.Verdict is "success" && ListsAsNotFound(answer.Body, identifier))
        {
            return new(GetUserOutcome.Answers, dc, baseUrl, $"{where}: the Get User API answers for the workspace.", answer.Status);
        }

        // MoEngage's own error type says which refusal it was; its free text is not repeated to the admin.
        var said = answer.ErrorType is { Length: > 0 and <= 64 } type && type.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ' ')
            ? $"HTTP {answer.Status}, {type}"
            : $"HTTP {answer.Status}";
        return new(GetUserOutcome.DoesNotAnswer, dc, baseUrl, $"{where}: the Get User API does not answer for the workspace ({said}).", answer.Status);
    }

    private static bool ListsAsNotFound(JsonElement? body, string identifier) =>
        body is { ValueKind: JsonValueKind.Object } root
        && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty("users_not_found", out var notFound) && notFound.ValueKind == JsonValueKind.Array
        && notFound.EnumerateArray().Any(user => MoEngageAnswer.Text(user, "identifier") == identifier);
}
