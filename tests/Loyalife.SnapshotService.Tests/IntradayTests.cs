using System.Globalization;

namespace Loyalife.SnapshotService.Tests;

/// <summary>
/// The open day as intraday passes read it: each row's events in exactly one pass, whatever order rows commit in;
/// the pass's members with attributes as of its cut-off; a malformed pass a 400.
/// </summary>
public sealed class IntradayTests
{
    // A zone where it is about noon now, so no pass of a test straddles the open day's end; Offset is its UTC offset.
    private static readonly int Hours = 12 - DateTime.UtcNow.Hour;
    private static readonly string Offset = $"{(Hours < 0 ? "-" : "+")}{Math.Abs(Hours):00}:00";

    private static string NoonZone() => Hours == 0 ? "UTC" : $"Etc/GMT{(Hours > 0 ? "-" : "+")}{Math.Abs(Hours)}";

    // An instant shortly before a row is written: within the backdating allowance, so the lane finds the row
    // whenever its transaction commits (docs/ledger.md, "How far back a pass reads").
    private static string Ago(int seconds) => DateTimeOffset.UtcNow.AddSeconds(-seconds).ToString("O");

    [Fact]
    public async Task APassSendsTheDaysRowsSoFarWithItsMembersAttributesAsOfTheCutOff()
    {
        await using var app = await SnapshotApp.StartWithMemberAsync("2026-12-07T12:00:00Z", NoonZone(), "Bronze", "Silver");
        var passes = new IntradayPasses(app, "p");
        var today = (await passes.NextAsync()).Date;
        var w = app.Ledger;
        await w.EntryAsync(1, "p", "M1", "2026-01-01T00:00:00Z", "accrual", 40, transactionId: "T0");
        await w.EntryAsync(2, "p", "M1", Ago(2), "accrual", 150, transactionId: "T1");
        await w.TierAsync(1, "p", "M1", Ago(1), "Silver");
        await w.MemberAsync("p", "M2", "C2", "2025-01-01T00:00:00Z");

        var passed = await passes.UntilAsync(events => events.Count == 1);

        var pass = passed.Single(p => p.Events.Count > 0);
        Assert.Equal(["pe-2"], pass.Events.Select(e => e.GetProperty("eventId").GetString()));
        var member = Assert.Single(pass.Members);
        Assert.Equal("M1", member.GetProperty("memberId").GetString());
        var attributes = member.GetProperty("attributes");
        Assert.Equal(190, attributes.GetProperty("points_available").GetInt32());
        Assert.Equal("Silver", attributes.GetProperty("tier").GetString());
        Assert.Equal(today, attributes.GetProperty("last_transaction_date").GetString());
        Assert.Equal(0, attributes.GetProperty("days_since_last_activity").GetInt32());
        Assert.DoesNotContain(passed, p => p.Events.Any(e => e.GetProperty("name").GetString() == "loyalty_points_expiring_soon"));
    }

    [Fact]
    public async Task ARowCommittedLateWithAnEarlierInstantIsInTheNextPassAndEveryRowInExactlyOne()
    {
        await using var app = await SnapshotApp.StartWithMemberAsync("2026-12-07T12:00:00Z", NoonZone(), "Bronze");
        var passes = new IntradayPasses(app, "p");
        await passes.NextAsync();
        await app.Ledger.EntryAsync(1, "p", "M1", Ago(3), "accrual", 10, transactionId: "T1");

        // A transaction that began first, for an earlier instant, commits after a later one and after a pass.
        await using var slow = new NpgsqlConnection(app.ConnectionString);
        await slow.OpenAsync();
        await using var transaction = await slow.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            $"INSERT INTO loyalty.point_entries (entry_id, program_id, member_id, occurred_at, entry_type, points) VALUES (3, 'p', 'M1', '{Ago(2)}', 'redemption', 5)",
            slow, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await app.Ledger.EntryAsync(2, "p", "M1", Ago(1), "accrual", 20, transactionId: "T2");
        var during = await passes.UntilAsync(events => events.Count >= 1);
        Assert.DoesNotContain(during.SelectMany(p => p.Events), e => e.GetProperty("eventId").GetString() is "pe-3" or "pe-2");

        await transaction.CommitAsync();
        var after = await passes.UntilAsync(events => events.Count == 2);

        var ids = during.Concat(after).SelectMany(p => p.Events).Select(e => e.GetProperty("eventId").GetString()).ToList();
        Assert.Equal(["pe-1", "pe-2", "pe-3"], ids.Order());
        var last = after.Last(p => p.Events.Count > 0);
        Assert.Equal(25, Assert.Single(last.Members).GetProperty("attributes").GetProperty("points_available").GetInt32());
    }

