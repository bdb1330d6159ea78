namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>
/// Alert states, alerts and their deliveries in PostgreSQL. A change of state and the alert it raises are
/// written in one transaction under a per-program lock, so replicas observing the same run tell it once.
/// One file for the three tables, because their writes share transactions.
/// </summary>
public sealed class AlertStore(NpgsqlDataSource database, TimeProvider time)
{
    // Alerts routed in one transaction: a pass keeps its row locks (and its reads of targets) bounded.
    private const int RouteBatchSize = 50;

    private const string DeliveryColumns =
        "delivery_id, target_id, url, kind, state, attempts, last_status, last_error, created_at, delivered_at, next_attempt_at";

    /// <summary>
    /// Stores what <paramref name="decide"/> observes against the program's current states and raises an alert
    /// for each condition that begins or ends (a condition first seen inactive is simply recorded).
    /// </summary>
    /// <returns>The alerts raised.</returns>
    public async Task<IReadOnlyList<Guid>> ObserveAsync(
        string programId,
        Func<IReadOnlyDictionary<string, AlertState>, IReadOnlyList<AlertObservation>> decide,
        Func<Guid, string, AlertObservation, JsonObject> body,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await transaction.LockAsync($"dispatch.alerts:{programId}", cancellationToken);

        var states = new Dictionary<string, AlertState>();
        await using (var select = new NpgsqlCommand(
            "SELECT condition, active, baseline, changed_at FROM dispatch.alert_states WHERE program_id = @p", connection, transaction))
        {
            select.Parameters.AddWithValue("p", programId);
            foreach (var state in await select.ReadRowsAsync(StateColumns, cancellationToken))
            {
                states[state.Condition] = state;
            }
        }

        var raised = new List<Guid>();
        var now = time.GetUtcNow();
        foreach (var observation in decide(states))
        {
            var previous = states.GetValueOrDefault(observation.Condition);
            var changed = previous is null ? observation.Active : previous.Active != observation.Active;
            await using (var upsert = new NpgsqlCommand("""
                INSERT INTO dispatch.alert_states (program_id, condition, active, baseline, changed_at) VALUES (@p, @c, @active, @baseline, @now)
                ON CONFLICT (program_id, condition) DO UPDATE SET active = excluded.active, baseline = excluded.baseline,
                    changed_at = CASE WHEN alert_states.active = excluded.active THEN alert_states.changed_at ELSE excluded.changed_at END
                """, connection, transaction))
            {
                upsert.Parameters.AddWithValue("p", programId);
                upsert.Parameters.AddWithValue("c", observation.Condition);
                upsert.Parameters.AddWithValue("active", observation.Active);
                upsert.Parameters.Add(new NpgsqlParameter("baseline", NpgsqlDbType.Bigint) { Value = (object?)observation.Baseline ?? DBNull.Value });
                upsert.Parameters.AddWithValue("now", now);
                await upsert.ExecuteNonQueryAsync(cancellationToken);
            }

            if (changed)
            {
                var alertId = Guid.CreateVersion7();
                var kind = observation.Active ? observation.Condition : observation.Condition + AlertCondition.ResolvedSuffix;
                await InsertAlertAsync(connection, transaction, alertId, programId, kind, body(alertId, kind, observation), routed: false, cancellationToken);
                raised.Add(alertId);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return raised;
    }

    /// <summary>An alert whose targets are known already (the test alert): stored with a pending delivery to each.</summary>
    public async Task<IReadOnlyList<Guid>> InsertRoutedAsync(
        Guid alertId, string programId, string kind, JsonObject body, IReadOnlyList<AlertTarget> targets, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await InsertAlertAsync(connection, transaction, alertId, programId, kind, body, routed: true, cancellationToken);
        var deliveries = await InsertDeliveriesAsync(connection, transaction, alertId, programId, kind, targets, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deliveries;
    }

    /// <summary>
    /// Gives each alert not yet routed a delivery per target of its program, as <paramref name="targets"/> reads
    /// them now. An alert whose targets cannot be read stays unrouted for the next pass.
    /// </summary>
    public async Task RouteAsync(Func<string, Task<IReadOnlyList<AlertTarget>?>> targets, CancellationToken cancellationToken)
    {
        // The targets are read (from settings-service, through Dapr) before the transaction that locks the alerts,
        // so no row lock is held while waiting on another service. An alert raised meanwhile for another program
        // waits for the next pass.
        var byProgram = new Dictionary<string, IReadOnlyList<AlertTarget>>();
        foreach (var programId in await UnroutedProgramsAsync(cancellationToken))
        {
            if (await targets(programId) is { } found)
            {
                byProgram[programId] = found;
            }
        }

        if (byProgram.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        List<(Guid AlertId, string ProgramId, string Kind)> unrouted;
        await using (var select = new NpgsqlCommand($"""
            SELECT alert_id, program_id, kind FROM dispatch.alerts WHERE NOT routed AND program_id = ANY(@programs)
            ORDER BY created_at LIMIT {RouteBatchSize} FOR UPDATE SKIP LOCKED
            """, connection, transaction))
        {
            select.Parameters.AddWithValue("programs", byProgram.Keys.ToArray());
            unrouted = await select.ReadRowsAsync<(Guid, string, string)>(reader =>
            {
                int alertId = reader.GetOrdinal("alert_id"), programId = reader.GetOrdinal("program_id"), kind = reader.GetOrdinal("kind");
                return () => (reader.GetGuid(alertId), reader.GetString(programId), reader.GetString(kind));
            }, cancellationToken);
        }

        foreach (var (alertId, programId, kind) in unrouted)
        {
            await InsertDeliveriesAsync(connection, transaction, alertId, programId, kind, byProgram[programId], cancellationToken);
            await using var routed = new NpgsqlCommand("UPDATE dispatch.alerts SET routed = true WHERE alert_id = @id", connection, transaction);
            routed.Parameters.AddWithValue("id", alertId);
            await routed.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The programs of the oldest alerts not yet routed, the ones a pass routes; read without locking anything.</summary>
    private async Task<List<string>> UnroutedProgramsAsync(CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand($"""
            SELECT DISTINCT program_id FROM (
                SELECT program_id FROM dispatch.alerts WHERE NOT routed ORDER BY created_at LIMIT {RouteBatchSize}) oldest
            """);
        return await command.ReadRowsAsync<string>(reader =>
        {
            var programId = reader.GetOrdinal("program_id");
            return () => reader.GetString(programId);
        }, cancellationToken);
    }

    /// <summary>Claims pending deliveries that are due for <paramref name="claimFor"/>, so another replica leaves them alone meanwhile.</summary>
    public async Task<IReadOnlyList<DueDelivery>> ClaimDueAsync(int limit, TimeSpan claimFor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // RETURNING keeps no order, and alerts routed in one pass share their due time: a receiver is told
        // of changes in the order they happened (a run held, then released) only if sorted here.
        await using var command = database.CreateCommand("""
            WITH claimed AS (
                UPDATE dispatch.alert_deliveries d SET claimed_until = @until
                FROM dispatch.alerts a
                WHERE a.alert_id = d.alert_id AND d.delivery_id IN (
                    -- 'pending' written out: the partial index alert_deliveries_due serves this very condition only.
                    SELECT delivery_id FROM dispatch.alert_deliveries
                    WHERE state = 'pending' AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until < @now)
                    ORDER BY next_attempt_at LIMIT @limit FOR UPDATE SKIP LOCKED)
                RETURNING d.delivery_id, d.program_id, d.target_id, d.url, d.attempts, a.body::text AS body, d.next_attempt_at, a.created_at)
            SELECT delivery_id, program_id, target_id, url, attempts, body FROM claimed ORDER BY next_attempt_at, created_at, delivery_id
            """);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("until", now + claimFor);
        command.Parameters.AddWithValue("limit", limit);
        return await command.ReadRowsAsync<DueDelivery>(reader =>
        {
            int id = reader.GetOrdinal("delivery_id"), programId = reader.GetOrdinal("program_id"), targetId = reader.GetOrdinal("target_id"),
                url = reader.GetOrdinal("url"), attempts = reader.GetOrdinal("attempts"), body = reader.GetOrdinal("body");
            return () => new DueDelivery(reader.GetGuid(id), reader.GetString(programId), reader.GetString(targetId), reader.GetString(url),
                reader.GetInt32(attempts), JsonNode.Parse(reader.GetString(body))!.AsObject());
        }, cancellationToken);
    }

    /// <summary>Records an attempt: delivered, failed for good, or pending again at <paramref name="nextAttemptAt"/>.</summary>
    public async Task RecordAttemptAsync(
        Guid deliveryId, DeliveryState state, int? status, string? error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand("""
            UPDATE dispatch.alert_deliveries SET state = @state, attempts = attempts + 1, last_status = @status, last_error = @error,
                next_attempt_at = @next, claimed_until = NULL, delivered_at = CASE WHEN @state = 'delivered' THEN @now ELSE delivered_at END
            WHERE delivery_id = @id
            """);
        command.Parameters.AddWithValue("id", deliveryId);
        command.Parameters.AddWithValue("state", state.ToText());
        command.Parameters.Add(new NpgsqlParameter("status", NpgsqlDbType.Integer) { Value = (object?)status ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("error", NpgsqlDbType.Text) { Value = (object?)error ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("next", NpgsqlDbType.TimestampTz) { Value = (object?)nextAttemptAt ?? DBNull.Value });
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AlertDelivery>> ListAsync(string programId, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.CreateCommand(
            $"SELECT {DeliveryColumns} FROM dispatch.alert_deliveries WHERE program_id = @p ORDER BY created_at DESC, delivery_id DESC LIMIT @limit");
        command.Parameters.AddWithValue("p", programId);
        command.Parameters.AddWithValue("limit", limit);
        return await command.ReadRowsAsync(DeliveryColumnsOf, cancellationToken);
    }

    private async Task InsertAlertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid alertId, string programId, string kind, JsonObject body, bool routed,
        CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO dispatch.alerts (alert_id, program_id, kind, body, created_at, routed) VALUES (@id, @p, @kind, @body, @now, @routed)
            """, connection, transaction);
        insert.Parameters.AddWithValue("id", alertId);
        insert.Parameters.AddWithValue("p", programId);
        insert.Parameters.AddWithValue("kind", kind);
        insert.Parameters.Add(new NpgsqlParameter("body", NpgsqlDbType.Jsonb) { Value = body.ToJsonString() });
        insert.Parameters.AddWithValue("now", time.GetUtcNow());
        insert.Parameters.AddWithValue("routed", routed);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<Guid>> InsertDeliveriesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid alertId, string programId, string kind,
        IReadOnlyList<AlertTarget> targets, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        var now = time.GetUtcNow();
        foreach (var target in targets)
        {
            var id = Guid.CreateVersion7();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO dispatch.alert_deliveries (delivery_id, alert_id, program_id, target_id, url, kind, state, created_at, next_attempt_at)
                VALUES (@id, @alert, @p, @target, @url, @kind, @state, @now, @now)
                """, connection, transaction);
            insert.Parameters.AddWithValue("id", id);
            insert.Parameters.AddWithValue("alert", alertId);
            insert.Parameters.AddWithValue("p", programId);
            insert.Parameters.AddWithValue("target", target.TargetId);
            insert.Parameters.AddWithValue("url", target.Url);
            insert.Parameters.AddWithValue("kind", kind);
            insert.Parameters.AddWithValue("state", DeliveryState.Pending.ToText());
            insert.Parameters.AddWithValue("now", now);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            ids.Add(id);
        }

        return ids;
    }

    private static Func<AlertState> StateColumns(NpgsqlDataReader reader)
    {
        int condition = reader.GetOrdinal("condition"), active = reader.GetOrdinal("active"), baseline = reader.GetOrdinal("baseline"),
            changedAt = reader.GetOrdinal("changed_at");
        return () => new AlertState(reader.GetString(condition), reader.GetBoolean(active),
            reader.IsDBNull(baseline) ? null : reader.GetInt64(baseline), reader.GetFieldValue<DateTimeOffset>(changedAt));
    }

    /// <summary>Reads <see cref="DeliveryColumns"/> by name, each looked up once per reader.</summary>
    private static Func<AlertDelivery> DeliveryColumnsOf(NpgsqlDataReader reader)
    {
        int id = reader.GetOrdinal("delivery_id"), targetId = reader.GetOrdinal("target_id"), url = reader.GetOrdinal("url"),
            kind = reader.GetOrdinal("kind"), state = reader.GetOrdinal("state"), attempts = reader.GetOrdinal("attempts"),
            lastStatus = reader.GetOrdinal("last_status"), lastError = reader.GetOrdinal("last_error"), createdAt = reader.GetOrdinal("created_at"),
            deliveredAt = reader.GetOrdinal("delivered_at"), nextAttemptAt = reader.GetOrdinal("next_attempt_at");
        return () => new AlertDelivery(reader.GetGuid(id), reader.GetString(targetId), reader.GetString(url), reader.GetString(kind),
            EnumText.Parse<DeliveryState>(reader.GetString(state)), reader.GetInt32(attempts),
            reader.IsDBNull(lastStatus) ? null : reader.GetInt32(lastStatus),
            reader.IsDBNull(lastError) ? null : reader.GetString(lastError), reader.GetFieldValue<DateTimeOffset>(createdAt),
            reader.IsDBNull(deliveredAt) ? null : reader.GetFieldValue<DateTimeOffset>(deliveredAt),
            reader.IsDBNull(nextAttemptAt) ? null : reader.GetFieldValue<DateTimeOffset>(nextAttemptAt));
    }
}
