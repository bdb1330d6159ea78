namespace Loyalife.AppHost.Infrastructure;

/// <summary>The resolved way PostgreSQL and Redis run in this AppHost, and why.</summary>
public sealed record InfrastructureChoice(InfrastructureMode Mode, string Reason)
{
    public const string ModeKey = "Infrastructure:Mode";

    public string Describe() => Mode == InfrastructureMode.Container ? "container" : "local executable";
}
