using Npgsql;

namespace Loyalife.AppHost.Infrastructure;

public static class LocalPostgresExtensions
{
    /// <summary>
    /// The machine's own PostgreSQL: a cluster under the AppHost's data folder (initdb on first run), the
    /// server in the foreground under the orchestrator (not pg_ctl's daemon) so it stops with the AppHost.
    /// As root it runs as the postgres user through runuser, which passes the stop signal on.
    /// </summary>
    public static IResourceBuilder<LocalPostgresServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        var postgresProgram = LocalServers.Postgres ?? "postgres";
        var runAsPostgresUser = MachineProgram.IsRoot;
        var server = new LocalPostgresServerResource(
            name,
            runAsPostgresUser ? "runuser" : postgresProgram,
            builder.GetDataDirectory(),
            Path.Combine(builder.GetDataDirectory(), "postgres"));

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new PostgresConnectionHealthCheck(server), failureStatus: null, tags: null));
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, (e, ct) => CreateDatabasesAsync(server, e.Services, ct));

        return builder.AddResource(server)
            .WithEndpoint(name: LocalPostgresServerResource.EndpointName, scheme: "tcp")
            .WithArgs(runAsPostgresUser ? ["-u", "postgres", "--", postgresProgram] : [])
            // No Unix socket (-k ""): the services use TCP on loopback, and no socket lock file can clash with
            // another cluster on the machine. max_connections: three services' pools plus tools.
            .WithArgs("-D", server.ClusterDirectory, "-p", server.PrimaryEndpoint.Property(EndpointProperty.TargetPort),
                "-c", "listen_addresses=localhost", "-k", "", "-c", "max_connections=200")
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck(healthCheckKey)
            .OnBeforeResourceStarted((resource, e, ct) => InitializeClusterAsync(resource, e.Services, ct));
    }

    public static IResourceBuilder<LocalPostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<LocalPostgresServerResource> server, string name, string? databaseName = null)
    {
        var database = new LocalPostgresDatabaseResource(name, databaseName ?? name, server.Resource);
        server.Resource.Databases[name] = database.DatabaseName;

        var healthCheckKey = $"{name}_check";
        server.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new PostgresConnectionHealthCheck(database), failureStatus: null, tags: null));

        return server.ApplicationBuilder.AddResource(database)
            .WithIconName("Database")
            .WithHealthCheck(healthCheckKey)
            .OnInitializeResource((_, e, _) =>
            {
                var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
                _ = MirrorServerStateAsync(database, e.Notifications, stopping);
                return Task.CompletedTask;
            });
    }

    /// <summary>
    /// Aspire only copies a container parent's state to its databases; without this the database would stay
    /// "Not started", its health would never be checked and nothing waiting for it would start.
    /// </summary>
    private static async Task MirrorServerStateAsync(
        LocalPostgresDatabaseResource database, ResourceNotificationService notifications, CancellationToken stopping)
    {
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping))
            {
                if (update.Resource == database.Parent)
                {
                    await notifications.PublishUpdateAsync(database, snapshot => snapshot with
                    {
                        State = update.Snapshot.State,
                        StartTimeStamp = update.Snapshot.StartTimeStamp,
                        StopTimeStamp = update.Snapshot.StopTimeStamp,
                    });
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The AppHost is stopping.
        }
    }

    private static async Task InitializeClusterAsync(LocalPostgresServerResource server, IServiceProvider services, CancellationToken ct)
    {
        var cluster = server.ClusterDirectory;
        Directory.CreateDirectory(server.WorkingDirectory);
        if (File.Exists(Path.Combine(cluster, "PG_VERSION")))
        {
            return;
        }

        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
        var initdb = LocalServers.InitDb ?? "initdb";
        string[] initdbArguments = [initdb, "-D", cluster, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-instructions"];
        Directory.CreateDirectory(cluster);
        try
        {
            if (MachineProgram.IsRoot)
            {
                await MachineProgram.RunCheckedAsync("chown", ["postgres:postgres", cluster], logger, ct);
                await MachineProgram.RunCheckedAsync("runuser", ["-u", "postgres", "--", .. initdbArguments], logger, ct);
            }
            else
            {
                await MachineProgram.RunCheckedAsync(initdb, initdbArguments[1..], logger, ct);
            }
        }
        catch (InvalidOperationException exception)
        {
            // A half-made cluster would fail every later start; the next run starts clean.
            Directory.Delete(cluster, recursive: true);
            throw new DistributedApplicationException(
                $"initdb could not create the local PostgreSQL cluster in {cluster}. " +
                $"The server's user must be able to reach that folder; set {AppHostPaths.DataDirectoryKey} to move it. {exception.Message}",
                exception);
        }
    }

    private static async Task CreateDatabasesAsync(LocalPostgresServerResource server, IServiceProvider services, CancellationToken ct)
    {
        var logger = services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
        await using var connection = new NpgsqlConnection(await ((IResourceWithConnectionString)server).GetConnectionStringAsync(ct) + ";Pooling=false");
        await connection.OpenAsync(ct);
        foreach (var databaseName in server.Databases.Values)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", databaseName);
            if (await exists.ExecuteScalarAsync(ct) is not null)
            {
                continue;
            }

            var quoted = new NpgsqlCommandBuilder().QuoteIdentifier(databaseName);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(ct);
            logger.LogInformation("Created database {Database}", databaseName);
        }
    }
}
