namespace MailSetup.Core.Plans.Rendering;

/// <summary>
/// Writes a plan as one PowerShell 7 script (Microsoft.Graph.Authentication and
/// ExchangeOnlineManagement v3) that an admin can review and run by hand to reach the plan's end
/// state. Create steps are checked first, so a second run changes nothing; references become
/// variables filled at run time, so no value of a secret is ever in the script. The output depends
/// on the plan alone: no clock, no culture, <c>\n</c> line endings.
/// </summary>
public sealed class PowerShellPlanRenderer : IPlanRenderer
{
    /// <summary>What the admin signs in to Graph with: create apps, grant application and delegated consent.</summary>
    private static readonly string[] GraphScopes =
        ["Application.ReadWrite.All", "AppRoleAssignment.ReadWrite.All", "DelegatedPermissionGrant.ReadWrite.All"];

    public string Format => "powershell";

    public string Render(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var script = new PowerShellScriptBuilder();
        var variables = new PowerShellVariables(plan);
        var graphSteps = plan.Steps.OfType<GraphStep>().ToList();
        var exchangeSteps = plan.Steps.OfType<ExchangeStep>().ToList();
        var hasSecret = plan.References.Any(r => r.Secret);
        var makesCertificate = plan.Steps.OfType<LocalStep>().Any(s => s.Work == LocalAction.GenerateCertificate);

        PowerShellHeaderWriter.Write(script, plan);
        script.Line();
        WriteParameters(script, hasSecret);
        script.Line("$ErrorActionPreference = 'Stop'");
        if (hasSecret)
        {
            var secretFile = "$" + PowerShellCaptureWriter.SecretFileParameter;
            script.Line(
                $"if ({secretFile} -and (Test-Path -LiteralPath {secretFile})) {{ throw \"{secretFile} exists already: name a new file, " +
                $"so that no secret is overwritten.\" }}");
        }
        script.Line();

        if (graphSteps.Count > 0 || exchangeSteps.Any(s => s.Action is StepAction.Create or StepAction.Change))
            PowerShellHelperFunctions.Write(script, PowerShellHelperFunctions.InvokeWithRetry);
        if (graphSteps.Any(s => s.Probe is not null))
            PowerShellHelperFunctions.Write(script, PowerShellHelperFunctions.FindGraphItem);
        if (exchangeSteps.Any(s => s.Probe is not null))
            PowerShellHelperFunctions.Write(script, PowerShellHelperFunctions.FindExchangeObject);
        if (hasSecret || makesCertificate)
            PowerShellHelperFunctions.Write(script, PowerShellHelperFunctions.WritePrivateFile);
        if (graphSteps.Any(s => s.MergedLists.Count > 0))
            PowerShellHelperFunctions.Write(script, PowerShellHelperFunctions.MergeAppLists);
        if (graphSteps.Any(PowerShellGraphStepWriter.IsChange))
            PowerShellHelperFunctions.Write(script, PowerShellHelperFunctions.TestBodyApplied);

        if (makesCertificate)
        {
            script.Comment("The private key file goes next to this script (or the current folder when pasted).");
            script.Line("$scriptFolder = if ($PSScriptRoot) { $PSScriptRoot } else { (Get-Location).Path }");
        }
        if (graphSteps.Count > 0) WriteGraphSignIn(script, plan);
        if (variables.UsesPermissionTable)
        {
            script.Comment("The tenant's permission ids by reference name, read from each API's service principal.");
            script.Line($"${PowerShellVariables.PermissionTable} = @{{}}");
        }
        script.Line();

        WriteSteps(script, plan, variables);
        PowerShellSummaryWriter.Write(script, plan, variables, signedInToGraph: graphSteps.Count > 0);
        return script.ToString();
    }

    private static void WriteParameters(PowerShellScriptBuilder script, bool hasSecret)
    {
        script.Line("[CmdletBinding()]");
        if (!hasSecret)
        {
            script.Line("param()");
            return;
        }
        script.Open("param(");
        script.Comment("Write the new client secret's value to this new file (readable only by you) instead of the screen.");
        script.Line($"[string] ${PowerShellCaptureWriter.SecretFileParameter}");
        script.Close(")");
    }

    private static void WriteGraphSignIn(PowerShellScriptBuilder script, Plan plan)
    {
        script.Comment(
            "Sign in to Microsoft Graph with a code, so no browser is needed on this machine. The token stays in this PowerShell process " +
            "(-ContextScope Process), not on disk.");
        var scopes = string.Join(", ", GraphScopes.Select(PowerShellQuoting.SingleQuoted));
        script.Line(
            $"Connect-MgGraph -UseDeviceCode -Scopes {scopes} -Environment {GraphEnvironment(plan.Request.Cloud.Name)} -ContextScope Process " +
            $"-NoWelcome");
        script.Line("$tenantId = (Get-MgContext).TenantId");
    }

    /// <summary>The Graph PowerShell environment names of the clouds.</summary>
    private static string GraphEnvironment(Clouds.CloudName cloud) => cloud switch
    {
        Clouds.CloudName.Global => "Global",
        Clouds.CloudName.UsGovHigh => "USGov",
        Clouds.CloudName.UsGovDod => "USGovDoD",
        Clouds.CloudName.China => "China",
        _ => throw new NotSupportedException($"cloud {cloud} has no Graph PowerShell environment name."),
    };

    private static void WriteSteps(PowerShellScriptBuilder script, Plan plan, PowerShellVariables variables)
    {
        var graph = new PowerShellGraphStepWriter(script, variables);
        var exchange = new PowerShellExchangeStepWriter(script, variables);
        var local = new PowerShellLocalStepWriter(script, variables);
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var label = new PowerShellStepLabel(i + 1, plan.Steps.Count, plan.Steps[i]);
            label.WriteHeader(script);
            switch (plan.Steps[i])
            {
                case GraphStep step:
                    graph.Write(step, label);
                    break;
                case ExchangeStep step:
                    exchange.Write(step, label);
                    break;
                case LocalStep step:
                    local.Write(step, label);
                    break;
                default:
                    throw new NotSupportedException(
                        $"step '{plan.Steps[i].Key}' is a {plan.Steps[i].GetType().Name}, which the PowerShell renderer does not know.");
            }
            variables.Produced(plan.Steps[i].Produces);
            script.Line();
        }
    }
}
