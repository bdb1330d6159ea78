namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>The values of <c>x-ratelimit-limit</c>, <c>-remaining</c> and <c>-reset</c> (seconds).</summary>
internal readonly record struct QuotaHeaders(int Limit, int Remaining, int ResetSeconds);
