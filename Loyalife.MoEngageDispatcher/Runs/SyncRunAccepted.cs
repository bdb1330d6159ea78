namespace Loyalife.MoEngageDispatcher.Runs;

public sealed record SyncRunAccepted(Guid RunId);
