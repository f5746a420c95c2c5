using MailSetup.Core.Catalog;
using MailSetup.Core.Plans;
using MailSetup.Testing;
using Microsoft.Graph.Models;

namespace MailSetup.Sandbox.Tests.Execution;

/// <summary>
/// Adopting an app made elsewhere (by its client id): the first apply adds what the presets need beside what the app has, and a
/// second apply of the same plan changes nothing, for every preset.
/// </summary>
public sealed class AdoptionTests
{
    private static readonly Guid UserRead = PermissionCatalog.Get("User.Read", kind: PermissionKind.Delegated).Id;

    public static TheoryData<string> Presets() => new(PresetCatalog.Names);

    [Theory]
    [MemberData(nameof(Presets))]
    public async Task Adopting_an_app_twice_changes_nothing_the_second_time_and_keeps_what_it_had(string preset)
    {
        await using var run = new SandboxRun();
        // Made in the portal: the delegated User.Read the portal adds by default, and nothing else.
        var portal = await run.Clients.Graph.Applications.PostAsync(new Application
        {
            DisplayName = "Made in the portal",
            RequiredResourceAccess =
            [
                new RequiredResourceAccess
                {
                    ResourceAppId = ApiResource.MicrosoftGraph.AppId,
                    ResourceAccess = [new ResourceAccess { Id = UserRead, Type = "Scope" }],
                },
            ],
        });
        var input = new SetupRequestInput { Presets = preset, AppId = portal!.AppId, Mailboxes = [PlanCases.Support] };

        var first = await run.ApplyAsync(run.Plan(input));
        var second = await run.ApplyAsync(run.Plan(input));

        Assert.True(first.Succeeded, PlanRunnerTests.Describe(first));
        Assert.True(second.Succeeded, PlanRunnerTests.Describe(second));
        Assert.True(second.Changed == 0, PlanRunnerTests.Describe(second));
        var access = run.Tenant.Read(s => s.Applications.Single(a => a.AppId == portal.AppId).RequiredResourceAccess);
        Assert.Equal(access.Count, access.Select(r => r.ResourceAppId).Distinct().Count());
        Assert.Contains(access.SelectMany(r => r.ResourceAccess), a => a.Type == "Scope" && a.Id == UserRead.ToString());
    }
}
