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
    ConfirmationStore store, GetUserClient getUser, IQuotaLimiter limiter, IOptions<ExistenceOptions> options, TimeProvider time)
    : IExistenceGate
{
    /// <summary>
    /// Whether events wait for confirmation. A dry run sends nothing to MoEngage, Get User included: it counts
    /// the events of members not known to be held as it would in <c>send</c>.
    /// </summary>
    public static bool Holds(SyncRun run, MoEngageCredentials credentials) => credentials.VerifiesMembers && !run.DryRun;

    public async Task ConfirmAsync(
        SyncRun run, MoEngageCredentials credentials, DateOnly date, SnapshotPage page, int skip, PageVerdicts verdicts,
        ConfirmationFigures figures, CancellationToken waits)
    {
        // Bookkeeping is the gate's time less Get User's, which AskAsync counts.
        var started = time.GetTimestamp();
        var askedBefore = figures.GetUserSeconds;
        try
        {
            var holds = Holds(run, credentials);
            verdicts.Reset(holds);
            await ConfirmPageAsync(run, credentials, holds, date, page, skip, verdicts.ByCustomer, figures, waits);
        }
        finally
        {
            figures.BookkeepingSeconds += time.GetElapsedTime(started).TotalSeconds - (figures.GetUserSeconds - askedBefore);
        }
    }

    public Task<long> CountAbsentAsync(SyncRun run, DateOnly through, CancellationToken waits) =>
        store.CountNotInMoEngageAsync(run.ProgramId, run.From, through, waits);

    private async Task ConfirmPageAsync(
        SyncRun run, MoEngageCredentials credentials, bool holds, DateOnly date, SnapshotPage page, int skip,
        Dictionary<string, MemberVerdict> verdicts, ConfirmationFigures figures, CancellationToken waits)
    {
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

        await LookUpOrAskAsync(credentials, holds, verdicts, figures, waits);

        // Only the members found absent are kept for the list; anyone else's earlier row goes, so a corrected
        // reference leaves the list with the member's next event. Most members are found, so most pages write little.
        var absent = members.Where(m => verdicts[m.Value] == MemberVerdict.NotFound).ToDictionary();
        await store.RememberAsync(run.ProgramId, credentials.AppId, date, absent,
            members.Keys.Where(m => !absent.ContainsKey(m)).ToList(), waits);
    }

    private async Task LookUpOrAskAsync(
        MoEngageCredentials credentials, bool holds, Dictionary<string, MemberVerdict> verdicts, ConfirmationFigures figures,
        CancellationToken waits)
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
            else if (holds)
            {
                ask.Add(customerId);
            }
        }

        foreach (var batch in ask.Chunk(GetUserClient.MaxIdentifiers))
        {
            await AskAsync(credentials, batch, verdicts, figures, waits);
        }
    }

    private async Task AskAsync(
        MoEngageCredentials credentials, string[] batch, Dictionary<string, MemberVerdict> verdicts, ConfirmationFigures figures,
        CancellationToken waits)
    {
        using var activity = DispatcherTelemetry.Source.StartActivity("moengage get user", ActivityKind.Client);
        activity?.SetTag("loyalife.moengage.identifiers", batch.Length);
        var started = time.GetTimestamp();
        var waited = await limiter.ReserveAsync(credentials.AppId, QuotaKind.GetUsers, batch.Length, waits);
        var answer = await getUser.ExportAsync(credentials, batch, [], waits);
        figures.GetUserSeconds += time.GetElapsedTime(started).TotalSeconds;
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

        figures.Asked += batch.Length;
        figures.Found += exists.Count;
        figures.NotFound += absent.Count;
        figures.Calls += answer.Requests;
        figures.WaitSeconds = Math.Round(figures.WaitSeconds + (waited + answer.RateLimitWaited).TotalSeconds, 3);
    }

    private bool Fresh(MemberConfirmation confirmation, DateTimeOffset now) =>
        now - confirmation.LastChecked < (confirmation.Found ? options.Value.FoundTrustedFor : options.Value.NotFoundRecheckAfter);
}
