namespace Loyalife.MoEngageDispatcher.HeldRuns;

/// <summary>The hold rules applied to one day against the program's recent synced nights (pure).</summary>
public static class HoldCheck
{
    public const string EventsSpike = "events_spike";
    public const string MembersDrop = "members_drop";

    /// <param name="history">The synced nights before <paramref name="day"/>, newest first, at most the rules' <c>HistoryNights</c>.</param>
    /// <returns>Every rule the day breaks, events first; empty when it may be sent. Without history there is nothing to compare with.</returns>
    public static IReadOnlyList<HoldBreach> Evaluate(HoldRules rules, NightFigures day, IReadOnlyList<NightFigures> history)
    {
        var breaches = new List<HoldBreach>();
        if (!rules.Enabled || history.Count == 0)
        {
            return breaches;
        }

        var nights = history.Take(rules.HistoryNights).ToList();
        foreach (var (name, count) in day.Events.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            // A night without events of this name counts as zero of them.
            var median = Median(nights.Select(night => night.Events.GetValueOrDefault(name)));
            if (count > rules.EventsFactor * median && count > rules.EventsMinimum)
            {
                breaches.Add(new HoldBreach(EventsSpike, new JsonObject
                {
                    ["event"] = name, ["events"] = count, ["median"] = median, ["nights"] = nights.Count,
                    ["factor"] = rules.EventsFactor, ["minimum"] = rules.EventsMinimum,
                }, string.Create(CultureInfo.InvariantCulture,
                    $"{count:N0} {name} events, above {rules.EventsFactor:0.##} × the median of the last {nights.Count} synced nights ({median:0.#}) and above {rules.EventsMinimum:N0}")));
            }
        }

        var previous = nights[0];
        // Integers, so that exactly the limit is not "more than" it.
        if (previous.Members > 0 && (previous.Members - day.Members) * 100m > previous.Members * (decimal)rules.MemberDropPercent)
        {
            var drop = Math.Round(100.0 * (previous.Members - day.Members) / previous.Members, 2);
            breaches.Add(new HoldBreach(MembersDrop, new JsonObject
            {
                ["members"] = day.Members, ["previousMembers"] = previous.Members,
                ["previousDate"] = previous.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["dropPercent"] = drop, ["maxDropPercent"] = rules.MemberDropPercent,
            }, string.Create(CultureInfo.InvariantCulture,
                $"{day.Members:N0} members, down {drop:0.##} % from {previous.Members:N0} on {previous.Date:yyyy-MM-dd} (more than {rules.MemberDropPercent:0.##} %)")));
        }

        return breaches;
    }

    public static double Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
    }
}
