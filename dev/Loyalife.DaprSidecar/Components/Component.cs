namespace Loyalife.DaprSidecar.Components;

/// <summary>A Dapr component loaded from a YAML file in a resources path.</summary>
internal sealed record Component(
    string Name,
    string Type,
    IReadOnlyDictionary<string, string> Metadata,
    string SourceFile)
{
    public string? Meta(string key) =>
        Metadata.FirstOrDefault(m => string.Equals(m.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
}
