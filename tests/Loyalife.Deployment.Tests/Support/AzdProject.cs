using YamlDotNet.RepresentationModel;

namespace Loyalife.Deployment.Tests.Support;

/// <summary>The services azure.yaml tells azd to build and deploy.</summary>
internal static class AzdProject
{
    public static IReadOnlyList<AzdService> Services()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(DeploymentFiles.AzureYaml))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents.Single().RootNode;
        return [.. ((YamlMappingNode)root["services"]).Children.Select(service => new AzdService(
            ((YamlScalarNode)service.Key).Value!,
            Scalar(service.Value, "project"),
            Scalar(service.Value, "language"),
            Scalar(service.Value, "host")))];
    }

    private static string? Scalar(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var value)
            ? ((YamlScalarNode)value).Value
            : null;
}
