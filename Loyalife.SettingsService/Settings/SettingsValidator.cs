namespace Loyalife.SettingsService.Settings;

/// <summary>
/// Everything about a PUT body that can be judged without asking anyone. Messages never repeat a value, except
/// attribute names: an admin must see which name is at fault, and a name is no secret.
/// </summary>
public static class SettingsValidator
{
    public const int MaxAppIdLength = 64;
    public const int MaxApiKeyLength = 256;

    public static Dictionary<string, string[]> Validate(MoEngageSettingsRequest request, bool apiKeyRequired)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Enabled is null)
        {
            errors["enabled"] = ["enabled is required: true or false."];
        }

        if (AppIdError(request.AppId) is { } appIdError)
        {
            errors["appId"] = [appIdError];
        }

        if (ApiKeyError(request.ApiKey, apiKeyRequired) is { } apiKeyError)
        {
            errors["apiKey"] = [apiKeyError];
        }

        if (!DashboardUrl.TryParse(request.DashboardUrl, out _))
        {
            errors["dashboardUrl"] = [string.IsNullOrEmpty(request.DashboardUrl)
                ? $"Dashboard URL is required. Accepted: {DashboardUrl.AcceptedForms}."
                : $"Dashboard URL must be the MoEngage dashboard address you sign in to, without path, query, port or user name. Accepted: {DashboardUrl.AcceptedForms}."];
        }

        if (request.UnknownMembers is not null && !UnknownMembers.IsValid(request.UnknownMembers))
        {
            errors["unknownMembers"] = [$"unknownMembers must be '{UnknownMembers.Verify}' (send an event only for a member MoEngage's Get User API confirms) "
                + $"or '{UnknownMembers.Send}' (send every event; MoEngage creates a profile for a member it does not hold)."];
        }

        if (Settings.IntradayMinutes.TryRead(request.IntradayMinutes, out _, out _) is { } intradayError)
        {
            errors[Settings.IntradayMinutes.Field] = [intradayError];
        }

        if (request.AttributeNames is { } attributeNames)
        {
            AttributeNameOverrides.Validate(attributeNames, errors);
        }

        return errors;
    }

    private static string? AppIdError(string? appId) => appId switch
    {
        null or "" => "App ID is required (MoEngage → Settings → APIs → Workspace ID).",
        _ when appId.Length > MaxAppIdLength => $"App ID must be at most {MaxAppIdLength} characters.",
        _ when appId.Any(char.IsWhiteSpace) => "App ID must not contain spaces or line breaks (check for a space pasted with it).",
        _ when !appId.All(char.IsAscii) => "App ID must contain only ASCII characters.",
        _ when !appId.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') => "App ID may contain only letters, digits, '_' and '-'.",
        _ => null,
    };

    private static string? ApiKeyError(string? apiKey, bool required) => apiKey switch
    {
        null when required => "API key is required when MoEngage is first configured for a program.",
        null => null,
        "" => "API key must not be empty; leave it out to keep the stored key.",
        _ when apiKey.Length > MaxApiKeyLength => $"API key must be at most {MaxApiKeyLength} characters.",
        _ when apiKey.Any(char.IsWhiteSpace) => "API key must not contain spaces or line breaks (check for a space pasted with it).",
        _ when !apiKey.All(c => char.IsAscii(c) && !char.IsControl(c)) => "API key must contain only printable ASCII characters.",
        _ => null,
    };
}
