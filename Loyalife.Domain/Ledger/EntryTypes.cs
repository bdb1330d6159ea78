namespace Loyalife.Domain.Ledger;

/// <summary>
/// The ledger's point entry types (docs/ledger.md): the credits, then every type the contract knows.
/// snapshot-service's queries and the partial index on unknown types (the demo ledger's schema) must
/// use the very same list, or the planner cannot use the index.
/// </summary>
public static class EntryTypes
{
    /// <summary>Credit entry types, as a SQL list; every other known type is a debit.</summary>
    public const string CreditsSql = "('accrual','campaign_bonus','manual_bonus','tier_bonus','redemption_reversal')";

    /// <summary>Every entry type the contract knows, as a SQL list; rows outside it are anomalies.</summary>
    public const string KnownSql = "('accrual','campaign_bonus','manual_bonus','tier_bonus','redemption_reversal','redemption','expiry')";
}
