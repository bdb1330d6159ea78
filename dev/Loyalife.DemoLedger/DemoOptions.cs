using System.ComponentModel.DataAnnotations;

namespace Loyalife.DemoLedger;

/// <summary>Section `Demo`: what the demo ledger holds.</summary>
public sealed class DemoOptions : IValidatableObject
{
    public const string Section = "Demo";

    /// <summary>Members per demo program.</summary>
    [Range(1, 50_000_000, ErrorMessage = "Demo:Members must be between {1} and {2}.")]
    public int Members { get; set; } = 2000;

    /// <summary>Same seed and same day → the same ledger.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Comma-separated demo program ids (<see cref="DemoProgram.All"/>); every demo program when empty.</summary>
    public string? Programs { get; set; }

    /// <summary>The instant the history leads up to (its latest closed day has activity); the clock's now when absent.</summary>
    public DateTimeOffset? Now { get; set; }

    public IReadOnlyList<DemoProgram> SelectedPrograms =>
        string.IsNullOrWhiteSpace(Programs)
            ? DemoProgram.All
            : DemoProgram.All.Where(p => Programs.Split(',', StringSplitOptions.TrimEntries).Contains(p.ProgramId)).ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var unknown = (Programs ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(id => DemoProgram.All.All(p => p.ProgramId != id)).ToList();
        if (unknown.Count > 0)
        {
            yield return new ValidationResult(
                $"Demo:Programs names unknown programs ({string.Join(", ", unknown)}); the demo programs are {string.Join(", ", DemoProgram.All.Select(p => p.ProgramId))}.",
                [nameof(Programs)]);
        }
    }
}
