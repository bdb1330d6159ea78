using System.Text.Json;

namespace Loyalife.ServiceDefaults.Database;

/// <summary>
/// A state enum's stored text: its member's name in snake_case (<c>Pending</c> is <c>pending</c>,
/// <c>NotHeld</c> <c>not_held</c>), the same text <see cref="EnumTextJsonConverter{T}"/> writes in JSON,
/// so a column and an API answer never spell a state two ways.
/// </summary>
public static class EnumText
{
    public static string ToText<T>(this T value) where T : struct, Enum => Names<T>.ByValue[value];

    /// <summary>The member <paramref name="text"/> names; throws for text no member has (a row no build wrote).</summary>
    public static T Parse<T>(string text) where T : struct, Enum =>
        Names<T>.ByText.TryGetValue(text, out var value)
            ? value
            : throw new InvalidOperationException($"'{text}' is not a stored {typeof(T).Name} ({string.Join(", ", Names<T>.ByText.Keys)}).");

    private static class Names<T> where T : struct, Enum
    {
        public static readonly IReadOnlyDictionary<T, string> ByValue =
            Enum.GetValues<T>().ToDictionary(value => value, value => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()));

        public static readonly IReadOnlyDictionary<string, T> ByText = ByValue.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
    }
}
