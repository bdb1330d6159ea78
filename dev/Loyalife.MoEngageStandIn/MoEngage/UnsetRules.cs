namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// A customer record's <c>unset_attributes</c>: rules <c>{"type":"equals|prefix|suffix|contains","attr":"…",
/// "case_sensitive":true}</c> (case-sensitive unless it says false), each removing the attributes whose name it
/// matches. MoEngage's own attributes are protected. Applied before the record's <c>attributes</c>, so one record can
/// clear and set (MoEngage does not say which comes first).
/// </summary>
internal static class UnsetRules
{
    public const string Field = "unset_attributes";

    public static ElementFault? Validate(JsonElement rules)
    {
        if (rules.ValueKind != JsonValueKind.Array)
        {
            return ElementFault.Value(Field, "unset_attributes must be an array of rules");
        }

        foreach (var rule in rules.EnumerateArray())
        {
            if (rule.ValueKind != JsonValueKind.Object
                || !rule.TryGetProperty("type"u8, out var type) || type.ValueKind != JsonValueKind.String
                || type.GetString() is not ("equals" or "prefix" or "suffix" or "contains")
                || !rule.TryGetProperty("attr"u8, out var attr) || attr.ValueKind != JsonValueKind.String || attr.GetString()!.Length == 0
                || (rule.TryGetProperty("case_sensitive"u8, out var sensitive) && sensitive.ValueKind is not (JsonValueKind.True or JsonValueKind.False)))
            {
                return ElementFault.Value(Field,
                    "each unset_attributes rule is {\"type\":\"equals|prefix|suffix|contains\",\"attr\":\"…\",\"case_sensitive\":true|false}");
            }
        }

        return null;
    }

    /// <summary>Whether any (validated) rule removes the attribute <paramref name="name"/>.</summary>
    public static bool Unsets(JsonElement rules, string name)
    {
        if (UserAttributeNames.IsSettableStandard(name))
        {
            return false;
        }

        foreach (var rule in rules.EnumerateArray())
        {
            var attr = rule.GetProperty("attr"u8).GetString()!;
            var comparison = rule.TryGetProperty("case_sensitive"u8, out var sensitive) && sensitive.ValueKind == JsonValueKind.False
                ? StringComparison.OrdinalIgnoreCase
                : StringComparison.Ordinal;
            var matches = rule.GetProperty("type"u8).GetString() switch
            {
                "equals" => name.Equals(attr, comparison),
                "prefix" => name.StartsWith(attr, comparison),
                "suffix" => name.EndsWith(attr, comparison),
                _ => name.Contains(attr, comparison),
            };
            if (matches)
            {
                return true;
            }
        }

        return false;
    }
}
