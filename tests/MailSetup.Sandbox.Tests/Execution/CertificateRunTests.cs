using System.Security.Cryptography.X509Certificates;
using MailSetup.Core.Execution;
using MailSetup.Core.Plans;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Execution;

/// <summary>--certificate: a key pair per run (two apps never share one); a resumed run goes on with the key its journal made.</summary>
public sealed class CertificateRunTests
{
    private static SetupRequestInput Input(string appName) => PlanCases.All["smtp-app-certificate"] with { AppName = appName };

    private static string Thumbprint(string pemFile)
    {
        using var certificate = X509Certificate2.CreateFromPemFile(pemFile);
        return certificate.Thumbprint;
    }

    private static List<string> AppThumbprints(SandboxRun run, string appName) => run.Tenant.Read(s => s.Applications
        .Where(a => a.DisplayName == appName).SelectMany(a => a.KeyCredentials)
        .Select(k => Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(Convert.FromBase64String(k.Key)))).ToList());

    [Fact]
    public async Task Two_apps_set_up_the_same_day_get_key_pairs_of_their_own()
    {
        await using var run = new SandboxRun();

        Assert.True((await run.ApplyAsync(run.Plan(Input("Relay One")))).Succeeded);
        Assert.True((await run.ApplyAsync(run.Plan(Input("Relay Two")))).Succeeded);

        var files = Directory.GetFiles(run.Folder, "*.pem");
        Assert.Equal(2, files.Length);
        var one = Assert.Single(AppThumbprints(run, "Relay One"));
        var two = Assert.Single(AppThumbprints(run, "Relay Two"));
        Assert.NotEqual(one, two);
        Assert.Equal(files.Select(Thumbprint).Order(), new[] { one, two }.Order());
    }

    [Fact]
    public async Task A_resumed_run_uploads_the_key_its_journal_made()
    {
        await using var run = new SandboxRun();
        var journalPath = Path.Combine(run.Folder, "run.jsonl");
        var plan = run.Plan(Input("Relay One"));
        using (var kill = new CancellationTokenSource())
        {
            var killing = run.Runner(concurrency: 1).RunAsync(plan, RunJournal.Open(journalPath),
                e => { if (e is StepEvent.Finished { Step: LocalStep }) kill.Cancel(); }, kill.Token);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => killing);
        }
        var made = Assert.Single(Directory.GetFiles(run.Folder, "*.pem"));

        var resumed = await run.Runner().RunAsync(run.Plan(Input("Relay One")), RunJournal.Open(journalPath), null, default);

        Assert.True(resumed.Succeeded, PlanRunnerTests.Describe(resumed));
        Assert.Equal(made, Assert.Single(Directory.GetFiles(run.Folder, "*.pem")));
        Assert.Equal(Thumbprint(made), Assert.Single(AppThumbprints(run, "Relay One")));
    }
}
