using System.Text.RegularExpressions;
using MailSetup.Core.Execution;
using MailSetup.Core.Plans;
using MailSetup.Sandbox.Faults;
using MailSetup.Sandbox.State;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Execution;

/// <summary>
/// Every fault kind, injected on the request of every step: the run retries what it must, converges to
/// the tenant the plan describes, journals each step once and makes nothing twice.
/// </summary>
public sealed class FaultConvergenceTests
{
    private static readonly SetupRequestInput Input = PlanCases.All["imap-smtp-three-mailboxes-send-as"];
    private const string Support = "support@contoso.onmicrosoft.com";
    private const string Sales = "sales@contoso.onmicrosoft.com";
    private const string NoReply = "noreply@contoso.onmicrosoft.com";

    /// <summary>What the plan sets up, as <see cref="Setup"/> describes it, whatever went wrong on the way.</summary>
    private static readonly string[] ExpectedSetup =
    [
        "app 'Contoso Mail Relay' (AzureADMyOrg), 1 app registration(s)",
        "app permission Office 365 Exchange Online IMAP.AccessAsApp (Role)",
        "app permission Office 365 Exchange Online SMTP.SendAsApp (Role)",
        "client secret 'mailsetup <date of the run>'",
        "consent Office 365 Exchange Online IMAP.AccessAsApp for the enterprise app",
        "consent Office 365 Exchange Online SMTP.SendAsApp for the enterprise app",
        "enterprise app, 1 service principal(s)",
        "exchange service principal for the app's client id and the enterprise app's object id",
        $"FullAccess on {NoReply} for the enterprise app",
        $"FullAccess on {Sales} for the enterprise app",
        $"FullAccess on {Support} for the enterprise app",
        $"SendAs on {NoReply} for the enterprise app",
        $"SendAs on {Sales} for the enterprise app",
        $"SendAs on {Support} for the enterprise app",
    ];

    public static TheoryData<string, int> FaultsAndSteps()
    {
        var data = new TheoryData<string, int>();
        var steps = TestPlans.Build(Input).Steps.Count;
        foreach (var kind in new[] { "429", "503", "latency", "timeout", "reset" })
            for (var step = 1; step <= steps; step++) data.Add(kind, step);
        return data;
    }

    [Theory]
    [MemberData(nameof(FaultsAndSteps))]
    public async Task A_fault_on_any_step_is_absorbed_and_nothing_is_duplicated(string kind, int stepNumber)
    {
        await using var run = new SandboxRun();
        var plan = run.Plan(Input);
        var step = plan.Steps[stepNumber - 1];
        var journal = RunJournal.InMemory();

        if (Match(step) is not { } match)
        {
            // Connect-ExchangeOnline sends nothing in the admin API runner: a fault armed only while it
            // runs meets no request, and the run goes on as if there were none.
            SandboxFaultRule? armed = null;
            var result = await run.Runner().RunAsync(plan, journal, e =>
            {
                lock (run.Events) run.Events.Add(e);
                if (e.Number != stepNumber) return;
                if (e is StepEvent.Started) armed = run.Host.Faults.Add(FaultMatch.Any, Fault(kind), FaultOccurrences.Next(1));
                if (e is StepEvent.Finished) run.Host.Faults.Remove(armed!);
            }, default);

            Assert.True(result.Succeeded, PlanRunnerTests.Describe(result));
            Assert.NotNull(armed);
            Assert.Equal(0, armed.Matched);
            Assert.Equal(StepOutcome.Read, result.Steps[stepNumber - 1].Outcome);
            await AssertConvergedAsync(run, plan, journal, retried: null);
            return;
        }

        var fault = run.Host.Faults.Add(match, Fault(kind), FaultOccurrences.Next(1));

        var applied = await run.Runner().RunAsync(plan, journal, e => { lock (run.Events) run.Events.Add(e); }, default);

        Assert.True(applied.Succeeded, PlanRunnerTests.Describe(applied));
        Assert.Equal(1, fault.Fired);
        var notChecked = applied.Steps.Where(s => s.Detail?.StartsWith("could not check: ", StringComparison.Ordinal) == true).ToList();
        if (kind == "latency")
        {
            // 300 ms more is within the request timeout: nothing to retry.
            Assert.Empty(notChecked);
            await AssertConvergedAsync(run, plan, journal, retried: null);
        }
        else if (step is ExchangeStep { Action: StepAction.Verify } && kind is "429" or "503" && !ProbedBefore(plan, match))
        {
            // A check Exchange throttles or cannot serve is not retried: it is reported as not made
            // (on whichever step of the same cmdlet met the fault), and the setup stands.
            var notMade = Assert.Single(notChecked);
            Assert.Equal(match.ToString(), Match(notMade.Step)?.ToString());
            Assert.Contains(((ExchangeStep)notMade.Step).Cmdlet.Name, notMade.Detail);
            await AssertConvergedAsync(run, plan, journal, retried: null);
        }
        else
        {
            Assert.Empty(notChecked);
            await AssertConvergedAsync(run, plan, journal, (match, RetryReason(kind, step)));
        }
    }

