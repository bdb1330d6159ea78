using YamlDotNet.RepresentationModel;

namespace Loyalife.Deployment.Tests.Support;

/// <summary>The Dapr component files the local sidecar loads (components/*.yaml).</summary>
internal static class LocalComponents
{
    public static IReadOnlyList<string> Files() =>
        [.. Directory.GetFiles(DeploymentFiles.Components, "*.yaml").Select(Path.GetFileName).Order()!];

    public static IReadOnlyList<DaprComponent> All() => [.. Files().Select(Load)];

    public static DaprComponent Load(string fileName)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(DeploymentFiles.Components, fileName)))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        var spec = (YamlMappingNode)root["spec"];
        var metadata = spec.Children.TryGetValue(new YamlScalarNode("metadata"), out var items)
            ? ((YamlSequenceNode)items).Cast<YamlMappingNode>().ToDictionary(
                item => Scalar(item, "name")!,
                item => Scalar(item, "value"))
            : [];
        var scopes = root.Children.TryGetValue(new YamlScalarNode("scopes"), out var scopeList)
            ? ((YamlSequenceNode)scopeList).Cast<YamlScalarNode>().Select(scope => scope.Value).ToList()
            : [];
        return new DaprComponent(
            Scalar((YamlMappingNode)root["metadata"], "name")!,
            Scalar(spec, "type")!,
            metadata,
            scopes);
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
}
