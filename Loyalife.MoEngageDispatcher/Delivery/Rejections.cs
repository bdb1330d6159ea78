namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>Rejected elements not yet saved: counted in the report at once, written with the next checkpoint.</summary>
internal sealed class Rejections(RunReport report)
{
    private readonly List<RejectedElement> pending = [];

    public IReadOnlyList<RejectedElement> Pending => pending;

    public void Add(RejectedElement element)
    {
        pending.Add(element);
        report.RejectedElements++;
    }

    public void Saved() => pending.Clear();
}
