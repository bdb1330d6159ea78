namespace Loyalife.Deployment.Tests.Support;

/// <summary>
/// The compiled ARM template of main.bicep with every module's nested template, read the way the tests
/// need it: resources with the literal parameter values their module was called with. It resolves
/// literals and plain <c>[parameters('x')]</c> references, nothing more; anything else stays unresolved
/// (null), and the tests say so rather than guess.
/// </summary>
internal sealed partial class ArmTemplate
{
    private ArmTemplate(JsonObject template, IReadOnlyDictionary<string, JsonNode?> parameterValues, string path)
    {
        Template = template;
        ParameterValues = parameterValues;
        Path = path;
    }

    public JsonObject Template { get; }

    /// <summary>Module names from main down to this template, e.g. "main/settings-service-app".</summary>
    public string Path { get; }

    private IReadOnlyDictionary<string, JsonNode?> ParameterValues { get; }

    public static async Task<ArmTemplate> CompileMainAsync()
    {
        var build = await BicepCli.BuildMainAsync();
        Assert.True(build.ExitCode == 0, $"bicep build failed: {build}");
        return new ArmTemplate(JsonNode.Parse(build.StandardOutput)!.AsObject(), new Dictionary<string, JsonNode?>(), "main");
    }

    /// <summary>This template and every nested (module) template below it.</summary>
    public IEnumerable<ArmTemplate> SelfAndDescendants()
    {
        yield return this;
        foreach (var module in Resources("Microsoft.Resources/deployments"))
        {
            var properties = module["properties"]!.AsObject();
            var values = new Dictionary<string, JsonNode?>();
            foreach (var (name, parameter) in properties["parameters"]?.AsObject() ?? [])
            {
                values[name] = ResolveNode(parameter?["value"]);
            }

            var child = new ArmTemplate(
                properties["template"]!.AsObject(), values, $"{Path}/{Resolve(module["name"]) ?? "?"}");
            foreach (var descendant in child.SelfAndDescendants())
            {
                yield return descendant;
            }
        }
    }

    /// <summary>Resources this template deploys (not <c>existing</c> references), optionally of one type.</summary>
    public IEnumerable<JsonObject> Resources(string? type = null)
    {
        var resources = Template["resources"] switch
        {
            JsonObject symbolic => symbolic.Select(pair => pair.Value),
            JsonArray array => array,
            _ => [],
        };
        return resources.OfType<JsonObject>()
            .Where(resource => resource["existing"]?.GetValue<bool>() != true)
            .Where(resource => type is null || (string?)resource["type"] == type);
    }

    /// <summary>A string value as deployed, or null when it is an expression we do not evaluate.</summary>
    public string? Resolve(JsonNode? node) => ResolveNode(node) is JsonValue value && value.TryGetValue(out string? text)
        ? (IsExpression(text) ? null : Unescape(text))
        : null;

    /// <summary>A boolean value as deployed, or null when it is an expression we do not evaluate.</summary>
    public bool? ResolveBool(JsonNode? node) =>
        ResolveNode(node) is JsonValue value && value.TryGetValue(out bool flag) ? flag : null;

    /// <summary>The last segment of a (child) resource name, e.g. 'nightly-sync' of 'environment/nightly-sync'.</summary>
    public string? LastNameSegment(JsonObject resource)
    {
        var name = (string?)resource["name"];
        if (name is null)
        {
            return null;
        }

        if (!IsExpression(name))
        {
            return Unescape(name).Split('/')[^1];
        }

        // Bicep writes a child's name as [format('{0}/{1}', <parent name>, <own name>)].
        var last = TrailingArgument().Match(name);
        if (!last.Success)
        {
            return null;
        }

        return last.Groups["literal"].Success
            ? last.Groups["literal"].Value
            : Resolve(JsonValue.Create($"[parameters('{last.Groups["parameter"].Value}')]"));
    }

    public bool IsSecureParameter(string name)
    {
        var parameter = Template["parameters"]?[name];
        var type = (string?)parameter?["type"];
        if (type is null && (string?)parameter?["$ref"] is { } reference)
        {
            type = (string?)Template["definitions"]?[reference.Split('/')[^1]]?["type"];
        }

        return type is not null && type.StartsWith("secure", StringComparison.OrdinalIgnoreCase);
    }

    private JsonNode? ResolveNode(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue(out string? text) && IsExpression(text))
        {
            var reference = ParameterReference().Match(text);
            if (!reference.Success)
            {
                return node.DeepClone();
            }

            var name = reference.Groups["name"].Value;
            return ParameterValues.TryGetValue(name, out var passed)
                ? passed?.DeepClone()
                : Template["parameters"]?[name]?["defaultValue"]?.DeepClone();
        }

        return node?.DeepClone();
    }

    private static bool IsExpression(string text) => text.StartsWith('[') && !text.StartsWith("[[", StringComparison.Ordinal);

    private static string Unescape(string text) => text.StartsWith("[[", StringComparison.Ordinal) ? text[1..] : text;

    [GeneratedRegex(@"^\[parameters\('(?<name>[^']+)'\)\]$")]
    private static partial Regex ParameterReference();

    [GeneratedRegex(@",\s*(?:'(?<literal>[^']*)'|parameters\('(?<parameter>[^']+)'\))\)\]$")]
    private static partial Regex TrailingArgument();
}
