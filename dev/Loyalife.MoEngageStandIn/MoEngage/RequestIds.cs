namespace Loyalife.MoEngageStandIn.MoEngage;

internal static class RequestIds
{
    /// <summary>Like MoEngage's <c>request_id</c>: opaque, unique, quoted back in the request log.</summary>
    public static string New() => Guid.NewGuid().ToString("N");
}
