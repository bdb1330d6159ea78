namespace Loyalife.DaprSidecar.Components;

// The slice of Dapr's Component resource (dapr.io/v1alpha1) that this sidecar reads; the YAML
// deserializer fills these, everything else in the file is ignored.
internal sealed class ComponentDocument
{
    public string? Kind { get; set; }
    public ResourceMetadata? Metadata { get; set; }
    public ComponentSpec? Spec { get; set; }
    public List<string>? Scopes { get; set; }

    internal sealed class ResourceMetadata
    {
        public string? Name { get; set; }
    }

    internal sealed class ComponentSpec
    {
        public string? Type { get; set; }
        public List<MetadataItem>? Metadata { get; set; }
    }

    internal sealed class MetadataItem
    {
        public string? Name { get; set; }
        public string? Value { get; set; }
    }
}
