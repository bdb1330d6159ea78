namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>How a parsed request ended: 200, 400 (a single-element endpoint's bad element) or 429.</summary>
internal readonly record struct IngestOutcome(int Status, string? Reason);
