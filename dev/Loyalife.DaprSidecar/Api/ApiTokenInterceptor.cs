using Grpc.Core.Interceptors;

namespace Loyalife.DaprSidecar.Api;

/// <summary>daprd's <c>DAPR_API_TOKEN</c> check on the gRPC API (status Unauthenticated, daprd's messages).</summary>
internal sealed class ApiTokenInterceptor(SidecarContext sidecar) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (sidecar.Environment.ApiToken is { } token)
        {
            var sent = context.RequestHeaders.GetValue(ApiTokenMiddleware.Header);
            if (sent is null)
                throw new RpcException(new Status(StatusCode.Unauthenticated, "missing api token in request metadata"));
            if (sent != token)
                throw new RpcException(new Status(StatusCode.Unauthenticated, "authentication error: api token mismatch"));
        }
        return continuation(request, context);
    }
}
