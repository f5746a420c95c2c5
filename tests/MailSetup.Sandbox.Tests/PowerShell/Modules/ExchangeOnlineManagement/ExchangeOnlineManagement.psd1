# A test stand-in for Microsoft's module of this name: the same cmdlet and parameter names, each
# Exchange cmdlet sent to the sandbox's Exchange admin API (InvokeCommand), as the v3 module does.
@{
    RootModule        = 'ExchangeOnlineManagement.psm1'
    ModuleVersion     = '3.7.0'
    GUID              = 'b5ecdd3b-1b0c-4b07-8a2c-3d7d7e5bd0a2'
    Description       = 'Sandbox stand-in for ExchangeOnlineManagement (tests only)'
    FunctionsToExport = @(
        'Connect-ExchangeOnline', 'Disconnect-ExchangeOnline',
        'New-ServicePrincipal', 'Get-ServicePrincipal',
        'Add-MailboxPermission', 'Get-MailboxPermission',
        'Add-RecipientPermission', 'Get-RecipientPermission',
        'New-ManagementScope', 'Get-ManagementScope', 'Set-ManagementScope',
        'New-ManagementRoleAssignment', 'Get-ManagementRoleAssignment',
        'New-ApplicationAccessPolicy', 'Get-ApplicationAccessPolicy',
        'Test-ServicePrincipalAuthorization', 'Get-CASMailbox', 'Set-CASMailbox', 'Get-Group',
        'Get-TransportConfig', 'Set-TransportConfig')
    CmdletsToExport   = @()
    AliasesToExport   = @()
}
