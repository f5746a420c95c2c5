using MailSetup.Core.Catalog;
using MailSetup.Core.Plans;
using MailSetup.Testing;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace MailSetup.Core.Tests.Plans;

public sealed class PlanBuilderTests
{
    private static Plan Build(string caseName) => TestPlans.Build(PlanCases.All[caseName]);

    private static T Step<T>(Plan plan, string key) where T : PlanStep => Assert.IsType<T>(plan.Steps.Single(s => s.Key == key));

    [Fact]
    public void Imap_app_plan_runs_graph_first_then_registers_in_exchange_and_grants_full_access()
    {
        var keys = Build("imap-app").Steps.Select(s => s.Key).ToList();
        Assert.Equal(
        [
            "check-app-name", "read-exo-resource", "create-app", "set-permissions", "add-secret", "create-sp", "consent-exo-IMAP.AccessAsApp",
            "connect-exchange", "register-exchange-sp", $"fullaccess-{PlanCases.Support}",
            $"verify-fullaccess-{PlanCases.Support}", $"verify-protocols-{PlanCases.Support}",
        ], keys);
    }

    [Fact]
    public void Test_service_principal_authorization_checks_only_plans_where_rbac_grants()
    {
        static IEnumerable<string> Checks(Plan plan) => plan.Steps.OfType<ExchangeStep>().Where(s => s.Action == StepAction.Verify)
            .Select(s => s.Cmdlet.Name).Distinct();

        Assert.DoesNotContain("Test-ServicePrincipalAuthorization", Checks(Build("imap-smtp-three-mailboxes-send-as")));
        Assert.Contains("Get-MailboxPermission", Checks(Build("imap-smtp-three-mailboxes-send-as")));
        Assert.Contains("Get-RecipientPermission", Checks(Build("imap-smtp-three-mailboxes-send-as")));
        Assert.Contains("Test-ServicePrincipalAuthorization", Checks(Build("smtp-app-rbac")));
        Assert.DoesNotContain("Get-MailboxPermission", Checks(Build("smtp-app-rbac")));
    }

