namespace MailSetupTui.Tests.Support;

/// <summary>Assertions on the CLI's contract for bad input: exit 2, errors on stderr, nothing on stdout.</summary>
public static class CliAssert
{
    /// <summary>
    /// The run failed as a usage error, with an error line about <paramref name="subject"/> that
    /// contains <paramref name="fragment"/>, the usage hint last, and nothing on stdout.
    /// </summary>
    public static void UsageError(CliResult result, string subject, string fragment, string command = "mailsetup plan")
    {
        Assert.True(result.ExitCode == 2, $"expected exit 2\n{result}");
        Assert.True(result.Stdout.Length == 0, $"expected nothing on stdout\n{result}");
        var prefix = $"mailsetup: error: {subject}: ";
        Assert.True(
            result.ErrorLines.Any(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.Contains(fragment, StringComparison.Ordinal)),
            $"expected a line starting '{prefix}' containing '{fragment}'\n{result}");
        Assert.Equal($"Run '{command} --help' for usage.", result.ErrorLines[^1]);
        Assert.All(result.ErrorLines.SkipLast(1), l => Assert.StartsWith("mailsetup: error: ", l));
    }
}
