namespace Loyalife.SettingsService.MoEngage;

public sealed class MoEngageOptions : IValidatableObject
{
    public const string Section = "MoEngage";

    /// <summary>API base URL with <c>{dc}</c> for the data centre; the local stand-in serves <c>http://127.0.0.1:PORT/dc/{dc}</c>.</summary>
    public string ApiBaseUrl { get; set; } = "https://api-{dc}.moengage.com";

    /// <summary>An admin waits for Test Connection on Save, so it gives up quickly rather than retrying.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan TestConnectionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Save also waits for the Get User check, so it too gives up quickly rather than retrying.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan GetUserTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The <c>source</c> Test Connection reports to MoEngage.</summary>
    public string Source { get; set; } = "loyalife";

    public Uri ApiBaseUri(string dataCenter) => new(ApiBaseUrl.Replace("{dc}", dataCenter, StringComparison.Ordinal).TrimEnd('/'));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ApiBaseUrl.Contains("{dc}", StringComparison.Ordinal)
            || !Uri.TryCreate(ApiBaseUrl.Replace("{dc}", "01", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult(
                "MoEngage:ApiBaseUrl must be an absolute http(s) URL template containing {dc}, e.g. https://api-{dc}.moengage.com.",
                [nameof(ApiBaseUrl)]);
        }
    }
}
