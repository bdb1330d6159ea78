namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// How a parsed request ended: 200, 400 (a single-element endpoint's bad element, or a Bulk body with a bad element
/// where the workspace rejects such bodies) with the fault, or 429.
/// </summary>
internal readonly record struct IngestOutcome(int Status, ElementFault? Fault);
