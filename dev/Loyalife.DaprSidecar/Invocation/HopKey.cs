using System.Security.Cryptography;

namespace Loyalife.DaprSidecar.Invocation;

/// <summary>This sidecar's secret for the sidecar-to-sidecar hop, published only in the registry file.</summary>
internal sealed record HopKey(string Value)
{
    public static HopKey Create() => new(Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));
}
