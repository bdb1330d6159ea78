namespace Loyalife.SettingsService.Settings;

/// <summary>The RFC 7807 answers of the settings API. None of them carries a submitted value.</summary>
public static class SettingsProblems
{
    public static ProblemHttpResult NotConfigured(string programId) => TypedResults.Problem(
        title: "MoEngage is not configured", detail: $"Program '{programId}' has no MoEngage settings.", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult CheckFailed(ConnectionCheck check) => check.Outcome == ConnectionCheckOutcome.Unreachable
        ? TypedResults.Problem(
            title: "MoEngage could not be reached", detail: check.Message, statusCode: StatusCodes.Status503ServiceUnavailable,
            extensions: Extensions(check))
        : TypedResults.Problem(
            title: "MoEngage rejected the credentials", detail: check.Message, statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: Extensions(check));

    /// <summary>
    /// Get User could not be asked (503, like Test Connection), or it does not answer for a program whose unknown
    /// members are to be verified (422): the admin learns both ways out.
    /// </summary>
    public static ProblemHttpResult GetUserFailed(GetUserCheck check, string appId)
    {
        var extensions = Extensions(check.DataCenter, check.ApiBaseUrl, check.MoEngageStatus);
        extensions["getUserAvailable"] = check.Available;
        return check.Outcome == GetUserOutcome.Unreachable
            ? TypedResults.Problem(title: "MoEngage could not be reached", detail: check.Message,
                statusCode: StatusCodes.Status503ServiceUnavailable, extensions: extensions)
            : TypedResults.Problem(
                title: "MoEngage's Get User API does not answer for this workspace",
                detail: $"{check.Message} With unknown members set to '{UnknownMembers.Verify}', Loyalife asks Get User whether MoEngage holds a member "
                    + "before sending that member's events, so it cannot work without it. Two ways out: ask MoEngage support to enable the "
                    + $"Get User API for workspace {appId}, then save again; or choose '{UnknownMembers.Send}', which sends every event and lets "
                    + "MoEngage create profiles for members it does not hold. Nothing was saved.",
                statusCode: StatusCodes.Status422UnprocessableEntity, extensions: extensions);
    }

    public static ProblemHttpResult StoredKeyUnreadable(string programId) => TypedResults.Problem(
        title: "The stored API key could not be read",
        detail: $"The secret store did not return the stored MoEngage API key of program '{programId}'. Enter the API key again, or check the secret store.",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    private static Dictionary<string, object?> Extensions(ConnectionCheck check) => Extensions(check.DataCenter, check.ApiBaseUrl, check.MoEngageStatus);

    private static Dictionary<string, object?> Extensions(string dataCenter, Uri apiBaseUrl, int? moEngageStatus) => new()
    {
        ["dataCenter"] = dataCenter,
        ["apiBaseUrl"] = apiBaseUrl.ToString().TrimEnd('/'),
        ["moEngageStatus"] = moEngageStatus,
    };
}
