using Microsoft.Extensions.Logging.Abstractions;

namespace Loyalife.AppHost.Tests.Support;

/// <summary>
/// The AppHost's model as <c>dotnet run</c> would build it, without starting anything: endpoints get made-up
/// ports so arguments and environment variables can be evaluated.
/// </summary>
internal sealed class AppHostModel
{
    public static readonly string[] Services = ["settings-service", "snapshot-service", "moengage-dispatcher"];

    private AppHostModel(IDistributedApplicationTestingBuilder builder, string dataDirectory)
    {
        Builder = builder;
        DataDirectory = dataDirectory;
    }

    public IDistributedApplicationTestingBuilder Builder { get; }

    public string DataDirectory { get; }

    public static string RepositoryRoot => Repository.Root;

    /// <summary>Local infrastructure and the local sidecar unless the test's arguments say otherwise.</summary>
    public static async Task<AppHostModel> CreateAsync(params string[] arguments)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "loyalife-apphost-model-" + Guid.NewGuid().ToString("N")[..8]);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Loyalife_AppHost>(
            ["--Infrastructure:Mode=Local", "--Dapr:Runtime=Local", $"--AppHost:DataDirectory={dataDirectory}", .. arguments]);
        var port = 41000;
        foreach (var endpoint in builder.Resources.SelectMany(r => r.Annotations.OfType<EndpointAnnotation>()))
        {
            endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "localhost", port++, targetPortExpression: (port + 1000).ToString());
        }

        return new AppHostModel(builder, dataDirectory);
    }

    public IResource Resource(string name) => Builder.Resources.Single(r => r.Name == name);

    public T Resource<T>(string name) where T : IResource => Assert.IsAssignableFrom<T>(Resource(name));

    public async Task<string[]> ArgumentsAsync(string name) =>
        (await RunConfigurationAsync(ExecutionConfigurationBuilder.Create(Resource(name)).WithArgumentsConfig()))
            .Arguments.Select(a => a.Value).ToArray();

    public async Task<Dictionary<string, string>> EnvironmentAsync(string name) =>
        (await RunConfigurationAsync(ExecutionConfigurationBuilder.Create(Resource(name)).WithEnvironmentVariablesConfig()))
            .EnvironmentVariables.ToDictionary();

    public static int TargetPort(IResource resource, string endpoint) =>
        int.Parse(resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == endpoint).AllocatedEndpoint!.TargetPortExpression!);

    public static int Port(IResource resource, string endpoint) =>
        resource.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == endpoint).AllocatedEndpoint!.Port;

    /// <summary>The value after <paramref name="flag"/>, asserting it appears once.</summary>
    public static string Flag(string[] arguments, string flag)
    {
        var index = Array.IndexOf(arguments, flag);
        Assert.True(index >= 0 && index + 1 < arguments.Length, $"{flag} missing from: {string.Join(' ', arguments)}");
        Assert.Equal(index, Array.LastIndexOf(arguments, flag));
        return arguments[index + 1];
    }

    private static Task<IExecutionConfigurationResult> RunConfigurationAsync(IExecutionConfigurationBuilder configuration) =>
        configuration.BuildAsync(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), NullLogger.Instance, CancellationToken.None);
}
