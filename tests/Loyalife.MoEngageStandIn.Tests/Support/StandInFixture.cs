namespace Loyalife.MoEngageStandIn.Tests.Support;

/// <summary>One stand-in per test class; every test makes its own workspaces, so tests never share state.</summary>
public sealed class StandInFixture() : HostFixture<RunningStandIn>(() => MoEngageStandInHost.StartAsync());
