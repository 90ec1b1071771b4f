#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Benchmarks Get-CFInvalidationList against the AWS CLI, boto3 and the transport floor, in one run
    on the local CloudFront-compatible endpoint, and writes the table to bench/results.md.
.DESCRIPTION
    Orchestrates: sets up the endpoint and an isolated AWS environment, defines the contestants, has
    Measure.psm1 run them and Report.psm1 turn the results into the table, the cold start breakdown and
    the verdicts. Every target is a ratio between two measurements of the same run, so a shared, noisy
    machine shifts both sides alike.

    Like for like: every contestant lists the same distribution of 10,000 invalidations (100 pages of 100)
    served by tests/LocalCloudFront on 127.0.0.1 and prints only the count: Get-CFInvalidationList warm
    (this process) and cold (new pwsh, with and without the module's ReadyToRun images), every `aws` CLI
    found (awscli v1 from pip, v2 if installed, e.g. Debian's `apt-get install awscli`), a boto3 paginator,
    and the floor: the same 100 GETs from one curl process and from an in-process HttpClient, without signing
    or parsing. Also measured: the cold start phase by phase, pwsh start with and without Import-Module, peak
    working set for 10,000 vs 100,000 items, time to the first object, the requests sent for
    `| Select-Object -First 5` and `-First 5`, and the account scenario (AccountScale.ps1).
    Experiments about the host rather than the module (pwsh precompiled, pwsh alone, the runtime's JIT
    settings) are in bench/experiments/HostStartup.ps1, run by hand.
.PARAMETER ModulePath
    The staged module folder (out/CloudFrontInvalidations) or its manifest.
.PARAMETER Quick
    Smoke run for the test suite: 300 and 1,000 items, one repetition, every installed peer.
.EXAMPLE
    dotnet pwsh ./build.ps1 Bench
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [string] $OutputPath = (Join-Path $PSScriptRoot 'results.md'),
    [ValidateRange(1, 50)] [int] $Repetitions = 7,
    [switch] $Quick
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
$Manifest = if (Test-Path -LiteralPath $ModulePath -PathType Container) { Join-Path $ModulePath 'CloudFrontInvalidations.psd1' } else { $ModulePath }
$Manifest = (Resolve-Path -LiteralPath $Manifest).Path
$PageSize = 100
$Small = @{ Id = 'EBENCHSMALL'; Count = if ($Quick) { 300 } else { 10000 } }
$Large = @{ Id = 'EBENCHLARGE'; Count = if ($Quick) { 1000 } else { 100000 } }
$FastRounds = if ($Quick) { 1 } else { $Repetitions }
# Listings in this process and the floors take tens of milliseconds, where a shared 2-core machine's noise is
# proportionally largest: three times the rounds, for medians that hold still.
$InProcessRounds = 3 * $FastRounds
# Memory and breakdown runs take seconds each: fewer rounds keep the whole bench to a few minutes.
$SlowRounds = if ($Quick) { 1 } else { [Math]::Min($Repetitions, 3) }
$QuietListings = if ($Quick) { 1 } else { 10 }
$MinWarmUpListings = if ($Quick) { 1 } else { 100 }
$MaxWarmUpListings = if ($Quick) { 3 } else { 400 }

Import-Module (Join-Path $PSScriptRoot 'Measure.psm1') -Force
Import-Module (Join-Path $PSScriptRoot 'Report.psm1') -Force
Import-Module (Join-Path $RepoRoot 'tests/LocalCloudFront/LocalCloudFront.psm1') -Force
Import-Module $Manifest -Force

# --- Setup: endpoint, isolated AWS environment (restored at the end) ------------------------------
$workDir = Join-Path ([IO.Path]::GetTempPath()) "cfi-bench-$PID"
New-Item -ItemType Directory -Force $workDir | Out-Null
$benchEnvironment = @{
    AWS_ACCESS_KEY_ID = 'AKIDLOCALBENCH'; AWS_SECRET_ACCESS_KEY = 'local-bench-secret'; AWS_SESSION_TOKEN = $null
    AWS_PROFILE = $null; AWS_DEFAULT_PROFILE = $null; AWS_REGION = 'us-east-1'; AWS_DEFAULT_REGION = 'us-east-1'
    AWS_CONFIG_FILE = Join-Path $workDir 'config'; AWS_SHARED_CREDENTIALS_FILE = Join-Path $workDir 'credentials'
    AWS_EC2_METADATA_DISABLED = 'true'; AWS_ENDPOINT_URL = $null; AWS_ENDPOINT_URL_CLOUDFRONT = $null
    AWS_MAX_ATTEMPTS = $null; AWS_RETRY_MODE = $null
}
# $null removes a variable (PowerShell would pass $null to SetEnvironmentVariable as an empty string).
function Set-EnvironmentVariables([hashtable] $Variables) {
    foreach ($name in $Variables.Keys) {
        if ($null -eq $Variables[$name]) { Remove-Item "env:$name" -ErrorAction SilentlyContinue } else { Set-Item "env:$name" $Variables[$name] }
    }
}
$savedEnvironment = @{}
foreach ($name in $benchEnvironment.Keys) { $savedEnvironment[$name] = [Environment]::GetEnvironmentVariable($name) }
Set-EnvironmentVariables $benchEnvironment
$curl = (Get-Command curl -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1).Source
$results = @{ Quick = [bool]$Quick; PageSize = $PageSize; Small = $Small; Large = $Large; LoadAtStart = Get-LoadAverage }
$server = Start-LocalCloudFront -Distribution @(
    @{ id = $Small.Id; count = $Small.Count; pageCap = $PageSize }
    @{ id = $Large.Id; count = $Large.Count; pageCap = $PageSize })
$url = $server.Url
$results.Pages = [Math]::Ceiling($Small.Count / $PageSize)

# The same module without its ReadyToRun images: what precompiling gains, measured in the same run.
$moduleFolder = Split-Path $Manifest
$readyToRunFolders = @(Get-ChildItem -Directory (Join-Path $moduleFolder 'ReadyToRun') -ErrorAction SilentlyContinue)
$results.ReadyToRunImages = if ($readyToRunFolders) { ($readyToRunFolders.Name -join ', ') + ' (' + ((Get-ChildItem -Recurse -File -Filter *.dll $readyToRunFolders.FullName | Where-Object { Test-ReadyToRun $_.FullName }).Name -join ', ') + ')' } else { 'none' }
$ilManifest = $null
if ($readyToRunFolders) {
    Copy-Item -Recurse $moduleFolder (Join-Path $workDir 'il')
    Remove-Item -Recurse -Force (Join-Path $workDir 'il/ReadyToRun')
    $ilManifest = Join-Path $workDir 'il/CloudFrontInvalidations.psd1'
}

try {
    $stopwatch = [Diagnostics.Stopwatch]::new()
    Write-Host "Benchmark: $($Small.Count) and $($Large.Count) invalidations on $url, $FastRounds/$SlowRounds rounds"

    # A first listing gives the floor its markers.
    $listing = @(Get-CFInvalidationList -DistributionId $Small.Id -EndpointUrl $url)
    Assert-Count 'Priming listing' $listing.Count $Small.Count
    $pageUrls = @("$url/2020-05-31/distribution/$($Small.Id)/invalidation") + @(
        for ($page = 1; $page -lt $results.Pages; $page++) {
            "$url/2020-05-31/distribution/$($Small.Id)/invalidation?Marker=$([uri]::EscapeDataString($listing[$page * $PageSize - 1].Id))"
        })
    $curlConfig = Join-Path $workDir 'floor.curlrc'
    @('silent', 'fail') + @($pageUrls | ForEach-Object { "url = `"$_`""; 'output = "/dev/null"' }) | Set-Content $curlConfig
    $httpClient = [Net.Http.HttpClient]::new()
    # Warm means steady state: .NET recompiles hot code in the background, optimized, after about 30 calls, and this
    # pwsh's own code (not precompiled) by the thousand, in bursts; on 2 cores that takes over a hundred listings (and
    # the endpoint warms up alike). Warm-up listings, with the .NET floor's requests, run at least $MinWarmUpListings
    # times and until the runtime has stopped compiling: $QuietListings in a row that each compile at most one method.
    $results.WarmUpListings = 0
    $quiet = 0
    while (($quiet -lt $QuietListings -or $results.WarmUpListings -lt $MinWarmUpListings) -and $results.WarmUpListings -lt $MaxWarmUpListings) {
        $methods = [Runtime.JitInfo]::GetCompiledMethodCount($false)
        $null = (Get-CFInvalidationList -DistributionId $Small.Id -EndpointUrl $url | Measure-Object).Count
        foreach ($pageUrl in $pageUrls) { $null = $httpClient.GetByteArrayAsync($pageUrl).GetAwaiter().GetResult() }
        $results.WarmUpListings++
        $quiet = if ([Runtime.JitInfo]::GetCompiledMethodCount($false) - $methods -lt 2) { $quiet + 1 } else { 0 }
    }

    # --- One full listing, each contestant printing (or returning) only the count ---------------------
    function Measure-WarmListing([switch] $WithoutProgress) {
        if ($WithoutProgress) { $ProgressPreference = 'SilentlyContinue' }
        $stopwatch.Restart()
        $count = (Get-CFInvalidationList -DistributionId $Small.Id -EndpointUrl $url | Measure-Object).Count
        $stopwatch.Stop()
        Assert-Count 'Get-CFInvalidationList' $count $Small.Count
        $stopwatch.Elapsed.TotalMilliseconds
    }
    $coldScript = "(Get-CFInvalidationList -DistributionId $($Small.Id) -EndpointUrl $url | Measure-Object).Count"
    function Measure-ColdListing([string] $ModuleManifest) {
        $run = Invoke-FreshPwsh "Import-Module '$ModuleManifest'; $coldScript"
        Assert-Count 'Cold Get-CFInvalidationList' $run.Output $Small.Count
        $run.Milliseconds
    }
    $results.Warm = @{ Name = "**ours, warm**: ``(Get-CFInvalidationList … \| Measure-Object).Count``, $($Small.Count) items, in this pwsh (module imported; after $($results.WarmUpListings) warm-up listings, until the runtime stopped compiling)"; Run = { Measure-WarmListing } }
    $results.WarmNoProgress = @{ Name = "ours, warm, with ``ProgressPreference = 'SilentlyContinue'`` (what progress costs)"; Run = { Measure-WarmListing -WithoutProgress } }
    $results.FloorDotnet = @{ Name = 'floor (.NET): the same GETs from HttpClient in this process, no signing, no parsing'; Run = {
            $stopwatch.Restart()
            foreach ($pageUrl in $pageUrls) { $null = $httpClient.GetByteArrayAsync($pageUrl).GetAwaiter().GetResult() }
            $stopwatch.Elapsed.TotalMilliseconds } }
    $results.Cold = @{ Name = "**ours, cold**: new pwsh, ``Import-Module``, ``(Get-CFInvalidationList … \| Measure-Object).Count`` of $($Small.Count)"; Run = { Measure-ColdListing $Manifest } }
    $contestants = [Collections.Generic.List[hashtable]]@($results.Warm, $results.WarmNoProgress, $results.FloorDotnet)
    # The cold rows run in the peers' rounds, interleaved with what they are compared with.
    $coldContestants = [Collections.Generic.List[hashtable]]@($results.Cold)
    $results.FloorCurl = $null
    if ($curl) {
        $results.FloorCurl = @{ Name = 'floor: the same GETs from one curl process (one connection), no signing, no parsing'; Run = { (Invoke-TimedProcess @($curl, '-K', $curlConfig)).Milliseconds } }
        $contestants.Insert(1, $results.FloorCurl)
    }
    $results.ColdIl = $null
    if ($ilManifest) {
        $results.ColdIl = @{ Name = 'ours, cold, the module without its ReadyToRun images (IL only)'; Run = { Measure-ColdListing $ilManifest } }
        $coldContestants.Add($results.ColdIl)
    }
    $results.Peers = [Collections.Generic.List[hashtable]]::new()
    foreach ($cli in @(Find-AwsCli)) {
        $results.Peers.Add(@{ Name = "awscli $($cli.Version), new process, ``--query 'length(InvalidationList.Items)'`` (``$($cli.Description)``)"; Cli = $cli; Run = {
                param($self)
                # With --output json awscli applies --query to the merged pages (with text, to each page).
                $run = Invoke-TimedProcess @($self.Cli.Path, 'cloudfront', 'list-invalidations', '--distribution-id', $Small.Id,
                    '--endpoint-url', $url, '--region', 'us-east-1', '--query', 'length(InvalidationList.Items)', '--output', 'json')
                Assert-Count "awscli $($self.Cli.Version)" $run.Output $Small.Count
                $run.Milliseconds } })
    }
    $boto3 = Find-Boto3
    if ($boto3) {
        $results.Peers.Add(@{ Name = "boto3 $($boto3.Version) paginator summing the items, new process"; Run = {
                $run = Invoke-TimedProcess @($boto3.Python, (Join-Path $PSScriptRoot 'boto3_list.py'), $url, $Small.Id)
                Assert-Count 'boto3' $run.Output $Small.Count
                $run.Milliseconds } })
    }
    Measure-Contestants $contestants.ToArray() $InProcessRounds $server
    Measure-Contestants ($results.Peers.ToArray() + $coldContestants.ToArray()) $FastRounds $server

    # --- Start-up: bare pwsh vs pwsh + Import-Module ----------------------------------------------
    $results.Bare = @{ Name = 'pwsh -NoProfile -c 1 (bare start)'; Run = { (Invoke-FreshPwsh '1').Milliseconds } }
    $results.Import = @{ Name = 'pwsh -NoProfile -c "Import-Module …"'; Run = { (Invoke-FreshPwsh "Import-Module '$Manifest'").Milliseconds } }
    Measure-Contestants @($results.Bare, $results.Import) $FastRounds $server
    $results.LoadedAtImport = (Invoke-FreshPwsh ("`$before = [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name; Import-Module '$Manifest'; " +
            "([AppDomain]::CurrentDomain.GetAssemblies().GetName().Name | Where-Object { `$_ -notin `$before } | Sort-Object) -join ', '")).Output

    # --- Cold start phase by phase, with and without the module's ReadyToRun images ------------------
    $variants = @(@{ Name = 'default'; Manifest = $Manifest; Environment = @{} })
    if ($ilManifest) { $variants += @{ Name = 'module without its ReadyToRun images'; Manifest = $ilManifest; Environment = @{} } }
    $results.Breakdown = @(Measure-ColdBreakdown $variants $SlowRounds $url $Small.Id $Small.Count)

    # --- Peak working set, 10x the items: with the GC as it comes, and with its gen0 budget fixed -------------
    # The GC lets its gen0 budget (memory allocated between two collections) grow with a steady allocation rate, so
    # peak working set grows with a longer run even when nothing is kept; with the budget fixed, what grows is what
    # is kept.
    $memoryRuns = foreach ($gc in @(@{ Label = ''; Environment = @{} }, @{ Label = ', GC gen0 budget fixed at 16 MB'; Environment = @{ DOTNET_GCgen0size = '0x1000000' } })) {
        foreach ($distribution in $Small, $Large) {
            @{ Name = "peak working set, new pwsh listing $($distribution.Count) into Measure-Object$($gc.Label)"; Distribution = $distribution; Environment = $gc.Environment; Run = {
                    param($self)
                    $distribution = $self.Distribution
                    $run = Invoke-FreshPwsh ("Import-Module '$Manifest'; `$count = (Get-CFInvalidationList -DistributionId $($distribution.Id) -EndpointUrl $url | Measure-Object).Count; " +
                        "`"`$count `$([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64)`"") $self.Environment
                    $count, $peak = $run.Output -split ' '
                    Assert-Count 'Memory run' $count $distribution.Count
                    [double]$peak / 1MB } }
        }
    }
    $results.Memory = @($memoryRuns[0], $memoryRuns[1])
    $results.MemoryFixedGen0 = @($memoryRuns[2], $memoryRuns[3])
    Measure-Contestants $memoryRuns $SlowRounds $server

    # --- Time to first object, and the requests sent by then ---------------------------------------
    $results.FirstObject = @{ Name = "time to first object (listing $($Small.Count))"; Samples = [Collections.Generic.List[double]]::new() }
    $results.WholeListing = @{ Name = 'time for the whole listing, same runs'; Samples = [Collections.Generic.List[double]]::new() }
    for ($round = 1; $round -le $FastRounds; $round++) {
        $probe = @{ First = $null }
        $stopwatch.Restart()
        Get-CFInvalidationList -DistributionId $Small.Id -EndpointUrl $url | & { process { if ($null -eq $probe.First) { $probe.First = $stopwatch.Elapsed.TotalMilliseconds } } }
        $results.WholeListing.Samples.Add($stopwatch.Elapsed.TotalMilliseconds)
        $results.FirstObject.Samples.Add($probe.First)
    }
    Clear-LocalRequestLog -Server $server
    $probe = @{ Requests = $null }
    Get-CFInvalidationList -DistributionId $Small.Id -EndpointUrl $url | & { process { if ($null -eq $probe.Requests) { $probe.Requests = @(Get-LocalRequestLog -Server $server).Count } } }
    $results.RequestsAtFirstObject = $probe.Requests

    # --- Requests for the first five ----------------------------------------------------------------
    Clear-LocalRequestLog -Server $server
    $null = Get-CFInvalidationList -DistributionId $Small.Id -EndpointUrl $url | Select-Object -First 5
    $results.SelectFirstRequests = @(Get-LocalRequestLog -Server $server).Count
    Clear-LocalRequestLog -Server $server
    $null = Get-CFInvalidationList -DistributionId $Small.Id -EndpointUrl $url -First 5
    $results.FirstParameterRequests = @(Get-LocalRequestLog -Server $server).Count
}
finally {
    Stop-LocalCloudFront -Server $server
    Set-EnvironmentVariables $savedEnvironment
    Remove-Item -Recurse -Force $workDir -ErrorAction SilentlyContinue
}
$results.LoadAtEnd = Get-LoadAverage
$results.Machine = Get-MachineDescription $curl

Write-BenchmarkReport $results $OutputPath

# The realistic-network account scenario writes its own section of the same file, in a process of its own.
$pwshCommand = @(Get-PwshCommand)
& $pwshCommand[0] @($pwshCommand | Select-Object -Skip 1) -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'AccountScale.ps1') `
    -Manifest $Manifest -OutputPath $OutputPath -Repetitions ([Math]::Min($Repetitions, 3)) -Quick:$Quick
if ($LASTEXITCODE -ne 0) { throw "bench/AccountScale.ps1 failed (exit code $LASTEXITCODE)." }
