namespace Loyalife.MoEngageDispatcher.Sources;

/// <summary>A service the dispatcher reads from answered something other than what the contract promises.</summary>
public sealed class SourceException(string message) : Exception(message);
