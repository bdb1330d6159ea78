namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>An element MoEngage refused (or that could never be sent), with MoEngage's answer.</summary>
public sealed record RejectedElement(DateOnly BusinessDate, string Kind, int Status, string Answer, string Element);
