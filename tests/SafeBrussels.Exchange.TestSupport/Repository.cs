namespace SafeBrussels.Exchange.TestSupport;

/// <summary>Paths of the repository the tests run from (scripts, the built application).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The build configuration the tests were built with (Debug or Release), read from their output folder.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>The application's own build output, run as a separate process by the scale-out tests.</summary>
    public static string WebAssembly =>
        Path.Combine(Root, "src", "SafeBrussels.Exchange.Web", "bin", Configuration, "net10.0", "SafeBrussels.Exchange.Web.dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SafeBrussels.Exchange.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (SafeBrussels.Exchange.sln) was not found above " + AppContext.BaseDirectory);
    }
}
