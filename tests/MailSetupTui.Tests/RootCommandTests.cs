using System.Reflection;
using MailSetupTui.Cli;
using MailSetupTui.Tests.Support;

namespace MailSetupTui.Tests;

public sealed class RootCommandTests
{
    [Fact]
    public async Task No_arguments_without_a_terminal_says_the_UI_needs_one_and_lists_the_commands()
    {
        var result = await CliRunner.RunAsync();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("mailsetup: the terminal UI needs an interactive terminal (output is not a terminal); use the commands instead",
            result.Stderr);
        Assert.Contains("Without a terminal, use the commands:", result.Stdout);
        Assert.Contains("mailsetup plan", result.Stdout);
        Assert.Contains("mailsetup presets", result.Stdout);
    }

    [Theory]
    [InlineData("--tenant,contoso com", "--tenant: 'contoso com' is not a tenant")]
    [InlineData("--sandbox,--tenant,contoso.com", "--sandbox/--tenant: give --sandbox or --tenant, not both.")]
    [InlineData("--cloud,mars", "--cloud: unknown cloud 'mars'")]
    [InlineData("--cloud,china", "--cloud: the sandbox is a tenant in the global cloud")]
    public async Task Bad_UI_options_exit_2(string args, string expected)
    {
        var result = await CliRunner.RunAsync(args.Split(','));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
    }

    [Fact]
    public async Task Version_prints_the_programs_informational_version()
    {
        var expected = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var result = await CliRunner.RunAsync("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Stdout.Trim());
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout);
    }

    [Fact]
    public async Task Help_lists_the_commands_under_the_programs_name()
    {
        var result = await CliRunner.RunAsync("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("mailsetup [command] [options]", result.Stdout);
        Assert.Contains("plan", result.Stdout);
        Assert.Contains("presets", result.Stdout);
    }

    [Fact]
    public async Task Plan_help_lists_every_option()
    {
        var result = await CliRunner.RunAsync("plan", "--help");
        Assert.Equal(0, result.ExitCode);
        string[] options =
        [
            "--preset", "--app-name", "--app-id", "--mailbox", "--mailboxes-file", "--send-as", "--scope", "--scope-group", "--cloud",
            "--secret-days", "--certificate", "--format", "--output", "--login-host", "--graph-host", "--exchange-host", "--smtp-host",
        ];
        Assert.All(options, o => Assert.Contains(o + " ", result.Stdout));
    }
}
