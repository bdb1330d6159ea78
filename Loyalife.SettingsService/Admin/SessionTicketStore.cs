using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Distributed;

namespace Loyalife.SettingsService.Admin;

/// <summary>
/// Keeps a signed-in person's ticket (claims and tokens) on the server, so the cookie carries only a random
/// key. Behind <see cref="IDistributedCache"/>: in memory for one replica; a shared cache for several.
/// </summary>
public sealed class SessionTicketStore(IDistributedCache cache, TimeProvider time) : ITicketStore
{
    private const string Prefix = "admin-session:";

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await RenewAsync(key, ticket);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        cache.SetAsync(Prefix + key, TicketSerializer.Default.Serialize(ticket), new DistributedCacheEntryOptions
        {
            AbsoluteExpiration = ticket.Properties.ExpiresUtc ?? time.GetUtcNow().AddHours(8),
        });

    public async Task<AuthenticationTicket?> RetrieveAsync(string key) =>
        await cache.GetAsync(Prefix + key) is { } bytes ? TicketSerializer.Default.Deserialize(bytes) : null;

    public Task RemoveAsync(string key) => cache.RemoveAsync(Prefix + key);
}
