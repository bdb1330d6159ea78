using Microsoft.EntityFrameworkCore;

namespace Loyalife.IdentityProvider;

/// <summary>OpenIddict's applications, authorizations and tokens, in EF Core's in-memory database.</summary>
public sealed class IdentityStore(DbContextOptions<IdentityStore> options) : DbContext(options);
