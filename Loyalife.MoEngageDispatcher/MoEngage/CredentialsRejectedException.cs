namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>401/403/409 from MoEngage: nothing more can be sent with these credentials, so the run stops.</summary>
public sealed class CredentialsRejectedException(string dataCenter, int status, string answer)
    : Exception($"credentials rejected by MoEngage data centre {dataCenter} ({status}: {answer})")
{
    public string DataCenter { get; } = dataCenter;

    public int Status { get; } = status;
}
