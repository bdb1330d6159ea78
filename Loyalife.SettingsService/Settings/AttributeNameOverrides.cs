namespace Loyalife.SettingsService.Settings;

/// <summary>
/// An admin's MoEngage names for Loyalife's attributes, checked against MoEngage's naming policy
/// (<see cref="AttributeNaming"/>). Only the names that differ from the defaults are stored, so a PUT of the
/// complete map GET shows changes nothing, and a default that changes later reaches every program that kept it.
/// </summary>
public static class AttributeNameOverrides
{
    public const string Field = "attributeNames";

    // A body with thousands of unknown keys gets a readable answer, not thousands of lines.
    private const int MaxReportedUnknownKeys = 10;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IReadOnlyDictionary<string, string> Normalize(IReadOnlyDictionary<string, string?> requested) =>
        requested.Where(entry => entry.Value != AttributeNaming.DefaultName(entry.Key))
            .ToDictionary(entry => entry.Key, entry => entry.Value!, StringComparer.Ordinal);

    /// <summary>Adds one error per attribute at fault, under <c>attributeNames.{name}</c>, each naming the attribute.</summary>
    public static void Validate(IReadOnlyDictionary<string, string?> requested, Dictionary<string, string[]> errors)
    {
        var before = errors.Count;
        var unknown = requested.Keys.Where(key => !AttributeNaming.LoyalifeNames.Contains(key)).ToList();
        foreach (var key in unknown.Take(MaxReportedUnknownKeys))
        {
            var shown = Shown(key);
            errors[$"{Field}.{shown}"] = [$"'{shown}' is not a Loyalife attribute. The Loyalife attributes are: {string.Join(", ", AttributeNaming.LoyalifeNames)}."];
        }

        if (unknown.Count > MaxReportedUnknownKeys)
        {
            errors[Field] = [$"{unknown.Count} keys are not Loyalife attributes; the first {MaxReportedUnknownKeys} are listed."];
        }

        foreach (var (name, moEngageName) in requested.Where(entry => AttributeNaming.LoyalifeNames.Contains(entry.Key)))
        {
            if ((AttributeNaming.Problem(moEngageName ?? "") ?? TextProblem(moEngageName!)) is { } problem)
            {
                errors[$"{Field}.{name}"] = [$"The MoEngage name of {name} {problem}."];
            }
        }

        // Shared names are judged only among names that are each acceptable.
        if (errors.Count == before)
        {
            AddSharedNames(requested, errors);
        }
    }

    // Beyond MoEngage's policy: a name must be text PostgreSQL can store and a person can read.
    private static string? TextProblem(string name)
    {
        if (name.Any(char.IsControl))
        {
            return "contains a control character";
        }

        try
        {
            Strict.GetByteCount(name);
            return null;
        }
        catch (EncoderFallbackException)
        {
            return "contains a broken character (half of a surrogate pair)";
        }
    }

    // An unknown key is named back to the admin, so it must be short and writable as JSON.
    private static string Shown(string key)
    {
        var printable = new string([.. key.Take(64).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);
        return key.Length > 64 ? printable + "…" : printable;
    }

    // MoEngage does not say whether its attribute names are case-sensitive; two that differ only in case are
    // refused, so neither can overwrite the other.
    private static void AddSharedNames(IReadOnlyDictionary<string, string?> requested, Dictionary<string, string[]> errors)
    {
        var effective = AttributeNaming.Effective(Normalize(requested));
        foreach (var shared in effective.GroupBy(entry => entry.Value, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            var names = shared.Select(entry => entry.Key).ToList();
            foreach (var name in names)
            {
                errors[$"{Field}.{name}"] = [$"{string.Join(" and ", names)} would both go to MoEngage as {shared.Key}: give each its own name."];
            }
        }
    }
}
