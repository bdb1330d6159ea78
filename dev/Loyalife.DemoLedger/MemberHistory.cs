using Loyalife.Domain.BusinessDays;

namespace Loyalife.DemoLedger;

/// <summary>
/// Simulates one demo member's life in time order, the way Loyalife's core would record it: lots are
/// earned, redemptions and expiries consume lots (oldest expiry first) and record allocations that never
/// exceed a lot's balance, reversals give points back as a new lot. Deterministic for the given
/// <see cref="Random"/>. Longer than most files because a member's life is one chain of state (open lots,
/// balance, tier, status) that every step reads and changes; split up, that state would travel as arguments.
/// </summary>
internal sealed class MemberHistory(DemoProgram program, Random random, IdSequence ids, LedgerSink sink, DateTime now, DateTime closedDayStart, DateTime closedDayEnd)
{
    private static readonly string[] Segments = ["frequent_shopper", "weekend_shopper", "high_value", "lapsing", "newsletter", "app_user"];
    private static readonly string[] Channels = ["store", "online", "app"];
    private static readonly string[] ManualReasons = ["goodwill", "service_recovery", "birthday"];
    private static readonly string[] BadReferences = ["unknown", "NULL", "Guest", "0", "n/a", "None", "user_id", "-1"];

    private readonly List<Lot> lots = [];
    private readonly PriorityQueue<Action, long> plan = new();
    private string memberId = "";
    private int tierIndex;
    private string status = "";
    private int redemptions;

    public void Generate(int n)
    {
        memberId = $"M{n:D8}";
        lots.Clear();
        plan.Clear();
        redemptions = 0;
        var historyStart = now.AddDays(-450);
        var enrolledAt = Second(historyStart.AddSeconds(random.NextDouble() * (now.AddDays(-1) - historyStart).TotalSeconds));
        sink.Members.Add(new MemberRow(program.ProgramId, memberId, Reference(n), enrolledAt));

        status = random.NextDouble() < 0.93 ? "active" : "inactive";
        sink.Statuses.Add(new HistoryRow(ids.Next(IdKind.Status), program.ProgramId, memberId, enrolledAt, status));
        tierIndex = 0;
        sink.Tiers.Add(new HistoryRow(ids.Next(IdKind.Tier), program.ProgramId, memberId, enrolledAt, program.Tiers[0]));

        PlanHistory(n, enrolledAt);
        if (random.NextDouble() < 0.035 && enrolledAt < closedDayStart)
        {
            PlanClosedDayActivity(n);
        }

        while (plan.TryDequeue(out var action, out var ticks))
        {
            ExpireLots(new DateTime(ticks, DateTimeKind.Utc));
            action();
        }

        ExpireLots(now);
    }

    private void PlanHistory(int n, DateTime enrolledAt)
    {
        // Counts grow with tenure (a member transacts at their own daily rate), so activity per day is
        // even over the history instead of crowding into new members' first days. About a third of
        // members are dormant (a purchase every few months); the others buy 1.5 to 4 times a month,
        // which with bonuses, redemptions and expiries makes about 20 point entries a member over the
        // history, as in a loyalty ledger of a year and a quarter.
        var tenure = (now - enrolledAt).TotalDays / 450;
        var dailyRate = random.NextDouble() < 0.35 ? 0.002 + random.NextDouble() * 0.008 : 0.05 + random.NextDouble() * 0.083;
        var accruals = (int)(dailyRate * 450 * tenure + random.NextDouble());
        for (var k = 1; k <= accruals; k++)
        {
            var tx = k;
            At(RandomTime(enrolledAt), at => Accrue(at, $"T{n:D8}-{tx:D3}"));
        }

        // Campaign points are promotional: they expire after 90 days, so dormant members' lapse.
        for (var c = (int)(3 * tenure + random.NextDouble()); c > 0; c--)
        {
            At(RandomTime(enrolledAt), at => Credit(at, "campaign_bonus", random.Next(2, 21) * 25, campaignId: $"CMP-{random.Next(1, 40):D3}", lifeDays: 90));
        }

        if (random.NextDouble() < 0.3 * tenure)
        {
            At(RandomTime(enrolledAt), at => Credit(at, "manual_bonus", random.Next(1, 11) * 10, reason: ManualReasons[random.Next(ManualReasons.Length)]));
        }

        // Active members redeem more often: about one redemption for every five purchases.
        for (var r = (int)(accruals / 5.0 + 0.5 * tenure + random.NextDouble()); r > 0; r--)
        {
            At(RandomTime(enrolledAt), Redeem);
        }

        if (random.NextDouble() < 0.5 * tenure)
        {
            var up = RandomTime(enrolledAt);
            At(up, at => ChangeTier(at, +1));
            if (random.NextDouble() < 0.4)
            {
                At(RandomTime(up), at => ChangeTier(at, +1));
            }

            if (random.NextDouble() < 0.2)
            {
                At(RandomTime(up), at => ChangeTier(at, -1));
            }
        }

        PlanStatusChanges(enrolledAt);
        for (var s = (int)(2.5 * tenure + random.NextDouble()); s > 0; s--)
        {
            var segment = Segments[random.Next(Segments.Length)];
            var entered = RandomTime(enrolledAt);
            At(entered, at => sink.Segments.Add(new SegmentRow(ids.Next(IdKind.Segment), program.ProgramId, memberId, at, segment, "entered")));
            if (random.NextDouble() < 0.3)
            {
                At(RandomTime(entered), at => sink.Segments.Add(new SegmentRow(ids.Next(IdKind.Segment), program.ProgramId, memberId, at, segment, "exited")));
            }
        }
    }

