using Loyalife.Domain.Alerts;

namespace Loyalife.SettingsService.Alerts;

/// <summary>
/// Adding and removing a program's webhooks. A URL is checked before it is stored (HTTPS, and a host whose
/// every address is public; the dispatcher checks again at each delivery). The signing secret goes to the
/// secret store under a name of its own, like the API key, and is read back only through Dapr.
/// </summary>
public sealed class AlertTargetCommands(
    ProgramDirectory programs,
    AlertTargetStore store,
    SettingsStore audit,
    ISecretWriter secrets,
    SecretReader secretReader,
    IOptions<AlertTargetOptions> options,
    IHostEnvironment environment,
    TimeProvider clock,
    ILogger<AlertTargetCommands> logger)
{
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 1024;

    private bool AllowLocalhost => options.Value.AllowLocalhost ?? environment.IsDevelopment();

    public async Task<AlertTargetOutcome> AddAsync(string programId, AlertTargetRequest request, string actor, CancellationToken ct)
    {
        if (!await programs.ExistsAsync(programId, ct))
        {
            return new AlertTargetOutcome { UnknownProgram = true };
        }

        var errors = new Dictionary<string, string[]>();
        var problem = WebhookAddress.Problem(request.Url, AllowLocalhost, out var uri);
        if (problem is null)
        {
            try
            {
                await WebhookAddress.ResolveAsync(uri!.IdnHost, AllowLocalhost, ct);
            }
            catch (WebhookAddressException refused)
            {
                problem = $"url: {refused.Message}";
            }
        }

        if (problem is not null)
        {
            errors["url"] = [problem];
        }

        if (request.SigningSecret is { } secret
            && (secret.Length is < MinSecretLength or > MaxSecretLength || secret.Any(char.IsControl) || secret.Trim().Length != secret.Length))
        {
            errors["signingSecret"] = [$"signingSecret must be {MinSecretLength} to {MaxSecretLength} characters, without control characters or surrounding spaces."];
        }

        if (errors.Count > 0)
        {
            return new AlertTargetOutcome { Errors = errors };
        }

        var row = new AlertTargetRow(Guid.CreateVersion7(), programId, uri!.AbsoluteUri,
            request.SigningSecret is null ? null : SecretNames.NewSigningSecret(programId), clock.GetUtcNow(), actor);
        if (row.SecretName is not null)
        {
            await secrets.WriteAsync(row.SecretName, request.SigningSecret!, ct);
        }

        bool added;
        try
        {
            added = await store.AddAsync(row, options.Value.MaxTargetsPerProgram, ct);
        }
        catch
        {
            await DeleteSecretQuietlyAsync(row.SecretName);
            throw;
        }

        if (!added)
        {
            await DeleteSecretQuietlyAsync(row.SecretName);
            return new AlertTargetOutcome { TooMany = true };
        }

        await audit.RecordAdminActionAsync(programId, actor, "alert-target-added",
            new { targetId = row.TargetId, host = uri.Host, hasSigningSecret = row.SecretName is not null }, ct);
        return new AlertTargetOutcome { Added = row.ToView() };
    }

    /// <returns>False when the program has no such target.</returns>
    public async Task<bool> RemoveAsync(string programId, Guid targetId, string actor, CancellationToken ct)
    {
        if (await store.DeleteAsync(programId, targetId, ct) is not { } removed)
        {
            return false;
        }

        await DeleteSecretQuietlyAsync(removed.SecretName);
        await audit.RecordAdminActionAsync(programId, actor, "alert-target-removed",
            new { targetId, host = new Uri(removed.Url).Host, hasSigningSecret = removed.SecretName is not null }, ct);
        return true;
    }

    /// <returns>The program's targets with their secrets, or null when a secret could not be read (the dispatcher tries again).</returns>
    public async Task<IReadOnlyList<DispatcherAlertTarget>?> ForDispatcherAsync(string programId, CancellationToken ct)
    {
        var targets = new List<DispatcherAlertTarget>();
        foreach (var row in await store.ListAsync(programId, ct))
        {
            string? secret = null;
            if (row.SecretName is not null && (secret = await secretReader.TryReadAsync(row.SecretName, ct)) is null)
            {
                logger.LogWarning("The signing secret of alert target {TargetId} of program {ProgramId} could not be read", row.TargetId, programId);
                return null;
            }

            targets.Add(new DispatcherAlertTarget(row.TargetId.ToString(), row.Url, secret));
        }

        return targets;
    }

    private async Task DeleteSecretQuietlyAsync(string? name)
    {
        if (name is null)
        {
            return;
        }

        try
        {
            await secrets.DeleteAsync(name, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // An orphaned secret is harmless (no row names it); the admin's request must not fail over it.
            logger.LogWarning("A signing secret no longer used could not be deleted: {Error}", exception.GetType().Name);
        }
    }
}
