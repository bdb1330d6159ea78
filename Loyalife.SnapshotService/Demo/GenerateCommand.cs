using System.Globalization;
using Npgsql;

namespace Loyalife.SnapshotService.Demo;

/// <summary>
/// `dotnet Loyalife.SnapshotService.dll generate --members N --connection "Host=…" [--seed S]
/// [--programs demo,demo-kolkata] [--now 2026-11-28T06:00:00Z]`: fills a database with demo programs,
/// for benchmarks and local experiments, without starting the web host.
/// </summary>
public static class GenerateCommand
{
    public const string Verb = "generate";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        if (!options.TryGetValue("--connection", out var connection) || !options.TryGetValue("--members", out var membersText)
            || !int.TryParse(membersText, CultureInfo.InvariantCulture, out var members) || members < 1 || args.Length % 2 != 0)
        {
            Console.Error.WriteLine("usage: generate --members N --connection \"Host=…;Database=…\" [--seed S] [--programs demo,demo-kolkata,demo-newyork] [--now ISO-8601]");
            return 2;
        }

        var seed = options.TryGetValue("--seed", out var seedText) ? int.Parse(seedText, CultureInfo.InvariantCulture) : 1;
        var now = options.TryGetValue("--now", out var nowText) ? DateTimeOffset.Parse(nowText, CultureInfo.InvariantCulture) : DateTimeOffset.UtcNow;
        var names = options.TryGetValue("--programs", out var list) ? list.Split(',') : DemoProgram.All.Select(p => p.ProgramId).ToArray();
        var programs = DemoProgram.All.Where(p => names.Contains(p.ProgramId)).ToList();
        if (programs.Count != names.Length)
        {
            Console.Error.WriteLine($"--programs takes demo program ids: {string.Join(", ", DemoProgram.All.Select(p => p.ProgramId))}");
            return 2;
        }

        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(console => console.SingleLine = true));
        await using var dataSource = NpgsqlDataSource.Create(connection);
        await new DemoDataGenerator(dataSource, loggers.CreateLogger(typeof(GenerateCommand)))
            .GenerateAsync(programs, members, seed, now, CancellationToken.None);
        return 0;
    }
}
