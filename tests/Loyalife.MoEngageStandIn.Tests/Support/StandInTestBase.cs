namespace Loyalife.MoEngageStandIn.Tests.Support;

/// <summary>
/// A test class against one stand-in shared by its tests (<see cref="StandInFixture"/>), talking to it as a
/// MoEngage client would.
/// </summary>
public abstract class StandInTestBase(StandInFixture fixture) : IClassFixture<StandInFixture>
{
    protected MoEngageClient Client { get; } = new(fixture.Host);
}
