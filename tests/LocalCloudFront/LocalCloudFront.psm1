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
    this PowerShell process dies, so it never outlives its parent. -Distribution and -Tenant take the
    settings of the admin API as hashtables, each with an 'id'; -LatencyMs, -MaxConcurrent and
    -DistributionPageCap are the initial server settings (see Set-LocalServerSettings).
    #>
    [CmdletBinding()]
    param(
        [string] $DllPath = $script:DefaultDllPath,
        [string] $SeedFile,
        [hashtable[]] $Distribution = @(),
        [hashtable[]] $Tenant = @(),
        [int] $LatencyMs,
        [int] $MaxConcurrent,
        [int] $DistributionPageCap
    )
    if (-not (Test-Path -LiteralPath $DllPath -PathType Leaf)) {
        throw "LocalCloudFront server not found at '$DllPath'. Build it with: dotnet pwsh ./build.ps1 LocalCloudFront"
    }
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $arguments = @((Get-FullPath $DllPath), '--port', '0')
    if ($SeedFile) { $arguments += '--config', (Get-FullPath $SeedFile) }
    if ($PSBoundParameters.ContainsKey('LatencyMs')) { $arguments += '--latency-ms', $LatencyMs }
    if ($PSBoundParameters.ContainsKey('MaxConcurrent')) { $arguments += '--max-concurrent', $MaxConcurrent }
    if ($PSBoundParameters.ContainsKey('DistributionPageCap')) { $arguments += '--distribution-page-cap', $DistributionPageCap }
    foreach ($argument in $arguments) { $startInfo.ArgumentList.Add("$argument") }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardInput = $true
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true

    $process = [System.Diagnostics.Process]::Start($startInfo)
    # Drained in the background so that a chatty failure can't block the server, and shown if it dies.
    $errorOutput = $process.StandardError.ReadToEndAsync()
    $url = Wait-ListeningLine -Process $process -ErrorOutput $errorOutput
    $server = [pscustomobject]@{ PSTypeName = 'LocalCloudFront.Server'; Url = $url; Process = $process }
    foreach ($collection in @(@{ Name = 'Distribution'; Path = 'distributions'; Items = $Distribution },
            @{ Name = 'Tenant'; Path = 'tenants'; Items = $Tenant })) {
        foreach ($settings in $collection.Items) {
            if (-not $settings['id']) { throw "Each -$($collection.Name) hashtable needs an 'id'." }
            Send-DistributionSettings -Server $server -Collection $collection.Path -Id $settings['id'] -Settings $settings
        }
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
    <#
    .SYNOPSIS
    Creates or replaces a distribution, or with -Tenant a distribution tenant (resetting its fault
    counter and its completion clock).
    .DESCRIPTION
    -CompleteAfterMs: the InProgress invalidations complete, the oldest of them this many milliseconds from
    now and each newer one -CompleteStaggerMs later; without it they stay InProgress. -IntervalMinutes: the
    time between consecutive invalidations (default 7). -Creation: how CreateInvalidation answers
    (maxPathsInProgress, maxWildcardsInProgress, completeAfterMs, loseAnswerFirst, loseAnswerBy, referenceConflictCode; README).
    -Invalidation instead of -Count: the history as given, each @{ CreateTime = [datetime] (UTC; a value of
    Kind Unspecified is taken as UTC); Paths = [string[]]; Status = 'Completed' (default) or 'InProgress'; Id = the id it is
    listed under, any text (default: generated) }.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Generated')]
    param(
        [Parameter(Mandatory)] [psobject] $Server,
        [Parameter(Mandatory)] [string] $Id,
        [Parameter(Mandatory, ParameterSetName = 'Generated')] [int] $Count,
        [Parameter(Mandatory, ParameterSetName = 'Given')] [hashtable[]] $Invalidation,
        [int] $PageCap = 100,
        [int] $InProgress = 2,
        [int] $CompleteAfterMs,
        [int] $CompleteStaggerMs,
        [double] $IntervalMinutes,
        [string] $DomainName,
        [string[]] $Aliases,
        [string] $Comment,
        [hashtable] $Fault = @{},
        [hashtable] $Creation = @{},
        [switch] $Tenant
    )
    $settings = @{ count = $Count; pageCap = $PageCap; inProgress = $InProgress; faults = $Fault; creation = $Creation }
    if ($Invalidation) {
        $settings.invalidations = @($Invalidation | ForEach-Object {
            $createTime = [datetime] $_.CreateTime
            $createTime = if ($createTime.Kind -eq 'Unspecified') { [datetime]::SpecifyKind($createTime, 'Utc') } else { $createTime.ToUniversalTime() }
            $given = @{ createTime = $createTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", [cultureinfo]::InvariantCulture)
               status = if ($_.ContainsKey('Status')) { $_.Status } else { 'Completed' }
               paths = @($_.Paths) }
            if ($_.ContainsKey('Id')) { $given.id = $_.Id }
            $given
        })
    }
    $optional = @{ CompleteAfterMs = 'completeAfterMs'; CompleteStaggerMs = 'completeStaggerMs'; IntervalMinutes = 'intervalMinutes'; DomainName = 'domainName'; Aliases = 'aliases'; Comment = 'comment' }
    foreach ($parameter in $optional.Keys) {
        if ($PSBoundParameters.ContainsKey($parameter)) { $settings[$optional[$parameter]] = $PSBoundParameters[$parameter] }
    }
    Send-DistributionSettings -Server $Server -Collection (Get-CollectionPath $Tenant) -Id $Id -Settings $settings
}

