namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>One stretch of a run's phase, from <see cref="ReportBook.Phase"/> until disposed: then its time joins the phase's entry and its span ends.</summary>
internal readonly struct PhaseStretch(ReportBook book, TimelinePhase entry, DateTimeOffset started, Activity? activity) : IDisposable
{
    public void Dispose()
    {
        activity?.SetTag("loyalife.business_date", entry.Date);
        activity?.Dispose();
        book.Stretch(entry, started, book.Now());
    }
}
