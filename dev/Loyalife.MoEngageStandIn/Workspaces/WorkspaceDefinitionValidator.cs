using System.Text.RegularExpressions;

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>Shared by the control API (400 problem) and start-up configuration (refuses to start).</summary>
internal static class WorkspaceDefinitionValidator
{
    public static Dictionary<string, string[]> Validate(WorkspaceDefinition definition, string? appId)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(appId))
        {
            errors["appId"] = ["An App ID is required."];
        }

        if (!DataCenters.IsKnown(definition.DataCenter))
        {
            errors["dataCenter"] = [$"Must be one of {string.Join(", ", DataCenters.All.Order())}."];
        }

        if (string.IsNullOrEmpty(definition.ApiKey))
        {
            errors["apiKey"] = ["A Data API key is required."];
        }

        if (definition.CustomerIdPattern is { } pattern && !IsRegex(pattern))
        {
            errors["customerIdPattern"] = ["Not a valid regular expression."];
        }

        if (definition.Limits is { } limits && new[]
            {
                limits.BulkUsersPerMinute, limits.BulkEventsPerMinute, limits.TrackUserPerMinute,
                limits.CreateEventPerMinute,
            }.Any(limit => limit < 0))
        {
            errors["limits"] = ["Limits are non-negative numbers, or null for unlimited."];
        }

        if (definition.Faults is { } faults)
        {
            var rates = new[] { faults.ServerErrorRate, faults.TooManyRequestsRate, faults.DropAfterAcceptRate };
            if (rates.Append(faults.SlowRate).Any(rate => rate is < 0 or > 1 or double.NaN) || rates.Sum() > 1)
            {
                errors["faults"] = ["Rates lie between 0 and 1, and the server error, 429 and drop rates add up to at most 1."];
            }
            else if (faults.SlowMilliseconds < 0)
            {
                errors["faults"] = ["slowMilliseconds must not be negative."];
            }
        }

        return errors;
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
