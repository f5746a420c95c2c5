namespace MailSetup.Testing;

/// <summary>Finds the repository's root (the folder holding MailSetupTui.sln) from a test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "MailSetupTui.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no MailSetupTui.sln above {AppContext.BaseDirectory}");
    }
}
