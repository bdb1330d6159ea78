namespace Loyalife.MoEngageDispatcher.Verification;

/// <summary>
/// Proof of what landed. Bulk Import answers 200 for everything and applies later, so a run is read back
/// once MoEngage has had time (<c>Verification:Delay</c>), as a follow-up step rather than inside the run:
/// a run that succeeds leaves a pending verification (a row, and <c>verification.state = "pending"</c> in its
/// report) and lets go of its lock. Whoever next holds the program's lock once it is due completes it —
/// the timer the dispatch worker sets for the due time, the next cron tick, or a restarted replica's
/// start-up wake — so it survives restarts and never holds the lock for the delay. Completing it reads a
/// sample of the run's last date's members (evenly spread over the first page, members known absent left
/// out) through Get User, compares each with the element the dispatcher sent (written again by the same
/// writer, so MoEngage names and instant forms are those sent), and writes matched / differed / missing
/// into the report with the pending row's removal, in one transaction. A crash before that leaves the row,
/// and the read-back (which only reads) is done again. Most of the sample failing flags the run, and a
/// completed read-back tells the alerts whether verification is failing (a skipped one says nothing).
/// </summary>
public sealed class RunVerifier(
    VerificationStore store, ConfirmationStore confirmations, ISettingsSource settings, ISnapshotSource snapshots,
    GetUserClient getUser, IQuotaLimiter limiter, RunStore runs, AlertMonitor alerts, IOptions<VerificationOptions> options,
    TimeProvider time, ILogger<RunVerifier> logger)
{
    private const int SamplePage = 1000;

    // A read-back MoEngage keeps refusing (Get User switched off, say) is given up rather than retried forever.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(1);

    /// <summary>What a succeeded run's report says about its verification, and the row that makes it happen.</summary>
    public async Task<VerificationResult> ScheduleAsync(SyncRun run, RunReport report, CancellationToken cancellationToken)
    {
        if (options.Value.SampleSize == 0 || report.MembersSent == 0)
        {
            return new VerificationResult
            {
                State = VerificationResult.Skipped,
                Note = options.Value.SampleSize == 0 ? "verification is switched off" : "the run updated no member",
            };
        }

        var due = time.GetUtcNow() + options.Value.Delay;
        await store.ScheduleAsync(new PendingVerification(run.RunId, run.ProgramId, run.To, due), cancellationToken);
        return new VerificationResult { State = VerificationResult.Pending, DueAt = due };
    }

    /// <summary>When the program's next verification falls due, if it has one.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(string programId, CancellationToken cancellationToken) =>
        (await store.PendingAsync(programId, null, cancellationToken)).Select(p => (DateTimeOffset?)p.DueAt).FirstOrDefault();

    /// <summary>Completes the program's verifications that are due; the caller holds the program's lock.</summary>
    public async Task CompleteDueAsync(string programId, CancellationToken cancellationToken)
    {
        foreach (var pending in await store.PendingAsync(programId, time.GetUtcNow(), cancellationToken))
        {
            VerificationResult result;
            try
            {
                result = await VerifyAsync(pending, cancellationToken);
                await store.CompleteAsync(pending.RunId, result, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException && time.GetUtcNow() - pending.DueAt > GiveUpAfter)
            {
                logger.LogWarning(exception, "Verification of run {RunId} failed for a day; it is given up", pending.RunId);
                await store.CompleteAsync(pending.RunId,
                    new VerificationResult { State = VerificationResult.Skipped, Note = $"MoEngage could not be read back: {exception.Message}" },
                    cancellationToken);
                continue;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Left pending: the next holder of the lock tries again.
                logger.LogWarning(exception, "Verification of run {RunId} could not be completed; it stays pending", pending.RunId);
                continue;
            }

            if (result.State == VerificationResult.Done)
            {
                await ObserveAsync(pending.RunId, result.Flagged, cancellationToken);
            }
        }
    }

    // After the result is stored and apart from it: an alert that cannot be recorded neither leaves the
    // verification pending nor overwrites its result, and never stops the scheduler's pass.
    private async Task ObserveAsync(Guid runId, bool failing, CancellationToken cancellationToken)
    {
        try
        {
            if (await runs.GetRunAsync(runId, cancellationToken) is { } run)
            {
                await alerts.ObserveAsync(new RunOutcome(run, null, null, VerificationFailing: failing), cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Whether verification of run {RunId} is failing could not be told to the alerts", runId);
        }
    }

    private async Task<VerificationResult> VerifyAsync(PendingVerification pending, CancellationToken cancellationToken)
    {
        var credentials = await settings.GetCredentialsAsync(pending.ProgramId, cancellationToken);
        if (credentials is null || !credentials.Enabled)
        {
            return new VerificationResult { State = VerificationResult.Skipped, Note = "the integration is no longer enabled" };
        }

        var expected = await SampleAsync(pending, credentials, cancellationToken);
        var result = new VerificationResult { State = VerificationResult.Done, Sampled = expected.Count };
        foreach (var batch in expected.Keys.Chunk(GetUserClient.MaxIdentifiers))
        {
            var fields = batch.SelectMany(id => expected[id].Keys).Distinct().ToList();
            await limiter.ReserveAsync(credentials.AppId, QuotaKind.GetUsers, batch.Length, cancellationToken);
            var answer = await getUser.ExportAsync(credentials, batch, fields, cancellationToken);
            foreach (var customerId in batch)
            {
                if (!answer.Exists.Contains(customerId) && !answer.Found.ContainsKey(customerId))
                {
                    result.Missing++;
                    continue;
                }

                var stored = answer.Found.GetValueOrDefault(customerId);
                var differing = expected[customerId]
                    .Where(sent => stored.ValueKind != JsonValueKind.Object
                        || !stored.TryGetProperty(sent.Key, out var value) || !AttributeValues.Same(sent.Value, value))
                    .Select(sent => sent.Key)
                    .ToList();
                if (differing.Count == 0)
                {
                    result.Matched++;
                }
                else
                {
                    result.Differed.Add(new VerificationDifference(customerId, differing));
                }
            }
        }

        result.Flagged = result.Sampled > 0 && result.Matched * 2 < result.Sampled;
        return result;
    }

    /// <summary>customer_id → the attributes sent to it, for a sample of the date's members.</summary>
    private async Task<Dictionary<string, Dictionary<string, JsonElement>>> SampleAsync(
        PendingVerification pending, MoEngageCredentials credentials, CancellationToken cancellationToken)
    {
        using var page = await snapshots.GetPageAsync(pending.ProgramId, pending.BusinessDate, SnapshotKind.Members, null, SamplePage, cancellationToken);
        var members = page.Items.EnumerateArray().Where(item => BulkElementWriter.CustomerId(item) is not null).ToList();
        var absent = (await confirmations.LookupAsync(credentials.AppId, members.Select(m => BulkElementWriter.CustomerId(m)!).ToList(), cancellationToken))
            .Where(known => !known.Value.Found).Select(known => known.Key).ToHashSet(StringComparer.Ordinal);
        members = members.Where(m => !absent.Contains(BulkElementWriter.CustomerId(m)!)).ToList();
        var size = Math.Min(options.Value.SampleSize, members.Count);
        var writer = new BulkElementWriter(AttributeNames.From(credentials.AttributeNames));
        var sample = new Dictionary<string, Dictionary<string, JsonElement>>(StringComparer.Ordinal);
        for (var i = 0; i < size; i++)
        {
            var member = members[(int)((long)i * members.Count / size)];
            var buffer = new ArrayBufferWriter<byte>();
            using (var json = new Utf8JsonWriter(buffer))
            {
                writer.TryWriteCustomer(json, member);
            }

            using var element = JsonDocument.Parse(buffer.WrittenMemory);
            sample[BulkElementWriter.CustomerId(member)!] = element.RootElement.GetProperty("attributes").EnumerateObject()
                .ToDictionary(attribute => attribute.Name, attribute => attribute.Value.Clone(), StringComparer.Ordinal);
        }

        return sample;
    }
}
