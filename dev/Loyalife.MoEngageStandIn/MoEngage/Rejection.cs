namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>A whole request refused: HTTP status, MoEngage's error type, the message, and the attribute at fault if any.</summary>
internal sealed record Rejection(int Status, string Type, string Message, string? Attribute = null)
{
    public const string SecretMismatch = "App Secret key mismatch. Please login to the dashboard to verify key";

    public static Rejection BadRequest(string message) => new(StatusCodes.Status400BadRequest, "Bad Request", message);

    public static Rejection Unauthorized(string message = SecretMismatch) =>
        new(StatusCodes.Status401Unauthorized, "Authentication required", message);

    public static readonly Rejection AppKeyMismatch =
        new(StatusCodes.Status409Conflict, "Conflict", "App key mismatch in params and authentication");

    public static Rejection PayloadTooLarge(int maxBytes) => new(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge",
        $"Request body exceeds the limit of {maxBytes} bytes");

    public static readonly Rejection LengthRequired = new(StatusCodes.Status411LengthRequired, "LengthRequired",
        "Send a Content-Length: this workspace does not accept chunked request bodies");

    /// <summary>MoEngage does not document this answer (docs/moengage.md); clients must treat it as "not available".</summary>
    public static readonly Rejection GetUserNotEnabled = new(StatusCodes.Status403Forbidden, "Forbidden",
        "The Get User API is not enabled for this workspace; ask MoEngage support to enable it");

    public static readonly Rejection TooManyIdentifiers = new(StatusCodes.Status400BadRequest, "LimitBreached",
        $"max limit allowed is {GetUserRequest.MaxIdentifiers}");

    public static Rejection ParamsRequired(string message) => new(StatusCodes.Status400BadRequest, "ParamsRequired", message);

    public static readonly Rejection UnsupportedMediaType = new(StatusCodes.Status415UnsupportedMediaType,
        "Unsupported Media Type", "Content-Type must be application/json");

    public static readonly Rejection MalformedJson = BadRequest("Invalid JSON in request body");

    public static readonly Rejection RateLimited = new(StatusCodes.Status429TooManyRequests, "Too Many Requests",
        "Rate limit exceeded for this workspace; retry after x-ratelimit-reset seconds");

    public static readonly Rejection ServerError = new(StatusCodes.Status500InternalServerError,
        "Internal Server Error", "Something went wrong; please retry with back-off");

    public static Rejection UnknownDataCenter(string dc) =>
        new(StatusCodes.Status404NotFound, "Not Found", $"No MoEngage data centre {dc}");

    /// <summary>An element's fault refuses the request: Track User, Create Event, or Bulk where the workspace says so.</summary>
    public static Rejection Element(ElementFault fault, string message) =>
        new(StatusCodes.Status400BadRequest, fault.Type, message, fault.Attribute);

    public MoEngageFailure ToBody(string requestId) =>
        new("fail", new MoEngageError(Type, Message, requestId) { Attribute = Attribute });
}
