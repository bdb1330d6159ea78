namespace Loyalife.AppHost.MoEngage;

/// <summary>The stand-in workspace the demo programs are meant to sync to (a development key, not a secret).</summary>
public static class DemoWorkspace
{
    public const string AppId = "DEMO-APP-01";
    public const string DataCenter = "01";
    public const string ApiKey = "demo-data-api-key-01";
    public const string DashboardUrl = "https://dashboard-01.moengage.com";
    public const string CustomerIdPattern = @"^C\d{7}[0-8]$";
}