function Remove-LocalDistribution {
    <# .SYNOPSIS Removes a distribution, or with -Tenant a distribution tenant. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [psobject] $Server,
        [Parameter(Mandatory)] [string] $Id,
        [switch] $Tenant
    )
    Invoke-LocalAdmin -Server $Server -Method Delete -Path "$(Get-CollectionPath $Tenant)/$([uri]::EscapeDataString($Id))" | Out-Null
}

function Set-LocalServerSettings {
    <#
    .SYNOPSIS
    Replaces the server-wide settings: a parameter left out takes its default (no latency, no concurrency
    cap, 100 distributions per ListDistributions page, no ListDistributions faults).
    .DESCRIPTION
    -LatencyMs: every CloudFront request waits this long before it is answered (a distribution's
    faults.delayMs replaces it for that distribution's requests). -MaxConcurrent: a CloudFront request
    arriving while this many are in flight is answered 400 Throttling at once (logged fault
    'concurrencyThrottle'). -DistributionListFault: faults of ListDistributions, as for a distribution.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [psobject] $Server,
        [int] $LatencyMs = 0,
        [int] $MaxConcurrent,
        [int] $DistributionPageCap = 100,
        [hashtable] $DistributionListFault = @{}
    )
    $settings = @{ latencyMs = $LatencyMs; distributionPageCap = $DistributionPageCap; distributionListFaults = $DistributionListFault }
    if ($PSBoundParameters.ContainsKey('MaxConcurrent')) { $settings.maxConcurrent = $MaxConcurrent }
    Invoke-LocalAdmin -Server $Server -Method Put -Path 'settings' -Body (ConvertTo-Json -InputObject $settings -Depth 5 -Compress)
}

function Get-LocalServerSettings {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [psobject] $Server)
    Invoke-LocalAdmin -Server $Server -Method Get -Path 'settings'
}

function Get-LocalRequestLog {
    <#
    .SYNOPSIS
    The logged CloudFront requests (admin calls excluded), in the order they arrived; each filter given must match.
    .DESCRIPTION
    -Operation takes the operation names the log records: ListDistributions, ListInvalidations,
    GetInvalidation, CreateInvalidation, ListInvalidationsForDistributionTenant,
    GetInvalidationForDistributionTenant, CreateInvalidationForDistributionTenant (and
    AssumeRole, GetRoleCredentials for the fake STS and SSO).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [psobject] $Server,
        [string] $DistributionId,
        [string] $TenantId,
        [string[]] $Operation
    )
    $entries = Invoke-LocalAdmin -Server $Server -Method Get -Path 'requests'
    $entries | Where-Object {
        (-not $DistributionId -or $_.distributionId -eq $DistributionId) -and
        (-not $TenantId -or $_.tenantId -eq $TenantId) -and
        (-not $Operation -or $_.operation -in $Operation)
    } | Sort-Object startUtc, sequence  # logged when answered: a quick request can be logged before an earlier slow one
}

function Get-LocalPeakConcurrency {
    <#
    .SYNOPSIS
    The largest number of logged requests that were in flight at the same moment.
    .DESCRIPTION
    Sweeps over the entries' startUtc/endUtc: a request that ends at the instant another starts does not
    overlap it. With -Server the log is read with the same filters as Get-LocalRequestLog; or pipe log
    entries in. -ExcludeThrottled leaves out the requests the server's maxConcurrent cap turned away at
    once, so the result is what the server admitted; with them, it is what the client had in flight.
    #>
    [CmdletBinding(DefaultParameterSetName = 'Server')]
    param(
        [Parameter(Mandatory, ParameterSetName = 'Server')] [psobject] $Server,
        [Parameter(ParameterSetName = 'Server')] [string] $DistributionId,
        [Parameter(ParameterSetName = 'Server')] [string] $TenantId,
        [Parameter(ParameterSetName = 'Server')] [string[]] $Operation,
        [Parameter(Mandatory, ValueFromPipeline, ParameterSetName = 'Entry')] [psobject[]] $Entry,
        [switch] $ExcludeThrottled
    )
    begin { $entries = [System.Collections.Generic.List[psobject]]::new() }
    process {
        if ($PSCmdlet.ParameterSetName -eq 'Entry') { $entries.AddRange($Entry) }
    }
    end {
        if ($PSCmdlet.ParameterSetName -eq 'Server') {
            $filter = @{} + $PSBoundParameters
            $filter.Remove('ExcludeThrottled')
            foreach ($entry in Get-LocalRequestLog @filter) { $entries.Add($entry) }
        }
        # An end sorts before a start at the same tick: back-to-back requests never count as overlapping.
        $events = foreach ($entry in $entries) {
            if ($ExcludeThrottled -and $entry.fault -eq 'concurrencyThrottle') { continue }
            [pscustomobject]@{ Ticks = ([datetime] $entry.startUtc).ToUniversalTime().Ticks; Change = 1 }
            [pscustomobject]@{ Ticks = ([datetime] $entry.endUtc).ToUniversalTime().Ticks; Change = -1 }
        }
        $inFlight = 0
        $peak = 0
        foreach ($event in $events | Sort-Object Ticks, Change) {
            $inFlight += $event.Change
            $peak = [Math]::Max($peak, $inFlight)
        }
        $peak
    }
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

function Get-CollectionPath([bool] $Tenant) { if ($Tenant) { 'tenants' } else { 'distributions' } }

function Send-DistributionSettings {
    param($Server, [string] $Collection, [string] $Id, [hashtable] $Settings)
    Invoke-LocalAdmin -Server $Server -Method Put -Path "$Collection/$([uri]::EscapeDataString($Id))" `
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
    Remove-LocalDistribution, Set-LocalServerSettings, Get-LocalServerSettings, Get-LocalRequestLog,
    Get-LocalPeakConcurrency, Clear-LocalRequestLog
