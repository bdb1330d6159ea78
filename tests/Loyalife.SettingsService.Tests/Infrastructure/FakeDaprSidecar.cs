using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalife.SettingsService.Tests.Infrastructure;

/// <summary>
/// Stand-in for the local Dapr sidecar until it lands on main: the gRPC GetSecret call of a
/// secretstores.local.file store that re-reads its file on every call, behind DAPR_API_TOKEN.
/// </summary>
public sealed class FakeDaprSidecar : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeDaprSidecar(WebApplication app, Uri grpcEndpoint)
    {
        this.app = app;
        GrpcEndpoint = grpcEndpoint;
    }

    public Uri GrpcEndpoint { get; }

    public static async Task<FakeDaprSidecar> StartAsync(string secretsFile, string apiToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        app.MapPost("/dapr.proto.runtime.v1.Dapr/GetSecret", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var frame = buffer.ToArray();
            var request = GetSecretRequest.Parser.ParseFrom(frame.AsSpan(5, BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(1, 4))));
            http.Response.ContentType = "application/grpc";
            if (http.Request.Headers["dapr-api-token"] != apiToken)
            {
                await EndAsync(http, 16, "bad token");
                return;
            }

            var secrets = File.Exists(secretsFile)
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(secretsFile))!
                : [];
            if (request.StoreName != "secretstore" || !secrets.TryGetValue(request.Key, out var value))
            {
                await EndAsync(http, 2, $"secret {request.Key} not found");
                return;
            }

            var response = new GetSecretResponse { Data = { [request.Key] = value } }.ToByteArray();
            var header = new byte[5];
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(1), response.Length);
            await http.Response.Body.WriteAsync(header);
            await http.Response.Body.WriteAsync(response);
            await EndAsync(http, 0, null);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeDaprSidecar(app, new Uri(address));
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private static async Task EndAsync(HttpContext http, int status, string? message)
    {
        await http.Response.StartAsync();
        http.Response.AppendTrailer("grpc-status", status.ToString());
        if (message is not null)
        {
            http.Response.AppendTrailer("grpc-message", message);
        }
    }
}
