using System.ComponentModel.DataAnnotations;

namespace Loyalife.SnapshotService.Demo;

/// <summary>Section `Demo`: seeded demo programs for local runs (the AppHost turns it on).</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>At start-up: create the schema if missing and, if `loyalty.programs` is empty, generate the demo programs.</summary>
    public bool Enabled { get; set; }

    /// <summary>Members per demo program.</summary>
    [Range(1, 50_000_000)]
    public int Members { get; set; } = 2000;

    /// <summary>Same seed and same day → the same ledger.</summary>
    public int Seed { get; set; } = 1;
}
