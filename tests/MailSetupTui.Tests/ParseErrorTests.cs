using MailSetup.Testing;
using MailSetupTui.Tests.Support;

namespace MailSetupTui.Tests;

/// <summary>System.CommandLine's own errors get the CLI's shape and exit code 2, not its default 1.</summary>
public sealed class ParseErrorTests
{
    private static readonly string[] Valid = ["plan", "--preset", "imap-app", "--app-name", "Mail reader"];

    [Fact]
    public async Task Unknown_option_is_a_usage_error()
    {
        CliAssert.UsageError(await CliRunner.RunAsync([.. Valid, "--bogus"]), "--bogus", "unknown option for 'plan'");
    }

    [Fact]
    public async Task Mistyped_option_gets_a_suggestion()
    {
        CliAssert.UsageError(await CliRunner.RunAsync([.. Valid, "--mailbx", "a@contoso.com"]), "--mailbx", "did you mean '--mailbox'?");
    }

    [Fact]
    public async Task Option_without_its_value_is_a_usage_error()
    {
        CliAssert.UsageError(await CliRunner.RunAsync([.. Valid, "--format"]), "--format",
            "needs a value (--format <text|json|http|powershell>); none was given.");
    }

    [Fact]
    public async Task Single_value_option_given_twice_is_a_usage_error()
    {
        CliAssert.UsageError(await CliRunner.RunAsync([.. Valid, "--cloud", "global", "--cloud", "china"]), "--cloud",
            "is given 2 times ('global', 'china'); give it once.");
    }

    [Fact]
    public async Task Stray_argument_is_a_usage_error()
    {
        CliAssert.UsageError(await CliRunner.RunAsync([.. Valid, "--mailbox", "a@contoso.com", "b@contoso.com"]), "b@contoso.com",
            "unexpected argument");
    }

    [Fact]
    public async Task Parser_errors_and_value_errors_are_reported_together()
    {
        var result = await CliRunner.RunAsync("plan", "--preset", "imap-app", "--app-name", "", "--bogus", "--format");
        CliAssert.UsageError(result, "--bogus", "unknown option");
        CliAssert.UsageError(result, "--format", "needs a value");
        CliAssert.UsageError(result, "--app-name", "is empty");
        Assert.Equal(4, result.ErrorLines.Count);
    }

    [Fact]
    public async Task Parser_error_writes_no_output_file()
    {
        using var folder = new TempFolder();
        var target = folder.File("plan.txt");
        CliAssert.UsageError(await CliRunner.RunAsync([.. Valid, "--output", target, "--bogus"]), "--bogus", "unknown option");
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Unknown_command_suggests_the_nearest()
    {
        CliAssert.UsageError(await CliRunner.RunAsync("plna"), "plna", "unknown command (did you mean 'plan'?); expected one of plan, presets",
            command: "mailsetup");
    }

    [Fact]
    public async Task Version_with_other_arguments_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("--version", "plan");
        CliAssert.UsageError(result, "--version", "takes no other arguments", command: "mailsetup plan");
        Assert.Equal(2, result.ErrorLines.Count);
    }

    [Fact]
    public async Task Help_wins_over_errors()
    {
        var result = await CliRunner.RunAsync("plan", "--bogus", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--preset", result.Stdout);
    }
}
