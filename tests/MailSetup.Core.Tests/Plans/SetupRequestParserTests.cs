using MailSetup.Core.Plans;
using MailSetup.Testing;

namespace MailSetup.Core.Tests.Plans;

/// <summary>Every bad input gets an error naming the option, the value and what is expected.</summary>
public sealed class SetupRequestParserTests
{
    private static readonly SetupRequestInput Good = new() { Presets = "imap-app", AppName = "Contoso IMAP", Mailboxes = [PlanCases.Support] };

    private static InputError SingleError(SetupRequestInput input)
    {
        var (request, errors) = SetupRequestParser.Parse(input);
        Assert.Null(request);
        return Assert.Single(errors);
    }

    [Fact]
    public void Good_input_gives_a_request_with_the_defaults()
    {
        var (request, errors) = SetupRequestParser.Parse(Good);
        Assert.Empty(errors);
        Assert.Equal(new AppTarget.New("Contoso IMAP"), request!.App);
        Assert.Equal(new CredentialRequest.ClientSecret(180), request.Credential);
        Assert.Equal("global", request.Cloud.Key);
        Assert.IsType<MailboxScoping.None>(request.Scoping);
    }

    public static TheoryData<string, SetupRequestInput, string, string> BadInputs() => new()
    {
        { "no preset", Good with { Presets = null }, "--preset", "is required" },
        { "unknown preset", Good with { Presets = "imap-ap" }, "--preset", "unknown preset 'imap-ap'; did you mean 'imap-app'" },
        { "empty app name", Good with { AppName = "  " }, "--app-name", "is empty; expected a display name of 1 to 120 characters" },
        { "long app name", Good with { AppName = new string('a', 121) }, "--app-name", "is 121 characters long; expected at most 120" },
        { "braces in app name", Good with { AppName = "Mail {app.id}" }, "--app-name", "contains { or }" },
        { "no app", Good with { AppName = null }, "--app-name/--app-id", "is required" },
        { "both app forms", Good with { AppId = PlanCases.ExistingAppId }, "--app-name/--app-id", "not both" },
        { "malformed guid", Good with { AppName = null, AppId = "6f1c2d3e-4a5b" }, "--app-id", "'6f1c2d3e-4a5b' is not an application (client) id; expected a GUID" },
        { "malformed mailbox", Good with { Mailboxes = ["support.contoso.com"] }, "--mailbox", "'support.contoso.com' needs exactly one @" },
        { "mailbox without dot domain", Good with { Mailboxes = ["support@contoso"] }, "--mailbox", "needs a domain with a dot" },
        { "duplicate mailbox", Good with { Mailboxes = [PlanCases.Support, "SUPPORT@contoso.onmicrosoft.com"] }, "--mailbox", "is listed twice" },
        { "scope without group", Good with { Presets = "graph-mail", Scope = "rbac" }, "--scope-group", "is required with --scope rbac" },
        { "group without scope", Good with { ScopeGroup = PlanCases.Group }, "--scope-group", "is only used with --scope" },
        { "unknown scope", Good with { Scope = "rbca", ScopeGroup = PlanCases.Group }, "--scope", "unknown scoping 'rbca'" },
        { "rbac for imap", Good with { Scope = "rbac", ScopeGroup = PlanCases.Group }, "--scope", "there is no RBAC role for IMAP or POP" },
        { "access policy for imap", Good with { Scope = "access-policy", ScopeGroup = PlanCases.Group }, "--scope", "only limits Graph and EWS" },
        { "secret days zero", Good with { SecretDays = "0" }, "--secret-days", "'0' is not a lifetime Entra accepts; expected a whole number of days from 1 to 730" },
        { "secret days too many", Good with { SecretDays = "731" }, "--secret-days", "'731'" },
        { "secret days not a number", Good with { SecretDays = "six" }, "--secret-days", "'six'" },
        { "secret and certificate", Good with { SecretDays = "90", Certificate = true }, "--secret-days/--certificate", "not both" },
        { "unknown cloud", Good with { Cloud = "chna" }, "--cloud", "unknown cloud 'chna' (did you mean 'china'?)" },
        { "send-as without sending preset", Good with { SendAs = true }, "--send-as", "presets imap-app do not send" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_named_with_what_is_expected(string why, SetupRequestInput input, string option, string message)
    {
        var error = SingleError(input);
        Assert.True(error.Option == option, $"{why}: option was {error.Option}");
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Send_as_without_mailboxes_is_an_error()
    {
        var error = SingleError(new SetupRequestInput { Presets = "smtp-app", AppName = "Relay", SendAs = true });
        Assert.Contains("none were given", error.Message);
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var (_, errors) = SetupRequestParser.Parse(new SetupRequestInput { Presets = "nope", AppName = "", Mailboxes = ["x"], Cloud = "mars" });
        Assert.Equal(["--preset", "--app-name", "--mailbox", "--cloud"], errors.Select(e => e.Option));
    }

    [Fact]
    public void Mailboxes_file_skips_blanks_and_comments_and_names_the_line_of_a_bad_address()
    {
        var file = new MailboxFile("boxes.txt", "# shared mailboxes\nsupport@contoso.onmicrosoft.com\r\n\n  sales@contoso.onmicrosoft.com  \nnot-an-address\n");
        var (request, errors) = SetupRequestParser.Parse(Good with { Mailboxes = [], MailboxFiles = [file] });
        Assert.Null(request);
        var error = Assert.Single(errors);
        Assert.Equal("--mailboxes-file", error.Option);
        Assert.StartsWith("boxes.txt line 5: 'not-an-address'", error.Message);

        var (good, _) = SetupRequestParser.Parse(Good with { Mailboxes = [], MailboxFiles = [file with { Text = file.Text.Replace("not-an-address\n", "") }] });
        Assert.Equal([PlanCases.Support, "sales@contoso.onmicrosoft.com"], good!.Mailboxes);
    }

    [Fact]
    public void A_mailbox_in_both_the_option_and_a_file_is_a_duplicate_naming_where_it_came_first()
    {
        var file = new MailboxFile("boxes.txt", PlanCases.Support + "\n");
        var error = SingleError(Good with { MailboxFiles = [file] });
        Assert.Contains("listed twice (first as --mailbox)", error.Message);
    }
}
