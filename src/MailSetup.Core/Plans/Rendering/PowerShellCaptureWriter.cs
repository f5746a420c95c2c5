namespace MailSetup.Core.Plans.Rendering;

/// <summary>
/// Assigns references from a step's answer. A value that is missing stops the script where it
/// happens, rather than as a request with an empty id later; a secret is shown once, or written to
/// the <c>-SecretFile</c>, and never again.
/// </summary>
internal static class PowerShellCaptureWriter
{
    public const string SecretFileParameter = "SecretFile";

    public static void Write(PowerShellScriptBuilder script, PowerShellVariables variables, PowerShellStepLabel label, string root,
        IReadOnlyList<ValueCapture> captures)
    {
        foreach (var capture in captures)
        {
            var target = variables.For(capture.Target);
            var value = PowerShellCapturePath.Expression(root, capture.Path);
            if (capture.Fallback is not null) value += " ?? " + PowerShellQuoting.SingleQuoted(capture.Fallback);
            script.Line($"{target} = {value}");
            if (capture.Fallback is null && !capture.Target.Secret)
                script.Line($"if (-not {target}) {{ {label.Failure($"the answer has no '{capture.Path}'.")} }}");
        }
        foreach (var secret in captures.Where(c => c.Target.Secret))
            WriteSecretOnce(script, variables.For(secret.Target), secret.Target);
    }

    private static void WriteSecretOnce(PowerShellScriptBuilder script, string variable, Reference reference)
    {
        // "the new client secret's value, shown once" reads "The new client secret's value".
        var description = reference.Description.Split(',')[0];
        var label = char.ToUpperInvariant(description[0]) + description[1..];
        script.Open($"if ({variable}) {{");
        script.Open($"if (${SecretFileParameter}) {{");
        script.Line($"Write-PrivateFile -Path ${SecretFileParameter} -Bytes ([System.Text.Encoding]::UTF8.GetBytes({variable}))");
        script.Line("Write-Host " + new PowerShellString()
            .Text(label + ": written to ").Variable("$" + SecretFileParameter)
            .Text(" (readable only by you). It is never shown again."));
        script.Continue("} else {");
        script.Line("Write-Warning 'Store the value below now (in the mail software or a password manager): it is never shown again.'");
        script.Line("Write-Host " + new PowerShellString().Text(label + " (store it now): ").Variable(variable));
        script.Close();
        script.Continue("} else {");
        script.Line("Write-Warning " + PowerShellQuoting.SingleQuoted(
            $"No value to show: this step found one that existed already (an earlier run made it), and Entra never shows a secret's value again. " +
            $"If it is lost, remove it from the app (Certificates & secrets) and run this script again."));
        script.Close();
    }
}
