namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>An admin may switch the integration off mid-run; the run then stops at the next body.</summary>
internal sealed class EnabledCheck(ISettingsSource settings, RunContext context, TimeSpan interval, TimeProvider time)
{
    private long lastCheck = time.GetTimestamp();

    public async Task EnsureAsync()
    {
        var run = context.Run;
        if (run.DryRun || time.GetElapsedTime(lastCheck) < interval)
        {
            return;
        }

        lastCheck = time.GetTimestamp();
        var enabled = await settings.GetEnabledProgramsAsync(context.Stopping);
        if (!enabled.Any(program => program.ProgramId == run.ProgramId))
        {
            throw new IntegrationDisabledException($"the MoEngage integration of program {run.ProgramId} was disabled during the run");
        }
    }
}
