namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>What the request log needs to know of a request; <see cref="Note"/> names an injected fault.</summary>
internal sealed record RequestFacts(
    string RequestId,
    string Method,
    string Path,
    DateTimeOffset Time,
    long Bytes,
    string? Note);
