namespace Loyalife.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL and Redis either as Aspire's containers or as the machine's own servers. Both ways answer a
/// resource with a connection string, so services take them with the same <c>.WithReference(...)</c>.
/// </summary>
public static class InfrastructureExtensions
{
    private const string InstallHint =
        "Install Docker (or Podman) with a running engine, or the local servers: apt-get install -y postgresql redis-server";

    public static async Task<InfrastructureChoice> ChooseInfrastructureAsync(this IDistributedApplicationBuilder builder)
    {
        var mode = ConfiguredChoice.Read(builder, InfrastructureChoice.ModeKey, InfrastructureMode.Auto);

        var choice = mode switch
        {
            InfrastructureMode.Container or InfrastructureMode.Local => new InfrastructureChoice(mode, $"{InfrastructureChoice.ModeKey}={mode}"),
            _ => await ChooseAutomaticallyAsync(builder),
        };

        if (choice.Mode == InfrastructureMode.Local && LocalServers.Missing() is { Length: > 0 } missing)
        {
            throw new DistributedApplicationException(
                $"PostgreSQL and Redis cannot start: no container engine answered and {missing} not found on this machine. {InstallHint}");
        }

        return choice;
    }

    public static IResourceBuilder<IResourceWithConnectionString> AddPostgresDatabase(
        this IDistributedApplicationBuilder builder, InfrastructureChoice infrastructure, string serverName, string databaseName) =>
        infrastructure.Mode == InfrastructureMode.Container
            ? builder.AddPostgres(serverName).WithDataVolume().WithChoice(infrastructure).AddDatabase(databaseName)
            : builder.AddLocalPostgres(serverName).WithChoice(infrastructure).AddDatabase(databaseName);

    public static IResourceBuilder<IResourceWithConnectionString> AddRedisServer(
        this IDistributedApplicationBuilder builder, InfrastructureChoice infrastructure, string name) =>
        infrastructure.Mode == InfrastructureMode.Container
            ? builder.AddRedis(name).WithChoice(infrastructure)
            : builder.AddLocalRedis(name).WithChoice(infrastructure);

    private static async Task<InfrastructureChoice> ChooseAutomaticallyAsync(IDistributedApplicationBuilder builder)
    {
        if (await ContainerRuntime.FindAnsweringAsync() is { } cli)
        {
            // DCP talks to Docker unless told otherwise; an answering Podman must be named.
            if (cli == "podman" && string.IsNullOrEmpty(builder.Configuration["DcpPublisher:ContainerRuntime"]))
            {
                builder.Configuration["DcpPublisher:ContainerRuntime"] = cli;
            }

            return new InfrastructureChoice(InfrastructureMode.Container, $"`{cli} info` answered");
        }

        if (LocalServers.Missing() is { Length: > 0 } missing)
        {
            throw new DistributedApplicationException(
                $"PostgreSQL and Redis cannot start: no container engine answered (`docker info`/`podman info`) and {missing} not found. {InstallHint}");
        }

        return new InfrastructureChoice(InfrastructureMode.Local, "no container engine answered `docker info`/`podman info`");
    }

    private static IResourceBuilder<T> WithChoice<T>(this IResourceBuilder<T> builder, InfrastructureChoice choice) where T : IResource =>
        builder.WithShownChoice("infrastructure.mode", "Runs as", choice.Describe(), choice.Reason);
}
