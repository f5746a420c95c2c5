using MailSetup.Testing;
using MailSetupTui.Tests.Support;

namespace MailSetupTui.Tests;

/// <summary>Every kind of bad plan input: exit 2, a line naming the option and the bad value, nothing on stdout.</summary>
public sealed class PlanBadInputTests
{
    private static readonly string[] Valid = ["plan", "--preset", "imap-app", "--app-name", "Mail reader", "--mailbox", "support@contoso.com"];

    private static Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(args);

    /// <summary>The valid base command with one option's value replaced (or added).</summary>
    private static string[] With(string option, string value)
    {
        var args = Valid.ToList();
        var at = args.IndexOf(option);
        if (at >= 0) args[at + 1] = value;
        else args.AddRange([option, value]);
        return args.ToArray();
    }

    [Fact]
    public async Task An_unknown_smtp_auth_value_is_rejected_naming_it()
    {
        CliAssert.UsageError(await RunAsync([.. With("--preset", "smtp-app"), "--smtp-auth", "org"]), "--smtp-auth",
            "unknown SMTP AUTH setting 'org'; expected mailbox (default: turned on for the given mailboxes only) or tenant");
    }

    [Fact]
    public async Task Send_as_with_graph_send_is_refused_naming_the_option_and_why()
    {
        var result = await RunAsync([.. With("--preset", "graph-send"), "--send-as"]);
        CliAssert.UsageError(result, "--send-as",
            "adds nothing to graph-send: Graph's Mail.Send already lets the app send as any user (limit which users with --scope rbac)");
    }

    [Fact]
    public async Task Empty_app_name_is_rejected()
    {
        CliAssert.UsageError(await RunAsync(With("--app-name", "")), "--app-name", "is empty; expected a display name of 1 to 120 characters");
    }

    [Fact]
    public async Task Blank_app_name_is_rejected()
    {
        CliAssert.UsageError(await RunAsync(With("--app-name", "   ")), "--app-name", "is empty");
    }

    [Fact]
    public async Task Over_long_app_name_is_rejected()
    {
        CliAssert.UsageError(await RunAsync(With("--app-name", new string('x', 121))), "--app-name", "is 121 characters long; expected at most 120");
    }

