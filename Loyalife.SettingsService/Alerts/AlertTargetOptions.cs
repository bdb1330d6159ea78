namespace Loyalife.SettingsService.Alerts;

/// <summary>Which webhooks an admin may add (section <c>Alerts</c>).</summary>
public sealed class AlertTargetOptions
{
    public const string Section = "Alerts";

    /// <summary>
    /// Accept webhooks on the host <c>localhost</c> (over HTTP too). Unset: only in the Development
    /// environment. Every other loopback, private or link-local address is refused whatever this says.
    /// </summary>
    public bool? AllowLocalhost { get; set; }

    [Range(1, 100)]
    public int MaxTargetsPerProgram { get; set; } = 10;
}
