namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>An accepted request waiting out the processing delay: a copy of its body and its elements' checks.</summary>
internal sealed record PendingRequest(DateTimeOffset DueAt, DataEndpoint Endpoint, byte[] Body, ElementCheck[] Checks, DateTime ReceivedAt);
