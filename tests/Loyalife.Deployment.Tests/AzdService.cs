namespace Loyalife.Deployment.Tests;

internal sealed record AzdService(string Name, string? Project, string? Language, string? Host);
