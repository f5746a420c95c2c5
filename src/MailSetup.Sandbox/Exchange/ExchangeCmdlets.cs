using MailSetup.Sandbox.Exchange.Cmdlets;

namespace MailSetup.Sandbox.Exchange;

/// <summary>The cmdlets the admin API answers, by name (any case, as PowerShell resolves them).</summary>
internal sealed class ExchangeCmdlets
{
    private readonly Dictionary<string, IExchangeCmdlet> _byName;

    public ExchangeCmdlets()
    {
        IExchangeCmdlet[] all =
        [
            new NewServicePrincipal(), new GetServicePrincipal(), new RemoveServicePrincipal(),
            new AddMailboxPermission(), new GetMailboxPermission(), new RemoveMailboxPermission(),
            new AddRecipientPermission(), new GetRecipientPermission(), new RemoveRecipientPermission(),
            new GetGroup(), new GetMailbox(),
            new NewManagementScope(), new GetManagementScope(), new SetManagementScope(), new RemoveManagementScope(),
            new NewManagementRoleAssignment(), new GetManagementRoleAssignment(), new RemoveManagementRoleAssignment(),
            new TestServicePrincipalAuthorization(),
            new NewApplicationAccessPolicy(), new GetApplicationAccessPolicy(), new RemoveApplicationAccessPolicy(),
            new GetCasMailbox(), new SetCasMailbox(), new GetTransportConfig(), new SetTransportConfig(),
        ];
        _byName = all.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public IExchangeCmdlet Find(string name) =>
        _byName.TryGetValue(name, out var cmdlet)
            ? cmdlet
            : throw new ExchangeException("CommandNotFoundException",
                $"The term '{name}' is not recognized as a name of a cmdlet supported by the Exchange Online admin API.");
}
