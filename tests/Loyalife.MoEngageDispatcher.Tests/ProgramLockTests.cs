namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class ProgramLockTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    [Fact]
    public async Task OneHolderAtATimeAndTheLeaseOutlivesItsDurationWhileRenewed()
    {
        await using var first = env.Dispatcher();
        await using var second = env.Dispatcher();
        var programId = "lock-" + Guid.NewGuid().ToString("N");

        await using (var lease = await first.Services.GetRequiredService<ProgramLock>().TryAcquireAsync(programId, CancellationToken.None))
        {
            Assert.NotNull(lease);
            await Task.Delay(TimeSpan.FromSeconds(4)); // longer than the 3 s lease the tests configure
            Assert.Null(await second.Services.GetRequiredService<ProgramLock>().TryAcquireAsync(programId, CancellationToken.None));
            Assert.False(lease.Lost.IsCancellationRequested);
        }

        await using var next = await second.Services.GetRequiredService<ProgramLock>().TryAcquireAsync(programId, CancellationToken.None);
        Assert.NotNull(next);
    }

    [Fact]
    public async Task AHolderWhoseRunWasTakenOverCannotWriteItsCheckpointAnyMore()
    {
        await using var dispatcher = env.Dispatcher();
        var store = dispatcher.Services.GetRequiredService<RunStore>();
        var fenced = dispatcher.Services.GetRequiredService<FencedRunStore>();
        var date = new DateOnly(2026, 11, 20);
        var run = (await store.CreateRunAsync("fence-" + Guid.NewGuid().ToString("N"), date, date, RunTrigger.Manual, false, null, true, CancellationToken.None))!;
        var old = await fenced.NextFencingTokenAsync(CancellationToken.None);
        var newer = await fenced.NextFencingTokenAsync(CancellationToken.None);
        Assert.NotNull(await fenced.ClaimAsync(run.RunId, old, CancellationToken.None));
        var resumed = await fenced.ClaimAsync(run.RunId, newer, CancellationToken.None);

        var checkpoint = new Checkpoint(date, SnapshotKind.Members, new StreamPosition("42", 3));
        await Assert.ThrowsAsync<LeaseLostException>(() =>
            fenced.SaveProgressAsync(run.RunId, old, checkpoint, new RunReport(), [], CancellationToken.None));
        Assert.Null(await fenced.ClaimAsync(run.RunId, old, CancellationToken.None));
        await fenced.SaveProgressAsync(run.RunId, newer, checkpoint, new RunReport { MembersSent = 7 }, [], CancellationToken.None);

        var stored = (await store.GetRunAsync(run.RunId, CancellationToken.None))!;
        Assert.Equal(2, resumed!.Attempts);
        Assert.Equal(checkpoint, stored.Checkpoint);
        Assert.Equal(7, stored.Report.MembersSent);
    }
}
