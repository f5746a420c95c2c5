using System.Text.Json;
using Azure.Core;
using MailSetup.Core.Execution;
using MailSetup.Core.Plans;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Execution;

/// <summary>
/// A plan applied to an in-memory sandbox through the production wiring (<see cref="TenantClients"/>
/// over the sandbox's handler), with fast retries, a secret sink that keeps what it got, and
/// certificates made in a temporary folder.
/// </summary>
public sealed class SandboxRun : IAsyncDisposable
{
    /// <param name="clock">The tenant's clock (token lifetimes, secret dates); the system clock unless a test moves time.</param>
    public SandboxRun(SandboxHostOptions? options = null, int mailboxes = 50, TimeProvider? clock = null)
    {
        Tenant = SandboxTenant.CreateSeeded(clock ?? TimeProvider.System, new TenantSeedOptions { UserMailboxes = mailboxes });
        Host = SandboxHost.CreateInMemory(Tenant, options);
        Cloud = MailSetup.Core.Clouds.CloudCatalog.Global;
        // The real cloud's host names: the sandbox comes in only through its handler.
        Clients = new TenantClients(new StaticToken(), Cloud, Tenant.TenantId, Host.CreateHandler(), exchangeExperimental: false);
        Folder = Directory.CreateTempSubdirectory("mailsetup-run-").FullName;
    }

    public SandboxTenant Tenant { get; }
    public SandboxHost Host { get; }
    public MailSetup.Core.Clouds.Cloud Cloud { get; }
    public TenantClients Clients { get; }
    public string Folder { get; }
    public List<string> Secrets { get; } = [];
    public List<StepEvent> Events { get; } = [];

    public static RetryPolicy FastRetries { get; } =
        new() { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(200), RequestTimeout = TimeSpan.FromSeconds(1.5),
            MaxAttempts = 10 };

    public Plan Plan(SetupRequestInput input)
    {
        var request = TestPlans.Request(input);
        return new PlanBuilder(TimeProvider.System).Build(request);
    }

    public PlanRunner Runner(int concurrency = 8, ISecretSink? sink = null) =>
        new(Clients.Graph, Clients.Exchange, new CertificateMaker(Folder, TimeProvider.System), sink ?? new KeepingSink(Secrets), TimeProvider.System,
            FastRetries, concurrency);

    public async Task<ApplyResult> ApplyAsync(Plan plan, RunJournal? journal = null, CancellationToken cancellationToken = default) =>
        await Runner().RunAsync(plan, journal ?? RunJournal.InMemory(), e => { lock (Events) Events.Add(e); }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Clients.Dispose();
        await Host.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    private sealed class KeepingSink(List<string> secrets) : ISecretSink
    {
        public Task DeliverAsync(string credentialName, string secretValue, DateTimeOffset expires, CancellationToken cancellationToken)
        {
            lock (secrets) secrets.Add(secretValue);
            return Task.CompletedTask;
        }
    }

    /// <summary>The in-memory host accepts any bearer token; sign-in has tests of its own.</summary>
    private sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("sandbox-test-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }
}
