using MailSetup.Core.Execution;
using MailSetup.Sandbox.State;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Execution;

/// <summary>A re-run with another --scope-group moves the management scope to that group instead of calling it unchanged.</summary>
public sealed class ScopeFollowsRequestTests
{
    private const string OtherGroup = "finance-apps@contoso.onmicrosoft.com";
    private const string OtherDn = "CN=finance-apps,OU=contoso.onmicrosoft.com,OU=Microsoft Exchange Hosted Organizations,DC=NAMPR01A001,DC=PROD";

    [Fact]
    public async Task A_different_scope_group_updates_the_scope_filter_and_a_third_run_changes_nothing()
    {
        await using var run = new SandboxRun(mailboxes: 3);
        run.Tenant.Change(s => s.Groups.Add(new SandboxGroup
        {
            Id = s.NewId(), DisplayName = "Finance apps", Mail = OtherGroup, MailEnabled = true, SecurityEnabled = true,
            DistinguishedName = OtherDn,
        }));
        var first = PlanCases.All["graph-gateway-rbac"];
        var moved = first with { ScopeGroup = OtherGroup };

        var applied = await run.ApplyAsync(run.Plan(first));
        var again = await run.ApplyAsync(run.Plan(moved));
        var third = await run.ApplyAsync(run.Plan(moved));

        Assert.True(applied.Succeeded && again.Succeeded && third.Succeeded, PlanRunnerTests.Describe(again));
        Assert.Equal(StepOutcome.Unchanged, applied.Steps.Single(s => s.Step.Key == "update-management-scope").Outcome);
        Assert.Equal(StepOutcome.Changed, again.Steps.Single(s => s.Step.Key == "update-management-scope").Outcome);
        Assert.Equal(0, third.Changed);
        var scope = Assert.Single(run.Tenant.Read(s => s.Exchange.ManagementScopes.ToList()));
        Assert.Equal($"MemberOfGroup -eq '{OtherDn}'", scope.RecipientRestrictionFilter);
    }
}
