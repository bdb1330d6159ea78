namespace Loyalife.MoEngageDispatcher.Existence;

/// <summary>How long Get User's answers are trusted (section <c>Existence</c>).</summary>
public sealed class ExistenceOptions
{
    public const string Section = "Existence";

    /// <summary>A member found absent is asked again after this age (it may have been created since).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan NotFoundRecheckAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A member found present is trusted up to this age (profiles can be deleted).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan FoundTrustedFor { get; set; } = TimeSpan.FromDays(30);
}
