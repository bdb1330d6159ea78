using Npgsql;

namespace Loyalife.SnapshotService.Tests;

public sealed class InfrastructureTests
{
    [Fact]
    public async Task ThrowawayPostgresAnswersQueries()
    {
        var server = await PostgresServer.Shared;
        await using var connection = new NpgsqlConnection(await server.CreateDatabaseAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select 1 + 1", connection);

        Assert.Equal(2, await command.ExecuteScalarAsync());
    }
}
