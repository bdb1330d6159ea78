namespace Loyalife.SettingsService.MoEngage;

/// <summary>What MoEngage answered: the HTTP status and the body when it was JSON; no status when no answer came.</summary>
public sealed record MoEngageAnswer(int? Status, JsonElement? Body, bool TimedOut = false)
{
    /// <summary>MoEngage's own verdict, <c>"success"</c> or <c>"fail"</c>, when the body carries one.</summary>
    public string? Verdict => Text(Body, "status");

    /// <summary>The <c>error.type</c> of a <c>{"status":"fail","error":{…}}</c> answer.</summary>
    public string? ErrorType =>
        Body is { ValueKind: JsonValueKind.Object } body && body.TryGetProperty("error", out var error) ? Text(error, "type") : null;

    /// <summary>No answer, or one that says nothing about the request itself: MoEngage is busy or failing.</summary>
    public bool SaysNothing => Status is null or 408 or 429 or >= 500;

    /// <summary>Why there is nothing to judge, in an admin's words, for "MoEngage data centre NN (host) …".</summary>
    public string NothingToJudge(TimeSpan timeout) => Status is { } status
        ? $"answered HTTP {status}"
        : TimedOut ? $"could not be reached within {timeout.TotalSeconds:0} s" : "could not be reached";

    public static string? Text(JsonElement? element, string property) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(property, out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()
            : null;
}
