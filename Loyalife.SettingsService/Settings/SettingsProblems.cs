using Loyalife.SettingsService.MoEngage;
using Microsoft.AspNetCore.Http.HttpResults;

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

    public static ProblemHttpResult StoredKeyUnreadable(string programId) => TypedResults.Problem(
        title: "The stored API key could not be read",
        detail: $"The secret store did not return the stored MoEngage API key of program '{programId}'. Enter the API key again, or check the secret store.",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    private static Dictionary<string, object?> Extensions(ConnectionCheck check) => new()
    {
        ["dataCenter"] = check.DataCenter,
        ["apiBaseUrl"] = check.ApiBaseUrl.ToString().TrimEnd('/'),
        ["moEngageStatus"] = check.MoEngageStatus,
    };
}
