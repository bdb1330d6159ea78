using Loyalife.DemoLedger.Ledger;
using Microsoft.Extensions.Options;

namespace Loyalife.DemoLedger;

/// <summary>
/// Seeds the demo ledger, then stops the application. A failure sets exit code 1, so whatever waits for this to complete does not
/// start on a half-seeded ledger.
/// </summary>
public sealed class DemoSeeder(
    NpgsqlDataSource dataSource, IOptions<DemoOptions> options, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<DemoSeeder> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await SeedIfEmptyAsync(dataSource, options.Value, time.GetUtcNow(), logger, stoppingToken);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "The demo ledger was not seeded");
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    /// <summary>Creates the ledger schema and, when `loyalty.programs` is empty, generates <paramref name="demo"/>'s programs.</summary>
    public static async Task SeedIfEmptyAsync(NpgsqlDataSource dataSource, DemoOptions demo, DateTimeOffset now, ILogger logger, CancellationToken ct)
    {
        await LedgerSchema.CreateAsync(dataSource, ct);
        await using (var check = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM loyalty.programs)"))
        {
            if (await check.ExecuteScalarAsync(ct) is true)
            {
                logger.LogInformation("loyalty.programs already has programs; nothing generated");
                return;
            }
        }

        await new DemoDataGenerator(dataSource, logger).GenerateAsync(demo.SelectedPrograms, demo.Members, demo.Seed, demo.Now ?? now, ct);
    }
}
