namespace Loyalife.DaprSidecar.Api;

/// <summary>daprd's HTTP error body: <c>{"errorCode":"ERR_…","message":"…"}</c> with the status daprd uses.</summary>
internal sealed record DaprError(int Status, string ErrorCode, string Message)
{
    public IResult ToResult() => Results.Json(new { errorCode = ErrorCode, message = Message }, statusCode: Status);

    public Task WriteAsync(HttpContext context) => ToResult().ExecuteAsync(context);

    public static DaprError DirectInvoke(string appId, string error) =>
        new(StatusCodes.Status500InternalServerError, "ERR_DIRECT_INVOKE", $"failed to invoke, id: {appId}, err: {error}");

    public static DaprError SecretStoresNotConfigured() =>
        new(StatusCodes.Status500InternalServerError, "ERR_SECRET_STORES_NOT_CONFIGURED", "secret store is not configured");

    // daprd really answers 401 for an unknown store name (messages.ErrSecretStoreNotFound).
    public static DaprError SecretStoreNotFound(string store) =>
        new(StatusCodes.Status401Unauthorized, "ERR_SECRET_STORE_NOT_FOUND", $"failed finding secret store with key {store}");

    public static DaprError SecretGet(string store, string key, string error) =>
        new(StatusCodes.Status500InternalServerError, "ERR_SECRET_GET",
            $"failed getting secret with key {key} from secret store {store}: {error}");
}
