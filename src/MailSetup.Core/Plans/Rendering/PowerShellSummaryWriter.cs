using MailSetup.Core.Catalog;

namespace MailSetup.Core.Plans.Rendering;

/// <summary>
/// The script's last words: what to type into the mail software (tenant, client id, credential,
/// token endpoint, scopes, servers). Never the secret: that was shown once, at its step.
/// </summary>
internal static class PowerShellSummaryWriter
{
    private const int LabelWidth = 26;

    public static void Write(PowerShellScriptBuilder script, Plan plan, PowerShellVariables variables, bool signedInToGraph)
    {
        var request = plan.Request;
        var cloud = request.Cloud;
        var produced = plan.References.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

        script.Line("# " + new string('-', PowerShellScriptBuilder.Width - 2));
        script.Comment("Done: what the mail software needs. The secret is not repeated here.");
        script.Line("# " + new string('-', PowerShellScriptBuilder.Width - 2));
        script.Line("Write-Host ''");
        script.Line("Write-Host 'Setup done. Configure the mail software with:'");
        if (signedInToGraph) Show(script, "Tenant (directory) id", new PowerShellString().Variable("$tenantId"));
        if (produced.Contains(References.AppClientId.Name))
            Show(script, "Application (client) id", new PowerShellString().Variable(variables.For(References.AppClientId)));

        if (plan.References.FirstOrDefault(r => r.Secret) is not null)
        {
            script.Open($"if (${PowerShellCaptureWriter.SecretFileParameter}) {{");
            Show(script, "Client secret", new PowerShellString().Text("in ").Variable("$" + PowerShellCaptureWriter.SecretFileParameter));
            script.Continue("} else {");
            Show(script, "Client secret", new PowerShellString().Text("the value shown above when it was made (never shown again)"));
            script.Close();
        }
        if (produced.Contains(References.CertificateThumbprint.Name))
            Show(script, "Certificate", new PowerShellString()
                .Variable("$certificateFile").Text(" (thumbprint ").Variable(variables.For(References.CertificateThumbprint)).Text(")"));

        if (signedInToGraph)
            Show(script, "Token endpoint", new PowerShellString()
                .Text($"https://{cloud.Login.Name}/").Variable("$tenantId").Text("/oauth2/v2.0/token"));
        if (request.AppOnlyProtocols.Count > 0)
            Show(script, "Scope (IMAP/POP/SMTP app)", new PowerShellString().Text(cloud.ExchangeScope.Display));
        if (request.Permissions.Any(p => p.Resource == ApiResource.MicrosoftGraph && p.Kind == PermissionKind.Application))
            Show(script, "Scope (Graph app)", new PowerShellString().Text($"https://{cloud.Graph.Name}/.default"));
        if (request.DelegatedProtocols.Count > 0)
        {
            var scopes = request.DelegatedProtocols.Select(p => cloud.DelegatedScopePrefix + DelegatedScope(p)).Append("offline_access");
            var standing = cloud.DelegatedPrefix.Confirmed ? "" : $" (prefix unconfirmed: {cloud.DelegatedPrefix.Note})";
            Show(script, "Scopes (signed-in user)", new PowerShellString().Text(string.Join(" ", scopes) + standing));
        }
        foreach (var protocol in request.AppOnlyProtocols.Concat(request.DelegatedProtocols).Distinct().Order())
            Show(script, $"{protocol.ToString().ToUpperInvariant()} server", new PowerShellString().Text(Server(cloud, protocol)));
    }

    private static void Show(PowerShellScriptBuilder script, string label, PowerShellString value) =>
        script.Line("Write-Host " + new PowerShellString().Text(("  " + label + ":").PadRight(LabelWidth + 3)).Append(value));

    private static string DelegatedScope(MailProtocol protocol) => protocol switch
    {
        MailProtocol.Imap => "IMAP.AccessAsUser.All",
        MailProtocol.Pop => "POP.AccessAsUser.All",
        _ => "SMTP.Send",
    };

    private static string Server(Clouds.Cloud cloud, MailProtocol protocol) => protocol switch
    {
        MailProtocol.Imap => $"{cloud.Exchange.Display}, port 993 (TLS)",
        MailProtocol.Pop => $"{cloud.Exchange.Display}, port 995 (TLS)",
        _ => $"{cloud.Smtp.Display}, port 587 (STARTTLS)",
    };
}
