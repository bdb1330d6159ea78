using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Loyalife.DaprSidecar.Components;

/// <summary>
/// Loads the component files daprd would load: every <c>*.yaml</c>/<c>*.yml</c> directly in each
/// resources path, several documents per file allowed, only <c>kind: Component</c>, honouring
/// <c>scopes</c>. Anything this sidecar cannot serve stops start-up, naming the type and the file,
/// because a silently missing component would only surface later as a confusing runtime error.
/// </summary>
internal static class ComponentLoader
{
    public static readonly string[] SupportedTypes = ["secretstores.local.file", "bindings.cron"];

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public static IReadOnlyList<Component> Load(IEnumerable<string> resourcesPaths, string appId, string workingDirectory)
    {
        var components = new List<Component>();
        foreach (var path in resourcesPaths)
        {
            var directory = Path.GetFullPath(path, workingDirectory);
            if (!Directory.Exists(directory))
                throw new SidecarStartupException($"Resources path '{directory}' does not exist.");
            var files = Directory.EnumerateFiles(directory)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
                components.AddRange(LoadFile(file, appId));
        }

        var duplicate = components.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new SidecarStartupException(
                $"Component '{duplicate.Key}' is defined more than once ({string.Join(", ", duplicate.Select(c => c.SourceFile))}).");
        return components;
    }

    private static IEnumerable<Component> LoadFile(string file, string appId)
    {
        List<ComponentDocument> documents;
        try
        {
            documents = ReadDocuments(File.ReadAllText(file));
        }
        catch (YamlException e)
        {
            throw new SidecarStartupException($"Component file '{file}' is not valid YAML: {e.Message}", e);
        }

        foreach (var doc in documents.Where(d => d.Kind == "Component"))
        {
            var name = doc.Metadata?.Name;
            var type = doc.Spec?.Type;
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(type))
                throw new SidecarStartupException($"Component file '{file}' needs metadata.name and spec.type.");
            if (doc.Scopes is { Count: > 0 } scopes && !scopes.Contains(appId))
                continue;
            if (!SupportedTypes.Contains(type))
                throw new SidecarStartupException(
                    $"Component '{name}' in '{file}' has type '{type}', which this local sidecar does not support " +
                    $"(supported: {string.Join(", ", SupportedTypes)}).");
            var metadata = (doc.Spec!.Metadata ?? [])
                .Where(m => m.Name is not null)
                .ToDictionary(m => m.Name!, m => m.Value ?? "");
            var component = new Component(name, type, metadata, file);
            if (Problem(component) is { } problem)
                throw new SidecarStartupException($"Component '{name}' in '{file}': {problem}");
            yield return component;
        }
    }

    // daprd fails a component's initialisation on these, which stops it starting; so does this sidecar,
    // rather than failing later in a background loop.
    private static string? Problem(Component component)
    {
        if (component.Type == "secretstores.local.file" && string.IsNullOrWhiteSpace(component.Meta("secretsFile")))
            return "missing local secrets file in metadata (secretsFile)";
        if (component.Type != "bindings.cron")
            return null;
        try
        {
            Cron.CronSchedule.Parse(component.Meta("schedule") ?? "");
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    private static List<ComponentDocument> ReadDocuments(string text)
    {
        var parser = new Parser(new StringReader(text));
        parser.Consume<StreamStart>();
        var documents = new List<ComponentDocument>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (Yaml.Deserialize<ComponentDocument?>(parser) is { } doc)
                documents.Add(doc);
        }
        return documents;
    }
}
