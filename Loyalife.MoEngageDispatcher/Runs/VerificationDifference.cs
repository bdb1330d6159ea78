namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>One sampled profile whose attributes in MoEngage are not what the run sent.</summary>
public sealed record VerificationDifference(string CustomerId, IReadOnlyList<string> Attributes);
