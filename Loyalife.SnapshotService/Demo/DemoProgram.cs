namespace Loyalife.SnapshotService.Demo;

/// <summary>A demo program: its `loyalty.programs` row plus the currency its transactions use.</summary>
public sealed record DemoProgram(string ProgramId, string Name, string TimeZone, string[] Tiers, string Currency)
{
    /// <summary>The demo programs: one with daylight saving in Europe, one with a half-hour offset, one in the Americas.</summary>
    public static readonly IReadOnlyList<DemoProgram> All =
    [
        new("demo", "Demo Rewards", "Europe/Amsterdam", ["Bronze", "Silver", "Gold", "Platinum"], "EUR"),
        new("demo-kolkata", "Demo Rewards India", "Asia/Kolkata", ["Blue", "Silver", "Gold"], "INR"),
        new("demo-newyork", "Demo Rewards New York", "America/New_York", ["Member", "Preferred", "Elite"], "USD"),
    ];
}
