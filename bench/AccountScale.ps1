#!/usr/bin/env pwsh
<#
.SYNOPSIS
    The realistic-network scenario: "invalidations created in the last 24 hours, across the account", every
    request taking 100 ms at the endpoint; writes its section of bench/results.md (the rest of the file stays).
.DESCRIPTION
    An account of 40 distributions x 2,000 invalidations spread over 60 days (tests/LocalCloudFront with
    latencyMs 100 and intervalMinutes 43.2). Contestants, in one run: ours (-AllDistributions -CreatedAfter),
    ours the way AWS.Tools would do it (one distribution after another, whole histories, then Where-Object), a
    boto3 script in one process (list_distributions, the list_invalidations paginator per distribution, a
    filter), and the ideal (pages that must be fetched / ThrottleLimit x 100 ms). Also a single distribution's
    full listing against pages x 100 ms. Run by Invoke-Benchmark.ps1 after its report, or alone.
.PARAMETER Quick
    Smoke run: 3 distributions x 60 invalidations, 10 per page, 20 ms per request.
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
$workDir = Enter-BenchScenario account $Manifest

$Distributions = if ($Quick) { 3 } else { 40 }
$PerDistribution = if ($Quick) { 60 } else { 2000 }
$PageSize = if ($Quick) { 10 } else { 100 }
$LatencyMs = if ($Quick) { 20 } else { 100 }
$ThrottleLimit = 4
$IntervalMinutes = 60.0 * 24 * 60 / 2000   # 2,000 invalidations over 60 days (kept in -Quick: the window holds 34)
$Newest = [datetime]::new(2026, 11, 1, 0, 0, 0, [DateTimeKind]::Utc)   # LocalCloudFront's newest CreateTime
$Since = $Newest.AddHours(-24)
$SlowRounds = 1   # the whole-history contestants take minutes per round at 100 ms per request
$Invariant = [cultureinfo]::InvariantCulture

$ids = 1..$Distributions | ForEach-Object { 'EACCOUNT{0:D3}' -f $_ }
$server = Start-LocalCloudFront -LatencyMs $LatencyMs -Distribution @(
    $ids | ForEach-Object { @{ id = $_; count = $PerDistribution; pageCap = $PageSize; intervalMinutes = $IntervalMinutes } })
$url = $server.Url
$inWindowPerDistribution = [Math]::Min($PerDistribution, [Math]::Floor(24 * 60 / $IntervalMinutes) + 1)
$expected = $Distributions * $inWindowPerDistribution
# The pages that hold the window: up to and including the one holding the first older item, plus ListDistributions.
$windowPages = [Math]::Ceiling(($inWindowPerDistribution + 1) / $PageSize)
$pagesNeeded = [Math]::Ceiling($Distributions / 100) + $Distributions * $windowPages
$fullPages = [Math]::Ceiling($PerDistribution / $PageSize)

function Measure-Block([scriptblock] $Block, [string] $What, [int] $Expected) {
    $stopwatch = [Diagnostics.Stopwatch]::StartNew()
    $count = & $Block
    $stopwatch.Stop()
    Assert-Count $What $count $Expected
    $stopwatch.Elapsed.TotalMilliseconds
}

