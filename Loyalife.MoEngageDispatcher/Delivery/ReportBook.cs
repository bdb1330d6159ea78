namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// The only writer of a run's report: every figure a body, an answer, a date or the run's end adds to the
/// report (and to the metrics) is added here, so each figure has one place that counts it. Rejected elements
/// are counted at once and kept until the next checkpoint saves them.
/// </summary>
internal sealed class ReportBook(RunReport report, DispatcherTelemetry telemetry, TimeProvider time)
{
    private readonly List<RejectedElement> pendingRejections = [];

    /// <summary>The report as it stands, to read and to save; change it only through the book.</summary>
    public RunReport Report => report;

    /// <summary>Rejected elements counted since the last checkpoint, to save with the next one.</summary>
    public IReadOnlyList<RejectedElement> PendingRejections => pendingRejections;

    /// <summary>A new attempt of the run: the previous attempt's failure becomes history.</summary>
    public void NewAttempt()
    {
        if (report.Error is not null)
        {
            report.PreviousErrors.Add(report.Error);
            report.Error = null;
        }
    }

    public void Failed(string reason) => report.Error = reason;

    public void HeldAt(HeldReport held) => report.Held = held;

    public void Verification(VerificationResult verification) => report.Verification = verification;

    /// <summary>What the snapshot says <paramref name="date"/> holds, once known (a resumed run knows it already).</summary>
    public DayReport? Day(DateOnly date) => report.Days.GetValueOrDefault(DayKey(date));

    public DayReport AddDay(DateOnly date, SnapshotSummary summary)
    {
        var day = new DayReport
        {
            MembersInSnapshot = summary.Members,
            MembersSkipped = new(summary.SkippedMembers ?? new Dictionary<string, long>()),
            EventsInSnapshot = new(summary.Events ?? new Dictionary<string, long>()),
        };
        report.Days[DayKey(date)] = day;
        foreach (var (reason, count) in day.MembersSkipped)
        {
            report.MembersSkipped[reason] = report.MembersSkipped.GetValueOrDefault(reason) + count;
        }

        return day;
    }

    public void DayCompleted(DateOnly date) => report.Days[DayKey(date)].Completed = true;

    /// <summary>What the intraday lane had delivered of <paramref name="date"/>; set, not added, so a resumed run counts it once.</summary>
    public void LaneDelivered(DateOnly date, LaneDelivered lane)
    {
        var day = report.Days[DayKey(date)];
        day.EventsSentByIntradayLane = lane.Events.Count;
        day.MembersLeftToIntradayLane = lane.MembersRefreshedLater.Count;
        day.EventsSkippedByAdmin = lane.SkippedByAdmin?.Count ?? 0;
        report.EventsSkippedByAdmin = report.Days.Values.Sum(d => d.EventsSkippedByAdmin);
        report.EventsSentByIntradayLane = report.Days.Values.Sum(d => d.EventsSentByIntradayLane);
        report.MembersLeftToIntradayLane = report.Days.Values.Sum(d => d.MembersLeftToIntradayLane);
    }

