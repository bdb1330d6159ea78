namespace Loyalife.SettingsService.MoEngage;

/// <summary>What MoEngage said about an App ID and API key in one data centre.</summary>
public sealed record ConnectionCheck(
    ConnectionCheckOutcome Outcome,
    string DataCenter,
    Uri ApiBaseUrl,
    string Message,
    int? MoEngageStatus = null,
    string? WorkspaceName = null)
{
    public bool Verified => Outcome == ConnectionCheckOutcome.Verified;
}