    private void PlanStatusChanges(DateTime enrolledAt)
    {
        var roll = random.NextDouble();
        if (status == "inactive" && roll < 0.5)
        {
            At(RandomTime(enrolledAt), at => SetStatus(at, "active"));
        }
        else if (roll < 0.06 * (now - enrolledAt).TotalDays / 450)
        {
            var suspended = RandomTime(enrolledAt);
            At(suspended, at => SetStatus(at, "suspended"));
            if (random.NextDouble() < 0.6)
            {
                At(RandomTime(suspended), at => SetStatus(at, "active"));
            }
        }
        else if (roll > 0.98)
        {
            At(RandomTime(enrolledAt), at => SetStatus(at, roll < 0.995 ? "cancelled" : "blocked"));
        }
    }

    /// <summary>
    /// With the ~7 % that are active on any day anyway, about 11 % of members do something on the most
    /// recent closed day, so a nightly sync has events to send.
    /// </summary>
    private void PlanClosedDayActivity(int n)
    {
        At(RandomClosedDayTime(), at => Accrue(at, $"T{n:D8}-D{random.Next(1000):D3}"));
        var roll = random.NextDouble();
        if (roll < 0.2)
        {
            At(RandomClosedDayTime(), Redeem);
        }
        else if (roll < 0.25)
        {
            At(RandomClosedDayTime(), at => ChangeTier(at, +1));
        }
        else if (roll < 0.30)
        {
            var segment = Segments[random.Next(Segments.Length)];
            At(RandomClosedDayTime(), at => sink.Segments.Add(new SegmentRow(ids.Next(IdKind.Segment), program.ProgramId, memberId, at, segment, "entered")));
        }
        else if (roll < 0.32)
        {
            At(RandomClosedDayTime(), at => SetStatus(at, status == "suspended" ? "active" : "suspended"));
        }
    }

    private void Accrue(DateTime at, string transactionId)
    {
        var amount = Math.Round((decimal)(5 + random.NextDouble() * 295), 2);
        var points = Math.Max(1, (int)amount);
        Credit(at, "accrual", points, transactionId: transactionId, amount: amount, channel: Channels[random.Next(Channels.Length)]);
    }

    private void Credit(DateTime at, string type, int points, string? transactionId = null, decimal? amount = null, string? channel = null,
        string? campaignId = null, string? redemptionId = null, string? reason = null, int lifeDays = 366)
    {
        // Most lots expire at the local midnight ending the day a year after they were earned; some never do.
        DateTime? expiresAt = random.NextDouble() < 0.85
            ? BusinessDay.StartOf(BusinessDay.LocalDate(at, Zone).AddDays(lifeDays), Zone).UtcDateTime
            : null;
        var entry = new EntryRow(ids.Next(IdKind.Entry), program.ProgramId, memberId, at, type, points, expiresAt, transactionId, amount,
            amount is null ? null : program.Currency, channel, campaignId, redemptionId, reason);
        sink.Entries.Add(entry);
        lots.Add(new Lot(entry.EntryId, expiresAt, points));
    }

