namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>
/// What Get User said about the customer_ids asked: those it holds (<see cref="Exists"/>), the attributes of
/// those whose answer names them (<see cref="Found"/>), and those it does not hold. An id in neither set
/// was not answered for, and stays unconfirmed.
/// </summary>
public sealed record GetUserAnswer(
    IReadOnlySet<string> Exists, IReadOnlyDictionary<string, JsonElement> Found, IReadOnlySet<string> NotFound,
    int Requests, int Retries, int RateLimitWaits, TimeSpan RateLimitWaited);
