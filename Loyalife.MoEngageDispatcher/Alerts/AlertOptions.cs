namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>How alerts are delivered (section <c>Alerts</c>).</summary>
public sealed class AlertOptions : IValidatableObject
{
    public const string Section = "Alerts";

    /// <summary>settings-service's admin page, linked from every alert (<c>…/admin</c>); without it alerts carry no link.</summary>
    public string? AdminPageUrl { get; set; }

    /// <summary>
    /// Accept webhooks on the host <c>localhost</c> (over HTTP too). Unset: only in the Development
    /// environment. Every other loopback, private or link-local address is refused whatever this says.
    /// </summary>
    public bool? AllowLocalhost { get; set; }

    /// <summary>Attempts per delivery before it is given up as failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed attempt; each later one waits twice as long, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the sender looks for deliveries due (it is also woken when an alert is raised).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The members not in MoEngage "jump" when they grow by at least this many over their usual level …</summary>
    [Range(1, long.MaxValue)]
    public long MembersNotInMoEngageJump { get; set; } = 100;

    /// <summary>… and by more than this share of it, in percent.</summary>
    [Range(0.0, 100_000.0)]
    public double MembersNotInMoEngageJumpPercent { get; set; } = 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AdminPageUrl is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var page) || page.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"{Section}:AdminPageUrl must be the absolute http(s) URL of settings-service's admin page.");
        }

        if (MaxRetryDelay < FirstRetryDelay)
        {
            yield return new ValidationResult($"{Section}:MaxRetryDelay must not be shorter than {Section}:FirstRetryDelay.");
        }
    }
}
