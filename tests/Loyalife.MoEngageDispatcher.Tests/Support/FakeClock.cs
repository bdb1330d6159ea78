namespace Loyalife.MoEngageDispatcher.Tests.Support;

/// <summary>A wall clock a test sets; timers and timestamps stay real so waits still pass.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
