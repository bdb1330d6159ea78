using System.Text;

namespace Loyalife.MoEngageDispatcher.Sources;

/// <summary>A program's MoEngage workspace and Data API key, read from settings-service once per run.</summary>
public sealed record MoEngageCredentials(
    string ProgramId, bool Enabled, string AppId, string ApiKey, string DataCenter, string ApiBaseUrl)
{
    // A record prints every property; the key must never reach a log line or an exception message.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"ProgramId = {ProgramId}, Enabled = {Enabled}, AppId = {AppId}, ApiKey = ***, ");
        builder.Append($"DataCenter = {DataCenter}, ApiBaseUrl = {ApiBaseUrl}");
        return true;
    }
}
