namespace Loyalife.AppHost;

/// <summary>Makes a runtime decision visible: a highlighted property in the dashboard and a log line.</summary>
public static class ShownChoiceExtensions
{
    public static IResourceBuilder<T> WithShownChoice<T>(
        this IResourceBuilder<T> builder, string property, string displayName, string value, string reason) where T : IResource
    {
        builder.WithAnnotation(new ShownChoiceAnnotation(property, value, reason));
        return builder.OnInitializeResource(async (resource, e, _) =>
        {
            await e.Notifications.PublishUpdateAsync(resource, snapshot => snapshot with
            {
                Properties = snapshot.Properties.Add(new ResourcePropertySnapshot(property, $"{value} ({reason})")
                {
                    DisplayName = displayName,
                    IsHighlighted = true,
                }),
            });
            e.Logger.LogInformation("{DisplayName}: {Value} ({Reason})", displayName, value, reason);
            e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Loyalife.AppHost")
                .LogInformation("{Resource} runs as {Value} ({Reason})", resource.Name, value, reason);
        });
    }
}
