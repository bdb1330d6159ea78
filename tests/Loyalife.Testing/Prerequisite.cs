namespace Loyalife.Testing;

/// <summary>Finds the machine programs a test needs, failing with what to install instead of skipping.</summary>
public static class Prerequisite
{
    public static string Find(string program, string install, params string[] extraDirectories)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var candidates = path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraDirectories)
            .Select(dir => Path.Combine(dir, program));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"'{program}' was not found on PATH. Install it: {install}");
    }

    public static bool IsRoot => Environment.UserName == "root";
}
