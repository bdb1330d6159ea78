namespace Loyalife.SettingsService.Alerts;

/// <summary>A stored webhook: where its signing secret is kept, never the secret.</summary>
public sealed record AlertTargetRow(Guid TargetId, string ProgramId, string Url, string? SecretName, DateTimeOffset CreatedAt, string CreatedBy)
{
    public AlertTargetView ToView() => new(TargetId, Url, SecretName is not null, CreatedAt);
}
