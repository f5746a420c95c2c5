using System.Text.Json.Nodes;
using MailSetup.Core.Execution;
using MailSetup.Core.Plans;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Execution;

/// <summary>The product's wiring end to end: device-code sign-in to the sandbox, tokens checked, plan applied.</summary>
public sealed class SandboxSessionTests
{
    private static async Task<(ApplyResult Result, List<string> Secrets)> ApplyAsync(SandboxSession session, Plan plan, string folder)
    {
        var secrets = new List<string>();
        var runner = new PlanRunner(session.Clients.Graph, session.Clients.Exchange, new CertificateMaker(folder, TimeProvider.System),
            new ListSink(secrets), TimeProvider.System, SandboxRun.FastRetries);
        return (await runner.RunAsync(plan, RunJournal.InMemory(), null, default), secrets);
    }

    [Fact]
    public async Task Signed_in_by_device_code_the_admin_applies_a_plan_and_a_second_run_changes_nothing()
    {
        var tenant = SandboxTenant.CreateSeeded(TimeProvider.System);
        var lines = new List<string>();
        await using var session = SandboxSession.Open(tenant, line => { lines.Add(line); return Task.CompletedTask; });
        using var folder = new TempFolder();
        var plan = new PlanBuilder(TimeProvider.System).Build(TestPlans.Request(PlanCases.All["imap-smtp-three-mailboxes-send-as"]));

        var (first, secrets) = await ApplyAsync(session, plan, folder.Path);
        Assert.True(first.Succeeded, PlanRunnerTests.Describe(first));
        Assert.Single(secrets);
        // One sign-in serves Graph and Exchange: the second resource's token comes silently.
        Assert.Single(lines, l => l.StartsWith("sandbox sign-in: code ", StringComparison.Ordinal));

        var (second, _) = await ApplyAsync(session, plan, folder.Path);
        Assert.Equal(0, second.Changed);
    }

    [Fact]
    public async Task The_app_set_up_by_a_plan_gets_tokens_with_exactly_its_consented_roles()
    {
        var tenant = SandboxTenant.CreateSeeded(TimeProvider.System);
        await using var session = SandboxSession.Open(tenant);
        using var folder = new TempFolder();
        var plan = new PlanBuilder(TimeProvider.System).Build(TestPlans.Request(PlanCases.All["imap-smtp-three-mailboxes-send-as"]));
        var (result, secrets) = await ApplyAsync(session, plan, folder.Path);
        Assert.True(result.Succeeded, PlanRunnerTests.Describe(result));

        var credential =
            new MailSetup.Core.Identity.SignInCredentialFactory(session.Host.CreateHandler()).Create(new MailSetup.Core.Identity.SignInOptions
        {
            Cloud = SandboxSession.Cloud, Tenant = tenant.TenantId, Kind = MailSetup.Core.Identity.SignInKind.Secret,
            ClientId = result.Values["app.appId"], ClientSecret = Assert.Single(secrets),
        });
        var token = await credential.GetTokenAsync(new Azure.Core.TokenRequestContext([SandboxSession.Cloud.ExchangeDefaultScope]), default);
        var claims = MailSetup.Core.Identity.JwtClaims.Decode(token.Token);

        Assert.Equal(["IMAP.AccessAsApp", "SMTP.SendAsApp"], claims.Roles.Order());
        Assert.Equal(result.Values["app.appId"], claims.AppId);
        Assert.Equal(result.Values["sp.id"], claims.ObjectId);
    }

    [Fact]
    public async Task The_plan_filled_with_real_values_is_request_for_request_what_the_sandbox_received()
    {
        await using var run = new SandboxRun();
        var plan = run.Plan(PlanCases.All["delegated-mail"]);
        var result = await run.ApplyAsync(plan);
        Assert.True(result.Succeeded, PlanRunnerTests.Describe(result));

        // Every change the plan made, as the plan describes it with the run's values filled in...
        var expected = result.Steps
            .Where(s => s.Outcome == StepOutcome.Changed && s.Step is GraphStep)
            .Select(s => (GraphStep)s.Step)
            .Select(
                s =>
                    (s.Preview.Method, Path: new Uri(Templates.Fill(s.Preview.Url, result.Values)).AbsolutePath,
                        Body: Templates.Fill(s.Preview.Body ?? "", result.Values)))
            .ToList();
        // ...and every change that reached Graph (reads and probes are GETs).
        var received = run.Host.Requests.Snapshot()
            .Where(r => r.Method != "GET" && r.Path.StartsWith("/v1.0/", StringComparison.Ordinal))
            .Select(r => (r.Method, r.Path, r.Body))
            .ToList();

        Assert.Equal(expected.Select(e => $"{e.Method} {e.Path}"), received.Select(r => $"{r.Method} {r.Path}"));
        for (var i = 0; i < expected.Count; i++)
            Assert.True(JsonSemantics.Same(JsonNode.Parse(expected[i].Body), JsonNode.Parse(received[i].Body)),
                $"{expected[i].Method} {expected[i].Path}:\n{expected[i].Body}\n---\n{received[i].Body}");
    }

    private sealed class ListSink(List<string> secrets) : ISecretSink
    {
        public Task DeliverAsync(string credentialName, string secretValue, DateTimeOffset expires, CancellationToken cancellationToken)
        {
            secrets.Add(secretValue);
            return Task.CompletedTask;
        }
    }
}
