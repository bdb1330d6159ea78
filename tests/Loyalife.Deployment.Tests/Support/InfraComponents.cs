namespace Loyalife.Deployment.Tests.Support;

/// <summary>The Dapr components infra/ declares on the Container Apps environment.</summary>
internal static class InfraComponents
{
    public const string ResourceType = "Microsoft.App/managedEnvironments/daprComponents";

    public static async Task<IReadOnlyList<DaprComponent>> AllAsync()
    {
        var main = await ArmTemplate.CompileMainAsync();
        return [.. main.SelfAndDescendants().SelectMany(template => template.Resources(ResourceType).Select(resource => Read(template, resource)))];
    }

    private static DaprComponent Read(ArmTemplate template, JsonObject resource)
    {
        var properties = resource["properties"]!.AsObject();
        var metadata = (properties["metadata"]?.AsArray() ?? []).OfType<JsonObject>().ToDictionary(
            item => (string)item["name"]!,
            item => template.Resolve(item["value"]));
        var scopes = (properties["scopes"]?.AsArray() ?? []).Select(template.Resolve).ToList();
        return new DaprComponent(
            template.LastNameSegment(resource) ?? $"<unresolved name in {template.Path}>",
            template.Resolve(properties["componentType"]) ?? $"<unresolved type in {template.Path}>",
            metadata,
            scopes);
    }
}
