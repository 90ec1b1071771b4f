#!/usr/bin/env pwsh
<#
.SYNOPSIS
    The usage scenario: "this month's invalidation paths across the account, and what they cost", every request
    taking 80 ms at the endpoint; writes its section of bench/results.md (the rest of the file stays).
.DESCRIPTION
    An account of 12 distributions x 60 invalidations, 50 of them in the month counted (2026-10) and the rest on
    both sides of it (tests/LocalCloudFront, latencyMs 80). Contestants, in one run: ours
    (Get-CFInvalidationUsage -Summary -ThrottleLimit 16), a sequential boto3 script answering the same question in
    one process (list_distributions, list_invalidations with an early stop, get_invalidation per invalidation of
    the month), and the ideal for the throttle limit: (ListDistributions + listing rounds + GetInvalidation
    rounds) x 80 ms, a round being up to ThrottleLimit requests at once. Run by Invoke-Benchmark.ps1, or alone.
.PARAMETER Quick
    Smoke run: 3 distributions x 12 invalidations in the month, 20 ms per request.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $Manifest,
    [string] $OutputPath = (Join-Path $PSScriptRoot 'results.md'),
    [ValidateRange(1, 20)] [int] $Repetitions = 3,
    [switch] $Quick
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'Scenario.psm1') -Force
$workDir = Enter-BenchScenario usage $Manifest

$Distributions = if ($Quick) { 3 } else { 12 }
$InMonth = if ($Quick) { 12 } else { 50 }
$LatencyMs = if ($Quick) { 20 } else { 80 }
$ThrottleLimit = 16
$Invariant = [cultureinfo]::InvariantCulture
# LocalCloudFront's newest CreateTime is 2026-11-01T00:00Z (outside October); spaced so that items 1..InMonth fall in
# October and the ten after them before it: one page of 100 holds the month and its first older item.
$MonthStart = [datetime]::new(2026, 10, 1, 0, 0, 0, [DateTimeKind]::Utc)
$MonthEnd = $MonthStart.AddMonths(1)
$IntervalMinutes = ($MonthEnd - $MonthStart).TotalMinutes / ($InMonth + 0.5)
$PerDistribution = $InMonth + 10

$ids = 1..$Distributions | ForEach-Object { 'EUSAGEBENCH{0:D2}' -f $_ }
$server = Start-LocalCloudFront -LatencyMs $LatencyMs -Distribution @(
    $ids | ForEach-Object { @{ id = $_; count = $PerDistribution; inProgress = 0; intervalMinutes = $IntervalMinutes } })
$url = $server.Url
$expectedInvalidations = $Distributions * $InMonth
$listingRounds = [Math]::Ceiling($Distributions / $ThrottleLimit)
$getRounds = [Math]::Ceiling($expectedInvalidations / $ThrottleLimit)
$idealRequests = 1 + $Distributions + $expectedInvalidations
$ideal = (1 + $listingRounds + $getRounds) * $LatencyMs
$loadAtStart = Get-LoadAverage

try {
    $contestants = [ordered]@{
        Ours = @{ Name = "**ours**: ``Get-CFInvalidationUsage -Month 2026-10 -Summary -ThrottleLimit $ThrottleLimit``"; Rounds = $Repetitions; Run = {
                $stopwatch = [Diagnostics.Stopwatch]::StartNew()
                $summary = Get-CFInvalidationUsage -Month $MonthStart -Summary -ThrottleLimit $ThrottleLimit -EndpointUrl $url -WarningAction SilentlyContinue
                $stopwatch.Stop()
                Assert-Count 'ours: invalidations' $summary.Invalidations $expectedInvalidations
                $script:oursPaths = $summary.Paths
                $stopwatch.Elapsed.TotalMilliseconds } }
    }
    $boto3 = Find-Boto3
    if ($boto3) {
        $contestants.Boto3 = @{ Name = "boto3 $($boto3.Version), sequential in one process: list_distributions, list_invalidations with an early stop, get_invalidation per invalidation"; Rounds = 1; Run = {
                $run = Invoke-TimedProcess @($boto3.Python, (Join-Path $PSScriptRoot 'boto3_usage.py'), $url, $MonthStart.ToString('o'), $MonthEnd.ToString('o'))
                $invalidations, $paths, $null = $run.Output.Trim() -split ' '
                Assert-Count 'boto3: invalidations' $invalidations $expectedInvalidations
                Assert-Count 'boto3: the same paths as ours' $paths $script:oursPaths
                $run.Milliseconds } }
    }
    Measure-ScenarioContestants $contestants $server 'usage'
}
finally {
    Stop-LocalCloudFront -Server $server
    Remove-Item -Recurse -Force $workDir -ErrorAction SilentlyContinue
}

$ours = $contestants.Ours

$section = [Collections.Generic.List[string]]::new()
$section.Add('<!-- usage-scale: written by bench/UsageScale.ps1 -->')
$section.Add('## Invalidation usage: "this month''s paths across the account, and what they cost"')
$section.Add('')
$section.Add("$(if ($Quick) { 'QUICK smoke run: tiny account, numbers meaningless. ' } else { '' })Produced on $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm', $Invariant)) UTC. " +
    "Every request takes $LatencyMs ms at the endpoint (latencyMs); $Distributions distributions x $PerDistribution invalidations, $InMonth of each in the month, " +
    "$expectedInvalidations in all, $($script:oursPaths) paths. Requests needed: $idealRequests (ListDistributions, one listing page per distribution, one GetInvalidation per invalidation of the month); " +
    "ideal = (1 + $listingRounds listing round(s) + $getRounds GetInvalidation rounds of up to $ThrottleLimit) x $LatencyMs ms = $(Format-Ms $ideal). Medians of the rounds shown. " +
    "Load average (1, 5, 15 min) at the start: $loadAtStart, at the end: $(Get-LoadAverage), on $([Environment]::ProcessorCount) CPUs: " +
    "every request costs the client and the endpoint some CPU, which a loaded machine turns into time.")
$section.Add('')
$section.Add('| contestant | rounds | median | requests | peak in flight |')
$section.Add('|---|---|---|---|---|')
foreach ($contestant in $contestants.Values) {
    $section.Add("| $($contestant.Name) | $($contestant.Samples.Count) | $(Format-Ms $contestant.Median) | $($contestant.Requests) | $($contestant.Peak) |")
}
$section.Add("| ideal: $(1 + $listingRounds + $getRounds) rounds x $LatencyMs ms | | $(Format-Ms $ideal) | $idealRequests | $ThrottleLimit |")
$section.Add('')
$section.Add('| target | measured | verdict |')
$section.Add('|---|---|---|')
$section.Add((Format-Target 'ours <= 1.5x the ideal' ($ours.Median / $ideal) 1.5))
if ($contestants.Contains('Boto3')) { $section.Add((Format-Target 'ours >= 10x faster than the sequential boto3 script' ($contestants.Boto3.Median / $ours.Median) 10 -AtLeast)) }
else { $section.Add('| ours >= 10x faster than the sequential boto3 script | boto3 not installed | not measured |') }
Set-ResultsSection $OutputPath 'usage-scale' $section