    public static string DayKey(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Bodies an earlier attempt left in flight (sent, never confirmed) go out again from the checkpoint:
    /// they become possible duplicates.
    /// </summary>
    public void CarryOverInFlight()
    {
        report.PossibleDuplicates.Add(report.InFlight);
        report.InFlight = new();
    }

    public void BodyBuilt(BulkBody body, int maxBodyBytes)
    {
        report.Bodies++;
        report.BodyBytes += body.Length;
        report.AverageBodyFillPercent = Math.Round(100.0 * report.BodyBytes / report.Bodies / maxBodyBytes, 2);
    }

    public void InFlight(ElementKind kind, int elements, int sign) => report.InFlight.Add(kind, sign * elements, sign);

    public void NothingInFlight() => report.InFlight = new();

    /// <summary>A dry run's body: counted as if MoEngage had accepted it, nothing sent.</summary>
    public void DryRun(DateOnly date, BulkBody body)
    {
        report.Requests++;
        report.Bytes += body.Length;
        var accepted = new SendResult(SendOutcome.Accepted, 0, null, 0, 0, 0, TimeSpan.Zero, false, 0);
        Apply(new Delivered(date, body.Kind, body.End, [Part.Accepted(body, accepted)], HeldBack: body.HeldBack), live: false);
    }

    /// <summary>A body's answers, in body order: accepted elements counted, refused ones recorded.</summary>
    public void Apply(Delivered delivered, bool live = true)
    {
        HeldBack(delivered.HeldBack);
        foreach (var part in delivered.Parts)
        {
            Account(part);
            if (live && part.Waited > TimeSpan.Zero)
            {
                var now = time.GetUtcNow();
                Stretch(Entry(delivered.Date, TimelinePhase.QuotaWaits, now - part.Waited), now - part.Waited, now);
            }

            if (part.Result.Outcome == SendOutcome.Accepted)
            {
                CountAccepted(part);
                if (live)
                {
                    telemetry.Sent(part.Kind, part.Count, part.Result.BytesSent);
                }
            }
            else if (part.RejectedElements is { } elements)
            {
                foreach (var element in elements)
                {
                    Reject(new RejectedElement(delivered.Date, KindName(part.Kind), part.Result.Status, part.Result.Answer ?? "", element));
                }
            }
        }
    }

    /// <summary>An element MoEngage refused, or that could never be sent: counted now, saved with the next checkpoint.</summary>
    public void Reject(RejectedElement element)
    {
        pendingRejections.Add(element);
        report.RejectedElements++;
    }

    public void RejectionsSaved() => pendingRejections.Clear();

    /// <summary>
    /// An accepted part that no checkpoint will cover (the run stopped before its turn): the retry sends it
    /// again, so it is a possible duplicate.
    /// </summary>
    public void Uncovered(Part part)
    {
        Account(part);
        report.PossibleDuplicates.Add(part.Kind, part.Count);
    }

    /// <summary>Events held back with no body after them (the end of a stream): counted as the stream completes.</summary>
    public void HeldBack(IReadOnlyDictionary<string, long>? heldBack)
    {
        foreach (var (reason, count) in heldBack ?? new Dictionary<string, long>())
        {
            report.EventsHeldBack[reason] = report.EventsHeldBack.GetValueOrDefault(reason) + count;
        }
    }

    /// <summary>What confirming a page's members cost (Get User's calls and waits, the gate's own bookkeeping).</summary>
    public void Confirmed(ConfirmationFigures page)
    {
        var figures = report.Confirmations;
        figures.Asked += page.Asked;
        figures.Found += page.Found;
        figures.NotFound += page.NotFound;
        figures.Calls += page.Calls;
        figures.WaitSeconds = Math.Round(figures.WaitSeconds + page.WaitSeconds, 3);
        figures.GetUserSeconds += page.GetUserSeconds;
        figures.BookkeepingSeconds += page.BookkeepingSeconds;
    }

    /// <summary>Members of the run's dates so far whom MoEngage does not hold, and the time it took to count them.</summary>
    public void MembersNotInMoEngage(long count, TimeSpan counting)
    {
        report.MembersNotInMoEngage = count;
        report.Confirmations.BookkeepingSeconds += counting.TotalSeconds;
    }

    /// <summary>
    /// The quotas' lower bound on the time sending takes (members ÷ users quota + events ÷ events quota);
    /// for a dry run, also its estimate.
    /// </summary>
    public void LowerBound(QuotaOptions quota, bool dryRun)
    {
        var window = quota.Window.TotalSeconds;
        var users = quota.UsersPerMinute == 0 ? 0 : window * report.MembersSent / quota.UsersPerMinute;
        var events = quota.EventsPerMinute == 0 ? 0 : window * report.EventsSent.Values.Sum() / quota.EventsPerMinute;
        report.QuotaLowerBoundSeconds = Math.Round(users + events, 1);
        if (dryRun)
        {
            report.EstimatedSeconds = report.QuotaLowerBoundSeconds;
        }
    }

    /// <summary>
    /// Times one stretch of <paramref name="phase"/> of <paramref name="date"/> into the timeline (an entry begun now,
    /// or the one the phase already has), and traces it as a span of the run: dispose the answer when the stretch
    /// ends (a failure ends it too).
    /// </summary>
    public PhaseStretch Phase(DateOnly date, string phase)
    {
        var now = time.GetUtcNow();
        return new(this, Entry(date, phase, now), now, DispatcherTelemetry.Source.StartActivity(phase.Replace('_', ' ')));
    }

    /// <summary>A stretch of the phase that has ended.</summary>
    internal void Stretch(TimelinePhase entry, DateTimeOffset started, DateTimeOffset ended)
    {
        entry.EndedAt = ended;
        entry.Seconds = Math.Round(entry.Seconds + (ended - started).TotalSeconds, 3);
        entry.Stretches++;
    }

    internal DateTimeOffset Now() => time.GetUtcNow();

    // The date's entry for the phase, in the timeline from the phase's first stretch on.
    private TimelinePhase Entry(DateOnly date, string phase, DateTimeOffset started)
    {
        var key = DayKey(date);
        var entry = report.Timeline.FindLast(e => e.Date == key && e.Phase == phase);
        if (entry is null)
        {
            entry = new TimelinePhase { Date = key, Phase = phase, StartedAt = started, EndedAt = started };
            report.Timeline.Add(entry);
        }

        return entry;
    }

    public static string KindName(ElementKind kind) => kind == ElementKind.Customer ? "customer" : "event";

    private void Account(Part part)
    {
        var result = part.Result;
        report.PacingWaitSeconds = Math.Round(report.PacingWaitSeconds + part.Waited.TotalSeconds, 3);
        report.Requests += result.Requests;
        report.Retries += result.Retries;
        report.RateLimitWaits += result.RateLimitWaits;
        report.RateLimitWaitSeconds = Math.Round(report.RateLimitWaitSeconds + result.RateLimitWaited.TotalSeconds, 3);
        report.Bytes += result.BytesSent;
        telemetry.Retried(result.Retries);
        telemetry.RateLimited(result.RateLimitWaits);
        if (result.PossibleDuplicate && result.Outcome == SendOutcome.Accepted)
        {
            report.PossibleDuplicates.Add(part.Kind, part.Count);
        }
    }

    private void CountAccepted(Part part)
    {
        if (part.Kind == ElementKind.Customer)
        {
            report.MembersSent += part.Count;
            return;
        }

        report.EventsSentToUnconfirmed += part.Unconfirmed;
        foreach (var name in part.EventNames)
        {
            report.EventsSent[name!] = report.EventsSent.GetValueOrDefault(name!) + 1;
        }
    }
}
