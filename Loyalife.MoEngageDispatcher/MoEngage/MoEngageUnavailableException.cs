namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>5xx, timeouts or dropped connections outlasted the retries: the run fails and the next tick resumes it.</summary>
public sealed class MoEngageUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
