using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class SecretTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    [Fact]
    public async Task TheApiKeyAppearsInNoLogLineReportOrRunAnswerEvenWhenMoEngageRejectsIt()
    {
        var program = await env.ProgramAsync(members: 5, events: 1);
        var rightKey = program.ApiKey;
        program.ApiKey = "secret-" + Guid.NewGuid().ToString("N");
        var logs = new FakeLogCollector();
        await using var dispatcher = env.Dispatcher(settings: new Dictionary<string, string?>
        {
            ["Sync:MaxCatchUpDays"] = "1", ["Logging:LogLevel:Default"] = "Trace",
        });
        await using var logged = dispatcher.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(logs))));

        await logged.TickAsync();
        using (var client = logged.Admin())
        {
            string runs;
            do
            {
                await Task.Delay(100);
                runs = await client.GetStringAsync($"/v1/programs/{program.ProgramId}/sync-runs");
            }
            while (!runs.Contains(RunStatus.Failed));

            Assert.DoesNotContain(program.ApiKey, runs);
        }

        var lines = logs.Lines();
        Assert.NotEmpty(lines);
        Assert.Contains(lines, line => line.Contains("credentials rejected"));
        Assert.DoesNotContain(lines, line => line.Contains(program.ApiKey) || line.Contains(rightKey));
    }
}
