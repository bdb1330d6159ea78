namespace Loyalife.MoEngageDispatcher.HeldRuns;

/// <summary>A day broke a hold rule: the run stops before sending it and waits for an admin.</summary>
public sealed class RunHeldException(HeldReport held) : Exception($"held: {held.Summary}")
{
    public HeldReport Held { get; } = held;
}
