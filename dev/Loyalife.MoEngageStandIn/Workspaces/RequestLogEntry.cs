namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>One Data API request as the stand-in saw it; <c>GET /control/workspaces/{appId}/requests</c>.</summary>
public sealed record RequestLogEntry(
    DateTimeOffset Time,
    string RequestId,
    string Method,
    string Path,
    int Status,
    string? Reason,
    long Bytes,
    int Customers,
    int Events,
    int RejectedElements,
    IReadOnlyList<ElementRejection> Rejections,
    IReadOnlyList<IgnoredAttribute> IgnoredAttributes);
