using Loyalife.Domain.MoEngage;

namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>
/// The MoEngage name each member attribute goes under, for one program: the admin's map from
/// settings-service over the defaults, every name checked against MoEngage's naming policy before anything
/// is sent. A name MoEngage would not take fails the run with the reason rather than reaching a profile.
/// </summary>
public sealed class AttributeNames
{
    private readonly Dictionary<string, string> names;
    private readonly Dictionary<string, string> others = new(StringComparer.Ordinal);

    private AttributeNames(Dictionary<string, string> names) => this.names = names;

    public static AttributeNames Default { get; } = From(null);

    /// <exception cref="AttributeNameException">A name has a problem, or two attributes share one name.</exception>
    public static AttributeNames From(IReadOnlyDictionary<string, string>? effective)
    {
        var names = new Dictionary<string, string>(AttributeNaming.Effective(null), StringComparer.Ordinal);
        foreach (var (loyalife, moengage) in effective ?? new Dictionary<string, string>())
        {
            names[loyalife] = moengage;
        }

        var problems = names
            .Select(pair => AttributeNaming.Problem(pair.Value) is { } problem ? $"{pair.Key} → '{pair.Value}' {problem}" : null)
            .OfType<string>()
            .Concat(names.GroupBy(pair => pair.Value, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1)
                .Select(group => $"{string.Join(" and ", group.Select(pair => pair.Key))} share the MoEngage name '{group.Key}'"))
            .ToList();
        return problems.Count == 0
            ? new AttributeNames(names)
            : throw new AttributeNameException($"the program's MoEngage attribute names cannot be sent: {string.Join("; ", problems)}");
    }

    /// <summary>The MoEngage name of a snapshot attribute; one Loyalife does not map goes under its own name, if MoEngage takes it.</summary>
    public string Of(string loyalifeName)
    {
        if (names.TryGetValue(loyalifeName, out var name) || others.TryGetValue(loyalifeName, out name))
        {
            return name;
        }

        if (AttributeNaming.Problem(loyalifeName) is { } problem)
        {
            throw new AttributeNameException($"the snapshot attribute '{loyalifeName}' cannot be sent to MoEngage: it {problem}");
        }

        others[loyalifeName] = loyalifeName;
        return loyalifeName;
    }
}
