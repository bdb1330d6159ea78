using System.Text.RegularExpressions;

namespace Loyalife.SettingsService.MoEngage;

/// <summary>
/// The dashboard URL an admin signs in to names the workspace's data centre. Only the bare origin is
/// accepted (a trailing slash and any letter case tolerated): a path, query, port or user info would mean
/// the admin pasted something else, and guessing is how a wrong data centre used to slip through.
/// </summary>
public static partial class DashboardUrl
{
    public static string AcceptedForms => string.Join(", ", DataCenters.All.Select(DataCenters.DashboardUrl));

    public static bool TryParse(string? value, out string dataCenter)
    {
        dataCenter = "";
        // ASCII first: case-insensitive matching would otherwise fold look-alikes such as the Kelvin sign.
        if (string.IsNullOrEmpty(value) || !value.All(char.IsAscii))
        {
            return false;
        }

        var match = Origin().Match(value.ToLowerInvariant());
        if (!match.Success)
        {
            return false;
        }

        dataCenter = match.Groups["dc"].Value;
        return true;
    }

    [GeneratedRegex(@"\Ahttps://dashboard-(?<dc>0[1-6]|101)\.moengage\.com/?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Origin();
}
