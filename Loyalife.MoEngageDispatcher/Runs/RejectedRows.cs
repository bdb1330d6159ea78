namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>
/// Rows of <c>dispatch.rejected_elements</c>, written in the transaction of the progress they belong to. Their
/// <c>run_id</c> is the run's, or an intraday pass's id for a pass's (the two are never the same uuid).
/// </summary>
internal static class RejectedRows
{
    public static async Task InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid runId, IReadOnlyList<RejectedElement> rejected, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        if (rejected.Count == 0)
        {
            return;
        }

        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch)
        {
            foreach (var element in rejected)
            {
                var command = new NpgsqlBatchCommand("""
                    INSERT INTO dispatch.rejected_elements (run_id, business_date, kind, status, answer, element, recorded_at)
                    VALUES (@id, @d, @kind, @status, @answer, @element, @at)
                    """);
                command.Parameters.AddWithValue("id", runId);
                command.Parameters.AddWithValue("d", element.BusinessDate);
                command.Parameters.AddWithValue("kind", element.Kind);
                command.Parameters.AddWithValue("status", element.Status);
                command.Parameters.AddWithValue("answer", element.Answer);
                command.Parameters.AddWithValue("element", element.Element);
                command.Parameters.AddWithValue("at", at);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
