namespace Loyalife.AppHost.Identity;

/// <summary>
/// The identity provider that signs admins in, as the services are told of it: its authority and the audience
/// of its access tokens; <see cref="LocalProvider"/> when it is the development provider of <c>dev/</c>.
/// </summary>
public sealed record AdminIdentity(ReferenceExpression Authority, ReferenceExpression Audience, IResourceBuilder<ProjectResource>? LocalProvider)
{
    /// <summary>The local provider's admin-page client and its secret (null for another provider).</summary>
    public IResourceBuilder<ParameterResource>? ClientSecret { get; init; }
}
