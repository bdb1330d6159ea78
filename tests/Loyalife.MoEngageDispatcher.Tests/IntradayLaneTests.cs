namespace Loyalife.MoEngageDispatcher.Tests;

/// <summary>
/// The intraday lane against real PostgreSQL and Redis and the MoEngage stand-in: passes of the open day, then the
/// night of that day; every event reaches MoEngage once, attributes never go back in time, the lane is off by default.
/// </summary>
public sealed class IntradayLaneTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    private static readonly DateOnly Day = new(2026, 11, 20);
    private static readonly Dictionary<string, string?> OneNight = new() { ["Sync:MaxCatchUpDays"] = "1", ["Verification:SampleSize"] = "0" };
    private static readonly Dictionary<string, string?> HoldingEveryDay = new(OneNight) { ["HeldRuns:EventsMinimum"] = "1" };
    private static readonly DateTimeOffset TwoNightsBefore = new(2026, 11, 18, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task LanePassesThenTheNightDeliverEveryEventOnceAndTheNightsReportCountsTheLanes()
    {
        var program = await ProgramWithLaneAsync(members: 6);
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await using var dispatcher = await DispatcherAsync(program, clock);

        Commit(program, 1, 3);
        await dispatcher.ProcessNowAsync(program.ProgramId);
        // A row committed after the first pass: the next pass. Two more after the day's last pass: the night.
        Commit(program, 4, 4);
        program.CutOff = program.CutOff.AddMinutes(2);
        await dispatcher.ProcessNowAsync(program.ProgramId);
        Commit(program, 5, 6);

        var lane = await env.StandIn.StatsAsync(program.AppId);
        Assert.Equal(4, lane.Stat("eventsAccepted"));
        Assert.Equal(1000 + 10, (await env.StandIn.CustomerAsync(program.AppId, "C0000001")).GetProperty("attributes").GetProperty("points_available").GetInt32());
        Assert.Empty(await dispatcher.RunsAsync(program.ProgramId));

        // The day closes; its night sends the full refresh and only what the lane did not.
        clock.Now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        program.OpenDay = Day.AddDays(1);
        await dispatcher.ProcessNowAsync(program.ProgramId);

        var night = Assert.Single(await dispatcher.RunsAsync(program.ProgramId));
        Assert.Equal(RunStatus.Succeeded, night.Status);
        Assert.Equal(4, night.Report.EventsSentByIntradayLane);
        Assert.Equal(2, night.Report.EventsSent.Values.Sum());
        var stats = await env.StandIn.StatsAsync(program.AppId);
        Assert.Equal((6, 0), (stats.Stat("eventsAccepted"), stats.Stat("eventsDuplicated")));
        // The lane's four members, then the night's full refresh of all six.
        Assert.Equal(4 + 6, stats.Stat("customersUpdated"));
        Assert.Equal(10, (await env.StandIn.CustomerAsync(program.AppId, "C0000001")).GetProperty("attributes").GetProperty("points_available").GetInt32());

        using var admin = dispatcher.Admin();
        var days = await admin.GetFromJsonAsync<JsonElement>($"/v1/programs/{program.ProgramId}/intraday-days");
        var day = days.EnumerateArray().Single(d => d.GetProperty("businessDate").GetString() == "2026-11-20");
        Assert.Equal((2, 4, 4), (day.GetProperty("passes").GetInt64(), day.GetProperty("eventsSent").GetInt64(), day.GetProperty("membersRefreshed").GetInt64()));
        Assert.True(day.GetProperty("delayWorstSeconds").GetDouble() >= day.GetProperty("delayMedianSeconds").GetDouble());
    }

    [Fact]
    public async Task ANightRunAgainAfterALaterDaysPassLeavesThatPassesMembersOut()
    {
        var program = await ProgramWithLaneAsync(members: 3);
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        await using var dispatcher = await DispatcherAsync(program, clock);
        program.OpenDay = Day.AddDays(1);
        program.IntradayPoints = 5000;
        Commit(program, 1, 1);

        // The night of the 20th, then a pass of the 21st that refreshes member 1 as of a later instant.
        await dispatcher.ProcessNowAsync(program.ProgramId);
        Assert.Equal(5010, (await env.StandIn.CustomerAsync(program.AppId, "C0000001")).GetProperty("attributes").GetProperty("points_available").GetInt32());

        using var admin = dispatcher.Admin();
        using var rerun = await admin.PostAsJsonAsync($"/v1/programs/{program.ProgramId}/sync-runs", new { businessDate = "2026-11-20" });
        Assert.Equal(HttpStatusCode.Accepted, rerun.StatusCode);
        var runs = await dispatcher.WaitForRunsAsync(program.ProgramId, count: 2);

        Assert.Equal(1, runs[0].Report.MembersLeftToIntradayLane);
        Assert.Equal(5010, (await env.StandIn.CustomerAsync(program.AppId, "C0000001")).GetProperty("attributes").GetProperty("points_available").GetInt32());
    }

    [Fact]
    public async Task AProgramWithoutTheSettingHasNoPass()
    {
        var program = await ProgramWithLaneAsync(members: 3);
        program.IntradayMinutes = null;
        Commit(program, 1, 3);
        await using var dispatcher = await DispatcherAsync(program, new FakeClock(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)));

        await dispatcher.ProcessNowAsync(program.ProgramId);

        Assert.Equal(0, (await env.StandIn.StatsAsync(program.AppId)).Stat("eventsAccepted"));
        using var admin = dispatcher.Admin();
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/v1/programs/{program.ProgramId}/intraday-days")).GetArrayLength());
    }

    // Ticks come a few milliseconds either side of the minute: a pass is due at one up to half a minute short of its minutes.
    [Theory]
    [InlineData(120, 240)]
    [InlineData(269, 30.8)]
    public async Task APassIsNotRunBeforeItsMinutesLessHalfATickHavePassed(double notYetSeconds, double thenSeconds)
    {
        var program = await ProgramWithLaneAsync(members: 6);
        program.IntradayMinutes = 5;
        await using var dispatcher = await DispatcherAsync(program, new FakeClock(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)));
        Commit(program, 1, 2);
        await dispatcher.ProcessNowAsync(program.ProgramId);

        Commit(program, 3, 4);
        program.CutOff = program.CutOff.AddSeconds(notYetSeconds);
        await dispatcher.ProcessNowAsync(program.ProgramId);
        Assert.Equal(2, (await env.StandIn.StatsAsync(program.AppId)).Stat("eventsAccepted"));

        program.CutOff = program.CutOff.AddSeconds(thenSeconds);
        await dispatcher.ProcessNowAsync(program.ProgramId);
        Assert.Equal(4, (await env.StandIn.StatsAsync(program.AppId)).Stat("eventsAccepted"));
    }

    [Fact]
    public async Task APassThatFailedMidwayResumesFromItsCheckpointWhileItsDayIsOpen()
    {
        var program = await ProgramWithLaneAsync(members: 6);
        await using var dispatcher = await DispatcherAsync(program, new FakeClock(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)));
        Commit(program, 1, 4);
        program.IntradayEventFailures = 1;

        await dispatcher.ProcessNowAsync(program.ProgramId);
        Assert.Equal((4L, 0L), await CustomersAndEventsAsync(program));

        // The next tick resumes the same pass at its events: its members are not sent again, every event once.
        await dispatcher.ProcessNowAsync(program.ProgramId);
        Assert.Equal((4L, 4L), await CustomersAndEventsAsync(program));
        Assert.Equal(0, (await env.StandIn.StatsAsync(program.AppId)).Stat("eventsDuplicated"));
    }

    [Fact]
    public async Task SwitchedOffMidDayTheUnfinishedPassIsAbandonedAndTheNightSendsTheRest()
    {
        var program = await ProgramWithLaneAsync(members: 6);
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await using var dispatcher = await DispatcherAsync(program, clock);
        Commit(program, 1, 2);
        await dispatcher.ProcessNowAsync(program.ProgramId);
        Commit(program, 3, 4);
        program.CutOff = program.CutOff.AddMinutes(2);
        program.IntradayEventFailures = 1;
        await dispatcher.ProcessNowAsync(program.ProgramId);

        program.IntradayMinutes = null;
        await dispatcher.ProcessNowAsync(program.ProgramId);
        Assert.Equal(2, (await env.StandIn.StatsAsync(program.AppId)).Stat("eventsAccepted"));

        clock.Now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        await dispatcher.ProcessNowAsync(program.ProgramId);

        var night = Assert.Single(await dispatcher.RunsAsync(program.ProgramId));
        Assert.Equal((2L, 4L), (night.Report.EventsSentByIntradayLane, night.Report.EventsSent.Values.Sum()));
        var stats = await env.StandIn.StatsAsync(program.AppId);
        Assert.Equal((6, 0), (stats.Stat("eventsAccepted"), stats.Stat("eventsDuplicated")));
    }

    [Fact]
    public async Task APassWhoseDaySoFarBreaksTheHoldRulesIsHeldTheLaneStopsForTheDayAndTheNightSendsItsEvents()
    {
        var program = await ProgramWithLaneAsync(members: 6);
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero));
        await using var dispatcher = env.Dispatcher(clock, new Dictionary<string, string?>(OneNight) { ["HeldRuns:EventsMinimum"] = "1" });
        // Two nights of four earned and two redeemed events each, the lane off: the history a pass is weighed against.
        program.IntradayMinutes = null;
        await dispatcher.ProcessNowAsync(program.ProgramId);
        clock.Now = new DateTimeOffset(2026, 11, 19, 12, 0, 0, TimeSpan.Zero);
        await dispatcher.ProcessNowAsync(program.ProgramId);
        var nightsBefore = (await env.StandIn.StatsAsync(program.AppId)).Stat("eventsAccepted");

        // 01:30 in Amsterdam: the day's first hour and a half already holds a whole night's events, far above five nights' worth projected.
        clock.Now = new DateTimeOffset(2026, 11, 20, 0, 30, 0, TimeSpan.Zero);
        program.CutOff = clock.Now;
        program.IntradayMinutes = 1;
        Commit(program, 1, 6);
        await dispatcher.ProcessNowAsync(program.ProgramId);
        var nightOf19 = (await env.StandIn.StatsAsync(program.AppId)).Stat("eventsAccepted") - nightsBefore;
        Assert.Equal(6, nightOf19);

        program.CutOff = program.CutOff.AddMinutes(5);
        await dispatcher.ProcessNowAsync(program.ProgramId);
        Assert.Equal(nightsBefore + 6, (await env.StandIn.StatsAsync(program.AppId)).Stat("eventsAccepted"));
        using var admin = dispatcher.Admin();
        var day = (await admin.GetFromJsonAsync<JsonElement>($"/v1/programs/{program.ProgramId}/intraday-days"))[0];
        Assert.Equal(("2026-11-20", 1L, 0L), (day.GetProperty("businessDate").GetString(), day.GetProperty("heldPasses").GetInt64(), day.GetProperty("eventsSent").GetInt64()));
        await using (var alerted = dispatcher.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(
            "SELECT count(*) FROM dispatch.alerts WHERE program_id = @p AND kind = 'intraday_held'"))
        {
            alerted.Parameters.AddWithValue("p", program.ProgramId);
            Assert.Equal(1L, (long)(await alerted.ExecuteScalarAsync())!);
        }

        clock.Now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        await dispatcher.ProcessNowAsync(program.ProgramId);
        var night = (await dispatcher.RunsAsync(program.ProgramId))[0];
        Assert.Equal(("2026-11-20", 0L, 6L), (night.BusinessDate, night.Report.EventsSentByIntradayLane, night.Report.EventsSent.Values.Sum()));
    }

    [Fact]
    public async Task AHeldPassReleasedByTheAdminIsSentAsHeldAndTheLaneGoesOnWithItsDay()
    {
        var (program, clock) = (await ProgramWithLaneAsync(members: 6), new FakeClock(TwoNightsBefore));
        await using var dispatcher = env.Dispatcher(clock, HoldingEveryDay);
        var before = await HoldAPassAsync(program, clock, dispatcher, last: 4);
        using var admin = dispatcher.Admin();
        var held = Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/v1/programs/{program.ProgramId}/intraday-passes/held")).EnumerateArray());
        var passId = held.GetProperty("passId").GetString();
        Assert.Equal(("held", "2026-11-20"), (held.GetProperty("status").GetString(), held.GetProperty("businessDate").GetString()));
        Assert.Contains("intraday pass", held.GetProperty("held").GetProperty("summary").GetString());

        using var released = await admin.PostAsync($"/v1/programs/{program.ProgramId}/intraday-passes/{passId}/release", null);

        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        var decided = await released.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", decided.GetProperty("status").GetString());
        Assert.Equal("admin-token", decided.GetProperty("held").GetProperty("releasedBy").GetString());
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>($"/v1/programs/{program.ProgramId}/intraday-passes/held")).GetArrayLength());
        using (var again = await admin.PostAsync($"/v1/programs/{program.ProgramId}/intraday-passes/{passId}/skip", null))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        // The released pass goes out as it was held, not weighed again.
        await dispatcher.ProcessNowAsync(program.ProgramId);
        Assert.Equal(before + 4, (await env.StandIn.StatsAsync(program.AppId)).Stat("eventsAccepted"));

        // The lane goes on with the day: late in it, two more rows are a pass like any other.
        var (late, night) = await LateRowsThenTheNightAsync(program, clock, dispatcher);
        Assert.Equal(before + 6, late);
        Assert.Equal(("2026-11-20", 6L, 0L, 0L), (night.BusinessDate, night.Report.EventsSentByIntradayLane, night.Report.EventsSent.Values.Sum(), night.Report.EventsSkippedByAdmin));
        // The night sent none of the day's events (above), so MoEngage got each once. (The stand-in's duplicate count does not
        // tell: this program's nights before reuse the day's event ids.)
        Assert.Equal(before + 6, (await env.StandIn.StatsAsync(program.AppId)).Stat("eventsAccepted"));
    }

    [Fact]
    public async Task AHeldPassSkippedByTheAdminIsNeverSentNotEvenByItsNightWhoseReportCountsItsEventsAsSkipped()
    {
        var (program, clock) = (await ProgramWithLaneAsync(members: 6), new FakeClock(TwoNightsBefore));
        await using var dispatcher = env.Dispatcher(clock, HoldingEveryDay);
        var before = await HoldAPassAsync(program, clock, dispatcher, last: 4);
        using var admin = dispatcher.Admin();
        var passId = (await admin.GetFromJsonAsync<JsonElement>($"/v1/programs/{program.ProgramId}/intraday-passes/held"))[0].GetProperty("passId").GetString();
        using (var unknown = await admin.PostAsync($"/v1/programs/{program.ProgramId}/intraday-passes/{Guid.NewGuid()}/skip", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using var skipped = await admin.PostAsync($"/v1/programs/{program.ProgramId}/intraday-passes/{passId}/skip", null);

        Assert.Equal(HttpStatusCode.OK, skipped.StatusCode);
        var decided = await skipped.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("skipped", "admin-token"), (decided.GetProperty("status").GetString(), decided.GetProperty("held").GetProperty("skippedBy").GetString()));

        // The lane goes on with the rows after the skipped pass, and only those; the night of the day sends neither the
        // lane's two nor the four skipped: a ledger mistake reaches no phone at night either.
        var (late, night) = await LateRowsThenTheNightAsync(program, clock, dispatcher);
        Assert.Equal(before + 2, late);
        Assert.Equal(RunStatus.Succeeded, night.Status);
        Assert.Equal(("2026-11-20", 2L, 0L, 4L), (night.BusinessDate, night.Report.EventsSentByIntradayLane, night.Report.EventsSent.Values.Sum(), night.Report.EventsSkippedByAdmin));
        Assert.Equal(4L, night.Report.Days["2026-11-20"].EventsSkippedByAdmin);
        // The night sent none of the day's events (above), so MoEngage got each once. (The stand-in's duplicate count does not
        // tell: this program's nights before reuse the day's event ids.)
        Assert.Equal(before + 2, (await env.StandIn.StatsAsync(program.AppId)).Stat("eventsAccepted"));
    }

    [Fact]
    public async Task APassesRejectedElementIsKeptLikeARunsUnderThePassesId()
    {
        var program = await ProgramWithLaneAsync(members: 3);
        await using var dispatcher = await DispatcherAsync(program, new FakeClock(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)));
        Commit(program, 1, 1);
        var broken = program.Events[1].DeepClone().AsObject();
        broken.Remove("occurredAt");
        lock (program.Committed)
        {
            program.Committed.Add((program.OpenDay, broken));
        }

        await dispatcher.ProcessNowAsync(program.ProgramId);

        Assert.Equal(1, (await env.StandIn.StatsAsync(program.AppId)).Stat("eventsAccepted"));
        await using var rejected = dispatcher.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand("""
            SELECT r.business_date, r.kind, r.answer, r.element FROM dispatch.rejected_elements r
            JOIN dispatch.intraday_passes p ON p.pass_id = r.run_id WHERE p.program_id = @p
            """);
        rejected.Parameters.AddWithValue("p", program.ProgramId);
        await using var reader = await rejected.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "the pass's rejected element was not kept");
        Assert.Equal((Day, "event"), (reader.GetFieldValue<DateOnly>(0), reader.GetString(1)));
        Assert.Contains("occurredAt", reader.GetString(2));
        Assert.Contains((string)broken["eventId"]!, reader.GetString(3));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task TwoReplicasTickingTogetherDeliverEachEventOnce()
    {
        var program = await ProgramWithLaneAsync(members: 6);
        var clock = new FakeClock(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await using var first = await DispatcherAsync(program, clock);
        await using var second = env.Dispatcher(clock, OneNight);
        for (var round = 0; round < 3; round++)
        {
            Commit(program, round * 2 + 1, round * 2 + 2);
            program.CutOff = program.CutOff.AddMinutes(2);
            var scheduler = (ServiceHost<Program> host) =>
                host.Services.GetRequiredService<Scheduling.SyncScheduler>().ProcessProgramAsync(program.ProgramId, true, default, CancellationToken.None);
            await Task.WhenAll(scheduler(first), scheduler(second));
            // A replica that found the lock taken did nothing; the one that held it ran the pass to its end.
            await first.ProcessNowAsync(program.ProgramId);
        }

        var stats = await env.StandIn.StatsAsync(program.AppId);
        Assert.Equal((6, 0), (stats.Stat("eventsAccepted"), stats.Stat("eventsDuplicated")));
    }

    [Fact]
    public async Task TheMinuteCronTickRunsADuePass()
    {
        var program = await ProgramWithLaneAsync(members: 3);
        await using var dispatcher = await DispatcherAsync(program, new FakeClock(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)));
        Commit(program, 1, 2);
        using var client = dispatcher.CreateClient();
        using var tick = new HttpRequestMessage(HttpMethod.Post, "/intraday-tick");
        tick.Headers.Add("dapr-api-token", DispatcherApp.AppApiToken);

        (await client.SendAsync(tick)).EnsureSuccessStatusCode();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await env.StandIn.StatsAsync(program.AppId)).Stat("eventsAccepted") < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(2, (await env.StandIn.StatsAsync(program.AppId)).Stat("eventsAccepted"));
    }

    /// <summary>
    /// Two synced nights with the lane off (the history a pass is weighed against), then at 01:30 in Amsterdam a pass of
    /// events 1..<paramref name="last"/>, far above the nights' worth projected to a whole day: held. The events MoEngage had before it.
    /// </summary>
    private async Task<long> HoldAPassAsync(FakeProgram program, FakeClock clock, DispatcherApp dispatcher, int last)
    {
        program.IntradayMinutes = null;
        await dispatcher.ProcessNowAsync(program.ProgramId);
        clock.Now = new DateTimeOffset(2026, 11, 19, 12, 0, 0, TimeSpan.Zero);
        await dispatcher.ProcessNowAsync(program.ProgramId);
        clock.Now = new DateTimeOffset(2026, 11, 20, 0, 30, 0, TimeSpan.Zero);
        program.CutOff = clock.Now;
        program.IntradayMinutes = 1;
        Commit(program, 1, last);
        await dispatcher.ProcessNowAsync(program.ProgramId);
        var before = (await env.StandIn.StatsAsync(program.AppId)).Stat("eventsAccepted");
        program.CutOff = program.CutOff.AddMinutes(5);
        await dispatcher.ProcessNowAsync(program.ProgramId);
        Assert.Equal(before, (await env.StandIn.StatsAsync(program.AppId)).Stat("eventsAccepted"));
        return before;
    }

    /// <summary>Events 5 and 6 committed late in the day and a pass of them; then the day's night. MoEngage's events after the pass, and the night.</summary>
    private async Task<(long Accepted, SyncRunResponse Night)> LateRowsThenTheNightAsync(FakeProgram program, FakeClock clock, DispatcherApp dispatcher)
    {
        Commit(program, 5, 6);
        clock.Now = program.CutOff = new DateTimeOffset(2026, 11, 20, 21, 0, 0, TimeSpan.Zero);
        await dispatcher.ProcessNowAsync(program.ProgramId);
        var accepted = (await env.StandIn.StatsAsync(program.AppId)).Stat("eventsAccepted");
        clock.Now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        await dispatcher.ProcessNowAsync(program.ProgramId);
        return (accepted, (await dispatcher.RunsAsync(program.ProgramId))[0]);
    }

    /// <summary>A program whose lane runs every minute, its open day <see cref="Day"/>.</summary>
    private async Task<FakeProgram> ProgramWithLaneAsync(int members)
    {
        var program = await env.ProgramAsync(members, events: 6);
        program.IntradayMinutes = 1;
        program.OpenDay = Day;
        program.IntradayPoints = 1000;
        program.CutOff = new DateTimeOffset(2026, 11, 20, 11, 0, 0, TimeSpan.Zero);
        return program;
    }

    /// <summary>The dispatcher, with the program's night before <see cref="Day"/> already synced (so only what a test makes is sent).</summary>
    private async Task<DispatcherApp> DispatcherAsync(FakeProgram program, FakeClock clock)
    {
        var dispatcher = env.Dispatcher(clock, OneNight);
        await using var synced = dispatcher.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(
            "INSERT INTO dispatch.synced_days (program_id, business_date, run_id, synced_at) VALUES (@p, @d, gen_random_uuid(), now())");
        synced.Parameters.AddWithValue("p", program.ProgramId);
        synced.Parameters.AddWithValue("d", Day.AddDays(-1));
        await synced.ExecuteNonQueryAsync();
        return dispatcher;
    }

    private async Task<(long Customers, long Events)> CustomersAndEventsAsync(FakeProgram program)
    {
        var stats = await env.StandIn.StatsAsync(program.AppId);
        return (stats.Stat("customersUpdated"), stats.Stat("eventsAccepted"));
    }

    // Commits events first..last of the program's events (1-based) to its open day, in that order.
    private static void Commit(FakeProgram program, int first, int last)
    {
        lock (program.Committed)
        {
            program.Committed.AddRange(program.Events.Skip(first - 1).Take(last - first + 1).Select(e => (program.OpenDay, e)));
        }
    }
}
