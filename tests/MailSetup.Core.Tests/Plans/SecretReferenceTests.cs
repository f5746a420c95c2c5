using System.Text.Json;
using MailSetup.Core.Plans;
using MailSetup.Core.Plans.Rendering;
using MailSetup.Testing;

namespace MailSetup.Core.Tests.Plans;

/// <summary>The new secret's value is a reference marked secret, and no format asks for it to be written down.</summary>
public sealed class SecretReferenceTests
{
    private static readonly Plan Plan = TestPlans.Build(PlanCases.All["imap-app"]);

    [Fact]
    public void The_secret_value_reference_is_marked_secret_in_json()
    {
        using var json = JsonDocument.Parse(new JsonPlanRenderer().Render(Plan));
        var secret = json.RootElement.GetProperty("references").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "{secret.value}");
        Assert.True(secret.GetProperty("secret").GetBoolean());
        Assert.False(json.RootElement.GetProperty("references").EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == "{app.appId}").GetProperty("secret").GetBoolean());
    }

    [Fact]
    public void The_http_file_defines_no_variable_holding_the_secret()
    {
        var http = new HttpPlanRenderer().Render(Plan);
        Assert.DoesNotContain("@secret_value", http);
        Assert.DoesNotContain("secretText", http);
        Assert.Contains("@secret_keyId = {{add_secret.response.body.$.keyId}}", http);
    }

    [Fact]
    public void No_step_consumes_the_secret_value()
    {
        Assert.DoesNotContain(Plan.Steps.SelectMany(s => s.Consumes), r => r.Secret);
    }
}
