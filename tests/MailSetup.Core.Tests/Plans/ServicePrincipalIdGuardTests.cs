using System.Text.Json;
using MailSetup.Core.Exchange;
using MailSetup.Core.Plans;
using MailSetup.Testing;

namespace MailSetup.Core.Tests.Plans;

/// <summary>
/// The most common setup mistake is passing the app registration's object id ({app.id}) where the
/// enterprise app's ({sp.id}) belongs. No step of any plan may do that. Mailbox permissions name the app by the identity
/// Exchange returned for that registration ({exo.sp.identity}), as Microsoft's OAuth page does.
/// </summary>
public sealed class ServicePrincipalIdGuardTests
{
    private static readonly string AppObjectId = References.AppObjectId.Placeholder;
    private static readonly string SpId = References.ServicePrincipalId.Placeholder;
    private static readonly string ExoIdentity = References.ExchangeAppIdentity.Placeholder;

    /// <summary>Cmdlet parameters that name the app's service principal by its object id.</summary>
    private static readonly Dictionary<string, string[]> SpParameters = new()
    {
        ["New-ServicePrincipal"] = ["ObjectId"],
        ["New-ManagementRoleAssignment"] = ["App"],
        ["Test-ServicePrincipalAuthorization"] = ["Identity"],
    };

    /// <summary>Cmdlet parameters that name the trustee of a mailbox permission.</summary>
    private static readonly Dictionary<string, string> TrusteeParameters = new()
    {
        ["Add-MailboxPermission"] = "User",
        ["Add-RecipientPermission"] = "Trustee",
    };

    /// <summary>Graph body properties that hold the app's service principal id.</summary>
    private static readonly string[] SpBodyProperties = ["principalId", "clientId"];

    public static IEnumerable<string> Violations(Plan plan)
    {
        foreach (var step in plan.Steps)
        {
            switch (step)
            {
                case ExchangeStep exchange:
                    foreach (var parameter in exchange.Cmdlet.Parameters)
                    {
                        var value = parameter.Value as string ?? "";
                        if (value.Contains(AppObjectId))
                            yield return $"{step.Key}: -{parameter.Name} uses {AppObjectId}";
                        if (SpParameters.TryGetValue(exchange.Cmdlet.Name, out var names) && names.Contains(parameter.Name) && value != SpId)
                            yield return $"{step.Key}: -{parameter.Name} is '{value}', expected {SpId}";
                        if (TrusteeParameters.TryGetValue(exchange.Cmdlet.Name, out var trustee) && trustee == parameter.Name && value != ExoIdentity)
                            yield return $"{step.Key}: -{parameter.Name} is '{value}', expected {ExoIdentity}";
                    }
                    break;
                case GraphStep graph:
                    var path = new Uri(graph.Preview.Url).AbsolutePath;
                    if (path.Contains(AppObjectId) && !path.Contains("/applications/" + AppObjectId))
                        yield return $"{step.Key}: {AppObjectId} in {path} outside /applications/";
                    if (graph.Preview.Body is { } body)
                    {
                        using var document = JsonDocument.Parse(body);
                        foreach (var property in SpBodyProperties)
                        {
                            if (document.RootElement.TryGetProperty(property, out var id) && id.GetString() != SpId)
                                yield return $"{step.Key}: body {property} is '{id.GetString()}', expected {SpId}";
                        }
                        if (body.Contains(AppObjectId)) yield return $"{step.Key}: body holds {AppObjectId}";
                    }
                    break;
            }
        }
    }

    public static TheoryData<string> Cases() => new(PlanCases.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void No_step_uses_the_app_registration_object_id_where_the_service_principal_belongs(string caseName)
    {
        var plan = TestPlans.Build(PlanCases.All[caseName]);
        Assert.Empty(Violations(plan));
    }

    [Fact]
    public void The_guard_catches_a_plan_that_registers_the_app_with_its_registration_object_id()
    {
        var plan = TestPlans.Build(PlanCases.All["imap-app"]);
        var broken = plan with
        {
            Steps = plan.Steps.Select(s => s is ExchangeStep { Cmdlet.Name: "New-ServicePrincipal" } e
                ? e with { Cmdlet =
                    Cmdlet.Create("New-ServicePrincipal", CmdletParameter.Text("AppId", "{app.appId}"),
                        CmdletParameter.Text("ObjectId", AppObjectId)) }
                : s).ToList(),
        };
        Assert.Contains(Violations(broken), v => v.StartsWith("register-exchange-sp", StringComparison.Ordinal));
    }

    [Fact]
    public void The_guard_catches_consent_granted_to_the_app_registration()
    {
        var plan = TestPlans.Build(PlanCases.All["imap-app"]);
        var consent = plan.Steps.OfType<GraphStep>().Single(s => s.Key == "consent-exo-IMAP.AccessAsApp");
        var broken = plan with
        {
            Steps = plan.Steps.Select(s => s == consent
                ? consent with { Preview =
                    consent.Preview with { Body =
                        consent.Preview.Body!.Replace($"\"principalId\": \"{SpId}\"", $"\"principalId\": \"{AppObjectId}\"") } }
                : s).ToList(),
        };
        Assert.Contains(Violations(broken), v => v.Contains("principalId"));
    }
}
