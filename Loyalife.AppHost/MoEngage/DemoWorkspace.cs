namespace Loyalife.AppHost.MoEngage;

/// <summary>
/// The stand-in workspace the demo programs are meant to sync to (a development key, not a secret). It holds
/// about nine in ten of the demo members: snapshot-service's demo references are <c>C</c> and eight digits
/// numbered in order, and those ending in 0-8 exist (<see cref="CustomerIdPattern"/>), so the tenth it lacks is
/// the same on every run and spread evenly. Get User is on, as MoEngage support would enable it.
/// </summary>
public static class DemoWorkspace
{
    public const string AppId = "DEMO-APP-01";
    public const string DataCenter = "01";
    public const string ApiKey = "demo-data-api-key-01";
    public const string DashboardUrl = "https://dashboard-01.moengage.com";
    public const string CustomerIdPattern = @"^C\d{7}[0-8]$";
}
