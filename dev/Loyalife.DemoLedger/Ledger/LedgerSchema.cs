using Loyalife.Domain.Ledger;
using Loyalife.Domain.MoEngage;

namespace Loyalife.DemoLedger.Ledger;

/// <summary>
/// The `loyalty` schema of the ledger's input contract (docs/ledger.md), for local runs, tests and
/// benchmarks. Loyalife's core owns it in production and snapshot-service only reads it; every statement
/// is idempotent, so running it over an existing ledger is harmless.
/// </summary>
public static class LedgerSchema
{
    private const string Tables = """
        CREATE SCHEMA IF NOT EXISTS loyalty;
        CREATE TABLE IF NOT EXISTS loyalty.programs (
            program_id text PRIMARY KEY,
            name text NOT NULL,
            time_zone text NOT NULL,
            tiers text[] NOT NULL);
        CREATE TABLE IF NOT EXISTS loyalty.members (
            program_id text NOT NULL,
            member_id text NOT NULL,
            relation_reference text NULL,
            enrolled_at timestamptz NOT NULL,
            PRIMARY KEY (program_id, member_id));
        CREATE TABLE IF NOT EXISTS loyalty.member_status_history (
            history_id bigint PRIMARY KEY,
            program_id text NOT NULL,
            member_id text NOT NULL,
            occurred_at timestamptz NOT NULL,
            status text NOT NULL);
        CREATE TABLE IF NOT EXISTS loyalty.member_tier_history (
            history_id bigint PRIMARY KEY,
            program_id text NOT NULL,
            member_id text NOT NULL,
            occurred_at timestamptz NOT NULL,
            tier text NOT NULL);
        CREATE TABLE IF NOT EXISTS loyalty.segment_history (
            history_id bigint PRIMARY KEY,
            program_id text NOT NULL,
            member_id text NOT NULL,
            occurred_at timestamptz NOT NULL,
            segment text NOT NULL,
            change text NOT NULL);
        CREATE TABLE IF NOT EXISTS loyalty.point_entries (
            entry_id bigint PRIMARY KEY,
            program_id text NOT NULL,
            member_id text NOT NULL,
            occurred_at timestamptz NOT NULL,
            entry_type text NOT NULL,
            points integer NOT NULL CHECK (points > 0),
            expires_at timestamptz NULL,
            transaction_id text NULL,
            transaction_amount numeric NULL,
            currency text NULL,
            channel text NULL,
            campaign_id text NULL,
            redemption_id text NULL,
            reason text NULL);
        CREATE TABLE IF NOT EXISTS loyalty.point_allocations (
            debit_entry_id bigint NOT NULL,
            credit_entry_id bigint NOT NULL,
            points integer NOT NULL CHECK (points > 0),
            PRIMARY KEY (debit_entry_id, credit_entry_id));
        """;

    // The indexes the snapshot queries need. Member order is ordinal, so every index on member_id is
    // COLLATE "C" (and the queries compare member ids under "C"), whatever the database's collation.
    private static readonly (string Name, string Definition)[] Indexes =
    [
        ("members_by_member_c", "loyalty.members (program_id, member_id COLLATE \"C\")"),
        // The summary counts members from these two instead of reading every member's reference.
        ("members_by_enrolment", "loyalty.members (program_id, enrolled_at)"),
        ("members_unsendable", $"loyalty.members (program_id, enrolled_at) WHERE {CustomerIds.SqlIsUnsendable("relation_reference")}"),
        ("status_by_member", "loyalty.member_status_history (program_id, member_id COLLATE \"C\", occurred_at, history_id)"),
        ("status_by_time", "loyalty.member_status_history (program_id, occurred_at)"),
        ("tier_by_member", "loyalty.member_tier_history (program_id, member_id COLLATE \"C\", occurred_at, history_id)"),
        ("tier_by_time", "loyalty.member_tier_history (program_id, occurred_at)"),
        ("segment_by_time", "loyalty.segment_history (program_id, occurred_at)"),
        ("entries_by_member", "loyalty.point_entries (program_id, member_id COLLATE \"C\", occurred_at)"),
        ("entries_by_time", "loyalty.point_entries (program_id, occurred_at) INCLUDE (member_id, entry_type)"),
        // Covering, for credits only: the lots of an expiry window (expiring-soon events, the
        // over-allocated lots the anomalies count) come from the index alone, not from one heap page per lot.
        ("lots_by_expiry", $"loyalty.point_entries (program_id, expires_at) INCLUDE (entry_id, member_id, points, occurred_at) WHERE expires_at IS NOT NULL AND entry_type IN {EntryTypes.CreditsSql}"),
        // Tiny in a healthy ledger: lets every query exclude members with unknown entry types cheaply.
        ("entries_unknown_type", $"loyalty.point_entries (program_id, member_id COLLATE \"C\") WHERE entry_type NOT IN {EntryTypes.KnownSql}"),
        ("allocations_by_credit", "loyalty.point_allocations (credit_entry_id) INCLUDE (debit_entry_id, points)"),
    ];

    public static async Task CreateAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // Two replicas starting together must not race on CREATE ... IF NOT EXISTS (it is not atomic).
        await Execute(connection, "SELECT pg_advisory_lock(7235001)", ct);
        try
        {
            await Execute(connection, Tables, ct);
            foreach (var (name, definition) in Indexes)
            {
                await Execute(connection, $"CREATE INDEX IF NOT EXISTS {name} ON {definition}", ct);
            }
        }
        finally
        {
            await Execute(connection, "SELECT pg_advisory_unlock(7235001)", ct);
        }
    }

    /// <summary>Bulk loads are several times faster without secondary indexes; <see cref="CreateAsync"/> restores them.</summary>
    public static async Task DropSecondaryIndexesAsync(NpgsqlDataSource dataSource, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        foreach (var (name, _) in Indexes)
        {
            await Execute(connection, $"DROP INDEX IF EXISTS loyalty.{name}", ct);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}
