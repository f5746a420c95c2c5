# Stand-in for ExchangeOnlineManagement v3 in tests. Like the real module, each cmdlet is a function
# that posts its bound parameters to Exchange's admin API (InvokeCommand) and writes the objects it
# answers; here the API is the sandbox's (MAILSETUP_SANDBOX_URL, loopback only, and
# MAILSETUP_SANDBOX_TENANT). Errors are written as errors, so -ErrorAction Stop makes them
# exceptions, as the scripts' Find-ExchangeObject and Invoke-WithRetry expect.

$script:Connected = $false
# Handled by PowerShell itself, not sent.
$script:LocalParameters = [System.Collections.Generic.HashSet[string]]::new(
    [string[]] ('ErrorAction', 'WarningAction', 'InformationAction', 'ProgressAction', 'ErrorVariable', 'WarningVariable',
        'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable', 'Verbose', 'Debug', 'WhatIf', 'Confirm'),
    [System.StringComparer]::OrdinalIgnoreCase)

function Connect-ExchangeOnline {
    [CmdletBinding()]
    param(
        [string] $ConnectionUri,
        [string] $AzureADAuthorizationEndpointUri,
        [string] $ExchangeEnvironmentName = 'O365Default',
        [switch] $Device,
        [string] $UserPrincipalName,
        [string] $Organization,
        [string] $AppId,
        [string] $CertificateFilePath,
        [bool] $ShowBanner = $true
    )
    if (-not $env:MAILSETUP_SANDBOX_URL -or -not $env:MAILSETUP_SANDBOX_TENANT) {
        throw 'MAILSETUP_SANDBOX_URL and MAILSETUP_SANDBOX_TENANT must be set.'
    }
    $script:Connected = $true
}

function Disconnect-ExchangeOnline { [CmdletBinding(SupportsShouldProcess)] param() $script:Connected = $false }

# Sends one cmdlet to the admin API, following output pages, and writes its objects or its error.
function Invoke-ExchangeCommand {
    param([System.Management.Automation.PSCmdlet] $Caller, [System.Collections.IDictionary] $Bound)
    $name = $Caller.MyInvocation.MyCommand.Name
    if (-not $script:Connected) { throw "$name`: you must call Connect-ExchangeOnline before running this cmdlet." }
    $base = [uri] $env:MAILSETUP_SANDBOX_URL
    # Never anything but loopback: a script run by a test must not reach a real tenant.
    if (-not [System.Net.IPAddress]::IsLoopback([System.Net.IPAddress]::Parse($base.Host))) { throw "not a loopback address: $base" }
    $parameters = [ordered]@{}
    foreach ($key in $Bound.Keys) {
        if ($script:LocalParameters.Contains($key)) { continue }
        $value = $Bound[$key]
        if ($value -is [switch]) { $value = $value.IsPresent }
        # One value goes as text, as the module sends a single-valued property.
        if ($value -is [array] -and $value.Count -eq 1) { $value = $value[0] }
        $parameters[$key] = $value
    }
    $body = @{ CmdletInput = @{ CmdletName = $name; Parameters = $parameters } } | ConvertTo-Json -Depth 10 -Compress
    $uri = [uri]::new($base, "/adminapi/beta/$([uri]::EscapeDataString($env:MAILSETUP_SANDBOX_TENANT))/InvokeCommand")
    while ($uri) {
        # The sandbox's certificate is made at its start and trusted by nothing; the address is loopback.
        $response = Invoke-WebRequest -Method POST -Uri $uri -Body $body -ContentType 'application/json' `
            -Headers @{ Authorization = 'Bearer sandbox-stand-in-token' } -SkipCertificateCheck -SkipHttpErrorCheck
        $answer = if ("$($response.Content)") { "$($response.Content)" | ConvertFrom-Json -Depth 100 } else { $null }
        if ([int] $response.StatusCode -ge 400) {
            $code = $answer.error.code ?? "Http$([int] $response.StatusCode)"
            $message = $answer.error.message ?? "$($response.Content)"
            $exception = [System.InvalidOperationException]::new("|$code|$message")
            $Caller.WriteError([System.Management.Automation.ErrorRecord]::new($exception, $code, 'NotSpecified', $name))
            return
        }
        foreach ($item in @($answer.value)) { $Caller.WriteObject($item) }
        $uri = $answer.'@odata.nextLink'
    }
}

function New-ServicePrincipal {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [string] $AppId, [Parameter(Mandatory)] [Alias('ServiceId')] [string] $ObjectId, [string] $DisplayName,
        [string] $Organization)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function Get-ServicePrincipal {
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string] $Identity, [string] $Organization)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function Add-MailboxPermission {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory, Position = 0)] [string] $Identity, [string] $User, [string[]] $AccessRights, [bool] $AutoMapping,
        [string] $InheritanceType, [switch] $Deny, [string] $Owner)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function Get-MailboxPermission {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [string] $Identity, [string] $User, [string] $Owner, [object] $ResultSize)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function Add-RecipientPermission {
    [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    param([Parameter(Mandatory, Position = 0)] [string] $Identity, [Parameter(Mandatory)] [string] $Trustee,
        [Parameter(Mandatory)] [string[]] $AccessRights)
    if ($PSCmdlet.ShouldProcess($Identity, "Add $AccessRights for $Trustee")) { Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters }
}

function Get-RecipientPermission {
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string] $Identity, [string] $Trustee, [string[]] $AccessRights, [object] $ResultSize)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function New-ManagementScope {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory, Position = 0)] [string] $Name, [string] $RecipientRestrictionFilter, [string] $RecipientRoot, [switch] $Exclusive,
        [switch] $Force)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function Get-ManagementScope {
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string] $Identity, [switch] $Exclusive, [switch] $Orphan)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function New-ManagementRoleAssignment {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Position = 0)] [string] $Name, [string] $Role, [string] $App, [string] $User, [string] $SecurityGroup,
        [string] $CustomResourceScope, [string] $CustomRecipientWriteScope, [string] $RecipientOrganizationalUnitScope)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function Get-ManagementRoleAssignment {
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string] $Identity, [string] $Role, [string] $RoleAssignee, [string] $AssignmentMethod,
        [string] $CustomRecipientWriteScope)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function New-ApplicationAccessPolicy {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory)] [string[]] $AppId, [Parameter(Mandatory)] [string] $PolicyScopeGroupId,
        [Parameter(Mandatory)] [string] $AccessRight, [string] $Description)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function Get-ApplicationAccessPolicy {
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string] $Identity)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function Test-ServicePrincipalAuthorization {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] [string] $Identity, [string] $Resource)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function Get-CASMailbox {
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string] $Identity, [object] $ResultSize)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function Set-CASMailbox {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory, Position = 0)] [string] $Identity, [bool] $SmtpClientAuthenticationDisabled, [bool] $ImapEnabled,
        [bool] $PopEnabled)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function Set-ManagementScope {
    [CmdletBinding(SupportsShouldProcess)]
    param([Parameter(Mandatory, Position = 0)] [string] $Identity, [string] $RecipientRestrictionFilter, [string] $Name, [switch] $Force)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function Get-Group {
    [CmdletBinding()]
    param([Parameter(Position = 0)] [string] $Identity, [object] $ResultSize)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function Get-TransportConfig {
    [CmdletBinding()]
    param()
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}

function Set-TransportConfig {
    [CmdletBinding(SupportsShouldProcess)]
    param([bool] $SmtpClientAuthenticationDisabled)
    Invoke-ExchangeCommand $PSCmdlet $PSBoundParameters
}