    public static TheoryData<string> Cases() => new(PlanCases.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_reference_is_produced_by_an_earlier_step(string caseName)
    {
        var produced = new HashSet<string>();
        foreach (var step in Build(caseName).Steps)
        {
            foreach (var consumed in step.Consumes)
                Assert.True(produced.Contains(consumed.Name), $"{step.Key} needs {consumed} before any step gives it");
            produced.UnionWith(step.Produces.Select(r => r.Name));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Step_keys_are_unique(string caseName)
    {
        var keys = Build(caseName).Steps.Select(s => s.Key).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void App_only_setup_asks_for_no_delegated_user_read_but_delegated_mail_keeps_it()
    {
        Assert.DoesNotContain("User.Read}", Step<GraphStep>(Build("imap-app"), "set-permissions").Preview.Body);
        var delegated = Step<GraphStep>(Build("delegated-mail"), "set-permissions").Preview.Body!;
        Assert.Contains("{graph.scope.User.Read}", delegated);
        Assert.Contains("\"isFallbackPublicClient\": true", delegated);
    }

    [Fact]
    public void Delegated_mail_by_password_is_a_confidential_client_with_a_secret_and_admin_consent_for_its_roles()
    {
        var plan = Build("delegated-mail-password");
        var grant = Step<GraphStep>(plan, "consent-graph-delegated");
        Assert.Contains("\"scope\": \"offline_access IMAP.AccessAsUser.All POP.AccessAsUser.All SMTP.Send User.Read\"", grant.Preview.Body);
        Assert.Contains("\"consentType\": \"AllPrincipals\"", grant.Preview.Body);
        Assert.Contains(plan.Steps, s => s.Key == "consent-graph-Mail.Send");
        Assert.Contains(plan.Steps, s => s.Key == "consent-graph-User.Read.All");
        Assert.Contains(plan.Steps, s => s.Key == "add-secret");
        Assert.Contains("\"isFallbackPublicClient\": false", Step<GraphStep>(plan, "set-permissions").Preview.Body);
        Assert.DoesNotContain(plan.Steps, s => s.Key == "register-exchange-sp");
    }

    [Fact]
    public void Delegated_mail_by_device_code_is_a_public_client_with_no_credential_and_leaves_its_app_roles_out()
    {
        var plan = Build("delegated-mail");
        Assert.Contains("\"isFallbackPublicClient\": true", Step<GraphStep>(plan, "set-permissions").Preview.Body);
        Assert.DoesNotContain(plan.Steps, s => s.Key is "add-secret" or "upload-certificate" or "generate-certificate");
        Assert.DoesNotContain(plan.Steps, s => s.Key.StartsWith("consent-graph-Mail.Send", StringComparison.Ordinal));
        Assert.Contains(plan.Steps, s => s.Key == "consent-graph-delegated");
        Assert.Contains(plan.Notices, n => n.Code == "public-client-app-permissions" && n.Text.Contains("Mail.Send, User.Read.All"));
        Assert.Contains(plan.Notices, n => n.Code == "delegated-flow" && n.Text.Contains("device code"));
    }

    [Fact]
    public void Rbac_scopes_mail_roles_in_exchange_and_gives_them_no_entra_consent()
    {
        var plan = Build("graph-gateway-rbac");
        var permissions = Step<GraphStep>(plan, "set-permissions").Preview.Body!;
        Assert.DoesNotContain("Mail.ReadWrite", permissions);
        Assert.Contains("{graph.role.User.Read.All}", permissions);
        Assert.DoesNotContain(plan.Steps, s => s.Key == "consent-graph-Mail.ReadWrite");
        Assert.Contains(plan.Steps, s => s.Key == "consent-graph-GroupMember.Read.All");
        var assignment = Step<ExchangeStep>(plan, "rbac-Mail.ReadWrite");
        Assert.Equal("Application Mail.ReadWrite", assignment.Cmdlet.TextOf("Role"));
        Assert.Equal("mailsetup Contoso Gateway scope", assignment.Cmdlet.TextOf("CustomResourceScope"));
        Assert.Equal("MemberOfGroup -eq '{group.dn}'",
            Step<ExchangeStep>(plan, "create-management-scope").Cmdlet.TextOf("RecipientRestrictionFilter"));
        Assert.Equal(PlanCases.Group, Step<ExchangeStep>(plan, "read-scope-group").Cmdlet.TextOf("Identity"));
    }

    [Fact]
    public void Smtp_under_rbac_gives_the_entra_app_no_smtp_permission_at_all()
    {
        var plan =
            TestPlans.Build(
                new SetupRequestInput { Presets = "smtp-app", AppName = "Relay", Mailboxes = [PlanCases.Support], Scope = "rbac",
                    ScopeGroup = PlanCases.Group });
        Assert.DoesNotContain(plan.Steps.OfType<GraphStep>(), s => (s.Preview.Body ?? "").Contains("SMTP") || s.Preview.Url.Contains("00000002"));
        Assert.Equal("Application SMTP.SendAsApp", Step<ExchangeStep>(plan, "rbac-SMTP.SendAsApp").Cmdlet.TextOf("Role"));
        Assert.DoesNotContain(plan.Steps, s => s.Key == "set-permissions");
    }

    [Fact]
    public void Access_policy_restricts_by_app_id_and_warns_that_it_is_legacy()
    {
        var plan = Build("graph-mail-access-policy");
        var policy = Step<ExchangeStep>(plan, "create-access-policy").Cmdlet;
        Assert.Equal("{app.appId}", policy.TextOf("AppId"));
        Assert.Equal(PlanCases.Group, policy.TextOf("PolicyScopeGroupId"));
        Assert.Equal("RestrictAccess", policy.TextOf("AccessRight"));
        var notice = Assert.Single(plan.Notices, n => n.Code == "access-policy-legacy");
        Assert.Equal(NoticeSeverity.Warning, notice.Severity);
        Assert.Contains("Microsoft advises creating no new ones", notice.Text);
    }

    [Fact]
    public void China_plan_uses_china_hosts_and_exchange_environment_and_flags_the_unconfirmed_smtp_host()
    {
        var plan = Build("imap-app-china");
        Assert.All(plan.Steps.OfType<GraphStep>(), s => Assert.StartsWith("https://microsoftgraph.chinacloudapi.cn/v1.0/", s.Preview.Url));
        Assert.Equal("O365China", Step<ExchangeStep>(plan, "connect-exchange").Cmdlet.TextOf("ExchangeEnvironmentName"));
        Assert.Contains(plan.Notices, n => n.Code == "unconfirmed-host" && n.Text.Contains("smtp.partner.outlook.cn (unconfirmed"));
    }

    [Fact]
    public void Global_plan_connects_without_an_exchange_environment_and_has_no_unconfirmed_hosts()
    {
        var plan = Build("imap-app");
        Assert.Null(Step<ExchangeStep>(plan, "connect-exchange").Cmdlet.TextOf("ExchangeEnvironmentName"));
        Assert.DoesNotContain(plan.Notices, n => n.Code == "unconfirmed-host");
    }

    [Fact]
    public void Adopting_an_app_finds_it_by_client_id_and_creates_no_app()
    {
        var plan = Build("imap-app-adopt");
        var find = Step<GraphStep>(plan, "find-app");
        Assert.Contains($"appId%20eq%20%27{PlanCases.ExistingAppId}%27", find.Preview.Url);
        Assert.Equal(StepAction.Read, find.Action);
        Assert.DoesNotContain(plan.Steps, s => s.Key == "create-app");
        var permissions = Step<GraphStep>(plan, "set-permissions");
        Assert.Contains("kept", permissions.Why);
        Assert.Equal(["requiredResourceAccess"], permissions.MergedLists);
        Assert.Empty(Step<GraphStep>(Build("imap-app"), "set-permissions").MergedLists);
    }

    [Fact]
    public void Secret_expires_after_the_requested_days_from_the_injected_clock()
    {
        var plan = TestPlans.Build(new SetupRequestInput { Presets = "imap-app", AppName = "X", SecretDays = "30" });
        Assert.Contains("\"endDateTime\": \"2026-12-21T09:30:00+00:00\"", Step<GraphStep>(plan, "add-secret").Preview.Body);
    }

    [Fact]
    public void Certificate_is_made_locally_and_uploaded_as_a_key_credential()
    {
        var plan = Build("smtp-app-certificate");
        Assert.Equal([References.CertificateKey, References.CertificateThumbprint], Step<LocalStep>(plan, "generate-certificate").Produces);
        var upload = Step<GraphStep>(plan, "upload-certificate");
        Assert.Contains("\"key\": \"{cert.key}\"", upload.Preview.Body);
        Assert.DoesNotContain(plan.Steps, s => s.Key == "add-secret");
    }

    [Fact]
    public void Send_as_is_granted_per_mailbox_to_the_service_principal()
    {
        var plan = Build("imap-smtp-three-mailboxes-send-as");
        var sendAs = plan.Steps.OfType<ExchangeStep>().Where(s => s.Cmdlet.Name == "Add-RecipientPermission").ToList();
        Assert.Equal(3, sendAs.Count);
        Assert.All(sendAs, s => Assert.Equal("{exo.sp.identity}", s.Cmdlet.TextOf("Trustee")));
        Assert.Equal(3, plan.Steps.Count(s => s is ExchangeStep { Cmdlet.Name: "Add-MailboxPermission" }));
        Assert.DoesNotContain(plan.Steps, s => s.Key == "verify-smtp-auth");
    }

    [Fact]
    public void Smtp_under_rbac_gets_the_role_assignment_and_no_mailbox_permission_nor_entra_consent()
    {
        var plan = Build("smtp-app-rbac");

        Assert.DoesNotContain(plan.Steps, s => s is ExchangeStep { Cmdlet.Name: "Add-MailboxPermission" });
        Assert.DoesNotContain(plan.Steps, s => s.Key.StartsWith("consent-", StringComparison.Ordinal) || s.Key == "set-permissions");
        Assert.Equal("Application SMTP.SendAsApp", Step<ExchangeStep>(plan, "rbac-SMTP.SendAsApp").Cmdlet.TextOf("Role"));
        // IMAP has no RBAC role: it keeps FullAccess under RBAC.
        var imapToo = TestPlans.Build(PlanCases.All["smtp-app-rbac"] with { Presets = "imap-app,smtp-app" });
        var fullAccess = Assert.Single(imapToo.Steps, s => s is ExchangeStep { Cmdlet.Name: "Add-MailboxPermission" });
        Assert.DoesNotContain("SMTP", fullAccess.Title + fullAccess.Why);
    }

    [Fact]
    public void Mailbox_permissions_name_the_identity_exchange_returned_for_the_registration()
    {
        var plan = Build("imap-smtp-three-mailboxes-send-as");
        var register = Step<ExchangeStep>(plan, "register-exchange-sp");
        Assert.Equal(("exo.sp.identity", "Identity"), (Assert.Single(register.Captures).Target.Name, register.Captures[0].Path));
        Assert.Contains(References.ExchangeAppIdentity, register.Produces);
        var fullAccess = Step<ExchangeStep>(plan, "fullaccess-" + PlanCases.Support);
        Assert.Equal("{exo.sp.identity}", fullAccess.Cmdlet.TextOf("User"));
        Assert.Contains(References.ExchangeAppIdentity, fullAccess.Consumes);
        Assert.Equal("{exo.sp.identity}", fullAccess.Probe!.Query.TextOf("User"));
    }

    [Fact]
    public void An_rbac_plan_tells_the_admin_the_role_it_needs_the_delay_and_that_nested_members_are_out_of_scope()
    {
        var notices = Build("graph-gateway-rbac").Notices.ToDictionary(n => n.Code, n => n.Text);

        Assert.Contains("Exchange Administrator role (or membership of Organization Management)", notices["rbac-admin-role"]);
        Assert.Contains("between 30 minutes and 2 hours", notices["rbac-delay"]);
        Assert.Contains("members of groups nested in it are not", notices["rbac-nested-groups"]);
        Assert.Contains("Microsoft 365 group, a mail-enabled security group or a distribution list", notices["rbac-nested-groups"]);
        Assert.DoesNotContain("rbac-delay", Build("graph-mail-access-policy").Notices.Select(n => n.Code));
    }

    [Fact]
    public void Smtp_auth_is_turned_on_per_mailbox_and_for_the_tenant_only_when_asked()
    {
        var plan = Build("imap-smtp-three-mailboxes-send-as");
        var perMailbox = plan.Steps.OfType<ExchangeStep>().Where(s => s.Cmdlet.Name == "Set-CASMailbox").ToList();
        Assert.Equal(3, perMailbox.Count);
        Assert.All(perMailbox, s => Assert.Equal((StepAction.Change, false, s.Mailbox),
            (s.Action, s.Cmdlet.Parameters.Single(p => p.Name == "SmtpClientAuthenticationDisabled").Value, s.Cmdlet.TextOf("Identity"))));
        Assert.All(perMailbox, s => Assert.Equal("Get-CASMailbox", s.Probe!.Query.Name));
        Assert.DoesNotContain(plan.Steps, s => s is ExchangeStep { Cmdlet.Name: "Set-TransportConfig" });

        var tenant = Build("smtp-app-tenant-auth");
        Assert.DoesNotContain(tenant.Steps, s => s is ExchangeStep { Cmdlet.Name: "Set-CASMailbox" });
        Assert.Equal(StepAction.Change, Step<ExchangeStep>(tenant, "smtp-auth-tenant").Action);
        Assert.Contains(tenant.Notices, n => n.Code == "smtp-auth-tenant" && n.Text.Contains("every mailbox"));
    }

    [Fact]
    public void Graph_steps_rebuild_with_real_values_in_place_of_stand_ins()
    {
        var plan = Build("imap-app");
        var consent = Step<GraphStep>(plan, "consent-exo-IMAP.AccessAsApp");
        var values = ReferenceValues.From(new Dictionary<string, string>
        {
            ["exo.sp.id"] = "11111111-1111-1111-1111-111111111111",
            ["sp.id"] = "22222222-2222-2222-2222-222222222222",
            ["exo.role.IMAP.AccessAsApp"] = PermissionCatalog.Get("IMAP.AccessAsApp").Id.ToString(),
        });
        using var http = new HttpClient();
        using var graph = new GraphServiceClient(http, new AnonymousAuthenticationProvider(), "https://graph.microsoft.com/v1.0");
        var preview = GraphRequestPreviewer.Preview(consent.Request(graph, values));
        Assert.Equal("https://graph.microsoft.com/v1.0/servicePrincipals/11111111-1111-1111-1111-111111111111/appRoleAssignedTo", preview.Url);
        Assert.Contains("\"principalId\": \"22222222-2222-2222-2222-222222222222\"", preview.Body);
        Assert.Contains("\"appRoleId\": \"5e5addcd-3e8d-4e90-baf5-964efab2b20a\"", preview.Body);
    }

    [Fact]
    public void Rebuilding_a_step_without_a_value_it_needs_names_the_missing_reference()
    {
        var step = Step<GraphStep>(Build("imap-app"), "create-sp");
        using var http = new HttpClient();
        using var graph = new GraphServiceClient(http, new AnonymousAuthenticationProvider(), "https://graph.microsoft.com/v1.0");
        var error = Assert.Throws<InvalidOperationException>(() => step.Request(graph, ReferenceValues.From(new Dictionary<string, string>())));
        Assert.Contains("{app.appId}", error.Message);
    }

    [Fact]
    public void Resource_reads_capture_role_ids_with_the_catalog_id_as_fallback()
    {
        var read = Step<GraphStep>(Build("imap-app"), "read-exo-resource");
        var capture = Assert.Single(read.Captures, c => c.Target.Name == "exo.role.IMAP.AccessAsApp");
        Assert.Equal("appRoles[value=IMAP.AccessAsApp].id", capture.Path);
        Assert.Equal("5e5addcd-3e8d-4e90-baf5-964efab2b20a", capture.Fallback);
        Assert.Equal("value", read.ResultCollection);
    }

    [Fact]
    public void Unscoped_graph_mail_roles_warn_that_they_reach_every_mailbox_and_given_mailboxes_change_nothing()
    {
        var plan = Build("graph-mail");
        Assert.Contains(plan.Notices,
            n => n.Code == "unscoped-mail-roles" && n.Text.StartsWith("Mail.ReadWrite as an application permission reaches every mailbox"));
        Assert.Contains(plan.Notices, n => n.Code == "mailboxes-unused");
        Assert.DoesNotContain(Build("graph-gateway-rbac").Notices, n => n.Code == "unscoped-mail-roles");
        Assert.DoesNotContain(Build("imap-app").Notices, n => n.Code is "mailboxes-unused" or "unscoped-mail-roles");
    }

    [Fact]
    public void App_only_protocols_without_mailboxes_warn_that_the_app_can_log_in_to_none()
    {
        var plan = TestPlans.Build(new SetupRequestInput { Presets = "pop-app", AppName = "POP" });
        Assert.Contains(plan.Notices, n => n.Code == "no-mailboxes");
        Assert.DoesNotContain(plan.Steps, s => s.Key.StartsWith("fullaccess-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Contoso Mail", "CN=Contoso Mail")]
    [InlineData("Mail, Inc. + Co", "CN=\"Mail, Inc. + Co\"")]
    [InlineData("Say \"hi\"; ok", "CN=\"Say \\\"hi\\\"; ok\"")]
    public void Certificate_subjects_quote_names_that_would_split_the_subject(string name, string subject)
    {
        Assert.Equal(subject, CertificateSubject.CommonName(name));
    }

    [Fact]
    public void Preview_keeps_an_escaped_dollar_inside_a_filter_value()
    {
        var plan = TestPlans.Build(new SetupRequestInput { Presets = "imap-app", AppName = "Cost$ Mail" });
        var url = Step<GraphStep>(plan, "create-app").Probe!.Preview.Url;
        Assert.Contains("?$filter=displayName%20eq%20%27Cost%24%20Mail%27&$select=", url);
    }
}
