namespace Loyalife.SettingsService.MoEngage;

/// <summary>Whether MoEngage's Get User API answers for a workspace, and what MoEngage said.</summary>
public sealed record GetUserCheck(GetUserOutcome Outcome, string DataCenter, Uri ApiBaseUrl, string Message, int? MoEngageStatus)
{
    /// <summary>What an admin is shown: true or false once MoEngage answered, null when it could not be asked.</summary>
    public bool? Available => Outcome switch
    {
        GetUserOutcome.Answers => true,
        GetUserOutcome.DoesNotAnswer => false,
        _ => null,
    };
}
