using Loyalife.MoEngageStandIn.Workspaces;

namespace Loyalife.MoEngageStandIn.Tests;

public sealed class QuotaWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 10, 15, 30, TimeSpan.Zero);
    private static readonly QuotaDemand TwoUsers = new(QuotaKind.BulkUsers, 2, QuotaKind.BulkEvents, 0);

    [Fact]
    public void TheWindowOpensWithTheFirstRequestAndResetsSixtySecondsLater()
    {
        var window = new QuotaWindow(new WorkspaceLimits { BulkUsersPerMinute = 3 }, getUserPerMinute: null);

        Assert.True(window.TryConsume(Start, TwoUsers));
        Assert.False(window.TryConsume(Start.AddSeconds(59.9), TwoUsers));
        Assert.Equal(new QuotaHeaders(3, 1, 1), window.Headers(Start.AddSeconds(59.5), QuotaKind.BulkUsers, QuotaKind.BulkEvents));
        Assert.True(window.TryConsume(Start.AddSeconds(60), TwoUsers));
        Assert.Equal(new QuotaHeaders(3, 1, 60), window.Headers(Start.AddSeconds(60), QuotaKind.BulkUsers, QuotaKind.BulkEvents));
    }

    [Fact]
    public void AnIdleWorkspaceReportsAFullQuota()
    {
        var window = new QuotaWindow(new WorkspaceLimits { BulkUsersPerMinute = 3 }, getUserPerMinute: null);

        window.TryConsume(Start, TwoUsers);

        Assert.Equal(new QuotaHeaders(3, 3, 60), window.Headers(Start.AddMinutes(5), QuotaKind.BulkUsers, QuotaKind.BulkEvents));
    }

    [Fact]
    public void HeadersDescribeTheTighterOfTheTwoBulkQuotas()
    {
        var window = new QuotaWindow(new WorkspaceLimits { BulkUsersPerMinute = 100, BulkEventsPerMinute = 10 }, getUserPerMinute: null);

        window.TryConsume(Start, new QuotaDemand(QuotaKind.BulkUsers, 5, QuotaKind.BulkEvents, 8));

        Assert.Equal(new QuotaHeaders(10, 2, 60), window.Headers(Start, QuotaKind.BulkUsers, QuotaKind.BulkEvents));
    }

    [Fact]
    public void ARefusedDemandTakesNothing()
    {
        var window = new QuotaWindow(new WorkspaceLimits { BulkUsersPerMinute = 100, BulkEventsPerMinute = 1 }, getUserPerMinute: null);

        Assert.False(window.TryConsume(Start, new QuotaDemand(QuotaKind.BulkUsers, 5, QuotaKind.BulkEvents, 2)));

        Assert.Equal(new QuotaHeaders(1, 1, 60), window.Headers(Start, QuotaKind.BulkUsers, QuotaKind.BulkEvents));
    }

    [Fact]
    public void GetUserHasItsOwnQuotaInTheSameWindow()
    {
        var window = new QuotaWindow(new WorkspaceLimits { BulkUsersPerMinute = 3 }, getUserPerMinute: 20);

        Assert.True(window.TryConsume(Start, new QuotaDemand(QuotaKind.GetUser, 20, QuotaKind.GetUser, 0)));
        Assert.False(window.TryConsume(Start, new QuotaDemand(QuotaKind.GetUser, 1, QuotaKind.GetUser, 0)));
        Assert.True(window.TryConsume(Start, TwoUsers));
        Assert.Equal(new QuotaHeaders(20, 0, 60), window.Headers(Start, QuotaKind.GetUser, QuotaKind.GetUser));
    }
}
