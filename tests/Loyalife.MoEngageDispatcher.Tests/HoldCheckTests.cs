using Loyalife.MoEngageDispatcher.HeldRuns;

namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class HoldCheckTests
{
    private static readonly DateOnly Day = new(2026, 11, 30);
    private static readonly HoldRules Defaults = new();

    /// <summary>Fourteen synced nights with <paramref name="perNight"/> events of one name and 1,000 members each.</summary>
    private static List<NightFigures> Nights(long perNight, long members = 1000, int count = 14) =>
        [.. Enumerable.Range(1, count).Select(back =>
            new NightFigures(Day.AddDays(-back), members, new Dictionary<string, long> { ["loyalty_points_earned"] = perNight }))];

    private static NightFigures Today(long events, long members = 1000) =>
        new(Day, members, new Dictionary<string, long> { ["loyalty_points_earned"] = events });

    [Fact]
    public void ExactlyFiveTimesTheMedianIsSentAndOneMoreIsHeld()
    {
        Assert.Empty(HoldCheck.Evaluate(Defaults, Today(2500), Nights(500)));

        var breach = Assert.Single(HoldCheck.Evaluate(Defaults, Today(2501), Nights(500)));
        Assert.Equal(HoldCheck.EventsSpike, breach.Rule);
        Assert.Equal("loyalty_points_earned", (string?)breach.Figures["event"]);
        Assert.Equal(2501, (long)breach.Figures["events"]!);
        Assert.Equal(500, (double)breach.Figures["median"]!);
        Assert.Equal(14, (int)breach.Figures["nights"]!);
    }

    [Fact]
    public void ExactlyOneThousandEventsAreSentHoweverQuietTheNightsWereAndOneMoreIsHeld()
    {
        Assert.Empty(HoldCheck.Evaluate(Defaults, Today(1000), Nights(10)));
        Assert.Equal(HoldCheck.EventsSpike, Assert.Single(HoldCheck.Evaluate(Defaults, Today(1001), Nights(10))).Rule);
    }

    [Fact]
    public void AMemberCountDownByExactlyTwentyPercentIsSentAndByMoreIsHeld()
    {
        Assert.Empty(HoldCheck.Evaluate(Defaults, Today(100, members: 800), Nights(100, members: 1000)));

        var breach = Assert.Single(HoldCheck.Evaluate(Defaults, Today(100, members: 799), Nights(100, members: 1000)));
        Assert.Equal(HoldCheck.MembersDrop, breach.Rule);
        Assert.Equal(1000, (long)breach.Figures["previousMembers"]!);
        Assert.Equal(20.1, (double)breach.Figures["dropPercent"]!);
        Assert.Equal("2026-11-29", (string?)breach.Figures["previousDate"]);
    }

    [Fact]
    public void TheMemberCountIsComparedWithTheLatestSyncedNight()
    {
        var history = Nights(100, members: 1000);
        history[0] = history[0] with { Members = 700 };

        Assert.Empty(HoldCheck.Evaluate(Defaults, Today(100, members: 600), history));
    }

    [Fact]
    public void TheMedianIsTakenOverTheLastFourteenNightsCountingANightWithoutTheEventAsZero()
    {
        // Nights 1–7 had 1,000 events, nights 8–14 none, older nights 50,000: the median of the fourteen is 500.
        var history = Nights(1000, count: 7)
            .Concat(Enumerable.Range(8, 7).Select(back => new NightFigures(Day.AddDays(-back), 1000, new Dictionary<string, long>())))
            .Concat(Nights(50_000, count: 30).Skip(14))
            .ToList();

        Assert.Equal(500, HoldCheck.Median(history.Take(14).Select(n => n.Events.GetValueOrDefault("loyalty_points_earned"))));
        Assert.Empty(HoldCheck.Evaluate(Defaults, Today(2500), history));
        Assert.NotEmpty(HoldCheck.Evaluate(Defaults, Today(2501), history));
    }

    [Fact]
    public void AnEventNameNeverSeenBeforeIsHeldOnlyAboveTheMinimum()
    {
        var today = new NightFigures(Day, 1000, new Dictionary<string, long> { ["loyalty_points_expired"] = 1000, ["loyalty_tier_upgraded"] = 1001 });

        var breach = Assert.Single(HoldCheck.Evaluate(Defaults, today, Nights(100)));
        Assert.Equal("loyalty_tier_upgraded", (string?)breach.Figures["event"]);
        Assert.Equal(0, (double)breach.Figures["median"]!);
    }

    [Fact]
    public void EveryBrokenRuleIsListedEventsFirst()
    {
        var breaches = HoldCheck.Evaluate(Defaults, Today(5000, members: 100), Nights(100));

        Assert.Equal([HoldCheck.EventsSpike, HoldCheck.MembersDrop], breaches.Select(b => b.Rule));
    }

    [Fact]
    public void WithoutSyncedNightsThereIsNothingToCompareWithAndTheDayIsSent()
    {
        Assert.Empty(HoldCheck.Evaluate(Defaults, Today(1_000_000, members: 1), []));
    }

    [Fact]
    public void AProgramsOwnRulesReplaceOnlyWhatTheySet()
    {
        var options = new HeldRunsOptions { Programs = { ["busy"] = new HoldRuleOverrides { EventsMinimum = 100_000 }, ["off"] = new HoldRuleOverrides { Enabled = false } } };

        var busy = options.For("busy");
        Assert.Equal((100_000L, 5.0, 14, 20.0, true), (busy.EventsMinimum, busy.EventsFactor, busy.HistoryNights, busy.MemberDropPercent, busy.Enabled));
        Assert.Empty(HoldCheck.Evaluate(busy, Today(50_000), Nights(100)));
        Assert.NotEmpty(HoldCheck.Evaluate(options.For("other"), Today(50_000), Nights(100)));
        Assert.Empty(HoldCheck.Evaluate(options.For("off"), Today(50_000, members: 1), Nights(100)));
    }
}
