namespace Loyalife.MoEngageDispatcher.Existence;

/// <summary>
/// The members whose events are held back because MoEngage holds no profile under their customer_id, so an
/// admin can correct their relation references: JSON pages, or every matching row as CSV.
/// </summary>
public static class MembersNotInMoEngageApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    private const int MaxText = 200;

    public static RouteGroupBuilder MapMembersNotInMoEngageApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1").WithTags("Members not in MoEngage").RequireProgramAccess();
        api.MapGet("/programs/{programId}/members-not-in-moengage", ListAsync);
        return api;
    }

    public static async Task<Results<Ok<MembersNotInMoEngagePage>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> ListAsync(
        string programId, string? search, string? after, string? limit, HttpRequest request, ISnapshotSource snapshots,
        ConfirmationStore store, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"limit must be a whole number from 1 to {MaxLimit}."];
        }

        foreach (var (name, value) in new[] { ("search", search), ("after", after) })
        {
            if (value is { Length: > MaxText } || (value is not null && value.Any(char.IsControl)))
            {
                errors[name] = [$"{name} must be at most {MaxText} characters, without control characters."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await snapshots.GetProgramAsync(programId, cancellationToken) is null)
        {
            return ApiProblems.UnknownProgram(programId);
        }

        var csv = request.Headers.Accept.Any(accept => accept?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);
        var page = await store.ListNotInMoEngageAsync(programId, search, csv ? null : after, csv ? null : size, cancellationToken);
        return csv ? TypedResults.Text(Csv(page.Items), "text/csv", Encoding.UTF8) : TypedResults.Ok(page);
    }

    private static string Csv(IEnumerable<MemberNotInMoEngage> members)
    {
        var csv = new StringBuilder("memberId,customerId,since,lastChecked\r\n");
        foreach (var member in members)
        {
            csv.Append(Field(member.MemberId)).Append(',').Append(Field(member.CustomerId)).Append(',')
                .Append(MoEngageTime.Format(member.Since)).Append(',').Append(MoEngageTime.Format(member.LastChecked)).Append("\r\n");
        }

        return csv.ToString();
    }

    // Quoted where CSV needs it; a leading formula character is defused so a spreadsheet shows the id, not a formula.
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
