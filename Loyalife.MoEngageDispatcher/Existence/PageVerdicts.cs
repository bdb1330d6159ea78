namespace Loyalife.MoEngageDispatcher.Existence;

/// <summary>
/// What the existence gate knows of a page's members. With <see cref="Holds"/> an event is packed only for a
/// member found in MoEngage; without, every event is packed and those of members not known to be held are counted.
/// </summary>
public sealed class PageVerdicts(bool holds, Dictionary<string, MemberVerdict> verdicts)
{
    /// <summary>Members' events that are not found are held back (the program verifies, and the run is not dry).</summary>
    public bool Holds => holds;

    public MemberVerdict Of(string customerId) => verdicts.GetValueOrDefault(customerId);
}
