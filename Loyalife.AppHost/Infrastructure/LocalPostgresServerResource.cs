namespace Loyalife.AppHost.Infrastructure;

/// <summary>The machine's own PostgreSQL server, run in the foreground by the orchestrator.</summary>
public sealed class LocalPostgresServerResource(string name, string command, string workingDirectory, string clusterDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string EndpointName = "tcp";

    /// <summary>The cluster (initdb's data directory), kept between runs.</summary>
    public string ClusterDirectory { get; } = clusterDirectory;

    /// <summary>Databases to create once the server answers, by resource name.</summary>
    public Dictionary<string, string> Databases { get; } = [];

    public EndpointReference PrimaryEndpoint => new(this, EndpointName);

    // initdb --auth=trust and a loopback-only listener: the local cluster is a developer's, like the container's.
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username=postgres");
}
