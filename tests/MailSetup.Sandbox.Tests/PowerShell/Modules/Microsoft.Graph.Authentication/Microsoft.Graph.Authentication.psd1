# A test stand-in for Microsoft's module of this name: the same cmdlet and parameter names, sending
# Graph requests to the sandbox tenant (tests/MailSetup.Sandbox.Tests/PowerShell/GeneratedScriptTests.cs).
@{
    RootModule        = 'Microsoft.Graph.Authentication.psm1'
    ModuleVersion     = '2.25.0'
    GUID              = '3f5d2f2e-6a0d-4f7e-9a59-4b1c0f3c7e11'
    Description       = 'Sandbox stand-in for Microsoft.Graph.Authentication (tests only)'
    FunctionsToExport = @('Connect-MgGraph', 'Get-MgContext', 'Invoke-MgGraphRequest', 'Disconnect-MgGraph')
    CmdletsToExport   = @()
    AliasesToExport   = @()
}
