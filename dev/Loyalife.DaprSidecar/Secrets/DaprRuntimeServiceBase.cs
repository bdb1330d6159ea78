using Dapr.Client.Autogen.Grpc.v1;

namespace Loyalife.DaprSidecar.Secrets;

/// <summary>
/// Server side of the two methods of <c>dapr.proto.runtime.v1.Dapr</c> this sidecar serves. Dapr.Protos
/// ships client stubs only, so the binding that Grpc.Tools would generate is declared here by hand;
/// Grpc.AspNetCore binds the overrides of these virtual methods. Every other method answers UNIMPLEMENTED.
/// </summary>
[BindServiceMethod(typeof(DaprRuntimeServiceBase), nameof(BindService))]
internal abstract class DaprRuntimeServiceBase
{
    private const string ServiceName = "dapr.proto.runtime.v1.Dapr";

    private static readonly Method<GetSecretRequest, GetSecretResponse> GetSecretMethod = new(
        MethodType.Unary, ServiceName, "GetSecret", Marshal(GetSecretRequest.Parser), Marshal(GetSecretResponse.Parser));

    private static readonly Method<GetBulkSecretRequest, GetBulkSecretResponse> GetBulkSecretMethod = new(
        MethodType.Unary, ServiceName, "GetBulkSecret", Marshal(GetBulkSecretRequest.Parser), Marshal(GetBulkSecretResponse.Parser));

    public virtual Task<GetSecretResponse> GetSecret(GetSecretRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, ""));

    public virtual Task<GetBulkSecretResponse> GetBulkSecret(GetBulkSecretRequest request, ServerCallContext context) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, ""));

    public static void BindService(ServiceBinderBase binder, DaprRuntimeServiceBase? service)
    {
        binder.AddMethod(GetSecretMethod, service is null ? null : service.GetSecret);
        binder.AddMethod(GetBulkSecretMethod, service is null ? null : service.GetBulkSecret);
    }

    private static Marshaller<T> Marshal<T>(Google.Protobuf.MessageParser<T> parser) where T : Google.Protobuf.IMessage<T> =>
        Marshallers.Create(message => Google.Protobuf.MessageExtensions.ToByteArray(message), parser.ParseFrom);
}
