using System.Reflection;
using System.Text.RegularExpressions;

namespace Loyalife.ServiceDefaults.Migrations;

/// <summary>One numbered SQL script of a service's schema, read from an embedded resource.</summary>
public sealed partial record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>
    /// The scripts embedded in <paramref name="assembly"/> as <c>…/Migrations/NNNN_name.sql</c>, in order.
    /// Numbers must run 1, 2, 3… without a gap or a repeat, so a badly named file stops the start rather
    /// than being skipped or applied out of order.
    /// </summary>
    public static IReadOnlyList<MigrationScript> Load(Assembly assembly) =>
        FromResources(assembly.GetName().Name!, assembly.GetManifestResourceNames()
            .Where(resource => resource.EndsWith(".sql", StringComparison.Ordinal) && resource.Contains(".Migrations.", StringComparison.Ordinal))
            .Select(resource =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
                return KeyValuePair.Create(resource, reader.ReadToEnd());
            }));

    /// <summary>Orders and checks scripts given as resource name → SQL text.</summary>
    internal static IReadOnlyList<MigrationScript> FromResources(string owner, IEnumerable<KeyValuePair<string, string>> resources)
    {
        var scripts = new List<MigrationScript>();
        foreach (var (resource, sql) in resources)
        {
            var match = FileName().Match(resource);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"Migration script '{resource}' is not named NNNN_name.sql (four digits, then lower-case letters, digits and '_').");
            }

            scripts.Add(new MigrationScript(int.Parse(match.Groups["version"].Value), match.Groups["name"].Value, sql));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
        {
            if (scripts[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migration scripts in {owner} must be numbered 0001, 0002, … without gaps or repeats; " +
                    $"found {string.Join(", ", scripts.Select(s => $"{s.Version:D4}_{s.Name}"))}.");
            }
        }

        return scripts.Count > 0
            ? scripts
            : throw new InvalidOperationException($"{owner} embeds no Migrations/NNNN_name.sql script.");
    }

    [GeneratedRegex(@"\.Migrations\.(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileName();
}
