using MailSetup.Core.Exchange;

namespace MailSetup.Core.Plans.Rendering;

/// <summary>
/// An Exchange step as its cmdlet with the plan's parameters. Create cmdlets are first checked with
/// their Get- cmdlet (the step's probe); checks print what they find and a
/// failed check only warns, since the setup itself is done by then.
/// </summary>
internal sealed class PowerShellExchangeStepWriter(PowerShellScriptBuilder script, PowerShellVariables variables)
{
    /// <summary>What a check shows: the properties its step's Why talks about.</summary>
    private static readonly IReadOnlyDictionary<string, string> CheckViews = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Get-CASMailbox"] = "Format-List Identity, ImapEnabled, PopEnabled, SmtpClientAuthenticationDisabled",
        ["Get-TransportConfig"] = "Format-List SmtpClientAuthenticationDisabled",
        ["Test-ServicePrincipalAuthorization"] = "Format-Table -AutoSize",
        ["Get-MailboxPermission"] = "Format-Table -AutoSize Identity, User, AccessRights",
        ["Get-RecipientPermission"] = "Format-Table -AutoSize Identity, Trustee, AccessRights",
    };

    public void Write(ExchangeStep step, PowerShellStepLabel label)
    {
        switch (step.Action)
        {
            case StepAction.Connect:
                script.Line(Call(step.Cmdlet));
                script.Line(label.Status(label.Done));
                break;
            case StepAction.Verify:
                WriteCheck(step, label);
                break;
            case StepAction.Read:
                script.Line($"{(step.Captures.Count > 0 ? "$result" : "$null")} = {Call(step.Cmdlet, stopOnError: true)}");
                script.Line(label.Status(label.Done));
                break;
            default:
                WriteChange(step, label);
                break;
        }
        PowerShellCaptureWriter.Write(script, variables, label, "$result", step.Captures);
    }

    private void WriteCheck(ExchangeStep step, PowerShellStepLabel label)
    {
        var view = CheckViews.GetValueOrDefault(step.Cmdlet.Name, "Format-List");
        script.Open("try {");
        script.Line($"{Call(step.Cmdlet, stopOnError: true)} | {view} | Out-Host");
        script.Line(label.Status(label.Done));
        script.Continue("} catch {");
        script.Line("Write-Warning " + new PowerShellString().Text($"[{label.Position}] could not check ({label.Step.Title}): ").Variable("$_"));
        script.Close();
    }

    private void WriteChange(ExchangeStep step, PowerShellStepLabel label)
    {
        var assignTo = step.Captures.Count > 0 ? "$result" : "$null";
        var change = $"{assignTo} = Invoke-WithRetry {{ {Call(step.Cmdlet, stopOnError: true)} }}";
        var probe = Probe(step.Probe);
        if (probe is null)
        {
            script.Line(change);
            script.Line(label.Status(label.Done));
            return;
        }
        script.Line($"$result = Find-ExchangeObject {{ {probe} }}");
        script.Open("if ($null -ne $result) {");
        script.Line(label.Status("unchanged"));
        script.Continue("} else {");
        script.Line(change);
        script.Line(label.Status(label.Done));
        script.Close();
    }

    /// <summary>The step's probe as a Get- pipeline filtered on the answer's properties, or null when it has none.</summary>
    private string? Probe(ExchangeProbe? probe)
    {
        if (probe is null) return null;
        var pipeline = Call(probe.Query, stopOnError: true);
        if (probe.Filters.Count == 0) return pipeline;
        var conditions = probe.Filters.Select(f =>
        {
            var actual = $"\"$($_{PowerShellQuoting.Member(f.Property)})\"";
            var wanted = variables.Expression(f.Value);
            return f.Comparison == ProbeComparison.Contains
                ? $"{actual}.Contains({wanted}, [System.StringComparison]::OrdinalIgnoreCase)"
                : $"{actual} -eq {wanted}";
        });
        return pipeline + " | Where-Object { " + string.Join(" -and ", conditions.Select(c => probe.Filters.Count > 1 ? $"({c})" : c)) + " }";
    }

    /// <summary>
    /// The cmdlet with its parameters in the plan's order: a switch as <c>-Device</c>, a flag as
    /// <c>-Confirm:$false</c>, text as a literal or with its references as variables.
    /// <c>-ErrorAction Stop</c> is added because the module's cmdlets are functions that do not see
    /// the script's <c>$ErrorActionPreference</c>.
    /// </summary>
    private string Call(Cmdlet cmdlet, bool stopOnError = false)
    {
        var parts = new List<string> { cmdlet.Name };
        foreach (var parameter in cmdlet.Parameters)
        {
            parts.Add(parameter.Value switch
            {
                null => "-" + parameter.Name,
                bool flag => $"-{parameter.Name}:{(flag ? "$true" : "$false")}",
                string text => $"-{parameter.Name} {variables.Expression(text)}",
                var other =>
                    throw new NotSupportedException(
                        $"cmdlet {cmdlet.Name} parameter -{parameter.Name} has a {other.GetType().Name} value; expected text, a flag or a switch."),
            });
        }
        if (stopOnError) parts.Add("-ErrorAction Stop");
        return string.Join(' ', parts);
    }
}
