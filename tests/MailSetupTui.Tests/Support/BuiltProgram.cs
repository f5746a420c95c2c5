using System.Diagnostics;

namespace MailSetupTui.Tests.Support;

/// <summary>
/// The mailsetup program the binary tests run: the build next to the tests (mailsetup.dll under
/// the dotnet host running them), or, when <see cref="Variable"/> names an executable, that one
/// (.ci/run points it at the trimmed, self-contained linux-x64 publish, so the build admins copy to
/// a jump host passes the same tests).
/// </summary>
public static class BuiltProgram
{
    public const string Variable = "MAILSETUP_TEST_BINARY";

    /// <summary>The tests whose program this class starts carry this trait, so .ci/run can rerun exactly them.</summary>
    public const string Trait = "Program";

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "mailsetup.dll");

    /// <summary>The published executable to test instead of the build, if one is given.</summary>
    public static string? Published { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } path
        ? File.Exists(path) ? Path.GetFullPath(path) : throw new FileNotFoundException($"{Variable} names no file", path)
        : null;

    /// <summary>The dotnet host running these tests (the SDK exports its path), else the one on PATH.</summary>
    public static string DotnetHost()
    {
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }

    /// <summary>The program and its first arguments, before <c>mailsetup</c>'s own.</summary>
    private static string[] Launcher => Published is { } published ? [published] : [DotnetHost(), Dll];

    /// <summary>A shell command line that runs mailsetup with <paramref name="args"/>.</summary>
    public static string CommandLine(params string[] args) => string.Join(' ', Launcher.Concat(args).Select(TmuxSession.Quote));

    /// <summary>A start for mailsetup with <paramref name="args"/>, output redirected.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo(Launcher[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in Launcher.Skip(1).Concat(args)) start.ArgumentList.Add(arg);
        return start;
    }
}
