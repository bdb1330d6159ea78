namespace Loyalife.SnapshotService.Ledger;

/// <summary>Section `Ledger`.</summary>
public sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>
    /// Create the `loyalty` schema at start-up when missing. Off by default: in production Loyalife's
    /// core owns the schema and this service only reads it. Demo mode creates it regardless.
    /// </summary>
    public bool CreateSchema { get; set; }
}
