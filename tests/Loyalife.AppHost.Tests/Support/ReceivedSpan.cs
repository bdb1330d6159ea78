namespace Loyalife.AppHost.Tests.Support;

/// <summary>One span as an OTLP exporter sent it: ids in lower-case hex, the parent empty for a root.</summary>
internal sealed record ReceivedSpan(
    string Service,
    string Scope,
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    int Kind,
    IReadOnlyDictionary<string, string> Attributes)
{
    public const int ServerKind = 2;
    public const int ClientKind = 3;
    public const int ProducerKind = 4;

    public override string ToString() => $"{Service} [{Scope}] {Name}";
}
