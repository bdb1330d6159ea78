namespace Loyalife.AppHost;

/// <summary>Reads an Auto/... switch from configuration, failing with the accepted values on a typo.</summary>
public static class ConfiguredChoice
{
    public static T Read<T>(IDistributedApplicationBuilder builder, string key, T unset) where T : struct, Enum
    {
        var configured = builder.Configuration[key];
        if (string.IsNullOrEmpty(configured))
        {
            return unset;
        }

        return Enum.TryParse<T>(configured, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new DistributedApplicationException($"{key} must be one of {string.Join(", ", Enum.GetNames<T>())}, not '{configured}'.");
    }
}
