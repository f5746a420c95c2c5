namespace MailSetupTui.Tests.Support;

/// <summary>The built mailsetup.dll next to the tests, and the dotnet host that runs it.</summary>
public static class BuiltProgram
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "mailsetup.dll");

    /// <summary>The dotnet host running these tests (the SDK exports its path), else the one on PATH.</summary>
    public static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    /// <summary>A shell command line that runs mailsetup with <paramref name="args"/>.</summary>
    public static string CommandLine(params string[] args) =>
        string.Join(' ', new[] { DotnetHost(), Dll }.Concat(args).Select(TmuxSession.Quote));
}
