using System.Globalization;
using System.Text.RegularExpressions;
using MailSetup.Core.Catalog;
using MailSetup.Core.Plans;
using MailSetup.Core.Plans.Rendering;
using MailSetup.Testing;

namespace MailSetup.Core.Tests.Rendering;

public sealed class PowerShellPlanRendererTests
{
    private const string Support = "support@contoso.onmicrosoft.com";

    private static readonly PowerShellPlanRenderer Renderer = new();

    /// <summary>The variable each reference must become in the script (the readable names the design asks for).</summary>
    private static readonly IReadOnlyDictionary<string, string> ExpectedVariables = new Dictionary<string, string>
    {
        ["app.id"] = "$appObjectId",
        ["app.appId"] = "$appId",
        ["app.displayName"] = "$appDisplayName",
        ["sp.id"] = "$spObjectId",
        ["exo.sp.id"] = "$exoResourceId",
        ["graph.sp.id"] = "$graphResourceId",
        ["secret.keyId"] = "$secretKeyId",
        ["secret.value"] = "$secretValue",
        ["cert.key"] = "$certificateKey",
        ["cert.thumbprint"] = "$certificateThumbprint",
        ["group.dn"] = "$groupDn",
    };

    /// <summary>Variables PowerShell itself provides.</summary>
    private static readonly HashSet<string> Automatic = new(StringComparer.OrdinalIgnoreCase)
    {
        "_", "null", "true", "false", "IsWindows", "PSScriptRoot", "ErrorActionPreference", "ExecutionContext",
    };

