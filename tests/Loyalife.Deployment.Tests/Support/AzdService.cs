namespace Loyalife.Deployment.Tests.Support;

internal sealed record AzdService(string Name, string? Project, string? Language, string? Host);
