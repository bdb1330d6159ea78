namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>The check made before anything of a date is sent (<see cref="HoldGate"/>).</summary>
public interface IHoldRules
{
    /// <summary>Throws <see cref="RunHeldException"/> when <paramref name="date"/> breaks a hold rule.</summary>
    Task CheckAsync(SyncRun run, DateOnly date, RunReport report, CancellationToken cancellationToken);
}
