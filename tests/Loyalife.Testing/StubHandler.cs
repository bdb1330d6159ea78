namespace Loyalife.Testing;

/// <summary>
/// A test's hand in an HTTP client's traffic, as one function of the request and the rest of the pipeline:
/// answer the request itself (a fault, a canned reply) without calling <c>next</c>, change or record it and
/// call <c>next</c>, or record what <c>next</c> answers. Add it to a service's named client with
/// <c>AddHttpMessageHandler(() => new StubHandler(...))</c>, or build a client on it alone
/// (<see cref="Answering"/>), where nothing lies behind it.
/// </summary>
public sealed class StubHandler(Func<HttpRequestMessage, StubHandler.Next, CancellationToken, Task<HttpResponseMessage>> send) : DelegatingHandler
{
    /// <summary>The handlers behind this one: the network, or the rest of the client's pipeline.</summary>
    public delegate Task<HttpResponseMessage> Next(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>Passes every request on to <paramref name="inner"/> (a client's own connection) through <paramref name="send"/>.</summary>
    public StubHandler(HttpMessageHandler inner, Func<HttpRequestMessage, Next, CancellationToken, Task<HttpResponseMessage>> send)
        : this(send) => InnerHandler = inner;

    /// <summary>Answers every request itself with <paramref name="answer"/>; nothing lies behind it.</summary>
    public static StubHandler Answering(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer) =>
        new((request, _, cancellationToken) => answer(request, cancellationToken));

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        send(request, base.SendAsync, cancellationToken);
}
