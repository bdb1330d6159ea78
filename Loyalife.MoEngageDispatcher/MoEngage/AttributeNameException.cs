namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>An attribute would go under a name MoEngage does not take: the run fails before sending it.</summary>
public sealed class AttributeNameException(string message) : Exception(message);
