namespace Loyalife.MoEngageDispatcher.Intraday;

/// <summary>A held (or just decided) pass as the admin sees it: its day, the window it covers, where it stands and why it was held.</summary>
public sealed record HeldPass(Guid PassId, string ProgramId, string BusinessDate, DateTimeOffset? Since, DateTimeOffset CutOff, string Status, string? Reason, HeldReport? Held)
{
    public static HeldPass Of(PassRow pass) => new(
        pass.PassId, pass.ProgramId, pass.Window.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        pass.Window.Since, pass.Window.CutOff, pass.Status, pass.Reason, pass.Report.Held);
}
