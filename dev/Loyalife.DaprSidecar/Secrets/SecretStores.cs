namespace Loyalife.DaprSidecar.Secrets;

/// <summary>The secret stores this sidecar loaded, and the lookups both the HTTP and the gRPC API share.</summary>
internal sealed class SecretStores
{
    private readonly Dictionary<string, LocalFileSecretStore> stores;

    public SecretStores(SidecarContext sidecar, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger<LocalFileSecretStore>();
        stores = sidecar.Components
            .Where(c => c.Type == "secretstores.local.file")
            .ToDictionary(c => c.Name, c => new LocalFileSecretStore(c, sidecar.Environment.ResolvedWorkingDirectory, logger));
    }

    public SecretResult<IReadOnlyDictionary<string, string>> Get(string store, string key)
    {
        if (Find(store) is { Error: { } error })
            return new(null, error);
        try
        {
            return new(stores[store].Get(key), null);
        }
        catch (SecretNotFoundException e)
        {
            return new(null, DaprError.SecretGet(store, key, e.Message));
        }
    }

    public SecretResult<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> GetBulk(string store) =>
        Find(store) is { Error: { } error } ? new(null, error) : new(stores[store].GetAll(), null);

    private SecretResult<LocalFileSecretStore> Find(string store) =>
        stores.Count == 0 ? new(null, DaprError.SecretStoresNotConfigured())
        : stores.TryGetValue(store, out var found) ? new(found, null)
        : new(null, DaprError.SecretStoreNotFound(store));
}
