using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;

namespace Loyalife.ServiceDefaults.Auth;

/// <summary>The token the Dapr sidecar presents (header dapr-api-token); without it no internal call could be told from a direct one.</summary>
public sealed class DaprAppTokenOptions
{
    [Required(ErrorMessage = "APP_API_TOKEN is not set: the service refuses to start because it could not tell calls through Dapr from direct calls. Set the environment variable APP_API_TOKEN (the AppHost sets it).")]
    [ConfigurationKeyName("APP_API_TOKEN")]
    public string? AppApiToken { get; set; }
}
