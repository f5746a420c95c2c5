# Parses each script with PowerShell's own parser (nothing runs) and prints one line per script:
# its path, then each error with its line and column. One process for all, as pwsh is slow to start.
param([string[]] $Path)
foreach ($file in $Path) {
    $tokens = $null
    $errors = $null
    $null = [System.Management.Automation.Language.Parser]::ParseFile($file, [ref] $tokens, [ref] $errors)
    $described = @($errors | ForEach-Object { "line $($_.Extent.StartLineNumber) col $($_.Extent.StartColumnNumber): $($_.Message)" })
    Write-Output "$([System.IO.Path]::GetFileName($file)): $($described.Count) error(s) $($described -join '; ')"
}
