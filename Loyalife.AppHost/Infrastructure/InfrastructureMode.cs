namespace Loyalife.AppHost.Infrastructure;

/// <summary>How PostgreSQL and Redis run: configuration <c>Infrastructure:Mode</c>.</summary>
public enum InfrastructureMode
{
    /// <summary>Containers where a container runtime answers, the machine's own servers otherwise.</summary>
    Auto,
    Container,
    Local,
}