    [Fact]
    public async Task App_name_of_exactly_the_limit_is_accepted()
    {
        var result = await RunAsync(With("--app-name", new string('x', 120)));
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("1b2c3d4e-0000-4000-8000-123456789ab")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task Malformed_appId_is_rejected(string appId)
    {
        var args = Valid.Where(a => a is not ("--app-name" or "Mail reader")).Concat(["--app-id", appId]).ToArray();
        CliAssert.UsageError(await RunAsync(args), "--app-id", $"'{appId}' is not an application (client) id");
    }

    [Theory]
    [InlineData("support.contoso.com", "needs exactly one @")]
    [InlineData("support@contoso", "needs a domain with a dot")]
    [InlineData("a b@contoso.com", "contains spaces")]
    [InlineData("support@-contoso.com", "has a domain that is not a valid host name")]
    public async Task Malformed_mailbox_is_rejected(string mailbox, string problem)
    {
        CliAssert.UsageError(await RunAsync(With("--mailbox", mailbox)), "--mailbox", $"'{mailbox}' {problem}");
    }

    [Fact]
    public async Task Duplicate_mailbox_is_rejected_ignoring_case()
    {
        var result = await RunAsync([.. Valid, "--mailbox", "SUPPORT@contoso.com"]);
        CliAssert.UsageError(result, "--mailbox", "'SUPPORT@contoso.com' is listed twice");
    }

    [Fact]
    public async Task Malformed_address_in_mailboxes_file_names_the_file_and_line()
    {
        using var folder = new TempFolder();
        var file = folder.Write("mailboxes.txt", "# shared mailboxes\n\nsales@contoso.com\nbilling-contoso.com\n");
        CliAssert.UsageError(await RunAsync([.. Valid, "--mailboxes-file", file]), "--mailboxes-file",
            $"{file} line 4: 'billing-contoso.com' needs exactly one @");
    }

    [Fact]
    public async Task Address_in_file_that_duplicates_a_mailbox_option_is_rejected()
    {
        using var folder = new TempFolder();
        var file = folder.Write("mailboxes.txt", "sales@contoso.com\nSupport@Contoso.com\n");
        CliAssert.UsageError(await RunAsync([.. Valid, "--mailboxes-file", file]), "--mailboxes-file",
            $"{file} line 2: 'Support@Contoso.com' is listed twice");
    }

    [Fact]
    public async Task Missing_mailboxes_file_names_the_file_and_the_reason()
    {
        using var folder = new TempFolder();
        var missing = folder.File("nope.txt");
        CliAssert.UsageError(await RunAsync([.. Valid, "--mailboxes-file", missing]), "--mailboxes-file",
            $"cannot read '{missing}': no such file or directory");
    }

    [Fact]
    public async Task Mailboxes_file_in_missing_folder_names_the_file_and_the_reason()
    {
        using var folder = new TempFolder();
        var missing = Path.Combine(folder.Path, "no-such-folder", "list.txt");
        CliAssert.UsageError(await RunAsync([.. Valid, "--mailboxes-file", missing]), "--mailboxes-file",
            $"cannot read '{missing}': no such file or directory");
    }

    [Fact]
    public async Task Folder_given_as_mailboxes_file_is_rejected()
    {
        using var folder = new TempFolder();
        CliAssert.UsageError(await RunAsync([.. Valid, "--mailboxes-file", folder.Path]), "--mailboxes-file",
            $"cannot read '{folder.Path}': is a directory");
    }

    [Fact]
    public async Task Unknown_preset_suggests_the_nearest()
    {
        CliAssert.UsageError(await RunAsync(With("--preset", "imap-ap")), "--preset", "unknown preset 'imap-ap'; did you mean 'imap-app'?");
    }

    [Fact]
    public async Task Missing_preset_is_rejected()
    {
        var args = Valid.Where(a => a is not ("--preset" or "imap-app")).ToArray();
        CliAssert.UsageError(await RunAsync(args), "--preset", "is required; expected one or more of imap-app, pop-app");
    }

    [Fact]
    public async Task Missing_app_is_rejected()
    {
        var args = Valid.Where(a => a is not ("--app-name" or "Mail reader")).ToArray();
        CliAssert.UsageError(await RunAsync(args), "--app-name/--app-id", "is required");
    }

    [Theory]
    [InlineData("rbac")]
    [InlineData("access-policy")]
    public async Task Scoping_without_a_group_is_rejected(string scope)
    {
        var result = await RunAsync("plan", "--preset", "graph-send", "--app-name", "Sender", "--scope", scope);
        CliAssert.UsageError(result, "--scope-group", $"is required with --scope {scope}");
    }

    [Fact]
    public async Task Group_without_scoping_is_rejected()
    {
        CliAssert.UsageError(await RunAsync([.. Valid, "--scope-group", "mail-apps@contoso.com"]), "--scope-group",
            "is only used with --scope rbac or --scope access-policy");
    }

    [Fact]
    public async Task Unknown_scoping_is_rejected()
    {
        var result =
            await RunAsync("plan", "--preset", "graph-send", "--app-name", "Sender", "--scope", "policy", "--scope-group", "mail-apps@contoso.com");
        CliAssert.UsageError(result, "--scope", "unknown scoping 'policy'");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("731")]
    [InlineData("-5")]
    public async Task Secret_days_out_of_range_is_rejected(string days)
    {
        CliAssert.UsageError(await RunAsync([.. Valid, "--secret-days", days]), "--secret-days",
            $"'{days}' is not a lifetime Entra accepts; expected a whole number of days from 1 to 730");
    }

    [Theory]
    [InlineData("ninety")]
    [InlineData("90.5")]
    public async Task Secret_days_not_a_number_is_rejected(string days)
    {
        CliAssert.UsageError(await RunAsync([.. Valid, "--secret-days", days]), "--secret-days", $"'{days}' is not a lifetime Entra accepts");
    }

    [Fact]
    public async Task App_name_with_appId_is_a_conflict()
    {
        var result = await RunAsync([.. Valid, "--app-id", "1b2c3d4e-0000-4000-8000-123456789abc"]);
        CliAssert.UsageError(result, "--app-name/--app-id", "give either --app-name to create an app or --app-id to adopt one, not both");
    }

    [Fact]
    public async Task Secret_days_with_certificate_is_a_conflict()
    {
        var result = await RunAsync([.. Valid, "--secret-days", "90", "--certificate"]);
        CliAssert.UsageError(result, "--secret-days/--certificate", "not both");
    }

    [Fact]
    public async Task Unknown_format_names_the_value_and_the_formats()
    {
        CliAssert.UsageError(await RunAsync([.. Valid, "--format", "yaml"]), "--format",
            "unknown format 'yaml'; expected one of text, json, http, powershell.");
    }

    [Fact]
    public async Task Mistyped_format_gets_a_suggestion()
    {
        CliAssert.UsageError(await RunAsync([.. Valid, "--format", "jsno"]), "--format", "unknown format 'jsno' (did you mean 'json'?)");
    }

    [Fact]
    public async Task Unknown_cloud_names_the_value_and_the_clouds()
    {
        CliAssert.UsageError(await RunAsync([.. Valid, "--cloud", "mars"]), "--cloud",
            "unknown cloud 'mars'; expected one of global, usgov-high, usgov-dod, china.");
    }

    [Theory]
    [InlineData("--graph-host", "https://graph.microsoft.us", "is a URL")]
    [InlineData("--login-host", "login.microsoftonline.us:443", "has a port, path or user part")]
    [InlineData("--exchange-host", "outlook.office365.us/owa", "has a port, path or user part")]
    [InlineData("--smtp-host", "smtp_office365.us", "is not a DNS name")]
    [InlineData("--smtp-host", "smtp", "has no domain")]
    [InlineData("--graph-host", "graph..microsoft.us", "is not a DNS name")]
    [InlineData("--graph-host", "-graph.microsoft.us", "is not a DNS name")]
    public async Task Implausible_host_override_is_rejected(string option, string host, string problem)
    {
        CliAssert.UsageError(await RunAsync([.. Valid, option, host]), option, $"'{host}' {problem}");
    }

    [Fact]
    public async Task Output_that_is_a_folder_is_rejected()
    {
        using var folder = new TempFolder();
        CliAssert.UsageError(await RunAsync([.. Valid, "--output", folder.Path]), "--output", "is a directory");
    }

    [Fact]
    public async Task Output_in_a_missing_folder_is_rejected()
    {
        using var folder = new TempFolder();
        var target = Path.Combine(folder.Path, "missing", "plan.txt");
        CliAssert.UsageError(await RunAsync([.. Valid, "--output", target]), "--output", "does not exist");
        Assert.False(Directory.Exists(Path.GetDirectoryName(target)));
    }

    [Fact]
    public async Task Bad_input_writes_no_output_file()
    {
        using var folder = new TempFolder();
        var target = folder.File("plan.txt");
        var result = await RunAsync([.. With("--app-name", ""), "--output", target]);
        CliAssert.UsageError(result, "--app-name", "is empty");
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task Bad_input_leaves_an_existing_output_file_alone()
    {
        using var folder = new TempFolder();
        var target = folder.Write("plan.txt", "previous plan\n");
        var result = await RunAsync([.. Valid, "--cloud", "mars", "--output", target]);
        CliAssert.UsageError(result, "--cloud", "unknown cloud 'mars'");
        Assert.Equal("previous plan\n", File.ReadAllText(target));
    }

    [Fact]
    public async Task Every_problem_is_reported_in_one_run()
    {
        var result = await RunAsync(
            "plan", "--preset", "imap-ap", "--app-name", "", "--mailbox", "nobody", "--secret-days", "1000",
            "--cloud", "mars", "--format", "yaml", "--graph-host", "https://x.example");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            ["--preset", "--app-name", "--secret-days", "--mailbox", "--cloud", "--graph-host", "--format"],
            result.ErrorLines.SkipLast(1).Select(l => l["mailsetup: error: ".Length..].Split(':')[0]).ToArray());
    }
}
