using System.Text.Json;

namespace Loyalife.DaprSidecar.Secrets;

/// <summary>
/// <c>secretstores.local.file</c> as in Dapr's components-contrib: a JSON file whose nested objects and
/// arrays are flattened with <c>nestedSeparator</c> (default ":"), or, with <c>multiValued: "true"</c>,
/// one level of multi-valued secrets whose contents are flattened. Deviation from daprd, which reads the
/// file once at start-up: this store re-reads it whenever its modification time or size changes, so
/// values written by settings-service become visible without a restart.
/// </summary>
internal sealed class LocalFileSecretStore(Component component, string workingDirectory, ILogger logger)
{
    private readonly string file = Path.GetFullPath(component.Meta("secretsFile") ?? "", workingDirectory);
    private readonly string separator = component.Meta("nestedSeparator") is { Length: > 0 } s ? s : ":";
    private readonly bool multiValued = bool.TryParse(component.Meta("multiValued"), out var multi) && multi;
    private readonly Lock gate = new();
    private (DateTime Modified, long Length) version = (DateTime.MinValue, -1);
    private Dictionary<string, IReadOnlyDictionary<string, string>> secrets = [];

    public string Name => component.Name;

    public IReadOnlyDictionary<string, string> Get(string name) =>
        Snapshot().TryGetValue(name, out var secret) ? secret : throw new SecretNotFoundException(name);

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> GetAll() => Snapshot();

    private Dictionary<string, IReadOnlyDictionary<string, string>> Snapshot()
    {
        lock (gate)
        {
            var info = new FileInfo(file);
            var version = info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1L);
            if (version == this.version)
                return secrets;
            try
            {
                secrets = info.Exists ? Read() : [];
                this.version = version;
                if (!info.Exists)
                    logger.LogWarning("Secrets file {File} of store {Store} does not exist (yet); the store is empty", file, Name);
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                // Keep serving the last good content; a writer replacing the file atomically never causes this.
                logger.LogWarning("Secrets file {File} of store {Store} could not be read: {Error}", file, Name, e.Message);
            }
            return secrets;
        }
    }

    private Dictionary<string, IReadOnlyDictionary<string, string>> Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new JsonException("the file must hold a JSON object");

        var secrets = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        if (multiValued)
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                    secrets[property.Name] = new Dictionary<string, string> { [property.Name] = property.Value.GetString()! };
                else if (property.Value.ValueKind == JsonValueKind.Object)
                    secrets[property.Name] = Flatten(property.Value);
            }
        }
        else
        {
            foreach (var (key, value) in Flatten(document.RootElement))
                secrets[key] = new Dictionary<string, string> { [key] = value };
        }
        return secrets;
    }

    private Dictionary<string, string> Flatten(JsonElement root)
    {
        var flat = new Dictionary<string, string>();
        Visit(root, null);
        return flat;

        void Visit(JsonElement element, string? path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                        Visit(property.Value, Join(path, property.Name));
                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                        Visit(item, Join(path, (index++).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    break;
                case JsonValueKind.String:
                    flat[path ?? ""] = element.GetString()!;
                    break;
                default:
                    flat[path ?? ""] = element.GetRawText();
                    break;
            }
        }
    }

    private string Join(string? path, string name) => path is null ? name : path + separator + name;
}
