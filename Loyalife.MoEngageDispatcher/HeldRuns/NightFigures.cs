namespace Loyalife.MoEngageDispatcher.HeldRuns;

/// <summary>What a business date held, as its snapshot summary said: a synced night of the history, or the day to check.</summary>
public sealed record NightFigures(DateOnly Date, long Members, IReadOnlyDictionary<string, long> Events);
