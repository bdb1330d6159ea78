namespace Loyalife.MoEngageDispatcher.Existence;

/// <summary>
/// The existence gate: MoEngage creates a profile for an event whose customer_id it does not hold, and
/// Loyalife never creates profiles (docs/moengage.md). Before a page of events is packed, the members of
/// its events that have no fresh confirmation are asked about through Get User (20 a call, paced to its
/// quota by the shared limiter), and each answer is stored at once, so a restart asks nothing twice. With
/// <c>verify</c> an event is packed only for a member found in MoEngage; with <c>send</c> (and in a dry run)
/// nobody is asked and events to members not known to be held are counted. Only members with events are asked: attribute
/// updates cannot create profiles.
/// </summary>
internal sealed class ExistenceGate(
    ConfirmationStore store, GetUserClient getUser, IQuotaLimiter limiter, MoEngageCredentials credentials, SyncRun run,
    RunReport report, RunProgress progress, ExistenceOptions options, TimeProvider time, CancellationToken waits)
{
    private readonly Dictionary<string, MemberVerdict> verdicts = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether events wait for confirmation. A dry run sends nothing to MoEngage, Get User included: it counts
    /// the events of members not known to be held as it would in <c>send</c>.
    /// </summary>
    public bool Verifies => credentials.VerifiesMembers && !run.DryRun;

    /// <summary>What is known of <paramref name="customerId"/> after <see cref="ConfirmAsync"/> of its page.</summary>
    public MemberVerdict Of(string customerId) => verdicts.GetValueOrDefault(customerId);

    /// <summary>Confirms the members of the page's events from <paramref name="skip"/> on; answers when each is known or was asked.</summary>
    public async Task ConfirmAsync(DateOnly date, SnapshotPage page, int skip)
    {
        // Bookkeeping is the gate's time less Get User's, which AskAsync counts.
        var started = Stopwatch.GetTimestamp();
        var askedBefore = report.Confirmations.GetUserSeconds;
        try
        {
            await ConfirmPageAsync(date, page, skip);
        }
        finally
        {
            report.Confirmations.BookkeepingSeconds +=
                Stopwatch.GetElapsedTime(started).TotalSeconds - (report.Confirmations.GetUserSeconds - askedBefore);
        }
    }

    /// <summary>Members of the run's dates so far whom MoEngage does not hold, for the report.</summary>
    public async Task CountAbsentAsync(DateOnly through)
    {
        var started = Stopwatch.GetTimestamp();
        report.MembersNotInMoEngage = await store.CountNotInMoEngageAsync(run.ProgramId, run.From, through, waits);
        report.Confirmations.BookkeepingSeconds += Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private async Task ConfirmPageAsync(DateOnly date, SnapshotPage page, int skip)
    {
        verdicts.Clear();
        var members = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in page.Items.EnumerateArray().Skip(skip))
        {
            if (BulkElementWriter.CustomerId(item) is { } customerId)
            {
                verdicts[customerId] = MemberVerdict.Unconfirmed;
                if (item.TryGetProperty("memberId", out var memberId) && memberId.ValueKind == JsonValueKind.String)
                {
                    members[memberId.GetString()!] = customerId;
                }
            }
        }

        if (verdicts.Count == 0)
        {
            return;
        }

        await LookUpOrAskAsync();

        // Only the members found absent are kept for the list; anyone else's earlier row goes, so a corrected
        // reference leaves the list with the member's next event. Most members are found, so most pages write little.
        var absent = members.Where(m => verdicts[m.Value] == MemberVerdict.NotFound).ToDictionary();
        await store.RememberAsync(run.ProgramId, credentials.AppId, date, absent,
            members.Keys.Where(m => !absent.ContainsKey(m)).ToList(), waits);
    }

    private async Task LookUpOrAskAsync()
    {
        var now = time.GetUtcNow();
        var ask = new List<string>();
        var known = await store.LookupAsync(credentials.AppId, verdicts.Keys, waits);
        foreach (var customerId in verdicts.Keys.ToList())
        {
            if (known.TryGetValue(customerId, out var confirmation) && Fresh(confirmation, now))
            {
                verdicts[customerId] = confirmation.Found ? MemberVerdict.Found : MemberVerdict.NotFound;
            }
            else if (Verifies)
            {
                ask.Add(customerId);
            }
        }

        if (ask.Count == 0)
        {
            return;
        }

        foreach (var batch in ask.Chunk(GetUserClient.MaxIdentifiers))
        {
            await AskAsync(batch);
        }

        await progress.SaveReportAsync();
    }

    private async Task AskAsync(string[] batch)
    {
        using var activity = DispatcherTelemetry.Source.StartActivity("moengage get user", ActivityKind.Client);
        activity?.SetTag("loyalife.moengage.identifiers", batch.Length);
        var started = Stopwatch.GetTimestamp();
        var waited = await limiter.ReserveAsync(credentials.AppId, QuotaKind.GetUsers, batch.Length, waits);
        var answer = await getUser.ExportAsync(credentials, batch, [], waits);
        report.Confirmations.GetUserSeconds += Stopwatch.GetElapsedTime(started).TotalSeconds;
        var exists = batch.Where(answer.Exists.Contains).ToList();
        var absent = batch.Where(id => answer.NotFound.Contains(id) && !answer.Exists.Contains(id)).ToList();
        await store.SaveAsync(credentials.AppId, exists, absent, waits);
        foreach (var id in exists)
        {
            verdicts[id] = MemberVerdict.Found;
        }

        foreach (var id in absent)
        {
            verdicts[id] = MemberVerdict.NotFound;
        }

        var figures = report.Confirmations;
        figures.Asked += batch.Length;
        figures.Found += exists.Count;
        figures.NotFound += absent.Count;
        figures.Calls += answer.Requests;
        figures.WaitSeconds = Math.Round(figures.WaitSeconds + (waited + answer.RateLimitWaited).TotalSeconds, 3);
    }

    private bool Fresh(MemberConfirmation confirmation, DateTimeOffset now) =>
        now - confirmation.LastChecked < (confirmation.Found ? options.FoundTrustedFor : options.NotFoundRecheckAfter);
}
