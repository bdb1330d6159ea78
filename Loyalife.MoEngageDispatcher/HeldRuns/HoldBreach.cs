namespace Loyalife.MoEngageDispatcher.HeldRuns;

/// <summary>One rule a day broke, and the figures that broke it.</summary>
public sealed record HoldBreach(string Rule, JsonObject Figures, string Summary);
