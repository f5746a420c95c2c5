using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.View;

public static class TenantView
{
    public static string Render(TenantModel tenant, ViewLines lines, TuiTheme theme)
    {
        lines.Add(("Where      ", theme.Dim),
            (tenant.Sandbox ? "the built-in sandbox tenant (simulated Microsoft 365; nothing real is changed)" : "a real tenant",
                tenant.Sandbox ? theme.Warning : theme.Title));
        lines.Add(("Cloud      ", theme.Dim),
            ($"{tenant.Cloud.DisplayName}: login {tenant.Cloud.Login.Name}, Graph {tenant.Cloud.Graph.Name}, Exchange {tenant.Cloud.Exchange.Name}",
                theme.Normal));
        lines.Add(("Tenant id  ", theme.Dim), (tenant.TenantId ?? "-", theme.Normal));
        lines.Add(("Domain     ", theme.Dim), (tenant.Domain ?? "-", theme.Normal));
        lines.Add(("Signed in  ", theme.Dim),
            (tenant.SignedInAs is null
                ? "-"
                : $"{tenant.SignedInAs}{(tenant.Roles is { Count: > 0 } roles ? " (" + string.Join(", ", roles) + ")" : "")}", theme.Normal));
        lines.Blank();
        switch (tenant.Status)
        {
            case SignInStatus.SigningIn when tenant.DeviceCode is { } code:
                lines.Add("To sign in, open this address on any device and enter the code:", theme.Title);
                lines.Add(("  " + code.Url, theme.Normal));
                lines.Add(("  code: ", theme.Dim), (code.Code, theme.Focus));
                lines.Add("No browser is needed on this machine; the UI keeps working while it waits.", theme.Dim);
                break;
            case SignInStatus.SigningIn:
                lines.Add("Signing in...", theme.Dim);
                break;
            case SignInStatus.SignedIn:
                lines.Add((theme.Check + " signed in", theme.Ok));
                break;
            case SignInStatus.Failed:
                // Wrapped, not cut: the problem ends with what to do (an AADSTS fix, 'mailsetup sandbox reset').
                lines.Wrapped($"{theme.Cross} sign-in failed: {tenant.Problem}", theme.Error);
                lines.Add("r tries again.", theme.Dim);
                break;
            default:
                lines.Add("Not signed in; r signs in.", theme.Dim);
                break;
        }
        lines.Blank();
        lines.Add("Next: 2 App (name or adopt), 3 Permissions (presets), 4 Mailboxes (select), then p reviews the plan.", theme.Dim);
        return "1 Tenant";
    }
}
