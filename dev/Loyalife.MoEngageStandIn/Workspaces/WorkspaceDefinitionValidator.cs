namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>Shared by the control API (400 problem) and start-up configuration (refuses to start).</summary>
internal static class WorkspaceDefinitionValidator
{
    private const int MaxProcessingDelayMilliseconds = 3_600_000;

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

        if (definition.Customers is { } customers && CustomersProblem(customers) is { } problem)
        {
            errors["customers"] = [problem];
        }

        if (definition.GetUser?.UsersPerMinute < 0)
        {
            errors["getUser"] = ["usersPerMinute is a non-negative number, or null for unlimited."];
        }

        if (definition.ProcessingDelayMilliseconds is < 0 or > MaxProcessingDelayMilliseconds)
        {
            errors["processingDelayMilliseconds"] = [$"Lies between 0 and {MaxProcessingDelayMilliseconds} (an hour)."];
        }

        if (definition.EventsKeptPerCustomer < 1)
        {
            errors["eventsKeptPerCustomer"] = ["At least 1, or null for the stand-in's default."];
        }

        if (Workspaces.BulkElementFaults.Parse(definition.BulkElementFaults) is null)
        {
            errors["bulkElementFaults"] = [$"'{Workspaces.BulkElementFaults.Drop}' (the default) or '{Workspaces.BulkElementFaults.Reject}'."];
        }

        return errors;
    }

    private static string? CustomersProblem(CustomerSeed[] customers)
    {
        if (customers.Any(c => c is null || string.IsNullOrEmpty(c.CustomerId)))
        {
            return "Each customer is a non-empty ID, or an object with a non-empty customerId.";
        }

        // Configuration cannot give typed JSON values; the binder leaves them undefined.
        return customers.Any(c => c.Attributes?.Any(a => a.Key.Length == 0 || a.Value.ValueKind == JsonValueKind.Undefined) == true)
            ? "Attributes have non-empty names and JSON values (given through the control API, not configuration)."
            : null;
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
