namespace Loyalife.MoEngageDispatcher.Sources;

/// <summary>settings-service, as the dispatcher needs it.</summary>
public interface ISettingsSource
{
    Task<IReadOnlyList<EnabledProgram>> GetEnabledProgramsAsync(CancellationToken cancellationToken);

    /// <summary>The program's credentials, or null when the program has no MoEngage settings.</summary>
    Task<MoEngageCredentials?> GetCredentialsAsync(string programId, CancellationToken cancellationToken);
}
