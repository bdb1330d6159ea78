namespace Loyalife.DaprSidecar.Tests;

public sealed class RedisFixtureTests
{
    [Fact]
    public async Task ThrowawayRedisListens()
    {
        var server = await RedisServer.Shared;
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync("127.0.0.1", server.Port);
        Assert.True(client.Connected);
    }
}
