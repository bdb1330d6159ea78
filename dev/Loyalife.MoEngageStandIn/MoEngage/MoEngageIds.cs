using System.IO.Hashing;

namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// A profile's MoEngage ID (<c>id</c> in Get User's answer, <c>moengage_id</c> as an identifier): MoEngage gives
/// every user one of 24 characters. The stand-in derives it from the workspace and the customer ID, so it costs no
/// memory per profile and stays the same for the same profile across runs.
/// </summary>
internal static class MoEngageIds
{
    public static string Of(string appId, string customerId)
    {
        var hash = new XxHash128();
        hash.Append(Encoding.UTF8.GetBytes(appId));
        hash.Append([0]);
        hash.Append(Encoding.UTF8.GetBytes(customerId));
        return Convert.ToHexStringLower(hash.GetCurrentHash())[..24];
    }
}
