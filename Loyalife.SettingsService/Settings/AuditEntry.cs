namespace Loyalife.SettingsService.Settings;

/// <summary>One change to a program's MoEngage settings: who, when, what (the key only as "replaced").</summary>
public sealed record AuditEntry(long AuditId, string ProgramId, DateTimeOffset OccurredAt, string Actor, string Action, JsonElement Changes);
