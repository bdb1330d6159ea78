namespace Loyalife.AppHost.MoEngage;

public static class StandInExtensions
{
    /// <summary>Parameter value that means "the local MoEngage stand-in" (its URL is only known once it runs).</summary>
    public const string StandInValue = "stand-in";

    public const string ApiBaseUrlParameterName = "moengage-api-base-url";

    /// <summary>The local MoEngage Data API stand-in (dev/Loyalife.MoEngageStandIn), with the demo workspace.</summary>
    public static IResourceBuilder<ProjectResource> AddMoEngageStandIn(this IDistributedApplicationBuilder builder, string name)
    {
        var standIn = builder.AddProject<Projects.Loyalife_MoEngageStandIn>(name);
        // The stand-in ships no launch profile; should it gain one, its "http" endpoint is kept.
        if (!standIn.Resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == "http"))
        {
            standIn.WithHttpEndpoint(name: "http");
        }

        return standIn.WithDemoWorkspace().WithHttpHealthCheck("/health");
    }

    /// <summary>
    /// The stand-in's demo workspace: MoEngage data centre 01, and every id shaped like the demo members'
    /// references except those ending in 9 counts as an existing profile, so about a tenth are unknown,
    /// as in a real workspace; Get User is on (at MoEngage's 1,000 users a minute).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDemoWorkspace(this IResourceBuilder<ProjectResource> standIn) =>
        standIn.WithEnvironment("StandIn__Workspaces__0__appId", DemoWorkspace.AppId)
            .WithEnvironment("StandIn__Workspaces__0__dataCenter", DemoWorkspace.DataCenter)
            .WithEnvironment("StandIn__Workspaces__0__apiKey", DemoWorkspace.ApiKey)
            .WithEnvironment("StandIn__Workspaces__0__customerIdPattern", DemoWorkspace.CustomerIdPattern)
            .WithEnvironment("StandIn__Workspaces__0__getUser__enabled", "true");

    /// <summary>
    /// <c>moengage-api-base-url</c>: a MoEngage API base URL template with <c>{dc}</c>
    /// (e.g. <c>https://api-{dc}.moengage.com</c>); left at <c>stand-in</c> it is the stand-in's URL + <c>/dc/{dc}</c>.
    /// </summary>
    public static ReferenceExpression AddMoEngageApiBaseUrl(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> standIn)
    {
        var parameter = builder.AddParameter(ApiBaseUrlParameterName, new FixedParameterDefault(StandInValue))
            .WithDescription("MoEngage Data API base URL with {dc}, e.g. https://api-{dc}.moengage.com; 'stand-in' = the local stand-in.");
        var standInTemplate = ReferenceExpression.Create($"{standIn.GetEndpoint("http")}/dc/{{dc}}");
        return ReferenceExpression.CreateConditional(parameter.Resource, StandInValue, standInTemplate, ReferenceExpression.Create($"{parameter}"));
    }
}
