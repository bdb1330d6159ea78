namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>A program's alert targets, read from settings-service each time they are needed (a removed target stops at once).</summary>
public interface IAlertTargetSource
{
    /// <summary>The program's targets with their signing secrets; empty when it has none.</summary>
    Task<IReadOnlyList<AlertTarget>> GetTargetsAsync(string programId, CancellationToken cancellationToken);
}