    [Fact]
    public async Task ARowForAnInstantAfterTheCutOffWaitsForAPassWhoseCutOffPassesIt()
    {
        await using var app = await SnapshotApp.StartWithMemberAsync("2026-12-07T12:00:00Z", NoonZone(), "Bronze");
        var passes = new IntradayPasses(app, "p");
        var first = await passes.NextAsync();
        var soon = first.CutOff.AddSeconds(2);
        await app.Ledger.EntryAsync(1, "p", "M1", soon.UtcDateTime.ToString("O"), "accrual", 10, transactionId: "T1");
        var early = await passes.NextAsync();
        Assert.Empty(early.Events);

        var later = await passes.UntilAsync(events => events.Count == 1);
        Assert.Equal("pe-1", later.SelectMany(p => p.Events).Single().GetProperty("eventId").GetString());
    }

    [Fact]
    public async Task AMemberWhoseRowMakesNoEventIsStillRefreshedAndOnlyEventsAreListed()
    {
        await using var app = await SnapshotApp.StartWithMemberAsync("2026-12-07T12:00:00Z", NoonZone(), "Bronze");
        var passes = new IntradayPasses(app, "p");
        await passes.NextAsync();
        await app.Ledger.StatusAsync(1, "p", "M1", "2025-01-01T00:00:00Z", "active");
        // Active to inactive is no event of the lane, but the member's status attribute changed.
        await app.Ledger.StatusAsync(2, "p", "M1", Ago(1), "inactive");

        // Other tests' transactions may hold the horizon back a moment: passes until one holds the member.
        var passed = new List<IntradayPasses.Pass>();
        for (var attempt = 0; attempt < 100 && !passed.Any(p => p.Members.Count > 0); attempt++)
        {
            passed.Add(await passes.NextAsync());
            await Task.Delay(50);
        }

        Assert.Empty(passed.SelectMany(p => p.Events));
        var member = Assert.Single(passed.SelectMany(p => p.Members));
        Assert.Equal("inactive", member.GetProperty("attributes").GetProperty("status").GetString());
    }

    [Fact]
    public async Task ARowDatedFurtherBackThanTheBackdatingAllowanceIsLeftToTheNight()
    {
        await using var app = await SnapshotApp.StartWithMemberAsync("2026-12-07T12:00:00Z", NoonZone(), "Bronze");
        var passes = new IntradayPasses(app, "p");
        var today = (await passes.NextAsync()).Date;

        // A correction dated this morning, committed with an ordinary row after a pass.
        await app.Ledger.ExecuteAsync(
            "INSERT INTO loyalty.point_entries (entry_id, program_id, member_id, occurred_at, entry_type, points, transaction_id) " +
            $"VALUES (1, 'p', 'M1', '{today}T00:00:01{Offset}', 'manual_bonus', 10, NULL), (2, 'p', 'M1', '{Ago(1)}', 'accrual', 20, 'T2')");

        var passed = await passes.UntilAsync(events => events.Count >= 1);
        passed.Add(await passes.NextAsync());

        Assert.Equal(["pe-2"], passed.SelectMany(p => p.Events).Select(e => e.GetProperty("eventId").GetString()));
        var refreshed = passed.Single(p => p.Events.Count > 0).Members.Single();
        Assert.Equal(30, refreshed.GetProperty("attributes").GetProperty("points_available").GetInt32());
        app.Time.SetUtcNow(DateTimeOffset.Parse($"{today}T00:00:00{Offset}", CultureInfo.InvariantCulture).AddDays(1).AddHours(1));
        var night = await app.GetAllAsync($"/v1/programs/p/snapshots/{today}/events", 100);
        Assert.Contains(night, e => e.GetProperty("eventId").GetString() == "pe-1");
    }

