using System.Text.Json.Nodes;

namespace Loyalife.SnapshotService.Tests.Support;

/// <summary>Compares JSON by value: object properties in any order, arrays in order.</summary>
public static class JsonAssert
{
    public static void Equal(string expected, JsonElement actual) =>
        Assert.Equal(Canonical(JsonNode.Parse(expected)), Canonical(JsonNode.Parse(actual.GetRawText())));

    public static void Equal(string expected, IEnumerable<JsonElement> actual) =>
        Equal(expected, JsonDocument.Parse("[" + string.Join(",", actual.Select(item => item.GetRawText())) + "]").RootElement);

    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[\n" + string.Join(",\n", a.Select(Canonical)) + "\n]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
