using MailSetup.Core.Exchange;
using static MailSetup.Core.Exchange.CmdletParameter;

namespace MailSetup.Core.Plans;

/// <summary>The probe and the undo of each Exchange create cmdlet the plans use.</summary>
internal static class ExchangeProbes
{
    /// <summary>The Get- query that finds the create cmdlet's result, or null for cmdlets that create nothing.</summary>
    public static ExchangeProbe? For(Cmdlet create)
    {
        string P(string name) => create.TextOf(name) ?? throw new InvalidOperationException($"{create.Name} has no -{name}");
        return create.Name switch
        {
            // By the enterprise app's object id: a registration made with the app registration's id
            // (the classic mistake) must not count as done.
            "New-ServicePrincipal" => new(Cmdlet.Create("Get-ServicePrincipal", Text("Identity", P("ObjectId"))),
                [new("AppId", P("AppId"), ProbeComparison.Equals)]),
            "Add-MailboxPermission" => new(Cmdlet.Create("Get-MailboxPermission", Text("Identity", P("Identity")), Text("User", P("User"))),
                [new("AccessRights", P("AccessRights"), ProbeComparison.Contains)]),
            "Add-RecipientPermission" =>
                new(
                    Cmdlet.Create("Get-RecipientPermission", Text("Identity", P("Identity")), Text("Trustee", P("Trustee")),
                        Text("AccessRights", P("AccessRights"))), []),
            "New-ManagementScope" => new(Cmdlet.Create("Get-ManagementScope", Text("Identity", P("Name"))), []),
            // An unscoped assignment of the same role must not count: the scope is the point.
            "New-ManagementRoleAssignment" =>
                new(Cmdlet.Create("Get-ManagementRoleAssignment", Text("RoleAssignee", P("App")), Text("Role", P("Role"))),
                [new("CustomResourceScope", P("CustomResourceScope"), ProbeComparison.Equals)]),
            "New-ApplicationAccessPolicy" => new(Cmdlet.Create("Get-ApplicationAccessPolicy"),
                [new("AppId", P("AppId"), ProbeComparison.Equals), new("AccessRight", P("AccessRight"), ProbeComparison.Equals)]),
            _ => null,
        };
    }

    /// <summary>The Remove- cmdlet that takes back the create cmdlet's result.</summary>
    public static StepUndo? UndoFor(Cmdlet create)
    {
        string P(string name) => create.TextOf(name) ?? throw new InvalidOperationException($"{create.Name} has no -{name}");
        var cmdlet = create.Name switch
        {
            "New-ServicePrincipal" => Cmdlet.Create("Remove-ServicePrincipal", Text("Identity", P("ObjectId")), Flag("Confirm", false)),
            "Add-MailboxPermission" =>
                Cmdlet.Create("Remove-MailboxPermission", Text("Identity", P("Identity")), Text("User", P("User")),
                    Text("AccessRights", P("AccessRights")), Flag("Confirm", false)),
            "Add-RecipientPermission" =>
                Cmdlet.Create("Remove-RecipientPermission", Text("Identity", P("Identity")), Text("Trustee", P("Trustee")),
                    Text("AccessRights", P("AccessRights")), Flag("Confirm", false)),
            "New-ManagementScope" => Cmdlet.Create("Remove-ManagementScope", Text("Identity", P("Name")), Flag("Confirm", false)),
            "New-ManagementRoleAssignment" =>
                Cmdlet.Create("Remove-ManagementRoleAssignment", Text("Identity", StepUndo.Result("Name")), Flag("Confirm", false)),
            "New-ApplicationAccessPolicy" =>
                Cmdlet.Create("Remove-ApplicationAccessPolicy", Text("Identity", StepUndo.Result("Identity")), Flag("Confirm", false)),
            _ => null,
        };
        return cmdlet is null ? null : StepUndo.Exchange(cmdlet);
    }
}
