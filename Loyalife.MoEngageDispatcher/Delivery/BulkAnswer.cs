namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>MoEngage's final answer to one body, and how long the quota held the body back before it went out.</summary>
public sealed record BulkAnswer(SendResult Result, TimeSpan Waited);
