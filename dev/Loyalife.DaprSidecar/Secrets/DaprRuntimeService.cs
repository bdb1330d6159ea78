using Dapr.Client.Autogen.Grpc.v1;

namespace Loyalife.DaprSidecar.Secrets;

/// <summary>gRPC <c>GetSecret</c>/<c>GetBulkSecret</c>, what <c>DaprClient.GetSecretAsync</c> calls, with daprd's status codes.</summary>
internal sealed class DaprRuntimeService(SecretStores stores) : DaprRuntimeServiceBase
{
    public override Task<GetSecretResponse> GetSecret(GetSecretRequest request, ServerCallContext context)
    {
        var result = stores.Get(request.StoreName, request.Key);
        if (result.Error is { } error)
            throw ToRpc(error);
        var response = new GetSecretResponse();
        foreach (var (key, value) in result.Value!)
            response.Data.Add(key, value);
        return Task.FromResult(response);
    }

    public override Task<GetBulkSecretResponse> GetBulkSecret(GetBulkSecretRequest request, ServerCallContext context)
    {
        var result = stores.GetBulk(request.StoreName);
        if (result.Error is { } error)
            throw ToRpc(error);
        var response = new GetBulkSecretResponse();
        foreach (var (name, values) in result.Value!)
        {
            var secret = new SecretResponse();
            foreach (var (key, value) in values)
                secret.Secrets.Add(key, value);
            response.Data.Add(name, secret);
        }
        return Task.FromResult(response);
    }

    // daprd's messages.APIError pairs each HTTP status with a gRPC code.
    private static RpcException ToRpc(DaprError error) => new(new Status(
        error.ErrorCode switch
        {
            "ERR_SECRET_STORES_NOT_CONFIGURED" => StatusCode.FailedPrecondition,
            "ERR_SECRET_STORE_NOT_FOUND" => StatusCode.InvalidArgument,
            _ => StatusCode.Internal,
        },
        error.Message));
}
