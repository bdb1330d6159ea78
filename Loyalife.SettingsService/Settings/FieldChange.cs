namespace Loyalife.SettingsService.Settings;

public sealed record FieldChange<T>(T? From, T? To);
