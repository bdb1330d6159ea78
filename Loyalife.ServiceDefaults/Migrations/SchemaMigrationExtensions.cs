using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Loyalife.ServiceDefaults.Migrations;

public static class SchemaMigrationExtensions
{
    /// <summary>
    /// Migrates <paramref name="schema"/> with the scripts embedded in <paramref name="scripts"/> when the host
    /// starts. Hosted services start in registration order and before the web server, so call this before
    /// registering any hosted service that reads the schema.
    /// </summary>
    public static IHostApplicationBuilder AddSchemaMigrations(this IHostApplicationBuilder builder, string schema, Assembly scripts)
    {
        var loaded = MigrationScript.Load(scripts);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService(services => new SchemaMigrator(
            services.GetRequiredService<NpgsqlDataSource>(), schema, loaded,
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ILogger<SchemaMigrator>>()));
        return builder;
    }
}
