namespace Loyalife.SettingsService.Settings;

/// <summary>
/// Save, verify and delete. Concurrency: each save of a new key writes it under a fresh secret name
/// (one per version) before the row changes, and the row switches to it in one transaction under a
/// per-program advisory lock; only then is the secret the row used to reference deleted. So the row never
/// names a secret that is missing or half written, whichever save commits last wins, and every save is
/// audited. Longer than most files because save is one story: validate, check with MoEngage, write, audit.
/// </summary>
public sealed class SettingsCommands(
    ProgramDirectory programs,
    SettingsStore store,
    ConnectionTester tester,
    GetUserProbe getUserProbe,
    ISecretWriter secrets,
    SecretReader secretReader,
    TimeProvider clock,
    ILogger<SettingsCommands> logger)
{
    public async Task<SaveOutcome> SaveAsync(string programId, MoEngageSettingsRequest request, string actor, CancellationToken ct)
    {
        if (!await programs.ExistsAsync(programId, ct))
        {
            return new SaveOutcome { UnknownProgram = true };
        }

        var current = await store.GetAsync(programId, ct);
        var errors = SettingsValidator.Validate(request, apiKeyRequired: current is null);
        if (errors.Count > 0)
        {
            return new SaveOutcome { Errors = errors };
        }

        DashboardUrl.TryParse(request.DashboardUrl, out var dataCenter);
        var unknownMembers = request.UnknownMembers ?? current?.UnknownMembers ?? UnknownMembers.Default;
        var attributeNames = request.AttributeNames is { } requested
            ? AttributeNameOverrides.Normalize(requested)
            : current?.AttributeNames ?? new Dictionary<string, string>();
        IntradayMinutes.TryRead(request.IntradayMinutes, out var intradayGiven, out var intradayMinutes);
        if (!intradayGiven)
        {
            intradayMinutes = current?.IntradayMinutes;
        }

        // Switching the integration off must work even when MoEngage now refuses the stored key; anything
        // that is or could become live is checked first, and so is a switch to verify, which needs Get User.
        var credentialsChanged = current is null || request.ApiKey is not null || request.AppId != current.AppId || dataCenter != current.DataCenter;
        var switchedToVerify = unknownMembers == UnknownMembers.Verify && current?.UnknownMembers != UnknownMembers.Verify;
        ConnectionCheck? check = null;
        GetUserCheck? getUser = null;
        if (credentialsChanged || request.Enabled == true || switchedToVerify)
        {
            var apiKey = request.ApiKey ?? (await ReadKeyAsync(current!, ct))?.Key;
            if (apiKey is null)
            {
                return new SaveOutcome { StoredKeyUnreadable = true };
            }

            (check, getUser) = await CheckAsync(dataCenter, request.AppId!, apiKey, ct);
            if (!check.Verified)
            {
                return new SaveOutcome { FailedCheck = check };
            }

            // MoEngage being down is never read as "Get User does not answer"; and "does not answer" refuses
            // only a program that needs Get User. Either way the admin is told, and nothing is saved.
            if (getUser!.Outcome == GetUserOutcome.Unreachable
                || (getUser.Outcome == GetUserOutcome.DoesNotAnswer && unknownMembers == UnknownMembers.Verify))
            {
                return new SaveOutcome { FailedGetUser = getUser };
            }
        }

        var newSecretName = request.ApiKey is null ? null : SecretNames.NewVersion(programId);
        if (newSecretName is not null)
        {
            await secrets.WriteAsync(newSecretName, request.ApiKey!, ct);
        }

        var proposed = new SettingsRow(programId, request.Enabled!.Value, request.AppId!, DataCenters.DashboardUrl(dataCenter), dataCenter,
            newSecretName ?? "", attributeNames, unknownMembers, getUser?.Available, check?.WorkspaceName,
            check is null ? null : clock.GetUtcNow(), default, default, actor, intradayMinutes);
        (SettingsRow Saved, string? ReplacedSecret, bool Created)? result;
        try
        {
            result = await store.SaveAsync(proposed, newSecretName, actor, ct);
        }
        catch
        {
            await DeleteSecretQuietlyAsync(newSecretName, programId);
            throw;
        }

        if (result is null)
        {
            // Deleted between our read and our write, and this request kept "the stored key" that is now gone.
            return new SaveOutcome { Errors = new() { ["apiKey"] = ["API key is required: the settings were deleted meanwhile."] } };
        }

        var (saved, replaced, created) = result.Value;
        await DeleteSecretQuietlyAsync(replaced, programId);
        logger.LogInformation("MoEngage settings of program {ProgramId} saved by {Actor} (app {AppId}, data centre {DataCenter}, key {KeyChange}, "
            + "unknown members {UnknownMembers}, Get User available {GetUserAvailable}, intraday every {IntradayMinutes} min)",
            programId, actor, proposed.AppId, dataCenter, newSecretName is null ? "kept" : "replaced", saved.UnknownMembers, saved.GetUserAvailable, saved.IntradayMinutes);
        var masked = request.ApiKey is not null ? ApiKeyMask.Of(request.ApiKey) : await MaskedKeyAsync(saved, ct);
        return new SaveOutcome { Saved = saved, Created = created, ApiKeyMasked = masked };
    }

    /// <summary>The stored key masked for an admin, read through the secret store: no part of a key is kept anywhere else.</summary>
    public async Task<string> MaskedKeyAsync(SettingsRow row, CancellationToken ct) => ApiKeyMask.Of((await ReadKeyAsync(row, ct))?.Key);

    public async Task<(SettingsRow? Row, ConnectionCheck? Check, bool StoredKeyUnreadable)> VerifyAsync(string programId, string actor, CancellationToken ct)
    {
        var row = await store.GetAsync(programId, ct);
        if (row is null)
        {
            return (null, null, false);
        }

        var apiKey = await ReadKeyAsync(row, ct);
        if (apiKey is null)
        {
            return (row, null, true);
        }

        var check = await tester.CheckAsync(row.DataCenter, row.AppId, apiKey.Value.Key, ct);
        await store.RecordVerificationAsync(programId, actor, check.Verified,
            new { result = check.Outcome.ToString().ToLowerInvariant(), dataCenter = check.DataCenter, moEngageStatus = check.MoEngageStatus },
            check.WorkspaceName, ct);
        return (row, check, false);
    }

    public async Task<bool> DeleteAsync(string programId, string actor, CancellationToken ct)
    {
        var removed = await store.DeleteAsync(programId, actor, ct);
        if (removed is null)
        {
            return false;
        }

        await DeleteSecretQuietlyAsync(removed.SecretName, programId);
        logger.LogInformation("MoEngage settings of program {ProgramId} deleted by {Actor}", programId, actor);
        return true;
    }

    /// <summary>
    /// The key of the row as stored now. A save may replace the secret between reading the row and reading
    /// the secret; then the row names a newer secret, and one more read finds it.
    /// </summary>
    public async Task<(SettingsRow Row, string Key)?> ReadKeyAsync(SettingsRow row, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await secretReader.TryReadAsync(row.SecretName, ct) is { } key)
            {
                return (row, key);
            }

            var latest = await store.GetAsync(row.ProgramId, ct);
            if (latest is null || latest.SecretName == row.SecretName)
            {
                break;
            }

            row = latest;
        }

        logger.LogError("The secret store could not produce secret {SecretName} for program {ProgramId}", row.SecretName, row.ProgramId);
        return null;
    }

    // Get User is asked only once MoEngage has accepted the credentials: before that its answer means nothing.
    private async Task<(ConnectionCheck Check, GetUserCheck? GetUser)> CheckAsync(string dataCenter, string appId, string apiKey, CancellationToken ct)
    {
        var check = await tester.CheckAsync(dataCenter, appId, apiKey, ct);
        return (check, check.Verified ? await getUserProbe.CheckAsync(dataCenter, appId, apiKey, ct) : null);
    }

    private async Task DeleteSecretQuietlyAsync(string? secretName, string programId)
    {
        if (secretName is null)
        {
            return;
        }

        try
        {
            await secrets.DeleteAsync(secretName, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // An orphaned secret is unreferenced and harmless; the row is already consistent.
            logger.LogWarning("Could not delete the unreferenced secret {SecretName} of program {ProgramId}: {Error}", secretName, programId, exception.GetType().Name);
        }
    }
}