    public static TheoryData<string> Cases() => new(PlanCases.All.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Script_tokenizes_cleanly_and_reads_only_variables_it_assigned(string name)
    {
        var script = Render(PlanCases.All[name]);
        var reader = PowerShellScriptReader.Read(script);

        Assert.Empty(reader.Problems);
        var assigned = reader.Assignments.Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = reader.Uses.Select(u => u.Name).Where(n => !assigned.Contains(n) && !Automatic.Contains(n)).Distinct().ToList();
        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_reference_variable_is_assigned_before_it_is_read(string name)
    {
        var reader = PowerShellScriptReader.Read(Render(PlanCases.All[name]));
        var referenceVariables = ExpectedVariables.Values.Select(v => v[1..]).Append("permissionIds");

        foreach (var variable in referenceVariables)
        {
            var uses = reader.Uses.Where(u => u.Name == variable).Select(u => u.Line).ToList();
            if (uses.Count == 0) continue;
            var firstAssignment = reader.Assignments.Where(a => a.Name == variable).Select(a => a.Line).DefaultIfEmpty(int.MaxValue).Min();
            Assert.True(firstAssignment < uses.Min(),
                $"${variable} is read on line {uses.Min() + 1} before it is assigned (line {firstAssignment + 1}).");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sends_one_request_per_graph_step_with_the_plans_method_and_url(string name)
    {
        var plan = Build(PlanCases.All[name]);
        var reader = PowerShellScriptReader.Read(Renderer.Render(plan));

        var sent = reader.Code
            .Select((line, index) => (line, index))
            .Where(l => Regex.IsMatch(l.line, @"^\s*\$(item|answer|null) = Invoke-WithRetry \{ Invoke-MgGraphRequest -Method "))
            .Select(l => (Method: Regex.Match(l.line, "-Method ([A-Z]+)").Groups[1].Value, Url: UriOn(reader, l.index)))
            .ToList();
        var expected = plan.Steps.OfType<GraphStep>().Select(s => (s.Preview.Method, s.Preview.Url)).ToList();

        Assert.Equal(expected, sent);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sends_each_body_as_the_plan_shows_it_with_references_put_in_from_their_variables(string name)
    {
        var plan = Build(PlanCases.All[name]);
        var script = Renderer.Render(plan);
        var reader = PowerShellScriptReader.Read(script);
        var lines = script.Split('\n');

        var bodies = plan.Steps.OfType<GraphStep>().Select(s => s.Preview.Body).OfType<string>().ToList();
        Assert.Equal(bodies, reader.HereStrings.Select(h => h.Text));

        foreach (var (line, text) in reader.HereStrings)
        {
            var end = Array.IndexOf(lines, "'@", line);
            var replaced = lines.Skip(end + 1).TakeWhile(l => l.StartsWith("$body = $body.Replace(", StringComparison.Ordinal)).ToList();
            var placeholders = Regex.Matches(text, @"\{[a-zA-Z][\w.]*\}").Select(m => m.Value).Distinct().ToList();
            Assert.Equal(placeholders.Select(p => $"$body = $body.Replace('{p}', {VariableFor(p)})"), replaced);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Checks_each_graph_create_step_first_with_its_probe(string name)
    {
        var plan = Build(PlanCases.All[name]);
        var reader = PowerShellScriptReader.Read(Renderer.Render(plan));
        var probeLines =
            reader.Code.Select((line, index) => (line, index)).Where(l => l.line.StartsWith("$item = Find-GraphItem ", StringComparison.Ordinal))
                .ToList();
        var probes = plan.Steps.OfType<GraphStep>().Select(s => s.Probe).OfType<GraphProbe>().ToList();

        Assert.Equal(probes.Count, probeLines.Count);
        foreach (var (probe, (line, index)) in probes.Zip(probeLines))
        {
            Assert.Equal(probe.Preview.Url, UriOn(reader, index));
            Assert.Contains($"-Collection '{probe.Collection}'", line, StringComparison.Ordinal);
            var wanted = string.Join("; ", probe.Matches.Select(m => $"'{m.Property}' = {Wanted(m)}"));
            Assert.EndsWith($"-Wanted ([ordered]@{{ {wanted} }})", line, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sends_each_graph_change_only_when_what_it_sets_differs_so_a_re_run_reports_unchanged(string name)
    {
        var plan = Build(PlanCases.All[name]);
        var code = PowerShellScriptReader.Read(Renderer.Render(plan)).Code;
        var changes = plan.Steps.OfType<GraphStep>()
            .Where(s => s is { Preview.Method: "PATCH", Probe: null, Ownership: null, ResultCollection: null } && s.Action != StepAction.Create)
            .ToList();

        // Each change reads what it would set, compares, and only then sends its PATCH; the helper is written only where one does.
        Assert.Equal(changes.Count, code.Count(l => l == "if (Test-BodyApplied -Body $body -Current $current) {"));
        Assert.Equal(changes.Count > 0, code.Contains("function Test-BodyApplied {"));
    }

    /// <summary>A probe's wanted value as the script must write it: the text, or a table naming the comparison.</summary>
    private static string Wanted(ProbeMatch match)
    {
        var value = match.Value.StartsWith('{') ? VariableFor(match.Value) : "'" + match.Value.Replace("'", "''", StringComparison.Ordinal) + "'";
        return match.Comparison switch
        {
            ProbeComparison.StartsWith => $"@{{ StartsWith = {value} }}",
            ProbeComparison.After => $"@{{ After = {value} }}",
            _ => value,
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Leaves_no_stand_in_and_no_placeholder_in_what_runs(string name)
    {
        var script = Render(PlanCases.All[name]);
        var reader = PowerShellScriptReader.Read(script);

        foreach (var reference in References.All)
            Assert.DoesNotContain(reference.StandIn.ToString(), script, StringComparison.OrdinalIgnoreCase);
        // Placeholders may stand only in comments, here-string bodies and as the first argument of .Replace.
        var running = string.Join("\n", reader.Code).Replace("$body.Replace('{", "", StringComparison.Ordinal);
        foreach (var reference in References.All)
            Assert.DoesNotContain(reference.Placeholder, running, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Keeps_odata_query_options_literal(string name)
    {
        var reader = PowerShellScriptReader.Read(Render(PlanCases.All[name]));
        Assert.DoesNotContain(reader.Uses,
            u => u.Name.StartsWith("filter", StringComparison.OrdinalIgnoreCase) || u.Name.StartsWith("select", StringComparison.OrdinalIgnoreCase));
        var urls = reader.Strings.Where(s => s.Value.Contains("$select=", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(urls);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Heads_every_step_with_its_number_title_and_why_within_100_columns(string name)
    {
        var plan = Build(PlanCases.All[name]);
        var script = Renderer.Render(plan);

        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            Assert.Contains($"# Step {i + 1} of {plan.Steps.Count} ({step.Key}): ", script, StringComparison.Ordinal);
            var firstWhyWords = string.Join(' ', step.Why.Split(' ').Take(3));
            Assert.Contains("# Why: " + firstWhyWords, script, StringComparison.Ordinal);
        }
        var longComments = script.Split('\n')
            .Where(l => l.TrimStart().StartsWith('#') && l.Length > 100 && l.TrimEnd().Contains(' ', StringComparison.Ordinal))
            .Where(l => l.Split(' ').Max(w => w.Length) < 60)
            .ToList();
        Assert.Empty(longComments);
    }

    [Fact]
    public void Registers_the_exchange_service_principal_with_the_enterprise_apps_object_id()
    {
        var script = Render(ImapApp());

        var register = Assert.Single(script.Split('\n'), l => l.Contains("New-ServicePrincipal ", StringComparison.Ordinal));
        Assert.Contains("-AppId $appId -ObjectId $spObjectId -DisplayName $appDisplayName", register, StringComparison.Ordinal);
        Assert.DoesNotContain("$appObjectId", register, StringComparison.Ordinal);
        Assert.Contains(
            "$result = Find-ExchangeObject { Get-ServicePrincipal -Identity $spObjectId -ErrorAction Stop | Where-Object { \"$($_.AppId)\" -eq " +
            "$appId } }", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("global", "Global", null)]
    [InlineData("usgov-high", "USGov", "O365USGovGCCHigh")]
    [InlineData("usgov-dod", "USGovDoD", "O365USGovDoD")]
    [InlineData("china", "China", "O365China")]
    public void Signs_in_to_the_plans_cloud(string cloud, string graphEnvironment, string? exchangeEnvironment)
    {
        var script = Render(ImapApp() with { Cloud = cloud });
        var lines = script.Split('\n');

        var graph = Assert.Single(lines, l => l.StartsWith("Connect-MgGraph ", StringComparison.Ordinal));
        Assert.Equal(
            $"Connect-MgGraph -UseDeviceCode -Scopes 'Application.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All', " +
            $"'DelegatedPermissionGrant.ReadWrite.All' -Environment {graphEnvironment} -ContextScope Process -NoWelcome",
            graph);
        var exchange = Assert.Single(lines, l => l.StartsWith("Connect-ExchangeOnline ", StringComparison.Ordinal));
        Assert.Equal(
            exchangeEnvironment is null
                ? "Connect-ExchangeOnline -Device"
                : $"Connect-ExchangeOnline -Device -ExchangeEnvironmentName '{exchangeEnvironment}'", exchange);
    }

    [Fact]
    public void Output_is_the_same_whatever_the_current_culture()
    {
        var plan = Build(PlanCases.All["smtp-app-certificate"]);
        var original = CultureInfo.CurrentCulture;
        var originalUi = CultureInfo.CurrentUICulture;
        try
        {
            var outputs = new[] { "tr-TR", "ar-SA", "th-TH", "" }.Select(name =>
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
                return Renderer.Render(plan);
            }).ToList();
            Assert.All(outputs, output => Assert.Equal(outputs[^1], output));
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
            CultureInfo.CurrentUICulture = originalUi;
        }
    }

    [Fact]
    public void Output_is_deterministic_with_unix_line_endings()
    {
        var plan = Build(PlanCases.All["imap-smtp-three-mailboxes-send-as"]);
        var first = Renderer.Render(plan);

        Assert.Equal(first, Renderer.Render(plan));
        Assert.Equal(first, Renderer.Render(Build(PlanCases.All["imap-smtp-three-mailboxes-send-as"])));
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("\n", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_tells_what_the_plan_sets_up_and_its_notices()
    {
        var plan = Build(PlanCases.All["graph-gateway-rbac"]);
        var script = Renderer.Render(plan);

        Assert.StartsWith("#Requires -Version 7", script, StringComparison.Ordinal);
        Assert.Contains("#Requires -Modules Microsoft.Graph.Authentication\n", script, StringComparison.Ordinal);
        Assert.Contains("ModuleName = 'ExchangeOnlineManagement'", script, StringComparison.Ordinal);
        Assert.Contains("# Generated by mailsetup from a plan made 2026-11-21 09:30:00 UTC.", script, StringComparison.Ordinal);
        Assert.Contains("# App:         create the app registration 'Contoso Gateway'", script, StringComparison.Ordinal);
        Assert.Contains("# Presets:     graph-gateway: ", script, StringComparison.Ordinal);
        Assert.Contains("# Cloud:       Global (and GCC)", script, StringComparison.Ordinal);
        Assert.Contains("# Scoping:     Exchange RBAC for Applications, limited to members of\n#              mail-apps@contoso.onmicrosoft.com\n",
            script, StringComparison.Ordinal);
        Assert.Contains("# Credential:  client secret, valid 180 days", script, StringComparison.Ordinal);
        foreach (var notice in plan.Notices)
            Assert.Contains($"({notice.Code}): ", script, StringComparison.Ordinal);
        Assert.Contains("\n$ErrorActionPreference = 'Stop'\n", script, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_without_exchange_steps_needs_no_exchange_module()
    {
        var plan = Build(new SetupRequestInput { Presets = "graph-mail", AppName = "Contoso Graph" });
        Assert.DoesNotContain(plan.Steps, s => s is ExchangeStep);

        var script = Renderer.Render(plan);

        Assert.DoesNotContain("ExchangeOnlineManagement", script, StringComparison.Ordinal);
        Assert.DoesNotContain("Connect-ExchangeOnline", script, StringComparison.Ordinal);
        Assert.DoesNotContain("function Find-ExchangeObject", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_stop_with_a_clear_message_when_nothing_is_found()
    {
        var script = Render(PlanCases.All["imap-app-adopt"]);

        Assert.Contains("$item = @($answer.value)[0]\nif ($null -eq $item) { throw 'Step 2/", script, StringComparison.Ordinal);
        Assert.Contains("(Find the app registration with client id 6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f): found nothing", script,
            StringComparison.Ordinal);
        Assert.Contains("(Read the Office 365 Exchange Online service principal): found nothing", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Captures_follow_the_plans_paths_with_their_fallbacks()
    {
        var script = Render(PlanCases.All["delegated-mail-password"]);

        Assert.Contains("$graphResourceId = $item.id\n", script, StringComparison.Ordinal);
        Assert.Contains(
            "$permissionIds['graph.role.Mail.Send'] = ($item.appRoles | Where-Object { $_.value -eq 'Mail.Send' } | Select-Object -First 1).id ?? " +
            "'b633e1c5-b582-4048-a93e-9f11b44c7e96'",
            script, StringComparison.Ordinal);
        Assert.Contains(
            "$permissionIds['graph.scope.IMAP.AccessAsUser.All'] = ($item.oauth2PermissionScopes | Where-Object { $_.value -eq " +
            "'IMAP.AccessAsUser.All' } | Select-Object -First 1).id ?? '652390e4-393a-48de-9484-05f9b1212954'",
            script, StringComparison.Ordinal);
        Assert.Contains("$spObjectId = $item.id\nif (-not $spObjectId) { throw ", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_the_new_secret_once_and_never_in_the_summary()
    {
        var script = Render(ImapApp());
        var lines = script.Split('\n');

        var shown =
            lines.Where(l => l.Contains("$secretValue", StringComparison.Ordinal) && l.TrimStart().StartsWith("Write-Host", StringComparison.Ordinal))
                .ToList();
        var line = Assert.Single(shown);
        Assert.Contains("(store it now): $secretValue\"", line, StringComparison.Ordinal);
        Assert.Contains("never shown again", script, StringComparison.Ordinal);
        Assert.Contains("$secretValue = $item.secretText\n", script, StringComparison.Ordinal);
        Assert.Contains("    [string] $SecretFile\n", script, StringComparison.Ordinal);
        Assert.Contains("Write-PrivateFile -Path $SecretFile -Bytes ([System.Text.Encoding]::UTF8.GetBytes($secretValue))", script,
            StringComparison.Ordinal);
        Assert.Contains("UnixCreateMode = [System.IO.UnixFileMode] 'UserRead, UserWrite'", script, StringComparison.Ordinal);

        var summary = script[script.IndexOf("Setup done.", StringComparison.Ordinal)..];
        Assert.DoesNotContain("$secretValue", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("secretText", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Makes_the_certificate_in_powershell_and_uploads_only_its_public_part()
    {
        var script = Render(PlanCases.All["smtp-app-certificate"]);

        Assert.Contains("$certificateFile = Join-Path $scriptFolder 'Contoso-SMTP-mailsetup-2026-11-21.pfx'", script, StringComparison.Ordinal);
        Assert.Contains("$rsa = [System.Security.Cryptography.RSA]::Create(2048)", script, StringComparison.Ordinal);
        Assert.Contains("[System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=Contoso SMTP', $rsa, ", script,
            StringComparison.Ordinal);
        Assert.Contains("$certificate = $certificateRequest.CreateSelfSigned($now.AddMinutes(-5), $now.AddDays(365))", script,
            StringComparison.Ordinal);
        Assert.Contains("Read-Host -AsSecureString", script, StringComparison.Ordinal);
        Assert.Contains(
            "Write-PrivateFile -Path $certificateFile -Bytes " +
            "($certificate.Export([System.Security.Cryptography.X509Certificates.X509ContentType]::Pfx, $pfxPassword))", script,
            StringComparison.Ordinal);
        Assert.Contains(
            "$certificateKey = [System.Convert]::ToBase64String($certificate.RawData)\n$certificateThumbprint = $certificate.Thumbprint\n", script,
            StringComparison.Ordinal);
        Assert.Contains("$body = $body.Replace('{cert.key}', $certificateKey)", script, StringComparison.Ordinal);
        Assert.DoesNotContain("SecretFile", script, StringComparison.Ordinal);
        Assert.Contains("(thumbprint $certificateThumbprint)", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("imap-smtp-three-mailboxes-send-as")]
    [InlineData("graph-gateway-rbac")]
    [InlineData("graph-mail-access-policy")]
    public void Checks_each_exchange_create_cmdlet_first_with_its_get_cmdlet(string name)
    {
        var probes = new Dictionary<string, string>
        {
            ["New-ServicePrincipal"] = "Get-ServicePrincipal -Identity $spObjectId",
            ["Add-MailboxPermission"] = "Get-MailboxPermission -Identity ",
            ["Add-RecipientPermission"] = "Get-RecipientPermission -Identity ",
            ["New-ManagementScope"] = "Get-ManagementScope -Identity ",
            ["New-ManagementRoleAssignment"] = "Get-ManagementRoleAssignment -RoleAssignee $spObjectId -Role ",
            ["New-ApplicationAccessPolicy"] =
                "Get-ApplicationAccessPolicy -ErrorAction Stop | Where-Object { (\"$($_.AppId)\" -eq $appId) " +
                "-and (\"$($_.AccessRight)\" -eq 'RestrictAccess') }",
        };
        var plan = Build(PlanCases.All[name]);
        var lines = Renderer.Render(plan).Split('\n');
        var creates = plan.Steps.OfType<ExchangeStep>().Where(s => s.Action == StepAction.Create).ToList();
        Assert.NotEmpty(creates);

        foreach (var step in creates)
        {
            var create =
                Array.FindIndex(lines,
                    l =>
                        l.Contains($"Invoke-WithRetry {{ {step.Cmdlet.Name} ", StringComparison.Ordinal)
                            && l.Contains(step.Cmdlet.TextOf("Identity") ?? "", StringComparison.Ordinal));
            Assert.True(create > 0, $"no {step.Cmdlet.Name} for {step.Key}");
            var probe = lines[create - 4];
            Assert.StartsWith("$result = Find-ExchangeObject { " + probes[step.Cmdlet.Name], probe, StringComparison.Ordinal);
            Assert.EndsWith("-ErrorAction Stop }", lines[create].TrimEnd(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Scopes_by_the_groups_distinguished_name_read_at_run_time()
    {
        var script = Render(PlanCases.All["graph-gateway-rbac"]);

        Assert.Contains("$result = Get-Group -Identity 'mail-apps@contoso.onmicrosoft.com' -ErrorAction Stop\n", script, StringComparison.Ordinal);
        Assert.Contains("$groupDn = $result.DistinguishedName\n", script, StringComparison.Ordinal);
        Assert.Contains("-RecipientRestrictionFilter \"MemberOfGroup -eq '$groupDn'\"", script, StringComparison.Ordinal);
        Assert.Contains(
            "New-ManagementRoleAssignment -App $spObjectId -Role 'Application Mail.ReadWrite' -CustomResourceScope 'mailsetup Contoso Gateway " +
            "scope' -ErrorAction Stop", script, StringComparison.Ordinal);
        Assert.Contains("Where-Object { \"$($_.CustomResourceScope)\" -eq 'mailsetup Contoso Gateway scope' }", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Checks_print_what_they_find_and_only_warn_when_they_fail()
    {
        var script = Render(PlanCases.All["imap-smtp-three-mailboxes-send-as"]);

        Assert.Contains(
            $"    Get-CASMailbox -Identity '{Support}' -ErrorAction Stop | Format-List Identity, ImapEnabled, PopEnabled, " +
            $"SmtpClientAuthenticationDisabled | Out-Host\n", script, StringComparison.Ordinal);
        Assert.Contains(
            $"    $null = Invoke-WithRetry {{ Set-CASMailbox -Identity '{Support}' -SmtpClientAuthenticationDisabled:$false -ErrorAction Stop }}\n",
            script, StringComparison.Ordinal);
        Assert.Contains(
            $"    Get-MailboxPermission -Identity '{Support}' -User $exoAppIdentity -ErrorAction Stop | Format-Table -AutoSize Identity, User, " +
            $"AccessRights | Out-Host\n", script, StringComparison.Ordinal);
        Assert.Contains("} catch {\n    Write-Warning \"[", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Adopting_an_app_merges_its_lists_instead_of_replacing_them()
    {
        var adopted = Render(PlanCases.All["imap-app-adopt"]);
        var created = Render(PlanCases.All["imap-app"]);

        Assert.Contains("function Merge-AppLists", adopted, StringComparison.Ordinal);
        Assert.Contains(
            "$current = Invoke-WithRetry { Invoke-MgGraphRequest -Method GET -Uri " +
            "\"https://graph.microsoft.com/v1.0/applications/${appObjectId}?`$select=requiredResourceAccess\" -OutputType PSObject }", adopted,
            StringComparison.Ordinal);
        Assert.Contains("$body = Merge-AppLists -Body $body -Current $current -Properties 'requiredResourceAccess'", adopted,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Merge-AppLists", created, StringComparison.Ordinal);
    }

    [Fact]
    public void Quotes_names_holding_quotes_dollars_and_backticks()
    {
        const string name = "O'Brien\u2019s \"Mail\" $env:HOME `whoami` @(1)";
        var input = new SetupRequestInput { Presets = "imap-app,smtp-app", AppName = name, Mailboxes = [Support], SendAs = true };
        var plan = Build(input);
        var reader = PowerShellScriptReader.Read(Renderer.Render(plan));

        Assert.Empty(reader.Problems);
        Assert.DoesNotContain(reader.Uses, u => u.Name.StartsWith("env", StringComparison.OrdinalIgnoreCase));
        // The probe looks for the key derived from exactly the typed name, and the body sends the name as the plan does.
        Assert.Contains(reader.Strings, s => s.Quote == '\'' && s.Value == AppUniqueName.For(name));
        var body = plan.Steps.OfType<GraphStep>().Single(s => s.Key == "create-app").Preview.Body;
        Assert.Contains(reader.HereStrings, h => h.Text == body);
        Assert.Contains(reader.Strings, s => s.Value == $"[3/{plan.Steps.Count}] created: Create the app registration '{name}'");
    }

    [Fact]
    public void Ends_with_what_the_mail_software_needs()
    {
        var script = Render(ImapApp());
        var tail = script[script.IndexOf("Write-Host 'Setup done.", StringComparison.Ordinal)..];

        Assert.Contains("Write-Host \"  Tenant (directory) id:     $tenantId\"", tail, StringComparison.Ordinal);
        Assert.Contains("Write-Host \"  Application (client) id:   $appId\"", tail, StringComparison.Ordinal);
        Assert.Contains("https://login.microsoftonline.com/$tenantId/oauth2/v2.0/token", tail, StringComparison.Ordinal);
        Assert.Contains("https://outlook.office365.com/.default", tail, StringComparison.Ordinal);
        Assert.Contains("outlook.office365.com, port 993 (TLS)", tail, StringComparison.Ordinal);
        Assert.Contains("$tenantId = (Get-MgContext).TenantId", script, StringComparison.Ordinal);
    }

    [Fact]
    public void The_script_reader_catches_what_powershell_would_misread()
    {
        // The checks above are only as good as the reader: these are the mistakes it must see.
        var broken = PowerShellScriptReader.Read(string.Join("\n",
            "$a = 'it's'",
            "Invoke-MgGraphRequest -Uri \"https://graph/v1.0/applications/$appObjectId?$select=id\"",
            "if ($a) {",
            "$b = @'",
            "{ \"x\": 1 }"));

        Assert.Contains(broken.Problems, p => p.Contains("single-quoted string not closed", StringComparison.Ordinal));
        Assert.Contains(broken.Problems, p => p.Contains("here-string never closed", StringComparison.Ordinal));
        Assert.Contains(broken.Problems, p => p.Contains("'{' never closed", StringComparison.Ordinal));
        Assert.Contains(broken.Uses, u => u.Name == "appObjectId?");
        Assert.Contains(broken.Uses, u => u.Name == "select");

        var fine = PowerShellScriptReader.Read("$x = \"${appObjectId}?`$select=id and $($permissionIds['a.b']) ‘it’’s’\" # it's a comment");
        Assert.Empty(fine.Problems);
        Assert.Equal("{$appObjectId}?$select=id and {$($permissionIds['a.b'])} ‘it’’s’", fine.Strings.Single(s => s.Quote == '"').Value);
    }

    [Fact]
    public void Names_the_format_powershell()
    {
        Assert.Equal("powershell", Renderer.Format);
        Assert.Same(Renderer, new PlanRenderers([new TextPlanRenderer(), Renderer]).Get("PowerShell"));
    }

    private static SetupRequestInput ImapApp() => new() { Presets = "imap-app", AppName = "Contoso IMAP", Mailboxes = [Support] };

    private static Plan Build(SetupRequestInput input)
    {
        var (request, errors) = SetupRequestParser.Parse(input);
        Assert.Empty(errors);
        return new PlanBuilder(TestClock.Default).Build(request!);
    }

    private static string Render(SetupRequestInput input) => Renderer.Render(Build(input));

    /// <summary>The expression a placeholder must become.</summary>
    private static string VariableFor(string placeholder)
    {
        var name = placeholder[1..^1];
        if (ExpectedVariables.TryGetValue(name, out var variable)) return variable;
        Assert.Contains(PermissionCatalog.All, p => References.PermissionId(p).Name == name);
        return $"$permissionIds['{name}']";
    }

    /// <summary>The URL passed with <c>-Uri</c> on a line, with variables turned back into <c>{references}</c>.</summary>
    private static string UriOn(PowerShellScriptReader reader, int line)
    {
        var code = reader.Code[line];
        var column = code.IndexOf("-Uri ", StringComparison.Ordinal) + "-Uri ".Length;
        var token = reader.Strings.Single(s => s.Line == line && s.Column == column);
        return Regex.Replace(token.Value, @"\{\$\(\$permissionIds\['([^']+)'\]\)\}|\{\$(\w+)\}", match =>
        {
            if (match.Groups[1].Success) return "{" + match.Groups[1].Value + "}";
            var variable = "$" + match.Groups[2].Value;
            return "{" + ExpectedVariables.Single(v => v.Value == variable).Key + "}";
        });
    }
}
