using System.Diagnostics;
using Loyalife.MoEngageDispatcher.Pacing;
using Loyalife.MoEngageDispatcher.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class QuotaTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    [Fact]
    public async Task LimitersOnTwoReplicasNeverAdmitMoreThanTheQuotaInAnyWindowYetKeepItFull()
    {
        var options = Options.Create(new SyncOptions
        {
            Quota = new QuotaOptions { UsersPerMinute = 100, Window = TimeSpan.FromSeconds(1), SafetyMargin = TimeSpan.FromMilliseconds(500) },
        });
        var redis = (await RedisServer.Shared).ConnectionString;
        await using var first = await ConnectionMultiplexer.ConnectAsync(redis);
        await using var second = await ConnectionMultiplexer.ConnectAsync(redis);
        IQuotaLimiter[] replicas =
        [
            new RedisQuotaLimiter(first, options, TimeProvider.System, NullLogger<RedisQuotaLimiter>.Instance),
            new RedisQuotaLimiter(second, options, TimeProvider.System, NullLogger<RedisQuotaLimiter>.Instance),
        ];
        var workspace = "ws-" + Guid.NewGuid().ToString("N");
        foreach (var replica in replicas)
        {
            // Loads the script and warms the connection, so admission times are observed within milliseconds.
            await replica.ReserveAsync("warm-" + workspace, QuotaKind.BulkUsers, 1, CancellationToken.None);
        }

        var admitted = new ConcurrentBag<(TimeSpan At, int Count)>();
        // What Redis recorded: each admitted reservation with Redis's own clock, the clock the limiter
        // decides by. The test's clock sees an admission only when the call returns, which on a loaded machine
        // can be any time later, so the quota is checked on Redis's times.
        var recorded = new ConcurrentDictionary<string, double>();
        var key = (RedisKey)$"dispatch:quota:{workspace}:users";
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(3.2))
            {
                await replicas[worker % 2].ReserveAsync(workspace, QuotaKind.BulkUsers, 7, CancellationToken.None);
                admitted.Add((clock.Elapsed, 7));
                // Entries stay in the log for a whole window after admission: reading it after every
                // reservation sees each of them.
                foreach (var entry in await first.GetDatabase().SortedSetRangeByRankWithScoresAsync(key))
                {
                    recorded[entry.Element.ToString()] = entry.Score;
                }
            }
        })));

        Assert.Equal(admitted.Count, recorded.Count);
        var log = recorded.Select(e => (At: e.Value, Count: int.Parse(e.Key[(e.Key.IndexOf(':') + 1)..]))).OrderBy(a => a.At).ToList();
        foreach (var (at, _) in log)
        {
            // The limiter's promise: no window of Window + SafetyMargin (1.5 s), wherever it starts, holds more
            // than the quota. That implies the 1 s windows MoEngage counts in.
            var inWindow = log.Where(a => a.At > at - 1500 && a.At <= at).Sum(a => a.Count);
            Assert.True(inWindow <= 100, $"{inWindow} elements admitted in the 1.5 s ending at Redis time {at} ms");
        }

        // Windows of 1.5 s start at 0, 1.5 and 3.0 s: the quota is used, not wasted (at least two full windows).
        Assert.True(admitted.Sum(a => a.Count) >= 2 * 98, $"only {admitted.Sum(a => a.Count)} admitted");
    }

    [Fact]
    public async Task TwoReplicasSyncingTwoProgramsOfOneWorkspaceStayWithinItsQuotaWithoutA429()
    {
        env.Dapr.Programs.Clear();
        var limits = new JsonObject { ["bulkUsersPerMinute"] = 100, ["bulkEventsPerMinute"] = 100 };
        var one = await env.ProgramAsync(members: 70, events: 0, limits);
        var other = env.Dapr.Add(new FakeProgram
        {
            ProgramId = one.ProgramId + "b", AppId = one.AppId, ApiKey = one.ApiKey, ApiBaseUrl = one.ApiBaseUrl,
            Members = FakeProgram.MakeMembers(70, start: 1000),
        });
        var settings = new Dictionary<string, string?>
        {
            ["Sync:MaxCatchUpDays"] = "1", ["MoEngage:MaxBodyBytes"] = "2048",
            ["Sync:Quota:UsersPerMinute"] = "100", ["Sync:Quota:EventsPerMinute"] = "100",
            ["Sync:MaxConcurrentPrograms"] = "1",
        };
        await using var first = env.Dispatcher(settings: settings);
        await using var second = env.Dispatcher(settings: settings);

        await Task.WhenAll(first.TickAsync(), second.TickAsync());
        var runs = (await first.WaitForRunsAsync(one.ProgramId, timeout: TimeSpan.FromSeconds(100)))
            .Concat(await first.WaitForRunsAsync(other.ProgramId, timeout: TimeSpan.FromSeconds(100))).ToList();

        Assert.All(runs, run => Assert.Equal(RunStatus.Succeeded, run.Status));
        var stats = await env.StandIn.StatsAsync(one.AppId);
        Assert.Equal(0, stats.Stat("rateLimited"));
        Assert.Equal(140, stats.Stat("customersUpdated"));
        Assert.Equal(0, runs.Sum(run => run.Report.RateLimitWaits));
        // 140 users at 100 a minute cannot all go in one minute: the limiter held some back.
        Assert.True(runs.Sum(run => run.Report.PacingWaitSeconds) > 50);
    }
}