    private void Redeem(DateTime at)
    {
        var available = lots.Sum(lot => lot.Remaining);
        if (available < 50)
        {
            return;
        }

        var points = Math.Min(available, random.Next(5, 60) * 10);
        var redemptionId = $"R-{memberId}-{++redemptions}";
        var debit = Debit(at, "redemption", points, redemptionId);
        Consume(debit, points, lots.OrderBy(lot => lot.ExpiresAt ?? DateTime.MaxValue).ThenBy(lot => lot.EntryId));
        if (random.NextDouble() < 0.1)
        {
            var reversedAt = at.AddDays(random.Next(1, 10));
            if (reversedAt < now)
            {
                At(reversedAt, when => Credit(when, "redemption_reversal", points, redemptionId: redemptionId));
            }
        }
    }

    private void ExpireLots(DateTime until)
    {
        foreach (var lot in lots.Where(lot => lot.ExpiresAt < until && lot.ExpiresAt < now && lot.Remaining > 0)
                     .OrderBy(lot => lot.ExpiresAt).ThenBy(lot => lot.EntryId).ToList())
        {
            var debit = Debit(lot.ExpiresAt!.Value, "expiry", lot.Remaining, redemptionId: null);
            Consume(debit, lot.Remaining, [lot]);
        }
    }

    private long Debit(DateTime at, string type, int points, string? redemptionId)
    {
        var entryId = ids.Next(IdKind.Entry);
        sink.Entries.Add(new EntryRow(entryId, program.ProgramId, memberId, at, type, points, null, RedemptionId: redemptionId));
        return entryId;
    }

    private void Consume(long debitEntryId, int points, IEnumerable<Lot> from)
    {
        foreach (var lot in from)
        {
            if (points == 0)
            {
                break;
            }

            var take = Math.Min(points, lot.Remaining);
            if (take == 0)
            {
                continue;
            }

            lot.Remaining -= take;
            points -= take;
            sink.Allocations.Add(new AllocationRow(debitEntryId, lot.EntryId, take));
        }
    }

    private void ChangeTier(DateTime at, int step)
    {
        var next = Math.Clamp(tierIndex + step, 0, program.Tiers.Length - 1);
        if (next == tierIndex)
        {
            return;
        }

        tierIndex = next;
        sink.Tiers.Add(new HistoryRow(ids.Next(IdKind.Tier), program.ProgramId, memberId, at, program.Tiers[next]));
        if (step > 0)
        {
            Credit(at, "tier_bonus", 100 * next, reason: $"welcome_{program.Tiers[next].ToLowerInvariant()}");
        }
    }

    private void SetStatus(DateTime at, string next)
    {
        if (next == status)
        {
            return;
        }

        status = next;
        sink.Statuses.Add(new HistoryRow(ids.Next(IdKind.Status), program.ProgramId, memberId, at, next));
    }

    private string? Reference(int n)
    {
        var roll = random.NextDouble();
        return roll switch
        {
            < 0.03 => null,
            < 0.04 => random.Next(2) == 0 ? "" : "   ",
            < 0.055 => BadReferences[random.Next(BadReferences.Length)],
            < 0.08 => $"  C{n:D8}\t",
            _ => $"C{n:D8}",
        };
    }

    private TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(program.TimeZone);

    private void At(DateTime at, Action<DateTime> action) => plan.Enqueue(() => action(at), at.Ticks);

    private DateTime RandomTime(DateTime after) => Second(after.AddSeconds(1 + random.NextDouble() * Math.Max(0, (now - after).TotalSeconds - 2)));

    private DateTime RandomClosedDayTime() => Second(closedDayStart.AddSeconds(random.NextDouble() * ((closedDayEnd - closedDayStart).TotalSeconds - 1)));

    private static DateTime Second(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    private sealed class Lot(long entryId, DateTime? expiresAt, int points)
    {
        public long EntryId { get; } = entryId;

        public DateTime? ExpiresAt { get; } = expiresAt;

        public int Remaining { get; set; } = points;
    }
}