    [Fact]
    public async Task TheCutOffWaitsAtTheStartOfTheOldestTransactionThatHasWrittenUntilItEnds()
    {
        await using var app = await SnapshotApp.StartWithMemberAsync("2026-12-07T12:00:00Z", NoonZone(), "Bronze");
        await using var open = new NpgsqlConnection(app.ConnectionString);
        await open.OpenAsync();
        await using var transaction = await open.BeginTransactionAsync();
        await using var write = new NpgsqlCommand("SELECT txid_current()::text, now()", open, transaction);
        DateTimeOffset began;
        await using (var reader = await write.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            began = reader.GetFieldValue<DateTimeOffset>(1);
        }

        async Task<DateTimeOffset> CutOffAsync() =>
            (await app.GetJsonAsync("/v1/programs/p/intraday/horizon")).GetProperty("cutOff").GetDateTimeOffset();

        await Task.Delay(1100);
        var held = await CutOffAsync();
        await transaction.CommitAsync();

        Assert.True(held <= began, $"cut-off {held:O} after the start of the open transaction, {began:O}");
        var after = held;
        for (var attempt = 0; attempt < 100 && after <= began; attempt++)
        {
            await Task.Delay(100); // other tests' transactions may hold it a moment
            after = await CutOffAsync();
        }

        Assert.True(after > began, $"cut-off {after:O} still at or before {began:O} after the transaction ended");
    }

    [Fact]
    public async Task ARoleThatCannotSeeOtherSessionsTransactionsReadsTheWholeDayEachPass()
    {
        var role = "reader_" + Guid.NewGuid().ToString("N")[..12];
        await using var app = await SnapshotApp.StartAsync(DateTimeOffset.Parse("2026-12-07T12:00:00Z", CultureInfo.InvariantCulture), readerRole: role);
        await app.Ledger.ProgramAsync("p", NoonZone(), "Bronze");
        await app.Ledger.MemberAsync("p", "M1", "C1", "2025-01-01T00:00:00Z");
        var passes = new IntradayPasses(app, "p");
        var today = (await passes.NextAsync()).Date;

        await app.Ledger.EntryAsync(1, "p", "M1", $"{today}T00:00:01{Offset}", "manual_bonus", 10);
        var passed = await passes.UntilAsync(events => events.Count >= 1);

        Assert.Equal(["pe-1"], passed.SelectMany(p => p.Events).Select(e => e.GetProperty("eventId").GetString()));
    }

    // NoonZone puts now at local noon, so day 2026-12-07 spans, by the hour the test runs, anything from
    // [12-06T12:00Z, 12-07T12:00Z) to [12-07T11:00Z, 12-08T11:00Z): 11:00Z–11:59Z lie within it at any hour, the
    // 5th and the 9th outside it. (At 23:xx UTC a cut-off of 12-08T10:00Z lay within the day and was answered.)
    public static TheoryData<string> BadWindows =>
    [
        "",
        "to=abc&cutOff=2026-12-07T11:30:00Z",
        "to=100&cutOff=yesterday",
        "to=100&cutOff=2026-12-07T11:30:00Z&from=50",
        "to=100&cutOff=2026-12-07T11:30:00Z&from=150&since=2026-12-07T11:00:00Z",
        "to=100&cutOff=2026-12-07T11:30:00Z&from=50&since=2026-12-07T11:45:00Z",
        "to=100&cutOff=2026-12-09T10:00:00Z",
        "to=100&cutOff=2026-12-05T10:00:00Z",
        "to=100&cutOff=2026-12-07T11:30:00Z&from=50&since=2026-12-05T12:00:00Z",
        "to=-1&cutOff=2026-12-07T11:30:00Z",
        "to=99999999999999999999999&cutOff=2026-12-07T11:30:00Z",
        "to=5000000000&cutOff=2026-12-07T11:30:00Z&from=1&since=2026-12-07T11:00:00Z",
    ];

    [Theory]
    [MemberData(nameof(BadWindows))]
    public async Task AMalformedPassIsA400Problem(string window)
    {
        await using var app = await SnapshotApp.StartWithMemberAsync("2026-12-07T12:00:00Z", NoonZone(), "Bronze");

        foreach (var stream in (string[])["members", "events", "summary"])
        {
            using var response = await app.Client.GetAsync($"/v1/programs/p/intraday/2026-12-07/{stream}?{window}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task AnUnknownProgramIsA404()
    {
        await using var app = await SnapshotApp.StartWithMemberAsync("2026-12-07T12:00:00Z", NoonZone(), "Bronze");

        using var response = await app.Client.GetAsync("/v1/programs/nope/intraday/horizon");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
