using System.ComponentModel.DataAnnotations;

namespace Loyalife.SnapshotService.Intraday;

/// <summary>Configuration section <c>Intraday</c> (docs/ledger.md, "How far back a pass reads").</summary>
public sealed class IntradayOptions
{
    /// <summary>
    /// How long before its insertion a row may be dated and still be found by a pass that comes after its
    /// transaction ends. A row dated earlier (a correction, a till that was offline) is sent by the night instead.
    /// Each pass reads this much of the day besides its own rows.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Intraday:BackdatingAllowance must be between 00:00:00 and 1.00:00:00.")]
    public TimeSpan BackdatingAllowance { get; set; } = TimeSpan.FromMinutes(15);
}
