# Stand-in for Microsoft.Graph.Authentication in tests: generated scripts call Microsoft's cloud
# URLs, and this module sends each request to the sandbox tenant instead. The test sets
# MAILSETUP_SANDBOX_URL (https://127.0.0.1:port, loopback only) and MAILSETUP_SANDBOX_TENANT.
# The sandbox the tests start accepts any bearer token: sign-in has tests of its own.

$script:Context = $null

function Get-SandboxBase {
    if (-not $env:MAILSETUP_SANDBOX_URL) { throw 'MAILSETUP_SANDBOX_URL is not set: this stand-in only talks to the sandbox.' }
    $base = [uri] $env:MAILSETUP_SANDBOX_URL
    # Never anything but loopback: a script run by a test must not reach a real tenant.
    if (-not [System.Net.IPAddress]::IsLoopback([System.Net.IPAddress]::Parse($base.Host))) { throw "not a loopback address: $base" }
    return $base
}

function Connect-MgGraph {
    [CmdletBinding()]
    param(
        [string[]] $Scopes,
        [string] $ClientId,
        [string] $TenantId,
        [switch] $UseDeviceCode,
        [string] $Environment = 'Global',
        [ValidateSet('Process', 'CurrentUser')] [string] $ContextScope = 'CurrentUser',
        [switch] $NoWelcome
    )
    $null = Get-SandboxBase
    $script:Context = [pscustomobject]@{
        TenantId     = $env:MAILSETUP_SANDBOX_TENANT
        Scopes       = $Scopes
        AuthType     = 'Delegated'
        Environment  = $Environment
        ContextScope = $ContextScope
        Account      = 'admin (sandbox)'
    }
    if (-not $NoWelcome) { Write-Host 'Welcome to Microsoft Graph! (sandbox stand-in)' }
}

function Disconnect-MgGraph { [CmdletBinding()] param() $script:Context = $null }

function Get-MgContext { [CmdletBinding()] param() $script:Context }

function Invoke-MgGraphRequest {
    [CmdletBinding()]
    param(
        [string] $Method = 'GET',
        [Parameter(Mandatory, Position = 0)] [uri] $Uri,
        [object] $Body,
        [System.Collections.IDictionary] $Headers,
        [string] $ContentType,
        [ValidateSet('PSObject', 'HashTable', 'HttpResponseMessage', 'Json')] [string] $OutputType = 'HashTable',
        [switch] $SkipHeaderValidation
    )
    if ($null -eq $script:Context) { throw 'Authentication needed. Please call Connect-MgGraph.' }
    $base = Get-SandboxBase
    # Any cloud's Graph host (graph.microsoft.com, microsoftgraph.chinacloudapi.cn, ...) becomes the
    # sandbox; a relative URI is taken from the Graph root, as the real module does.
    $target = if ($Uri.IsAbsoluteUri) { [uri]::new($base, $Uri.PathAndQuery) } else { [uri]::new($base, '/' + $Uri.OriginalString.TrimStart('/')) }
    $allHeaders = @{ Authorization = 'Bearer sandbox-stand-in-token' }
    if ($Headers) { foreach ($name in $Headers.Keys) { $allHeaders[$name] = $Headers[$name] } }
    $request = @{
        Method = $Method; Uri = $target; Headers = $allHeaders
        # The sandbox's certificate is made at its start for 127.0.0.1 and trusted by nothing;
        # Get-SandboxBase has made sure the address is loopback.
        SkipCertificateCheck = $true; SkipHttpErrorCheck = $true
    }
    if ($null -ne $Body) {
        $request.Body = if ($Body -is [string]) { $Body } else { $Body | ConvertTo-Json -Depth 20 }
        $request.ContentType = if ($ContentType) { $ContentType } else { 'application/json' }
    }
    $response = Invoke-WebRequest @request
    $text = if ($response.Content -is [byte[]]) { [System.Text.Encoding]::UTF8.GetString($response.Content) } else { "$($response.Content)" }
    $status = [int] $response.StatusCode
    if ($status -ge 400) {
        # The real module's error names the request, the status (code and reason) and the body.
        throw "$($Method.ToUpperInvariant()) $Uri`nHTTP/1.1 $status $($response.StatusDescription)`n$text"
    }
    if ([string]::IsNullOrWhiteSpace($text)) { return $null }
    switch ($OutputType) {
        'Json' { return $text }
        'HashTable' { return $text | ConvertFrom-Json -AsHashtable -Depth 100 }
        default { return $text | ConvertFrom-Json -Depth 100 }
    }
}
