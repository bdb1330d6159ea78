using Loyalife.Domain.MoEngage;

namespace Loyalife.MoEngageDispatcher.Members;

/// <summary>
/// Builds a member's lookup: its facts from snapshot-service's snapshot of the last night sent (a closed day's
/// snapshot is stable, so nothing is stored per member), what that night sent recomputed from it, the existence
/// gate's confirmation, and one live Get User call within the workspace's shared quota (docs/architecture.md).
/// </summary>
public sealed class MemberLookups(
    IMemberSource members, ISettingsSource settings, SyncedNights nights, ConfirmationStore confirmations, GetUserClient getUser,
    IQuotaLimiter limiter, TimeProvider time, ILogger<MemberLookups> logger)
{
    /// <summary>How many of a customer id's members are looked up in full; more than one is already a reference to fix.</summary>
    public const int MaxMembersPerCustomerId = 20;

    /// <summary>The member's lookup, or null when the program has no such member.</summary>
    /// <exception cref="GetUserQuotaExhaustedException">The live Get User call does not fit the quota now.</exception>
    public async Task<MemberLookup?> LookUpAsync(ProgramInfo program, string memberId, CancellationToken cancellationToken)
    {
        var context = await ContextAsync(program, cancellationToken);
        return await LookUpAsync(context, memberId, [], cancellationToken);
    }

    /// <exception cref="GetUserQuotaExhaustedException">The live Get User call does not fit the quota now.</exception>
    public async Task<MembersByCustomerId> FindAsync(ProgramInfo program, string customerId, CancellationToken cancellationToken)
    {
        var memberIds = await members.FindByCustomerIdAsync(program.ProgramId, customerId, cancellationToken);
        var context = await ContextAsync(program, cancellationToken);
        var live = new Dictionary<string, LiveProfile>(StringComparer.Ordinal);
        var found = new List<MemberLookup>();
        foreach (var memberId in memberIds.Take(MaxMembersPerCustomerId))
        {
            if (await LookUpAsync(context, memberId, live, cancellationToken) is { } lookup)
            {
                found.Add(lookup);
            }
        }

        return new MembersByCustomerId(program.ProgramId, customerId, memberIds.Count, found);
    }

    private sealed record Context(ProgramInfo Program, SyncedNight? Night, DateOnly LatestClosed, MoEngageCredentials? Credentials, AttributeNames Names);

    private async Task<Context> ContextAsync(ProgramInfo program, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(program.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var credentials = await settings.GetCredentialsAsync(program.ProgramId, cancellationToken);
        AttributeNames names;
        try
        {
            names = AttributeNames.From(credentials?.AttributeNames);
        }
        catch (AttributeNameException)
        {
            // Such names fail every run, so nothing went under them; the defaults still say what MoEngage may hold.
            names = AttributeNames.Default;
        }

        return new Context(program, await nights.LastAsync(program.ProgramId, cancellationToken),
            BusinessDay.LatestClosed(zone, time.GetUtcNow()), credentials, names);
    }

    private async Task<MemberLookup?> LookUpAsync(Context context, string memberId, Dictionary<string, LiveProfile> live, CancellationToken cancellationToken)
    {
        var programId = context.Program.ProgramId;
        var day = context.Night is { } night ? await members.GetMemberDayAsync(programId, night.BusinessDate, memberId, cancellationToken) : null;
        if (day is null && context.LatestClosed != context.Night?.BusinessDate)
        {
            // Enrolled since the last night sent, or no night sent yet: the latest closed day still knows the member.
            day = await members.GetMemberDayAsync(programId, context.LatestClosed, memberId, cancellationToken);
        }

        if (day is null)
        {
            return null;
        }

        var sentNight = context.Night is { } n && day.BusinessDate == $"{n.BusinessDate:yyyy-MM-dd}" && day.Member is not null ? n : null;
        var attributes = day.Member is { } member ? MoEngageAttributes(member, context.Names) : null;
        var credentials = context.Credentials;
        var askable = credentials is not null && day.CustomerId is { } id && CustomerIds.SkipReason(id) is null;
        var confirmation = askable
            ? (await confirmations.LookupAsync(credentials!.AppId, [day.CustomerId!], cancellationToken)).GetValueOrDefault(day.CustomerId!)
            : null;
        var profile = askable ? await LiveAsync(credentials!, day.CustomerId!, context.Names, live, cancellationToken) : LiveProfile.Not(LiveProfile.NotAsked);

        var (inMoEngage, asOf, from) = profile.Held is { } held
            ? (held, time.GetUtcNow(), "get_user")
            : confirmation is { } known ? (known.Found, known.LastChecked, "existence_gate") : ((bool?)null, (DateTimeOffset?)null, (string?)null);
        // Differences are against what was sent: a member no night has sent yet has none to show.
        var differences = sentNight is not null && attributes is not null && profile.Attributes is { } stored
            ? attributes.Where(sent => !stored.TryGetValue(sent.Key, out var value) || !AttributeValues.Same(sent.Value, value)).Select(sent => sent.Key).ToList()
            : [];

        return new MemberLookup(programId, day.MemberId, day.CustomerId, day.SkipReason is null, day.SkipReason, day.BusinessDate,
            sentNight is null ? null : day.BusinessDate, sentNight?.SyncedAt, sentNight?.RunId,
            sentNight is null ? null : new SentNight(attributes!, day.Events.Select(e => Fated(e, credentials, confirmation)).ToList()),
            inMoEngage, asOf, from, profile.GetUser, profile.Attributes, differences);
    }

    private static Dictionary<string, JsonElement> MoEngageAttributes(JsonElement member, AttributeNames names)
    {
        var attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (member.TryGetProperty("attributes", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var attribute in values.EnumerateObject())
            {
                try
                {
                    attributes[names.Of(attribute.Name)] = attribute.Value.Clone();
                }
                catch (AttributeNameException)
                {
                    // An attribute MoEngage would not take was never sent; it has no MoEngage value to compare.
                }
            }
        }

        return attributes;
    }

    // The gate's confirmation decided the night's events: found → sent; found absent → held back; never answered →
    // held back unconfirmed. With "send" every event went.
    private static SentEvent Fated(JsonElement item, MoEngageCredentials? credentials, MemberConfirmation? confirmation)
    {
        var (fate, reason) = credentials is { VerifiesMembers: false } ? (SentEvent.Sent, null)
            : confirmation is null ? (SentEvent.HeldBack, SentEvent.Unconfirmed)
            : confirmation.Found ? (SentEvent.Sent, (string?)null)
            : (SentEvent.HeldBack, SentEvent.NotInMoEngage);
        return new SentEvent(Text(item, "eventId"), Text(item, "name"), Text(item, "occurredAt"), fate, reason,
            item.TryGetProperty("attributes", out var attributes) ? attributes.Clone() : default);
    }

    private static string Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private async Task<LiveProfile> LiveAsync(
        MoEngageCredentials credentials, string customerId, AttributeNames names, Dictionary<string, LiveProfile> live, CancellationToken cancellationToken)
    {
        if (live.TryGetValue(customerId, out var known))
        {
            return known;
        }

        if (await limiter.TryReserveAsync(credentials.AppId, QuotaKind.GetUsers, 1, cancellationToken) is { } wait)
        {
            throw new GetUserQuotaExhaustedException(wait);
        }

        var fields = AttributeNaming.LoyalifeNames.Select(name => SafeName(names, name)).OfType<string>().ToList();
        LiveProfile profile;
        try
        {
            var answer = await getUser.ExportAsync(credentials, [customerId], fields, cancellationToken);
            profile = answer.Found.TryGetValue(customerId, out var attributes)
                ? new LiveProfile(LiveProfile.Answered, true, attributes.EnumerateObject().ToDictionary(a => a.Name, a => a.Value.Clone(), StringComparer.Ordinal))
                : new LiveProfile(LiveProfile.Answered, answer.Exists.Contains(customerId) ? true : answer.NotFound.Contains(customerId) ? false : null, null);
        }
        catch (CredentialsRejectedException)
        {
            profile = LiveProfile.Not(LiveProfile.CredentialsRejected);
        }
        catch (MoEngageUnavailableException unavailable)
        {
            // Not enabled for the workspace, or MoEngage not answering: the lookup says so, it does not fail.
            logger.LogInformation("Get User did not answer for workspace {AppId}: {Reason}", credentials.AppId, unavailable.Message);
            profile = LiveProfile.Not(LiveProfile.Unavailable);
        }

        live[customerId] = profile;
        return profile;
    }

    private static string? SafeName(AttributeNames names, string loyalifeName)
    {
        try
        {
            return names.Of(loyalifeName);
        }
        catch (AttributeNameException)
        {
            return null;
        }
    }
}
