using System.Net;
using System.Net.Sockets;

namespace Loyalife.Domain.Alerts;

/// <summary>
/// Which webhook URLs an alert may go to: HTTPS to a host whose every address is public. A URL naming, or
/// resolving to, a loopback, private, link-local or otherwise non-public address is refused, so that an
/// admin's webhook cannot make a service call inside its own network. settings-service checks when a target
/// is saved, the dispatcher again at every connection (DNS may have changed since). With
/// <c>allowLocalhost</c> (development only) the host <c>localhost</c> is accepted, over HTTP or HTTPS.
/// </summary>
public static class WebhookAddress
{
    public const int MaxUrlLength = 2048;

    /// <summary>Why the URL itself is unacceptable (before any lookup), or null; <paramref name="uri"/> is the parsed URL.</summary>
    public static string? Problem(string? url, bool allowLocalhost, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            return "url is required: the webhook's https:// address.";
        }

        if (url.Length > MaxUrlLength)
        {
            return $"url must be at most {MaxUrlLength} characters.";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.IsFile || parsed.IsUnc || string.IsNullOrEmpty(parsed.Host))
        {
            return "url must be an absolute https:// URL.";
        }

        if (!string.IsNullOrEmpty(parsed.UserInfo))
        {
            return "url must not carry a user name or password; give the webhook a signing secret instead.";
        }

        var localhost = allowLocalhost && IsLocalhost(parsed);
        if (parsed.Scheme != Uri.UriSchemeHttps && !(localhost && parsed.Scheme == Uri.UriSchemeHttp))
        {
            return $"url must use https (got {parsed.Scheme}).";
        }

        if (!localhost && IPAddress.TryParse(parsed.IdnHost.Trim('[', ']'), out var literal) && Refusal(literal) is { } refusal)
        {
            return $"url's host {parsed.Host} is {refusal}; alerts go only to public addresses.";
        }

        if (!localhost && parsed.IsLoopback)
        {
            return $"url's host {parsed.Host} is a loopback address; alerts go only to public addresses.";
        }

        uri = parsed;
        return null;
    }

    /// <summary>
    /// The addresses to connect to for <paramref name="host"/> (a URL's <c>IdnHost</c>), each of them checked;
    /// throws <see cref="WebhookAddressException"/> when the host does not resolve or any address it resolves to is refused.
    /// </summary>
    public static async Task<IPAddress[]> ResolveAsync(string host, bool allowLocalhost, CancellationToken cancellationToken)
    {
        if (allowLocalhost && IsLocalhost(host))
        {
            // Never asked of DNS: "localhost" is this machine by definition.
            return [IPAddress.Loopback, IPAddress.IPv6Loopback];
        }

        IPAddress[] addresses;
        host = host.Trim('[', ']');
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException exception)
            {
                throw new WebhookAddressException($"the host {host} does not resolve ({exception.SocketErrorCode}).", transient: true);
            }
        }

        if (addresses.Length == 0)
        {
            throw new WebhookAddressException($"the host {host} does not resolve.", transient: true);
        }

        // Every address, not just the first: a host with one public and one private address could be steered to either.
        foreach (var address in addresses)
        {
            if (Refusal(address) is { } refusal)
            {
                throw new WebhookAddressException($"the host {host} resolves to {address}, {refusal}; alerts go only to public addresses.", transient: false);
            }
        }

        return addresses;
    }

    /// <summary>What kind of non-public address this is ("a private address"), or null for a public one.</summary>
    public static string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return "a loopback address";
        }

        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address switch
            {
                _ when address.Equals(IPAddress.IPv6Any) => "an unspecified address",
                { IsIPv6LinkLocal: true } => "a link-local address",
                { IsIPv6SiteLocal: true } or { IsIPv6UniqueLocal: true } => "a private address",
                { IsIPv6Multicast: true } => "a multicast address",
                // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that is where the packets end up.
                _ when bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b => Refusal(new IPAddress(bytes[12..16])),
                _ when bytes[0] == 0x20 && bytes[1] == 0x02 => Refusal(new IPAddress(bytes[2..6])),
                _ => null,
            };
        }

        return bytes switch
        {
            [0, ..] => "an unspecified address",
            [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] => "a private address",
            [100, >= 64 and <= 127, ..] => "a private address (carrier-grade NAT)",
            [169, 254, ..] => "a link-local address",
            [192, 0, 0, _] or [198, 18 or 19, ..] => "a reserved address",
            [>= 224, ..] => "a multicast or reserved address",
            _ => null,
        };
    }

    private static bool IsLocalhost(Uri uri) => IsLocalhost(uri.Host);

    private static bool IsLocalhost(string host) => string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase);
}
