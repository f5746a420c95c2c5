using MailSetup.Testing;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailSetup.Sandbox.State;
using MailSetup.Sandbox.Tests.Support;
using Microsoft.Graph.Applications.Item.AddPassword;
using Microsoft.Graph.Applications.Item.RemovePassword;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace MailSetup.Sandbox.Tests.Graph;

public sealed class ApplicationTests
{
    private static readonly Guid ExchangeAppId = Guid.Parse("00000002-0000-0ff1-ce00-000000000000");
    private static readonly Guid ImapAccessAsApp = Guid.Parse("5e5addcd-3e8d-4e90-baf5-964efab2b20a");

    [Fact]
    public async Task Created_application_has_ids_and_reads_back_with_select()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);

        var created = await graph.Applications.PostAsync(new Application
        {
            DisplayName = "Mail Relay",
            SignInAudience = "AzureADMyOrg",
            RequiredResourceAccess =
                [new() { ResourceAppId = ExchangeAppId.ToString(), ResourceAccess = [new() { Id = ImapAccessAsApp, Type = "Role" }] }],
        });

        Assert.NotNull(created);
        Assert.True(Guid.TryParse(created.Id, out _));
        Assert.True(Guid.TryParse(created.AppId, out _));
        Assert.NotEqual(created.Id, created.AppId);
        Assert.Equal("Mail Relay", created.DisplayName);
        Assert.Equal("AzureADMyOrg", created.SignInAudience);
        Assert.Equal(SnapshotNow, created.CreatedDateTime);

        var read = await graph.Applications[created.Id].GetAsync(r => r.QueryParameters.Select = ["id", "appId", "requiredResourceAccess"]);
        Assert.Equal(created.AppId, read!.AppId);
        Assert.Null(read.DisplayName); // not selected
        var access = Assert.Single(read.RequiredResourceAccess!);
        Assert.Equal(ImapAccessAsApp, Assert.Single(access.ResourceAccess!).Id);

        var byAppId = await graph.ApplicationsWithAppId(created.AppId).GetAsync();
        Assert.Equal(created.Id, byAppId!.Id);
    }

    private static DateTimeOffset SnapshotNow => MailSetup.Testing.TestClock.SnapshotDate;

    [Fact]
    public async Task Add_password_returns_the_secret_once_and_the_state_file_never_holds_it()
    {
        using var folder = new TempFolder();
        var store = new SandboxStateStore(folder.File("tenant.json"));
        await using var host = Sandboxes.InMemory(Sandboxes.Tenant(store: store));
        var graph = Sandboxes.Graph(host);
        var app = await graph.Applications.PostAsync(new Application { DisplayName = "Secret holder" });

        var credential = await graph.Applications[app!.Id].AddPassword.PostAsync(new AddPasswordPostRequestBody
        {
            PasswordCredential = new PasswordCredential { DisplayName = "relay", EndDateTime = SnapshotNow.AddMonths(6) },
        });

        var secret = credential!.SecretText!;
        Assert.Equal(40, secret.Length);
        Assert.Equal("8Q~", secret[3..6]);
        Assert.Equal(secret[..3], credential.Hint);
        Assert.Equal(SnapshotNow.AddMonths(6), credential.EndDateTime);
        Assert.Equal(SnapshotNow, credential.StartDateTime);

        var listed = Assert.Single((await graph.Applications[app.Id].GetAsync())!.PasswordCredentials!);
        Assert.Null(listed.SecretText);
        Assert.Equal(credential.KeyId, listed.KeyId);
        Assert.Equal(secret[..3], listed.Hint);

        var saved = File.ReadAllText(store.Path);
        Assert.DoesNotContain(secret, saved);
        Assert.DoesNotContain(secret[6..], saved);
        var stored = Assert.Single(store.Load()!.Applications.Single(a => a.Id == app.Id).PasswordCredentials);
        Assert.True(SecretHash.Matches(secret, stored.SecretHash));
        Assert.DoesNotContain(host.Requests.Snapshot(), r => r.Body.Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Remove_password_deletes_the_credential()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var app = await graph.Applications.PostAsync(new Application { DisplayName = "Rotating" });
        var first =
            await graph.Applications[app!.Id].AddPassword.PostAsync(
                new AddPasswordPostRequestBody { PasswordCredential = new() { DisplayName = "one" } });
        var second =
            await graph.Applications[app.Id].AddPassword.PostAsync(
                new AddPasswordPostRequestBody { PasswordCredential = new() { DisplayName = "two" } });
        Assert.Equal(SnapshotNow.AddDays(730), first!.EndDateTime); // default lifetime: two years

        await graph.Applications[app.Id].RemovePassword.PostAsync(new RemovePasswordPostRequestBody { KeyId = first.KeyId });

        var left = Assert.Single((await graph.Applications[app.Id].GetAsync())!.PasswordCredentials!);
        Assert.Equal(second!.KeyId, left.KeyId);
        var again =
            await Assert.ThrowsAsync<ODataError>(
                () => graph.Applications[app.Id].RemovePassword.PostAsync(new RemovePasswordPostRequestBody { KeyId = first.KeyId }));
        Assert.Equal(404, again.ResponseStatusCode);
    }

    [Fact]
    public async Task List_filters_by_displayName_with_quotes_and_by_appId()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var quoted = await graph.Applications.PostAsync(new Application { DisplayName = "O'Brien's relay" });
        await graph.Applications.PostAsync(new Application { DisplayName = "Other" });

        var byName = await graph.Applications.GetAsync(r => r.QueryParameters.Filter = "displayName eq 'O''Brien''s relay'");
        Assert.Equal(quoted!.Id, Assert.Single(byName!.Value!).Id);

        var byAppId = await graph.Applications.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"appId eq '{quoted.AppId}'";
            r.QueryParameters.Select = ["id", "displayName"];
            r.QueryParameters.Top = 5;
        });
        var only = Assert.Single(byAppId!.Value!);
        Assert.Equal("O'Brien's relay", only.DisplayName);
        Assert.Null(only.AppId);

        var none = await graph.Applications.GetAsync(r => r.QueryParameters.Filter = "displayName eq 'Nobody'");
        Assert.Empty(none!.Value!);
    }

    [Fact]
    public async Task Patched_certificate_keeps_its_thumbprint_and_is_read_only_with_select()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var app = await graph.Applications.PostAsync(new Application { DisplayName = "Certified" });
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Certified", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(SnapshotNow.AddDays(-1), SnapshotNow.AddYears(1));

        await graph.Applications[app!.Id].PatchAsync(new Application
        {
            KeyCredentials = [new KeyCredential
            {
                Type = "AsymmetricX509Cert",
                Usage = "Verify",
                Key = certificate.RawData,
                DisplayName = "CN=Certified",
            }],
            IsFallbackPublicClient = true,
        });

        var plain = Assert.Single((await graph.Applications[app.Id].GetAsync())!.KeyCredentials!);
        Assert.Null(plain.Key);
        Assert.Equal(Convert.FromHexString(certificate.Thumbprint), plain.CustomKeyIdentifier);
        var selected = await graph.Applications[app.Id].GetAsync(r => r.QueryParameters.Select = ["keyCredentials", "isFallbackPublicClient"]);
        Assert.Equal(certificate.RawData, Assert.Single(selected!.KeyCredentials!).Key);
        Assert.True(selected.IsFallbackPublicClient);
        var stored = host.Tenant.Read(s => s.Applications.Single(a => a.Id == app.Id).KeyCredentials.Single());
        Assert.Equal(certificate.Thumbprint, stored.Thumbprint);
    }

    [Fact]
    public async Task Certificate_that_is_not_a_certificate_is_refused()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var app = await graph.Applications.PostAsync(new Application { DisplayName = "Broken key" });

        var error = await Assert.ThrowsAsync<ODataError>(() => graph.Applications[app!.Id].PatchAsync(new Application
        {
            KeyCredentials = [new KeyCredential { Type = "AsymmetricX509Cert", Usage = "Verify", Key = [1, 2, 3] }],
        }));

        Assert.Equal(400, error.ResponseStatusCode);
        Assert.Equal("Request_BadRequest", error.Error!.Code);
        Assert.Empty(host.Tenant.Read(s => s.Applications.Single(a => a.Id == app!.Id).KeyCredentials));
    }

    [Fact]
    public async Task Deleting_the_application_deletes_its_service_principal_and_consents()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var app = await graph.Applications.PostAsync(new Application { DisplayName = "Short lived" });
        var sp = await graph.ServicePrincipals.PostAsync(new ServicePrincipal { AppId = app!.AppId });
        var exchange = await graph.ServicePrincipalsWithAppId(ExchangeAppId.ToString()).GetAsync();
        await graph.ServicePrincipals[exchange!.Id].AppRoleAssignedTo.PostAsync(new AppRoleAssignment
        {
            PrincipalId = Guid.Parse(sp!.Id!), ResourceId = Guid.Parse(exchange.Id!), AppRoleId = ImapAccessAsApp,
        });

        await graph.Applications[app.Id].DeleteAsync();

        var error = await Assert.ThrowsAsync<ODataError>(() => graph.ServicePrincipals[sp.Id].GetAsync());
        Assert.Equal("Request_ResourceNotFound", error.Error!.Code);
        Assert.DoesNotContain((await graph.ServicePrincipals[exchange.Id].AppRoleAssignedTo.GetAsync())!.Value!,
            a => a.PrincipalId.ToString() == sp.Id);
        Assert.DoesNotContain(host.Tenant.Read(s => s.Applications.ToList()), a => a.Id == app.Id);
    }

    [Fact]
    public async Task Unknown_application_is_Graphs_not_found_and_a_bad_id_is_a_bad_request()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);
        var missing = Guid.NewGuid().ToString();

        var notFound = await Assert.ThrowsAsync<ODataError>(() => graph.Applications[missing].GetAsync());
        Assert.Equal(404, notFound.ResponseStatusCode);
        Assert.Equal("Request_ResourceNotFound", notFound.Error!.Code);
        Assert.Equal($"Resource '{missing}' does not exist or one of its queried reference-property objects are not present.",
            notFound.Error.Message);
        Assert.False(string.IsNullOrEmpty(notFound.Error.InnerError!.RequestId));
        Assert.False(string.IsNullOrEmpty(notFound.Error.InnerError.ClientRequestId));

        var badId = await Assert.ThrowsAsync<ODataError>(() => graph.Applications["not-a-guid"].GetAsync());
        Assert.Equal(400, badId.ResponseStatusCode);
        Assert.Equal("Invalid object identifier 'not-a-guid'.", badId.Error!.Message);
    }

    [Fact]
    public async Task Application_without_a_displayName_is_refused()
    {
        await using var host = Sandboxes.InMemory();
        var error =
            await Assert.ThrowsAsync<ODataError>(
                () => Sandboxes.Graph(host).Applications.PostAsync(new Application { SignInAudience = "AzureADMyOrg" }));
        Assert.Equal("Invalid value specified for property 'displayName' of resource 'Application'.", error.Error!.Message);
    }
}
