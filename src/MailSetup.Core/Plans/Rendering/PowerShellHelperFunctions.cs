namespace MailSetup.Core.Plans.Rendering;

/// <summary>
/// The small functions the script defines before its steps, each written only when a step uses it.
/// Kept as PowerShell text so a reviewer reads exactly what runs.
/// </summary>
internal static class PowerShellHelperFunctions
{
    public const string InvokeWithRetry = """
        # New objects take a while to reach every Entra and Exchange server, so a call right after a
        # create can answer "not found" or "does not exist"; a throttled call answers 429. Both are
        # tried again with back-off. Any other error stops the script.
        function Invoke-WithRetry {
            param([scriptblock] $Request)
            $delays = 5, 10, 20, 40, 80
            for ($attempt = 0; ; $attempt++) {
                try {
                    return & $Request
                } catch {
                    $transient = "$_" -match ('\b(404|429)\b|NotFound|not found|could(n''t| not) be found|does not exist' +
                        '|does not reference a valid|TooManyRequests')
                    if (-not $transient -or $attempt -ge $delays.Count) { throw }
                    Write-Warning "Not there yet, or throttled; trying again in $($delays[$attempt]) s. ($_)"
                    Start-Sleep -Seconds $delays[$attempt]
                }
            }
        }
        """;

    public const string FindGraphItem = """
        # Makes a create step safe to run again: reads a list (following @odata.nextLink) and returns
        # the first item whose properties equal all the wanted values, or $null. Values compare as
        # text, ignoring case, as ids and display names do in Entra; a wanted @{ StartsWith = 'x' }
        # takes any text that begins so, and @{ After = 'date' } any date later than that one.
        function Find-GraphItem {
            param([string] $Uri, [string] $Collection, [System.Collections.IDictionary] $Wanted)
            while ($Uri) {
                $page = Invoke-WithRetry { Invoke-MgGraphRequest -Method GET -Uri $Uri -OutputType PSObject }
                foreach ($candidate in $page.$Collection) {
                    $equal = $true
                    foreach ($name in $Wanted.Keys) {
                        $want = $Wanted[$name]
                        $have = $candidate.$name
                        if ($want -is [System.Collections.IDictionary]) {
                            if ($want.Contains('StartsWith') -and -not "$have".StartsWith($want.StartsWith, [StringComparison]::OrdinalIgnoreCase)) {
                                $equal = $false
                            }
                            if ($want.Contains('After') -and ($null -eq $have -or [datetimeoffset]$have -le [datetimeoffset]$want.After)) {
                                $equal = $false
                            }
                        } elseif ("$have" -ne "$want") { $equal = $false }
                    }
                    if ($equal) { return $candidate }
                }
                $Uri = $page.'@odata.nextLink'
            }
            return $null
        }
        """;

    public const string FindExchangeObject = """
        # Makes an Exchange create step safe to run again: runs a Get- cmdlet and returns its first
        # result, or $null when there is none (Exchange answers a missing object with an error).
        function Find-ExchangeObject {
            param([scriptblock] $Query)
            try { return @(& $Query)[0] } catch { return $null }
        }
        """;

    public const string WritePrivateFile = """
        # Writes a new file that only its owner can read (mode 0600 on Linux and macOS, set as the
        # file is created, so it is never readable by others), and never overwrites one.
        function Write-PrivateFile {
            param([string] $Path, [byte[]] $Bytes)
            $Path = $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
            $options = [System.IO.FileStreamOptions]::new()
            $options.Mode = [System.IO.FileMode]::CreateNew
            $options.Access = [System.IO.FileAccess]::Write
            if (-not $IsWindows) { $options.UnixCreateMode = [System.IO.UnixFileMode] 'UserRead, UserWrite' }
            $stream = [System.IO.FileStream]::new($Path, $options)
            try { $stream.Write($Bytes, 0, $Bytes.Length) } finally { $stream.Dispose() }
        }
        """;

    public const string MergeAppLists = """
        # Adopting an app: a PATCH replaces whole lists, so each list in the body is merged with what
        # the app already has, as mailsetup's own runner does. Permissions are added per API; the
        # app's other permissions, keys and secrets are kept.
        function Merge-AppLists {
            param([string] $Body, [psobject] $Current, [string[]] $Properties)
            $patch = ConvertFrom-Json -InputObject $Body
            foreach ($property in $Properties) {
                $merged = [System.Collections.Generic.List[object]]::new()
                foreach ($kept in $Current.$property) { $merged.Add($kept) }
                foreach ($added in $patch.$property) {
                    $same = $null
                    if ($added.resourceAppId) {
                        $same = $merged | Where-Object { $_.resourceAppId -eq $added.resourceAppId } | Select-Object -First 1
                    }
                    if ($null -eq $same) { $merged.Add($added); continue }
                    foreach ($access in $added.resourceAccess) {
                        if (-not ($same.resourceAccess | Where-Object { $_.id -eq $access.id })) {
                            $same.resourceAccess = @($same.resourceAccess | Where-Object { $_ }) + $access
                        }
                    }
                }
                $patch.$property = $merged.ToArray()
            }
            return ConvertTo-Json -InputObject $patch -Depth 20
        }
        """;

    public const string TestBodyApplied = """
        # Makes a change step safe to run again, as mailsetup's runner does: what the PATCH would set
        # is read first, and sent only when it differs. Compared as Entra means it: lists as sets,
        # text ignoring case, @odata annotations and empty values left out.
        function Test-SameJson {
            param([object] $A, [object] $B)
            if ($null -eq $A -or $null -eq $B) { return ($null -eq $A) -and ($null -eq $B) }
            if ($A -is [System.Collections.IList] -or $B -is [System.Collections.IList]) {
                if (-not ($A -is [System.Collections.IList] -and $B -is [System.Collections.IList]) -or $A.Count -ne $B.Count) { return $false }
                foreach ($pair in @(@{ From = $A; In = $B }, @{ From = $B; In = $A })) {
                    foreach ($x in $pair.From) {
                        $found = $false
                        foreach ($y in $pair.In) { if (Test-SameJson $x $y) { $found = $true; break } }
                        if (-not $found) { return $false }
                    }
                }
                return $true
            }
            $object = [System.Management.Automation.PSCustomObject]
            if ($A -is $object -or $B -is $object) {
                if (-not ($A -is $object -and $B -is $object)) { return $false }
                $inA = @($A.PSObject.Properties | Where-Object { -not $_.Name.StartsWith('@') -and $null -ne $_.Value })
                $inB = @($B.PSObject.Properties | Where-Object { -not $_.Name.StartsWith('@') -and $null -ne $_.Value })
                if ($inA.Count -ne $inB.Count) { return $false }
                foreach ($property in $inA) { if (-not (Test-SameJson $property.Value $B.($property.Name))) { return $false } }
                return $true
            }
            return "$A" -eq "$B"
        }

        function Test-BodyApplied {
            param([string] $Body, [psobject] $Current)
            $wanted = ConvertFrom-Json -InputObject $Body
            foreach ($property in $wanted.PSObject.Properties) {
                if ($property.Name.StartsWith('@')) { continue }
                if (-not (Test-SameJson $property.Value $Current.($property.Name))) { return $false }
            }
            return $true
        }
        """;

    /// <summary>Writes a function at column 0, with <c>\n</c> endings whatever the source file's.</summary>
    public static void Write(PowerShellScriptBuilder script, string function)
    {
        foreach (var line in function.ReplaceLineEndings("\n").Split('\n')) script.Line(line);
        script.Line();
    }
}
