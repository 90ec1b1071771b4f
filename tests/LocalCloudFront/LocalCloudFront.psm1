# Starts, configures and reads the local CloudFront-compatible endpoint (tests/LocalCloudFront) for
# the Pester tests, the Demo and the Benchmark.
Set-StrictMode -Version Latest

$script:DefaultDllPath = Join-Path $PSScriptRoot '../../out/LocalCloudFront/LocalCloudFront.dll'
$script:StartTimeout = [TimeSpan]::FromSeconds(30)

function Start-LocalCloudFront {
    <#
    .SYNOPSIS
    Starts the local endpoint on a free 127.0.0.1 port and returns { Url; Process }.
    .DESCRIPTION
    The server's stdin stays redirected and open: it exits when Stop-LocalCloudFront closes it, or when
    this PowerShell process dies, so it never outlives its parent.
    #>
    [CmdletBinding()]
    param(
        [string] $DllPath = $script:DefaultDllPath,
        [string] $SeedFile,
        [hashtable[]] $Distribution = @()
    )
    if (-not (Test-Path -LiteralPath $DllPath -PathType Leaf)) {
        throw "LocalCloudFront server not found at '$DllPath'. Build it with: dotnet pwsh ./build.ps1 LocalCloudFront"
    }
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $arguments = @((Get-FullPath $DllPath), '--port', '0')
    if ($SeedFile) { $arguments += '--config', (Get-FullPath $SeedFile) }
    foreach ($argument in $arguments) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true

    $process = [System.Diagnostics.Process]::Start($startInfo)
    # Drained in the background so that a chatty failure can't block the server, and shown if it dies.
    $errorOutput = $process.StandardError.ReadToEndAsync()
    $url = Wait-ListeningLine -Process $process -ErrorOutput $errorOutput
    $server = [pscustomobject]@{ PSTypeName = 'LocalCloudFront.Server'; Url = $url; Process = $process }
    foreach ($settings in $Distribution) {
        if (-not $settings['id']) { throw "Each -Distribution hashtable needs an 'id'." }
        Send-DistributionSettings -Server $server -Id $settings['id'] -Settings $settings
    }
    $server
}

function Stop-LocalCloudFront {
    <# .SYNOPSIS Closes the server's stdin so it exits; kills it if it has not within 5 seconds. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [psobject] $Server)
    $process = $Server.Process
    if (-not $process.HasExited) {
        $process.StandardInput.Close()
        if (-not $process.WaitForExit(5000)) {
            $process.Kill($true)
            $process.WaitForExit()
        }
    }
}

function Set-LocalDistribution {
    <# .SYNOPSIS Creates or replaces a distribution (resetting its fault counters). #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [psobject] $Server,
        [Parameter(Mandatory)] [string] $Id,
        [Parameter(Mandatory)] [int] $Count,
        [int] $PageCap = 100,
        [int] $InProgress = 2,
        [string] $DomainName,
        [string] $Comment,
        [hashtable] $Fault = @{}
    )
    $settings = @{ count = $Count; pageCap = $PageCap; inProgress = $InProgress; faults = $Fault }
    if ($PSBoundParameters.ContainsKey('DomainName')) { $settings.domainName = $DomainName }
    if ($PSBoundParameters.ContainsKey('Comment')) { $settings.comment = $Comment }
    Send-DistributionSettings -Server $Server -Id $Id -Settings $settings
}

function Remove-LocalDistribution {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [psobject] $Server,
        [Parameter(Mandatory)] [string] $Id
    )
    Invoke-LocalAdmin -Server $Server -Method Delete -Path "distributions/$([uri]::EscapeDataString($Id))" | Out-Null
}

function Get-LocalRequestLog {
    <# .SYNOPSIS The logged CloudFront requests (admin calls excluded), in the order they arrived. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [psobject] $Server,
        [string] $DistributionId
    )
    $entries = Invoke-LocalAdmin -Server $Server -Method Get -Path 'requests'
    # The server logs a request when it has answered, so a quick request can be logged before a slower one
    # that arrived first: order by arrival time.
    $entries | Where-Object { -not $DistributionId -or $_.distributionId -eq $DistributionId } | Sort-Object timeUtc, sequence
}

function Clear-LocalRequestLog {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [psobject] $Server)
    Invoke-LocalAdmin -Server $Server -Method Delete -Path 'requests' | Out-Null
}

function Wait-ListeningLine {
    # Reads stdout until "LISTENING <url>"; fails clearly on timeout or early exit.
    param($Process, $ErrorOutput)
    $deadline = [DateTime]::UtcNow + $script:StartTimeout
    while ($true) {
        $lineTask = $Process.StandardOutput.ReadLineAsync()
        $remaining = $deadline - [DateTime]::UtcNow
        if ($remaining -le [TimeSpan]::Zero -or -not $lineTask.Wait($remaining)) {
            $Process.Kill($true)
            throw "LocalCloudFront did not print its LISTENING line within $($script:StartTimeout.TotalSeconds) s."
        }
        $line = $lineTask.Result
        if ($null -eq $line) {
            $Process.WaitForExit()
            throw "LocalCloudFront exited with code $($Process.ExitCode) before listening: $($ErrorOutput.Result.Trim())"
        }
        if ($line -match '^LISTENING (http://\S+)$') {
            return $Matches[1]
        }
    }
}

function Send-DistributionSettings {
    param($Server, [string] $Id, [hashtable] $Settings)
    Invoke-LocalAdmin -Server $Server -Method Put -Path "distributions/$([uri]::EscapeDataString($Id))" `
        -Body (ConvertTo-Json -InputObject $Settings -Depth 5 -Compress) | Out-Null
}

function Get-FullPath([string] $Path) {
    # Relative to PowerShell's location, which the server process does not share.
    $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
}

function Invoke-LocalAdmin {
    param($Server, [string] $Method, [string] $Path, [string] $Body)
    $request = @{ Method = $Method; Uri = "$($Server.Url)/_admin/$Path"; NoProxy = $true }
    if ($Body) {
        $request.Body = $Body
        $request.ContentType = 'application/json'
    }
    Invoke-RestMethod @request
}

Export-ModuleMember -Function Start-LocalCloudFront, Stop-LocalCloudFront, Set-LocalDistribution,
    Remove-LocalDistribution, Get-LocalRequestLog, Clear-LocalRequestLog
