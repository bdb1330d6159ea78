namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>The program's MoEngage integration is (or became) disabled or unconfigured: the run stops cleanly.</summary>
public sealed class IntegrationDisabledException(string message) : Exception(message);