try {
    $contestants = [ordered]@{
        Ours = @{ Name = "**ours**: ``Get-CFInvalidationList -AllDistributions -CreatedAfter `$since``, -ThrottleLimit $ThrottleLimit"; Rounds = $Repetitions; Run = {
                Measure-Block { (Get-CFInvalidationList -AllDistributions -CreatedAfter $Since -ThrottleLimit $ThrottleLimit -MaxItem $PageSize -EndpointUrl $url | Measure-Object).Count } 'ours' $expected } }
        AwsToolsWay = @{ Name = 'ours the AWS.Tools way: one distribution after another, whole histories, then `Where-Object CreateTime -ge $since`'; Rounds = $SlowRounds; Run = {
                Measure-Block { (Get-CFInvalidationList -AllDistributions -ThrottleLimit 1 -MaxItem $PageSize -EndpointUrl $url | Where-Object CreateTime -ge $Since | Measure-Object).Count } 'the AWS.Tools way' $expected } }
        Single = @{ Name = "ours, one distribution's whole history ($PerDistribution items, $fullPages pages)"; Rounds = $Repetitions; Run = {
                Measure-Block { (Get-CFInvalidationList $ids[0] -MaxItem $PageSize -EndpointUrl $url | Measure-Object).Count } 'one distribution' $PerDistribution } }
    }
    $boto3 = Find-Boto3
    if ($boto3) {
        $contestants.Boto3 = @{ Name = "boto3 $($boto3.Version) in one process: list_distributions, list_invalidations paginator per distribution, filter"; Rounds = $SlowRounds; Run = {
                $run = Invoke-TimedProcess @($boto3.Python, (Join-Path $PSScriptRoot 'boto3_account.py'), $url, $Since.ToString('o'))
                Assert-Count 'boto3' $run.Output $expected
                $run.Milliseconds } }
    }
    Measure-ScenarioContestants $contestants $server 'account scale'
}
finally {
    Stop-LocalCloudFront -Server $server
    Remove-Item -Recurse -Force $workDir -ErrorAction SilentlyContinue
}

$ideal = $pagesNeeded / $ThrottleLimit * $LatencyMs
$singleIdeal = $fullPages * $LatencyMs
$ours = $contestants.Ours

$section = [Collections.Generic.List[string]]::new()
$section.Add('<!-- account-scale: written by bench/AccountScale.ps1; the rest of the file by Invoke-Benchmark.ps1 -->')
$section.Add('## Account scale: "invalidations created in the last 24 hours, across the account"')
$section.Add('')
$section.Add("$(if ($Quick) { 'QUICK smoke run: tiny account, numbers meaningless. ' } else { '' })Produced on $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm', $Invariant)) UTC. " +
    "Every request takes $LatencyMs ms at the endpoint (latencyMs); $Distributions distributions x $PerDistribution invalidations, one every $IntervalMinutes minutes " +
    "(60 days for 2,000), $PageSize per page; $expected invalidations in the window ($inWindowPerDistribution per distribution). " +
    "Pages that must be fetched: $pagesNeeded (ListDistributions, then $windowPages per distribution up to the first older item); " +
    "ideal = $pagesNeeded / ThrottleLimit $ThrottleLimit x $LatencyMs ms = $(Format-Ms $ideal). Medians of the rounds shown.")
$section.Add('')
$section.Add('| contestant | rounds | median | requests | peak in flight |')
$section.Add('|---|---|---|---|---|')
foreach ($contestant in $contestants.Values) {
    $section.Add("| $($contestant.Name) | $($contestant.Samples.Count) | $(Format-Ms $contestant.Median) | $($contestant.Requests) | $($contestant.Peak) |")
}
$section.Add("| ideal: $pagesNeeded pages / $ThrottleLimit x $LatencyMs ms | | $(Format-Ms $ideal) | $pagesNeeded | $ThrottleLimit |")
$section.Add('')
$section.Add('| target | measured | verdict |')
$section.Add('|---|---|---|')
if ($contestants.Contains('Boto3')) { $section.Add((Format-Target 'ours >= 20x faster than the boto3 script' ($contestants.Boto3.Median / $ours.Median) 20 -AtLeast)) }
else { $section.Add('| ours >= 20x faster than the boto3 script | boto3 not installed | not measured |') }
$section.Add((Format-Target 'ours <= 1.5x the ideal' ($ours.Median / $ideal) 1.5))
$section.Add((Format-Target "one distribution's whole listing <= 1.1x (pages x $LatencyMs ms)" ($contestants.Single.Median / $singleIdeal) 1.1))
$section.Add((Format-Target 'ours vs. ours the AWS.Tools way (speed-up)' ($contestants.AwsToolsWay.Median / $ours.Median) 1 -AtLeast))
Set-ResultsSection $OutputPath 'account-scale' $section
