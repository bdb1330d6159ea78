namespace Loyalife.MoEngageDispatcher.HeldRuns;

/// <summary>
/// When a day looks too unlike the program's recent nights to send without an admin's word. A day is held
/// when the count of events of any name is above <see cref="EventsFactor"/> × its median over the last
/// <see cref="HistoryNights"/> synced nights and also above <see cref="EventsMinimum"/>, or when the member
/// count is down by more than <see cref="MemberDropPercent"/> % from the last synced night.
/// </summary>
public class HoldRules
{
    /// <summary>Off: days are sent whatever their figures.</summary>
    public bool Enabled { get; set; } = true;

    [Range(1.0, 1_000_000.0)]
    public double EventsFactor { get; set; } = 5;

    /// <summary>A count at or below this is never held, however quiet the recent nights were.</summary>
    [Range(0, long.MaxValue)]
    public long EventsMinimum { get; set; } = 1000;

    [Range(1, 366)]
    public int HistoryNights { get; set; } = 14;

    [Range(0.0, 100.0)]
    public double MemberDropPercent { get; set; } = 20;
}