    [Fact]
    public async Task Replication_delay_after_every_create_is_waited_out()
    {
        await using var run = new SandboxRun();
        run.Host.Faults.Add(FaultMatch.Any, SandboxFault.ReplicationDelay(TimeSpan.FromMilliseconds(400)), FaultOccurrences.Every);

        var result = await run.ApplyAsync(run.Plan(Input));

        Assert.True(result.Succeeded, PlanRunnerTests.Describe(result));
        Assert.Contains(run.Events, e => e is StepEvent.Retrying r && r.Reason.Contains("replication"));
        Assert.Empty(TenantDuplicates.Find(run.Tenant));
        Assert.Equal(ExpectedSetup.Order(StringComparer.Ordinal), Setup(run.Tenant));
    }

    /// <summary>
    /// The run's end state: the tenant the plan describes, each step journaled once and none failed,
    /// exactly the one retry the fault called for (on a step that sends the faulted request, for the
    /// fault's reason) or none, nothing made twice, and a second run that changes nothing.
    /// </summary>
    private static async Task AssertConvergedAsync(SandboxRun run, Plan plan, RunJournal journal, (FaultMatch Match, string Reason)? retried)
    {
        Assert.Equal(ExpectedSetup.Order(StringComparer.Ordinal), Setup(run.Tenant));
        // Step records only: a new secret's own records (its keyId, before the value went anywhere) come besides its step's.
        Assert.Equal(plan.Steps.Select(s => s.Key).Order(StringComparer.Ordinal),
            journal.Entries.Where(e => e.Secret is null).Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(journal.Entries, e => e.Outcome == nameof(StepOutcome.Failed));

        var retries = run.Events.OfType<StepEvent.Retrying>().ToList();
        if (retried is { } expected)
        {
            var retry = Assert.Single(retries);
            Assert.Contains(expected.Match.ToString(), Sends(plan.Steps[retry.Number - 1]));
            Assert.Contains(expected.Reason, retry.Reason);
        }
        else
        {
            Assert.Empty(retries);
        }

        Assert.Empty(TenantDuplicates.Find(run.Tenant));
        var again = await run.ApplyAsync(run.Plan(Input));
        Assert.True(again.Succeeded, PlanRunnerTests.Describe(again));
        Assert.Equal(0, again.Changed);
    }

    /// <summary>The app's setup in the tenant, with ids resolved to names, sorted.</summary>
    private static List<string> Setup(SandboxTenant tenant) => tenant.Read(s =>
    {
        var lines = new List<string>();
        var apps = s.Applications.Where(a => a.DisplayName == Input.AppName).ToList();
        var app = apps.FirstOrDefault();
        if (app is null) return lines;
        lines.Add($"app '{app.DisplayName}' ({app.SignInAudience}), {apps.Count} app registration(s)");
        string Resource(string appId) => s.ServicePrincipals.FirstOrDefault(p => p.AppId == appId)?.DisplayName ?? appId;
        string Role(string resourceAppId, string roleId) =>
            s.ServicePrincipals.FirstOrDefault(p => p.AppId == resourceAppId)?.AppRoles.FirstOrDefault(r => r.Id == roleId)?.Value ?? roleId;
        foreach (var required in app.RequiredResourceAccess)
            foreach (var access in required.ResourceAccess)
                lines.Add($"app permission {Resource(required.ResourceAppId)} {Role(required.ResourceAppId, access.Id)} ({access.Type})");
        lines.AddRange(
            app.PasswordCredentials.Select(
                p => $"client secret '{Regex.Replace(p.DisplayName ?? "", @"^mailsetup \d{4}-\d{2}-\d{2}$", "mailsetup <date of the run>")}'"));

        var principals = s.ServicePrincipals.Where(p => p.AppId == app.AppId).ToList();
        if (principals.FirstOrDefault() is not { } enterprise) return Sorted(lines);
        lines.Add($"enterprise app, {principals.Count} service principal(s)");
        foreach (var assignment in s.AppRoleAssignments.Where(a => a.PrincipalId == enterprise.Id))
        {
            var resource = s.ServicePrincipals.First(p => p.Id == assignment.ResourceId);
            lines.Add($"consent {resource.DisplayName} {Role(resource.AppId, assignment.AppRoleId)} for the enterprise app");
        }

        foreach (var exchange in s.Exchange.ServicePrincipals.Where(p => p.AppId == app.AppId))
            lines.Add(exchange.ObjectId == enterprise.Id
                ? "exchange service principal for the app's client id and the enterprise app's object id"
                : $"exchange service principal for the app's client id and object id {exchange.ObjectId}");
        // Granted to anyone else (the app registration's object id, say) they would be missing here.
        lines.AddRange(s.Exchange.MailboxPermissions.Where(p => p.User == enterprise.Id)
            .Select(p => $"{string.Join(",", p.AccessRights)} on {p.Identity} for the enterprise app"));
        lines.AddRange(s.Exchange.RecipientPermissions.Where(p => p.Trustee == enterprise.Id)
            .Select(p => $"{string.Join(",", p.AccessRights)} on {p.Identity} for the enterprise app"));
        return Sorted(lines);

        static List<string> Sorted(List<string> lines) => [.. lines.Order(StringComparer.Ordinal)];
    });

    private static SandboxFault Fault(string kind) => kind switch
    {
        "429" => SandboxFault.TooManyRequests(1),
        "503" => SandboxFault.ServiceUnavailable(0),
        "latency" => SandboxFault.Latency(TimeSpan.FromMilliseconds(300)),
        "timeout" => SandboxFault.Timeout(TimeSpan.FromSeconds(10)),
        "reset" => SandboxFault.ConnectionReset(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>What the runner says when it retries after the fault.</summary>
    private static string RetryReason(string kind, PlanStep step) => kind switch
    {
        "429" => "answered 429",
        "503" => "answered 503",
        // Measured on the in-memory host: a Graph request the runner gave up on surfaces as a failed connection, not a timeout.
        "timeout" => step is GraphStep ? "the connection failed" : "the request timed out",
        "reset" => "the connection failed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// Whether a change step probes with the faulted cmdlet (Get-CASMailbox before Set-CASMailbox): it sends it before the
    /// checks do, so it meets the fault and retries.
    /// </summary>
    private static bool ProbedBefore(Plan plan, FaultMatch match) =>
        plan.Steps.Any(s => s is ExchangeStep { Probe: { } probe } && FaultMatch.Cmdlet(probe.Query.Name).ToString() == match.ToString());

    /// <summary>The requests a step sends that a fault can match: its own, and for an Exchange step its probe's.</summary>
    private static IReadOnlyList<string> Sends(PlanStep step) => step is ExchangeStep { Probe: { } probe }
        ? [Match(step)!.ToString(), FaultMatch.Cmdlet(probe.Query.Name).ToString()]
        : [Match(step)?.ToString() ?? ""];

    /// <summary>The step's own request: its Graph method and path (references as wildcards), or its cmdlet.</summary>
    private static FaultMatch? Match(PlanStep step) => step switch
    {
        GraphStep graph => FaultMatch.PathPattern(graph.Preview.Method,
            "^" +
                Regex.Replace(Regex.Escape(new Uri(graph.Preview.Url.Replace("{", "%7B").Replace("}", "%7D")).AbsolutePath), "%7B[^/]*?%7D",
                    "[^/]+") + "$"),
        ExchangeStep { Action: StepAction.Connect } => null,
        ExchangeStep exchange => FaultMatch.Cmdlet(exchange.Cmdlet.Name),
        _ => null,
    };
}
