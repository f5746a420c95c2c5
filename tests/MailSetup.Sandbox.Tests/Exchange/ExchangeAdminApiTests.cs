using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using MailSetup.Sandbox.Tests.Support;
using Microsoft.Graph.Models;

namespace MailSetup.Sandbox.Tests.Exchange;

public sealed class ExchangeAdminApiTests
{
    private const string Support = "support@contoso.onmicrosoft.com";

    /// <summary>An app with its service principal, made through Graph as a plan does.</summary>
    private static async Task<(string AppObjectId, string AppId, string SpId)> AppAsync(SandboxHost host)
    {
        var graph = Sandboxes.Graph(host);
        var app = await graph.Applications.PostAsync(new Application { DisplayName = "Mail Relay" });
        var sp = await graph.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = app!.AppId });
        return (app.Id!, app.AppId!, sp!.Id!);
    }

    [Fact]
    public async Task NewServicePrincipal_accepts_the_app_registrations_ObjectId_as_Exchange_does()
    {
        await using var host = Sandboxes.InMemory();
        var (appObjectId, appId, spId) = await AppAsync(host);
        var exchange = new ExchangeClient(host);

        // The classic mistake: the app registration's object id instead of the enterprise app's.
        var registered =
            Assert.Single(await exchange.RunAsync("New-ServicePrincipal", new { AppId = appId, ObjectId = appObjectId, DisplayName = "Mail Relay" }));

        Assert.Equal(appObjectId, registered["ObjectId"]!.GetValue<string>());
        Assert.NotEqual(spId, registered["ObjectId"]!.GetValue<string>());
        var stored = host.Tenant.Read(s => s.Exchange.ServicePrincipals.Single(sp => sp.AppId == appId));
        Assert.Equal(appObjectId, stored.ObjectId);
        var found = Assert.Single(await exchange.RunAsync("Get-ServicePrincipal", new { Identity = appId }));
        Assert.Equal(appObjectId, found["ObjectId"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_ObjectId_is_accepted_but_the_same_app_twice_is_not()
    {
        await using var host = Sandboxes.InMemory();
        var exchange = new ExchangeClient(host);
        var appId = Guid.NewGuid().ToString();
        await exchange.RunAsync("New-ServicePrincipal", new { AppId = appId, ObjectId = Guid.NewGuid().ToString() });

        var again = await exchange.InvokeAsync("New-ServicePrincipal", new { AppId = appId, ObjectId = Guid.NewGuid().ToString() });

        Assert.Equal(400, again.Status);
        Assert.Equal("ADObjectAlreadyExistsException", again.ErrorCode);
        Assert.Contains(appId, again.ErrorMessage);
        Assert.Single(host.Tenant.Read(s => s.Exchange.ServicePrincipals.Where(sp => sp.AppId == appId).ToList()));
    }

    [Fact]
    public async Task FullAccess_needs_a_registered_service_principal_and_is_listed_and_removed()
    {
        await using var host = Sandboxes.InMemory();
        var (_, appId, spId) = await AppAsync(host);
        var exchange = new ExchangeClient(host);
        var grant = new { Identity = Support, User = spId, AccessRights = "FullAccess", AutoMapping = false };

        var unregistered = await exchange.InvokeAsync("Add-MailboxPermission", grant);
        Assert.Equal("ManagementObjectNotFoundException", unregistered.ErrorCode);
        Assert.Equal($"User or group \"{spId}\" wasn't found. Please make sure you've typed it correctly.", unregistered.ErrorMessage);

        await exchange.RunAsync("New-ServicePrincipal", new { AppId = appId, ObjectId = spId });
        var added = Assert.Single(await exchange.RunAsync("Add-MailboxPermission", grant));
        Assert.Equal(["FullAccess"], added["AccessRights"]!.AsArray().Select(r => r!.GetValue<string>()).ToArray());
        await exchange.RunAsync("Add-MailboxPermission", grant); // granting again changes nothing
        Assert.Single(host.Tenant.Read(s => s.Exchange.MailboxPermissions.Where(p => p.Identity == Support).ToList()));

        var all = await exchange.RunAsync("Get-MailboxPermission", new { Identity = Support });
        Assert.Equal(["NT AUTHORITY\\SELF", spId], all.Select(p => p["User"]!.GetValue<string>()).ToArray());
        var byAppId = Assert.Single(await exchange.RunAsync("Get-MailboxPermission", new { Identity = "Support", User = appId }));
        Assert.Equal(spId, byAppId["User"]!.GetValue<string>());

        await exchange.RunAsync("Remove-MailboxPermission",
            new { Identity = Support, User = spId, AccessRights = new[] { "FullAccess" }, Confirm = false });
        Assert.Empty(await exchange.RunAsync("Get-MailboxPermission", new { Identity = Support, User = spId }));
    }

    [Fact]
    public async Task An_unknown_mailbox_is_Exchanges_not_found_error()
    {
        await using var host = Sandboxes.InMemory();
        var answer = await new ExchangeClient(host).InvokeAsync("Get-CASMailbox", new { Identity = "ghost@contoso.onmicrosoft.com" });
        Assert.Equal(400, answer.Status);
        Assert.Equal("ManagementObjectNotFoundException", answer.ErrorCode);
        Assert.Equal(
            "The operation couldn't be performed because object 'ghost@contoso.onmicrosoft.com' couldn't be found on " +
            "'NAMPR01A001DC01.NAMPR01A001.PROD.OUTLOOK.COM'.", answer.ErrorMessage);
    }

    [Fact]
    public async Task SendAs_is_granted_listed_and_removed()
    {
        await using var host = Sandboxes.InMemory();
        var (_, appId, spId) = await AppAsync(host);
        var exchange = new ExchangeClient(host);
        await exchange.RunAsync("New-ServicePrincipal", new { AppId = appId, ObjectId = spId });

        await exchange.RunAsync("Add-RecipientPermission", new { Identity = Support, Trustee = spId, AccessRights = "SendAs", Confirm = false });
        var wrongRight =
            await exchange.InvokeAsync("Add-RecipientPermission", new { Identity = Support, Trustee = spId, AccessRights = "FullAccess" });

        Assert.Equal("ParameterBindingException", wrongRight.ErrorCode);
        var listed = Assert.Single(await exchange.RunAsync("Get-RecipientPermission", new { Identity = Support, Trustee = spId }));
        Assert.Equal("SendAs", listed["AccessRights"]![0]!.GetValue<string>());
        await exchange.RunAsync("Remove-RecipientPermission", new { Identity = Support, Trustee = spId, AccessRights = "SendAs", Confirm = false });
        Assert.Empty(await exchange.RunAsync("Get-RecipientPermission", new { Identity = Support }));
    }

    [Fact]
    public async Task Scoped_role_assignment_covers_only_the_groups_members()
    {
        await using var host = Sandboxes.InMemory();
        var (_, appId, spId) = await AppAsync(host);
        var exchange = new ExchangeClient(host);
        await exchange.RunAsync("New-ServicePrincipal", new { AppId = appId, ObjectId = spId });
        var group = Assert.Single(await exchange.RunAsync("Get-Group", new { Identity = TenantSeed.ScopeGroupAddress }));
        var dn = group["DistinguishedName"]!.GetValue<string>();

        await exchange.RunAsync("New-ManagementScope", new { Name = "Mail apps", RecipientRestrictionFilter = $"MemberOfGroup -eq '{dn}'" });
        var assignment =
            Assert.Single(
                await exchange.RunAsync("New-ManagementRoleAssignment",
                    new { App = spId, Role = "Application Mail.Send", CustomResourceScope = "Mail apps" }));
        Assert.Equal("CustomRecipientScope", assignment["RecipientWriteScope"]!.GetValue<string>());

        var inScope = Assert.Single(await exchange.RunAsync("Test-ServicePrincipalAuthorization", new { Identity = spId, Resource = Support }));
        var outOfScope =
            Assert.Single(
                await exchange.RunAsync("Test-ServicePrincipalAuthorization", new { Identity = appId, Resource = TenantSeed.AdminAddress }));
        Assert.Equal("Application Mail.Send", inScope["RoleName"]!.GetValue<string>());
        Assert.Equal("Mail.Send", inScope["GrantedPermissions"]!.GetValue<string>());
        Assert.True(inScope["InScope"]!.GetValue<bool>());
        Assert.False(outOfScope["InScope"]!.GetValue<bool>());

        var inUse = await exchange.InvokeAsync("Remove-ManagementScope", new { Identity = "Mail apps" });
        Assert.Equal(400, inUse.Status);
        Assert.Single(await exchange.RunAsync("Get-ManagementRoleAssignment", new { RoleAssignee = spId, Role = "Application Mail.Send" }));
        await exchange.RunAsync("Remove-ManagementRoleAssignment", new { Identity = assignment["Name"]!.GetValue<string>() });
        await exchange.RunAsync("Remove-ManagementScope", new { Identity = "Mail apps" });
        Assert.Empty(await exchange.RunAsync("Get-ManagementScope"));
    }

    [Theory]
    [InlineData("Mail.Send")]
    [InlineData("Application IMAP.AccessAsApp")]
    public async Task Only_Exchanges_application_roles_can_be_assigned(string role)
    {
        await using var host = Sandboxes.InMemory();
        var exchange = new ExchangeClient(host);
        var sp = Guid.NewGuid().ToString();
        await exchange.RunAsync("New-ServicePrincipal", new { AppId = Guid.NewGuid().ToString(), ObjectId = sp });

        var answer = await exchange.InvokeAsync("New-ManagementRoleAssignment", new { App = sp, Role = role });

        Assert.Equal("ManagementObjectNotFoundException", answer.ErrorCode);
        Assert.Contains($"'{role}'", answer.ErrorMessage);
    }

    [Fact]
    public async Task Application_access_policy_is_scoped_to_the_mail_enabled_group()
    {
        await using var host = Sandboxes.InMemory();
        var exchange = new ExchangeClient(host);
        var appId = Guid.NewGuid().ToString();
        var policy =
            new { AppId = appId, PolicyScopeGroupId = TenantSeed.ScopeGroupAddress, AccessRight = "RestrictAccess",
                Description = "Restrict Mail Relay" };

        var created = Assert.Single(await exchange.RunAsync("New-ApplicationAccessPolicy", policy));
        var duplicate = await exchange.InvokeAsync("New-ApplicationAccessPolicy", policy);

        Assert.Equal("Mail apps", created["ScopeName"]!.GetValue<string>());
        Assert.Equal("ADObjectAlreadyExistsException", duplicate.ErrorCode);
        Assert.Single(await exchange.RunAsync("Get-ApplicationAccessPolicy", new { Identity = appId }));
        await exchange.RunAsync("Remove-ApplicationAccessPolicy", new { Identity = created["Identity"]!.GetValue<string>() });
        Assert.Empty(await exchange.RunAsync("Get-ApplicationAccessPolicy"));
    }

    [Fact]
    public async Task Protocol_switches_follow_the_seed_and_change_with_set_cmdlets()
    {
        await using var host = Sandboxes.InMemory();
        var exchange = new ExchangeClient(host);

        var archive = Assert.Single(await exchange.RunAsync("Get-CASMailbox", new { Identity = TenantSeed.ImapDisabledMailbox }));
        Assert.False(archive["ImapEnabled"]!.GetValue<bool>());
        Assert.True(archive["PopEnabled"]!.GetValue<bool>());
        Assert.Null(archive["SmtpClientAuthenticationDisabled"]);
        Assert.True(Assert.Single(await exchange.RunAsync("Get-TransportConfig"))["SmtpClientAuthenticationDisabled"]!.GetValue<bool>());

        await exchange.RunAsync("Set-CASMailbox",
            new { Identity = TenantSeed.ImapDisabledMailbox, ImapEnabled = true, SmtpClientAuthenticationDisabled = "$false" });
        await exchange.RunAsync("Set-TransportConfig", new { SmtpClientAuthenticationDisabled = false });

        var changed = Assert.Single(await exchange.RunAsync("Get-CASMailbox", new { Identity = "archive" }));
        Assert.True(changed["ImapEnabled"]!.GetValue<bool>());
        Assert.False(changed["SmtpClientAuthenticationDisabled"]!.GetValue<bool>());
        Assert.False(host.Tenant.Read(s => s.Exchange.SmtpClientAuthenticationDisabled));
    }

    [Fact]
    public async Task Unknown_cmdlets_and_parameters_fail_as_PowerShell_would()
    {
        await using var host = Sandboxes.InMemory();
        var exchange = new ExchangeClient(host);

        var cmdlet = await exchange.InvokeAsync("Get-Mailbx");
        var parameter = await exchange.InvokeAsync("Get-CASMailbox", new { Identity = Support, Imap = true });
        var missing = await exchange.InvokeAsync("Add-MailboxPermission", new { Identity = Support });

        Assert.Equal(400, cmdlet.Status);
        Assert.Contains("'Get-Mailbx'", cmdlet.ErrorMessage);
        Assert.Equal("A parameter cannot be found that matches parameter name 'Imap'.", parameter.ErrorMessage);
        Assert.Equal("Cannot process command because of one or more missing mandatory parameters: User AccessRights.", missing.ErrorMessage);
    }

    [Fact]
    public async Task Long_answers_are_paged_by_next_link()
    {
        await using var host = Sandboxes.InMemory();
        var exchange = new ExchangeClient(host, pageSize: 10);

        var first = await exchange.InvokeAsync("Get-Mailbox");
        var all = await exchange.AllAsync("Get-Mailbox");

        Assert.Equal(10, first.Value.Count);
        Assert.StartsWith(host.Endpoints.ExchangeAdminApiUrl + "?$skiptoken=", first.Body["@odata.nextLink"]!.GetValue<string>());
        Assert.Equal(host.Tenant.Read(s => s.Users.Select(u => u.Mail).ToList()), all.Select(m => m["PrimarySmtpAddress"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Calls_need_a_bearer_token_and_this_tenant()
    {
        await using var host = Sandboxes.InMemory();
        using var anonymous = host.CreateClient();
        using var noToken =
            await anonymous.PostAsync(host.Endpoints.ExchangeAdminApiUrl,
                new StringContent("""{"CmdletInput":{"CmdletName":"Get-TransportConfig"}}"""));
        Assert.Equal(401, (int)noToken.StatusCode);

        var byDomain =
            await new ExchangeClient(host).InvokeAsync("Get-TransportConfig",
                url: $"{host.BaseAddress}/adminapi/beta/{TenantSeed.Domain}/InvokeCommand");
        var otherTenant =
            await new ExchangeClient(host).InvokeAsync("Get-TransportConfig",
                url: $"{host.BaseAddress}/adminapi/beta/{Guid.NewGuid()}/InvokeCommand");
        Assert.Equal(200, byDomain.Status);
        Assert.Equal(404, otherTenant.Status);
    }
}
