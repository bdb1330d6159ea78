namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>An admin may switch the integration off mid-run; the run then stops at the next body.</summary>
internal sealed class EnabledCheck(ISettingsSource settings, SyncRun run, TimeSpan interval, TimeProvider time, CancellationToken stopping)
{
    private long lastCheck = time.GetTimestamp();

    public async Task EnsureAsync()
    {
        if (run.DryRun || time.GetElapsedTime(lastCheck) < interval)
        {
            return;
        }

        lastCheck = time.GetTimestamp();
        var enabled = await settings.GetEnabledProgramsAsync(stopping);
        if (!enabled.Any(program => program.ProgramId == run.ProgramId))
        {
            throw new IntegrationDisabledException($"the MoEngage integration of program {run.ProgramId} was disabled during the run");
        }
    }
}
