namespace Loyalife.SettingsService.Settings;

public sealed record SettingsExport(DateTimeOffset ExportedAt, IReadOnlyList<ExportedIntegration> Integrations);
