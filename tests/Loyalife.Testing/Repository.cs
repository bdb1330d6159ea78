namespace Loyalife.Testing;

public static class Repository
{
    /// <summary>The checkout this test runs from (the folder holding Loyalife.sln).</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Loyalife.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Loyalife.sln not found above " + AppContext.BaseDirectory);
    }
}
