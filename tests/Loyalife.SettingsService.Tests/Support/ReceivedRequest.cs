namespace Loyalife.SettingsService.Tests.Support;

/// <summary>A request as <see cref="ScriptedMoEngage"/> received it.</summary>
public sealed record ReceivedRequest(string PathAndQuery, long? ContentLength, string TransferEncoding, string ContentType, string Authorization, string Body);
