using MailSetup.Testing;
using System.Text.Json;
using MailSetupTui.Tests.Support;

namespace MailSetupTui.Tests;

/// <summary>Plans that succeed: exit 0, the plan on stdout or in the --output file.</summary>
public sealed class PlanCommandTests
{
    private static readonly string[] Valid = ["plan", "--preset", "imap-app", "--app-name", "Mail reader", "--mailbox", "support@contoso.com"];

    private static void AssertSuccess(CliResult result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Stderr.Length == 0, result.ToString());
    }

    [Fact]
    public async Task Text_plan_names_the_app_the_mailbox_and_the_steps()
    {
        var result = await CliRunner.RunAsync(Valid);
        AssertSuccess(result);
        Assert.Contains("Mail reader", result.Stdout);
        Assert.Contains("support@contoso.com", result.Stdout);
        Assert.Contains("Steps", result.Stdout);
        Assert.Contains("POST https://graph.microsoft.com/v1.0/applications", result.Stdout);
        Assert.Contains("Add-MailboxPermission", result.Stdout);
        Assert.EndsWith("\n", result.Stdout);
    }

    [Fact]
    public async Task Plan_is_dated_by_the_injected_clock()
    {
        var first = await CliRunner.RunAsync(Valid);
        var second = await CliRunner.RunAsync(Valid);
        Assert.Contains("planned at  2026-11-21T09:30:00Z", first.Stdout);
        Assert.Equal(first.Stdout, second.Stdout);
    }

    [Fact]
    public async Task JSON_plan_parses_and_has_steps()
    {
        var result = await CliRunner.RunAsync([.. Valid, "--format", "json"]);
        AssertSuccess(result);
        using var json = JsonDocument.Parse(result.Stdout);
        var steps = json.RootElement.GetProperty("steps");
        Assert.Equal(JsonValueKind.Array, steps.ValueKind);
        Assert.True(steps.GetArrayLength() > 3);
        Assert.Contains("Mail reader", result.Stdout);
    }

    [Theory]
    [InlineData("http", "/applications")]
    [InlineData("powershell", "Add-MailboxPermission")]
    [InlineData("TEXT", "Mail reader")]
    public async Task Every_format_renders(string format, string expected)
    {
        var result = await CliRunner.RunAsync([.. Valid, "--format", format]);
        AssertSuccess(result);
        Assert.Contains(expected, result.Stdout);
    }

    [Fact]
    public async Task Output_file_gets_the_plan_and_stdout_stays_empty()
    {
        using var folder = new TempFolder();
        var target = folder.File("plan.json");
        var toFile = await CliRunner.RunAsync([.. Valid, "--format", "json", "--output", target]);
        var toStdout = await CliRunner.RunAsync([.. Valid, "--format", "json"]);

        Assert.True(toFile.ExitCode == 0, toFile.ToString());
        Assert.Empty(toFile.Stdout);
        Assert.Contains($"wrote the json plan", toFile.Stderr);
        Assert.Equal(toStdout.Stdout, File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task Output_file_is_replaced_only_with_force()
    {
        using var folder = new TempFolder();
        var target = folder.Write("plan.txt", "an older plan\n");

        var refused = await CliRunner.RunAsync([.. Valid, "--output", target]);
        CliAssert.UsageError(refused, "--output", $"'{target}' exists already; give a new file name, or --force to replace it.");
        Assert.Equal("an older plan\n", File.ReadAllText(target));

        var result = await CliRunner.RunAsync([.. Valid, "--output", target, "--force"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Mail reader", File.ReadAllText(target));
        Assert.DoesNotContain("an older plan", File.ReadAllText(target));
    }

    [Fact]
    public async Task Output_through_a_symbolic_link_is_refused_and_force_replaces_the_link_not_its_target()
    {
        using var folder = new TempFolder();
        var victim = folder.Write("victim.txt", "not a plan\n");
        var link = folder.File("plan.txt");
        File.CreateSymbolicLink(link, victim);

        var refused = await CliRunner.RunAsync([.. Valid, "--output", link]);
        CliAssert.UsageError(refused, "--output", "is a symbolic link");

        var forced = await CliRunner.RunAsync([.. Valid, "--output", link, "--force"]);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal("not a plan\n", File.ReadAllText(victim));
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.Contains("Mail reader", File.ReadAllText(link));
    }

    [Fact]
    public async Task Mailboxes_file_adds_its_addresses_and_skips_comments_and_blank_lines()
    {
        using var folder = new TempFolder();
        var file =
            folder.Write("mailboxes.txt", "# the shared ones\r\nsales@contoso.com\r\n\r\n  billing@contoso.com  \r\n# retired@contoso.com\r\n");
        var result = await CliRunner.RunAsync([.. Valid, "--mailboxes-file", file]);
        AssertSuccess(result);
        Assert.Contains("sales@contoso.com", result.Stdout);
        Assert.Contains("billing@contoso.com", result.Stdout);
        Assert.DoesNotContain("retired@contoso.com", result.Stdout);
    }

    [Fact]
    public async Task Existing_app_is_adopted()
    {
        var result =
            await CliRunner.RunAsync("plan", "--preset", "smtp-app", "--app-id", "1B2C3D4E-0000-4000-8000-123456789ABC", "--mailbox",
                "noreply@contoso.com", "--send-as");
        AssertSuccess(result);
        Assert.Contains("1b2c3d4e-0000-4000-8000-123456789abc", result.Stdout);
    }

    [Fact]
    public async Task Cloud_chooses_the_hosts()
    {
        var result = await CliRunner.RunAsync([.. Valid, "--cloud", "usgov-high"]);
        AssertSuccess(result);
        Assert.Contains("graph.microsoft.us", result.Stdout);
        Assert.DoesNotContain("graph.microsoft.com", result.Stdout);
    }

    [Fact]
    public async Task Host_overrides_replace_the_clouds_hosts()
    {
        var result = await CliRunner.RunAsync(
            [.. Valid, "--graph-host", "graph.sandbox.test", "--login-host", "login.sandbox.test", "--exchange-host", "outlook.sandbox.test",
                "--smtp-host", "localhost"]);
        AssertSuccess(result);
        Assert.Contains("https://graph.sandbox.test/v1.0/applications", result.Stdout);
        Assert.Contains("login.sandbox.test", result.Stdout);
        Assert.Contains("outlook.sandbox.test", result.Stdout);
        Assert.DoesNotContain("graph.microsoft.com", result.Stdout);
    }

    [Fact]
    public async Task Scoped_certificate_plan_succeeds()
    {
        var result = await CliRunner.RunAsync(
            "plan", "--preset", "graph-send,smtp-app", "--app-name", "Notifier", "--scope", "rbac", "--scope-group", "mail-apps@contoso.com",
            "--certificate", "--mailbox", "noreply@contoso.com", "--send-as");
        AssertSuccess(result);
        Assert.Contains("New-ManagementScope", result.Stdout);
        Assert.Contains("mail-apps@contoso.com", result.Stdout);
    }
}
