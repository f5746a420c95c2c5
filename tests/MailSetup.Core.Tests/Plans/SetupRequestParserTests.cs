using MailSetup.Core.Plans;
using MailSetup.Testing;

namespace MailSetup.Core.Tests.Plans;

/// <summary>Every bad input gets an error keyed by its field(s), with the value and what is expected.</summary>
public sealed class SetupRequestParserTests
{
    private static readonly SetupRequestInput Good = new() { Presets = "imap-app", AppName = "Contoso IMAP", Mailboxes = [PlanCases.Support] };

    /// <summary>Names no front end uses, so a message can only show them if it asked for them.</summary>
    private sealed class Marked : ISetupFieldNames
    {
        public static Marked Names { get; } = new();

        public string Name(SetupField field) => $"<{field}>";

        public string Usage(SetupField field) => $"<{field} ...>";
    }

    private static InputError SingleError(SetupRequestInput input, ISetupFieldNames? names = null)
    {
        var (request, errors) = SetupRequestParser.Parse(input, names ?? InputPropertyNames.Instance);
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
        Assert.Equal(SmtpAuthScope.Mailbox, request.SmtpAuth);
    }

    public static TheoryData<string, SetupRequestInput, SetupField[], string> BadInputs() => new()
    {
        { "no preset", Good with { Presets = null }, [SetupField.Presets], "is required" },
        { "unknown preset", Good with { Presets = "imap-ap" }, [SetupField.Presets], "unknown preset 'imap-ap'; did you mean 'imap-app'" },
        { "empty app name", Good with { AppName = "  " }, [SetupField.AppName], "is empty; expected a display name of 1 to 120 characters" },
        { "long app name", Good with { AppName = new string('a', 121) }, [SetupField.AppName], "is 121 characters long; expected at most 120" },
        { "braces in app name", Good with { AppName = "Mail {app.id}" }, [SetupField.AppName], "contains { or }" },
        { "no app", Good with { AppName = null }, [SetupField.AppName, SetupField.AppId], "is required" },
        { "both app forms", Good with { AppId = PlanCases.ExistingAppId }, [SetupField.AppName, SetupField.AppId], "not both" },
        { "unknown smtp auth", Good with { Presets = "smtp-app", SmtpAuth = "everywhere" }, [SetupField.SmtpAuth],
            "unknown SMTP AUTH setting 'everywhere'; expected mailbox" },
        { "smtp auth without smtp", Good with { SmtpAuth = "tenant" }, [SetupField.SmtpAuth], "only matters when the app logs in over SMTP" },
        { "malformed guid", Good with { AppName = null, AppId = "6f1c2d3e-4a5b" }, [SetupField.AppId],
            "'6f1c2d3e-4a5b' is not an application (client) id; expected a GUID" },
        { "malformed mailbox", Good with { Mailboxes = ["support.contoso.com"] }, [SetupField.Mailboxes],
            "'support.contoso.com' needs exactly one @" },
        { "mailbox without dot domain", Good with { Mailboxes = ["support@contoso"] }, [SetupField.Mailboxes], "needs a domain with a dot" },
        { "duplicate mailbox", Good with { Mailboxes = [PlanCases.Support, "SUPPORT@contoso.onmicrosoft.com"] }, [SetupField.Mailboxes],
            "is listed twice" },
        { "scope without group", Good with { Presets = "graph-mail", Scope = "rbac" }, [SetupField.ScopeGroup], "is required with <Scope> rbac" },
        { "group without scope", Good with { ScopeGroup = PlanCases.Group }, [SetupField.ScopeGroup],
            "is only used with <Scope> rbac or <Scope> access-policy; add <Scope>" },
        { "unknown scope", Good with { Scope = "rbca", ScopeGroup = PlanCases.Group }, [SetupField.Scope], "unknown scoping 'rbca'" },
        { "rbac for imap", Good with { Scope = "rbac", ScopeGroup = PlanCases.Group }, [SetupField.Scope], "there is no RBAC role for IMAP or POP" },
        { "access policy for imap", Good with { Scope = "access-policy", ScopeGroup = PlanCases.Group }, [SetupField.Scope],
            "only limits Graph and EWS" },
        { "secret days zero", Good with { SecretDays = "0" }, [SetupField.SecretDays],
            "'0' is not a lifetime Entra accepts; expected a whole number of days from 1 to 730" },
        { "secret days too many", Good with { SecretDays = "731" }, [SetupField.SecretDays], "'731'" },
        { "secret days not a number", Good with { SecretDays = "six" }, [SetupField.SecretDays], "'six'" },
        { "secret and certificate", Good with { SecretDays = "90", Certificate = true }, [SetupField.SecretDays, SetupField.Certificate],
            "not both" },
        { "unknown cloud", Good with { Cloud = "chna" }, [SetupField.Cloud], "unknown cloud 'chna' (did you mean 'china'?)" },
        { "send-as without sending preset", Good with { SendAs = true }, [SetupField.SendAs], "presets imap-app do not" },
        { "send-as with graph-send", Good with { Presets = "graph-send", SendAs = true }, [SetupField.SendAs],
            "adds nothing to graph-send: Graph's Mail.Send already lets the app send as any user" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_keyed_by_its_fields_with_what_is_expected(string why, SetupRequestInput input, SetupField[] fields, string message)
    {
        var error = SingleError(input, Marked.Names);
        Assert.True(fields.SequenceEqual(error.Fields), $"{why}: fields were {string.Join("/", error.Fields)}");
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void No_message_names_a_command_line_option_of_its_own()
    {
        foreach (var row in BadInputs())
        {
            var error = SingleError((SetupRequestInput)row[1], Marked.Names);
            Assert.False(error.Message.Contains("--", StringComparison.Ordinal), $"{row[0]}: {error.Message}");
        }
    }

    [Fact]
    public void Fields_named_by_the_caller_appear_in_advice_in_the_callers_words()
    {
        Assert.Equal("is required: <AppName ...> to create an app, or <AppId ...> to adopt one.",
            SingleError(Good with { AppName = null }, Marked.Names).Message);
        Assert.Equal("give either <AppName> to create an app or <AppId> to adopt one, not both.",
            SingleError(Good with { AppId = PlanCases.ExistingAppId }, Marked.Names).Message);
        Assert.Equal("give either <SecretDays> for a client secret or <Certificate>, not both.",
            SingleError(Good with { SecretDays = "90", Certificate = true }, Marked.Names).Message);
        Assert.EndsWith("expected a Graph preset, or <Scope> rbac.",
            SingleError(Good with { Scope = "access-policy", ScopeGroup = PlanCases.Group }, Marked.Names).Message);
        Assert.EndsWith("add <Mailboxes ...> or <MailboxFiles ...>.",
            SingleError(new SetupRequestInput { Presets = "smtp-app", AppName = "Relay", SendAs = true }, Marked.Names).Message);
    }

    [Fact]
    public void Without_names_from_the_caller_fields_are_named_as_the_input_properties()
    {
        var error = SingleError(Good with { AppName = null });
        Assert.Equal("is required: AppName to create an app, or AppId to adopt one.", error.Message);
        Assert.Equal("AppName/AppId: " + error.Message, error.ToString());
    }

    [Fact]
    public void Send_as_without_mailboxes_is_an_error()
    {
        var error = SingleError(new SetupRequestInput { Presets = "smtp-app", AppName = "Relay", SendAs = true });
        Assert.Equal(SetupField.SendAs, error.Field);
        Assert.Contains("none were given", error.Message);
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var (_, errors) = SetupRequestParser.Parse(new SetupRequestInput { Presets = "nope", AppName = "", Mailboxes = ["x"], Cloud = "mars" });
        Assert.Equal([SetupField.Presets, SetupField.AppName, SetupField.Mailboxes, SetupField.Cloud], errors.Select(e => e.Field));
    }

    [Fact]
    public void Mailboxes_file_skips_blanks_and_comments_and_names_the_line_of_a_bad_address()
    {
        var file =
            new MailboxFile("boxes.txt",
                "# shared mailboxes\nsupport@contoso.onmicrosoft.com\r\n\n  sales@contoso.onmicrosoft.com  \nnot-an-address\n");
        var (request, errors) = SetupRequestParser.Parse(Good with { Mailboxes = [], MailboxFiles = [file] });
        Assert.Null(request);
        var error = Assert.Single(errors);
        Assert.Equal(SetupField.MailboxFiles, error.Field);
        Assert.StartsWith("boxes.txt line 5: 'not-an-address'", error.Message);

        var (good, _) =
            SetupRequestParser.Parse(Good with { Mailboxes = [], MailboxFiles = [file with { Text = file.Text.Replace("not-an-address\n", "") }] });
        Assert.Equal([PlanCases.Support, "sales@contoso.onmicrosoft.com"], good!.Mailboxes);
    }

    [Fact]
    public void A_mailbox_in_both_the_option_and_a_file_is_a_duplicate_naming_where_it_came_first()
    {
        var file = new MailboxFile("boxes.txt", PlanCases.Support + "\n");
        var error = SingleError(Good with { MailboxFiles = [file] }, Marked.Names);
        Assert.Equal(SetupField.MailboxFiles, error.Field);
        Assert.Contains("listed twice (first as <Mailboxes>)", error.Message);
    }
}
