<#
.SYNOPSIS
    Run by the benchmark as the whole script of a fresh pwsh: where a cold listing spends its time, phase by
    phase, with the methods JIT-compiled and the JIT time of each. Prints one JSON array of phases.
.DESCRIPTION
    The phases run in the order a cold `Import-Module …; (Get-CFInvalidationList … | Measure-Object).Count`
    meets them, except that a bare HttpClient GET goes first, so that the first page through the cmdlet shows
    what is ours (credentials, client, AWSSDK.Core's pipeline, signing, parsing) apart from .NET's HTTP stack.
    JIT time is summed over threads (background tier-1 compilation included), so it can exceed wall time.
#>
param(
    [Parameter(Mandatory)] [string] $Manifest,
    [Parameter(Mandatory)] [string] $EndpointUrl,
    [Parameter(Mandatory)] [string] $DistributionId,
    [Parameter(Mandatory)] [int] $ExpectedCount
)
$stopwatch = [Diagnostics.Stopwatch]::StartNew()
# Process start to here: pwsh's own start (its process start time has the kernel's 10 ms clock tick).
$startMilliseconds = ([datetime]::Now - [Diagnostics.Process]::GetCurrentProcess().StartTime).TotalMilliseconds
$phases = [Collections.Generic.List[object]]::new()
$last = @{ Milliseconds = 0.0; Methods = 0; JitMilliseconds = 0.0 }
function Add-Phase([string] $Name, [double] $Milliseconds, [int] $Methods, [double] $JitMilliseconds) {
    $phases.Add([ordered]@{ Name = $Name; Milliseconds = $Milliseconds; JitMethods = $Methods; JitMilliseconds = $JitMilliseconds })
}
function Complete-Phase([string] $Name) {
    $now = @{ Milliseconds = $stopwatch.Elapsed.TotalMilliseconds; Methods = [Runtime.JitInfo]::GetCompiledMethodCount($false)
        JitMilliseconds = [Runtime.JitInfo]::GetCompilationTime($false).TotalMilliseconds }
    Add-Phase $Name ($now.Milliseconds - $last.Milliseconds) ($now.Methods - $last.Methods) ($now.JitMilliseconds - $last.JitMilliseconds)
    $script:last = $now
}
Add-Phase 'PwshStart' $startMilliseconds ([Runtime.JitInfo]::GetCompiledMethodCount($false)) ([Runtime.JitInfo]::GetCompilationTime($false).TotalMilliseconds)
$last = @{ Milliseconds = $stopwatch.Elapsed.TotalMilliseconds; Methods = $phases[0].JitMethods; JitMilliseconds = $phases[0].JitMilliseconds }

Import-Module $Manifest
Complete-Phase 'ImportModule'

$httpClient = [Net.Http.HttpClient]::new()
$null = $httpClient.GetByteArrayAsync("$EndpointUrl/2020-05-31/distribution/$DistributionId/invalidation").GetAwaiter().GetResult()
Complete-Phase 'FirstHttpGet'

$firstPage = (Get-CFInvalidationList -DistributionId $DistributionId -EndpointUrl $EndpointUrl -MaxItem 100 -NoAutoIteration | Measure-Object).Count
Complete-Phase 'FirstPage'

$count = (Get-CFInvalidationList -DistributionId $DistributionId -EndpointUrl $EndpointUrl | Measure-Object).Count
Complete-Phase 'WholeListing'

if ($firstPage -ne [Math]::Min(100, $ExpectedCount) -or $count -ne $ExpectedCount) { throw "Listed $firstPage then $count invalidations, expected $ExpectedCount." }
ConvertTo-Json -Compress -InputObject $phases.ToArray()
