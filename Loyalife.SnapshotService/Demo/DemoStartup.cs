using Loyalife.SnapshotService.Ledger;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Loyalife.SnapshotService.Demo;

/// <summary>
/// Start-up work on the ledger: create the schema when asked (<see cref="LedgerOptions.CreateSchema"/>
/// or demo mode) and, in demo mode, fill an empty `loyalty.programs` with the demo programs. Nothing
/// otherwise: production owns the schema.
/// </summary>
public sealed class DemoStartup(
    NpgsqlDataSource dataSource, IOptions<DemoOptions> demo, IOptions<LedgerOptions> ledger, TimeProvider time, ILogger<DemoStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!demo.Value.Enabled && !ledger.Value.CreateSchema)
        {
            return;
        }

        await LedgerSchema.CreateAsync(dataSource, cancellationToken);
        if (!demo.Value.Enabled)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One replica generates; the others wait, then find programs present.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(7235002)", connection))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using var check = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM loyalty.programs)", connection);
            if (await check.ExecuteScalarAsync(cancellationToken) is true)
            {
                logger.LogInformation("Demo mode: loyalty.programs already has programs; nothing generated");
                return;
            }

            await new DemoDataGenerator(dataSource, logger)
                .GenerateAsync(DemoProgram.All, demo.Value.Members, demo.Value.Seed, time.GetUtcNow(), cancellationToken);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(7235002)", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
