namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>A misconfigured start-up workspace stops the stand-in at start, naming the entry and field.</summary>
internal sealed class StandInOptionsValidator : IValidateOptions<StandInOptions>
{
    public ValidateOptionsResult Validate(string? name, StandInOptions options)
    {
        var failures = new List<string>();
        if (options.RequestLogSize < 1)
        {
            failures.Add($"{StandInOptions.SectionName}:RequestLogSize must be at least 1.");
        }

        if (options.EventsKeptPerCustomer < 1)
        {
            failures.Add($"{StandInOptions.SectionName}:EventsKeptPerCustomer must be at least 1.");
        }

        foreach (var (definition, index) in options.Workspaces.Select((definition, index) => (definition, index)))
        {
            failures.AddRange(WorkspaceDefinitionValidator.Validate(definition, definition.AppId)
                .SelectMany(error => error.Value.Select(message =>
                    $"{StandInOptions.SectionName}:Workspaces:{index}:{error.Key}: {message}")));
        }

        var duplicates = options.Workspaces.GroupBy(w => w.AppId).Where(g => g.Key is not null && g.Count() > 1);
        failures.AddRange(duplicates.Select(g => $"{StandInOptions.SectionName}:Workspaces: App ID '{g.Key}' appears more than once."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
