#!/usr/bin/env pwsh
<#
.SYNOPSIS
    Benchmarks Get-CFInvalidationList against the AWS CLI, boto3 and the transport floor, in one run
    on the local CloudFront-compatible endpoint, and writes the table to bench/results.md.
.DESCRIPTION
    Every target is a ratio between two measurements of the same run, so a shared, noisy machine
    shifts both sides alike. Repetitions are interleaved (one of each contestant per round) and
    reported as min and median; verdicts use the ratio of medians, shown with the ratio of minimums.

    Contestants list the same distribution of 10,000 invalidations (100 pages of 100) served by
    tests/LocalCloudFront on 127.0.0.1: Get-CFInvalidationList warm (this process, module imported)
    and cold (new pwsh), every `aws` CLI found (awscli v1 from pip, Debian's v2), a boto3 paginator
    script, and the floor: the same 100 GET requests from one curl process over one connection, and
    from an in-process HttpClient, without signing or parsing. Also measured: pwsh start with and
    without Import-Module, peak working set listing 10,000 vs 100,000 items into Measure-Object, time
    to the first object, and the requests sent for `| Select-Object -First 5` and `-First 5`.
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
    [ValidateRange(1, 50)] [int] $Repetitions = 5,
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
# Peers and memory runs take seconds each: fewer rounds keep the whole bench to a few minutes.
$SlowRounds = if ($Quick) { 1 } else { [Math]::Min($Repetitions, 3) }
$ProcessTimeoutMs = 300000
# The local dotnet tool runs pwsh as 'dotnet pwsh.dll'; an installed pwsh is its own executable.
$PwshCommand = if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { @([Environment]::ProcessPath, (Join-Path $PSHOME 'pwsh.dll')) } else { @([Environment]::ProcessPath) }

# ---------------------------------------------------------------------------------------------------
# Helpers

# Starts a process, drains its output, and returns { Milliseconds; Output }; fails on a non-zero exit.
function Invoke-TimedProcess([string[]] $CommandLine) {
    $startInfo = [Diagnostics.ProcessStartInfo]::new($CommandLine[0])
    foreach ($argument in @($CommandLine | Select-Object -Skip 1)) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.UseShellExecute = $false
    $stopwatch = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($startInfo)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($ProcessTimeoutMs)) {
        $process.Kill($true)
        throw "Timed out after $($ProcessTimeoutMs / 1000) s: $($CommandLine -join ' ')"
    }
    $process.WaitForExit()
    $stopwatch.Stop()
    if ($process.ExitCode -ne 0) { throw "Exit code $($process.ExitCode): $($CommandLine -join ' ')`n$($stderr.Result)" }
    [pscustomobject]@{ Milliseconds = $stopwatch.Elapsed.TotalMilliseconds; Output = $stdout.Result.Trim() }
}

function Invoke-FreshPwsh([string] $Script) {
    Invoke-TimedProcess ($PwshCommand + @('-NoProfile', '-NonInteractive', '-Command', $Script))
}

function Assert-Count([string] $What, $Actual, [int] $Expected) {
    if ("$Actual" -ne "$Expected") { throw "$What listed '$Actual' invalidations, expected $Expected." }
}

function Get-Median([double[]] $Values) {
    $sorted = [double[]]($Values | Sort-Object)
    $middle = [Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Get-Stat($Contestant) { @{ Min = ($Contestant.Samples | Measure-Object -Minimum).Minimum; Median = Get-Median $Contestant.Samples.ToArray() } }

# Requests and distinct connections the endpoint saw since the log was last cleared.
function Get-TrafficSummary {
    $requests = @(Get-LocalRequestLog -Server $server)
    [pscustomobject]@{ Requests = $requests.Count; Connections = @($requests | ForEach-Object connectionId | Sort-Object -Unique).Count }
}

# Runs each contestant once per round, interleaved (its Run block gets the contestant itself), and keeps
# the samples plus the traffic of its first run.
function Measure-Contestants([hashtable[]] $Contestants, [int] $Rounds) {
    foreach ($contestant in $Contestants) { $contestant.Samples = [Collections.Generic.List[double]]::new() }
    for ($round = 1; $round -le $Rounds; $round++) {
        foreach ($contestant in $Contestants) {
            Write-Host "  round $round/${Rounds}: $($contestant.Name)"
            Clear-LocalRequestLog -Server $server
            $contestant.Samples.Add((& $contestant.Run $contestant))
            if ($round -eq 1) { $contestant.Traffic = Get-TrafficSummary }
        }
    }
}

function Format-Number([double] $Value) {
    if ($Value -ge 100) { $Value.ToString('N0', [cultureinfo]::InvariantCulture) } else { $Value.ToString('0.0#', [cultureinfo]::InvariantCulture) }
}

function Format-Ratio([double] $Value) { $Value.ToString('0.00', [cultureinfo]::InvariantCulture) + '×' }

# "a ÷ b = medians-ratio (mins: mins-ratio)": the verdicts use medians; mins are what noise cannot inflate.
function Get-Ratio($Numerator, $Denominator) {
    $top, $bottom = (Get-Stat $Numerator), (Get-Stat $Denominator)
    @{ Median = $top.Median / $bottom.Median; Min = $top.Min / $bottom.Min }
}

function Format-RatioPair($Ratio) { "**$(Format-Ratio $Ratio.Median)** (mins: $(Format-Ratio $Ratio.Min))" }

function Format-Comparison([string] $Label, $Numerator, $Denominator) { "$Label = $(Format-RatioPair (Get-Ratio $Numerator $Denominator))" }

# Every `aws` on PATH plus Debian's, one per version; pyenv shims resolved to the real script.
function Find-AwsCli {
    $candidates = @(Get-Command aws -All -CommandType Application -ErrorAction SilentlyContinue | ForEach-Object Source) + '/usr/bin/aws'
    $seen = @{}
    foreach ($candidate in $candidates) {
        if (-not (Test-Path -LiteralPath $candidate)) { continue }
        $path = $candidate
        if ($candidate -match '/\.pyenv/shims/' -and (Get-Command pyenv -ErrorAction SilentlyContinue)) { $path = (& pyenv which aws).Trim() }
        try { $version = (Invoke-TimedProcess @($path, '--version')).Output } catch { continue }
        if ($version -notmatch '^aws-cli/(\S+)' -or $seen[$Matches[1]]) { continue }
        $seen[$Matches[1]] = $true
        [pscustomobject]@{ Path = $path; Version = $Matches[1]; Description = ($version -split "`n")[0] }
    }
}

function Find-Boto3 {
    if (-not (Get-Command python3 -ErrorAction SilentlyContinue)) { return $null }
    try { $lines = (Invoke-TimedProcess @('python3', '-c', 'import sys, boto3; print(sys.executable); print(boto3.__version__)')).Output -split "`n" }
    catch { return $null }
    [pscustomobject]@{ Python = $lines[0].Trim(); Version = $lines[1].Trim() }
}

function Get-MachineDescription {
    $os = if (Test-Path /etc/os-release) { (Get-Content /etc/os-release | Where-Object { $_ -like 'PRETTY_NAME=*' }) -replace '^PRETTY_NAME="?|"$' } else { [Runtime.InteropServices.RuntimeInformation]::OSDescription }
    $memory = if (Test-Path /proc/meminfo) { '{0:N1} GiB' -f ([double]((Get-Content /proc/meminfo -TotalCount 1) -replace '\D') / 1MB) } else { 'unknown' }
    $dotnetSdk = try { (Invoke-TimedProcess @('dotnet', '--version')).Output } catch { 'unknown' }
    [ordered]@{
        'CPUs (nproc)'     = [Environment]::ProcessorCount
        'Memory'           = $memory
        'OS'               = "$os, kernel $([Environment]::OSVersion.Version)"
        '.NET'             = "SDK $dotnetSdk, runtime $([Environment]::Version)"
        'PowerShell'       = "$($PSVersionTable.PSVersion) ($($PwshCommand -join ' ')); its System.Management.Automation.dll is $(if (Test-ReadyToRun ([psobject].Assembly.Location)) { 'precompiled (ReadyToRun)' } else { 'NOT precompiled (no ReadyToRun): this pwsh JIT-compiles itself at every start, so its bare start is slower than an installed pwsh''s' })"
        'curl'             = if ($curl) { ((& $curl --version) | Select-Object -First 1) } else { 'not installed' }
    }
}

function Test-ReadyToRun([string] $AssemblyPath) {
    $stream = [IO.File]::OpenRead($AssemblyPath)
    try { [Reflection.PortableExecutable.PEReader]::new($stream).PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0 }
    finally { $stream.Dispose() }
}

function Get-LoadAverage { if (Test-Path /proc/loadavg) { ((Get-Content /proc/loadavg) -split ' ')[0..2] -join ' ' } else { 'n/a' } }

# ---------------------------------------------------------------------------------------------------
# Setup: endpoint, module, isolated AWS environment (restored at the end).

Import-Module (Join-Path $RepoRoot 'tests/LocalCloudFront/LocalCloudFront.psm1') -Force
Import-Module $Manifest -Force
$emptyDir = Join-Path ([IO.Path]::GetTempPath()) "cfi-bench-$PID"
New-Item -ItemType Directory -Force $emptyDir | Out-Null
$benchEnvironment = @{
    AWS_ACCESS_KEY_ID = 'AKIDLOCALBENCH'; AWS_SECRET_ACCESS_KEY = 'local-bench-secret'; AWS_SESSION_TOKEN = $null
    AWS_PROFILE = $null; AWS_DEFAULT_PROFILE = $null; AWS_REGION = 'us-east-1'; AWS_DEFAULT_REGION = 'us-east-1'
    AWS_CONFIG_FILE = Join-Path $emptyDir 'config'; AWS_SHARED_CREDENTIALS_FILE = Join-Path $emptyDir 'credentials'
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
$loadAtStart = Get-LoadAverage
$server = Start-LocalCloudFront -Distribution @(
    @{ id = $Small.Id; count = $Small.Count; pageCap = $PageSize }
    @{ id = $Large.Id; count = $Large.Count; pageCap = $PageSize })
$url = $server.Url
$pages = [Math]::Ceiling($Small.Count / $PageSize)

try {
    $stopwatch = [Diagnostics.Stopwatch]::new()
    Write-Host "Benchmark: $($Small.Count) and $($Large.Count) invalidations on $url, $FastRounds/$SlowRounds rounds"

    # A first listing JITs the hot path (warm means steady state) and gives the floor its markers.
    $listing = @(Get-CFInvalidationList -DistributionId $Small.Id -EndpointUrl $url)
    Assert-Count 'Priming listing' $listing.Count $Small.Count
    $pageUrls = @("$url/2020-05-31/distribution/$($Small.Id)/invalidation") + @(
        for ($page = 1; $page -lt $pages; $page++) {
            "$url/2020-05-31/distribution/$($Small.Id)/invalidation?Marker=$([uri]::EscapeDataString($listing[$page * $PageSize - 1].Id))"
        })
    $curlConfig = Join-Path $emptyDir 'floor.curlrc'
    @('silent', 'fail') + @($pageUrls | ForEach-Object { "url = `"$_`""; 'output = "/dev/null"' }) | Set-Content $curlConfig
    $httpClient = [Net.Http.HttpClient]::new()

    # --- Timings of one full listing ------------------------------------------------------------
    function Measure-WarmListing([switch] $WithoutProgress) {
        if ($WithoutProgress) { $ProgressPreference = 'SilentlyContinue' }
        $stopwatch.Restart()
        $items = Get-CFInvalidationList -DistributionId $Small.Id -EndpointUrl $url
        $stopwatch.Stop()
        Assert-Count 'Get-CFInvalidationList' @($items).Count $Small.Count
        $stopwatch.Elapsed.TotalMilliseconds
    }
    $warm = @{ Name = "**ours, warm**: ``Get-CFInvalidationList``, $($Small.Count) items, in this pwsh (module imported)"; Run = { Measure-WarmListing } }
    $warmNoProgress = @{ Name = "ours, warm, with ``ProgressPreference = 'SilentlyContinue'`` (what progress costs)"; Run = { Measure-WarmListing -WithoutProgress } }
    $floorDotnet = @{ Name = 'floor (.NET): the same GETs from HttpClient in this process, no signing, no parsing'; Run = {
        $stopwatch.Restart()
        foreach ($pageUrl in $pageUrls) { $null = $httpClient.GetByteArrayAsync($pageUrl).GetAwaiter().GetResult() }
        $stopwatch.Elapsed.TotalMilliseconds } }
    $cold = @{ Name = "**ours, cold**: new pwsh, ``Import-Module``, list $($Small.Count)"; Run = {
        $run = Invoke-FreshPwsh "Import-Module '$Manifest'; `$items = Get-CFInvalidationList -DistributionId $($Small.Id) -EndpointUrl $url; `$items.Count"
        Assert-Count 'Cold Get-CFInvalidationList' $run.Output $Small.Count
        $run.Milliseconds } }
    $contestants = [Collections.Generic.List[hashtable]]@($warm, $warmNoProgress, $floorDotnet, $cold)
    $floorCurl = $null
    if ($curl) {
        $floorCurl = @{ Name = 'floor: the same GETs from one curl process (one connection), no signing, no parsing'; Run = {
            (Invoke-TimedProcess @($curl, '-K', $curlConfig)).Milliseconds } }
        $contestants.Insert(1, $floorCurl)
    }
    $peers = [Collections.Generic.List[hashtable]]::new()
    foreach ($cli in @(Find-AwsCli)) {
        $peers.Add(@{ Name = "awscli $($cli.Version), new process (``$($cli.Description)``)"; Cli = $cli; Run = {
            param($self)
            $run = Invoke-TimedProcess @($self.Cli.Path, 'cloudfront', 'list-invalidations', '--distribution-id', $Small.Id,
                '--endpoint-url', $url, '--region', 'us-east-1', '--output', 'json')
            Assert-Count "awscli $($self.Cli.Version)" ([regex]::Matches($run.Output, '"Id"').Count) $Small.Count
            $run.Milliseconds } })
    }
    $boto3 = Find-Boto3
    if ($boto3) {
        $peers.Add(@{ Name = "boto3 $($boto3.Version) paginator, new process"; Run = {
            $run = Invoke-TimedProcess @($boto3.Python, (Join-Path $PSScriptRoot 'boto3_list.py'), $url, $Small.Id)
            Assert-Count 'boto3' $run.Output $Small.Count
            $run.Milliseconds } })
    }

    Measure-Contestants $contestants.ToArray() $FastRounds
    Measure-Contestants $peers.ToArray() $SlowRounds

    # --- Start-up: bare pwsh vs pwsh + Import-Module ----------------------------------------------
    $bare = @{ Name = 'pwsh -NoProfile -c 1 (bare start)'; Run = { (Invoke-FreshPwsh '1').Milliseconds } }
    $import = @{ Name = 'pwsh -NoProfile -c "Import-Module …"'; Run = { (Invoke-FreshPwsh "Import-Module '$Manifest'").Milliseconds } }
    Measure-Contestants @($bare, $import) $FastRounds
    $loadedAtImport = (Invoke-FreshPwsh ("`$before = [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name; Import-Module '$Manifest'; " +
        "([AppDomain]::CurrentDomain.GetAssemblies().GetName().Name | Where-Object { `$_ -notin `$before } | Sort-Object) -join ', '")).Output

    # --- Peak working set, 10x the items -----------------------------------------------------------
    $memory = foreach ($distribution in $Small, $Large) {
        @{ Name = "peak working set, new pwsh listing $($distribution.Count) into Measure-Object"; Distribution = $distribution; Run = {
            param($self)
            $distribution = $self.Distribution
            $run = Invoke-FreshPwsh ("Import-Module '$Manifest'; `$count = (Get-CFInvalidationList -DistributionId $($distribution.Id) -EndpointUrl $url | Measure-Object).Count; " +
                "`"`$count `$([Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64)`"")
            $count, $peak = $run.Output -split ' '
            Assert-Count 'Memory run' $count $distribution.Count
            [double]$peak / 1MB } }
    }
    Measure-Contestants $memory $SlowRounds

    # --- Time to first object, and the requests sent by then ---------------------------------------
    $firstObject = [Collections.Generic.List[double]]::new()
    $wholeListing = [Collections.Generic.List[double]]::new()
    for ($round = 1; $round -le $FastRounds; $round++) {
        $probe = @{ First = $null }
        $stopwatch.Restart()
        Get-CFInvalidationList -DistributionId $Small.Id -EndpointUrl $url | & { process { if ($null -eq $probe.First) { $probe.First = $stopwatch.Elapsed.TotalMilliseconds } } }
        $wholeListing.Add($stopwatch.Elapsed.TotalMilliseconds)
        $firstObject.Add($probe.First)
    }
    Clear-LocalRequestLog -Server $server
    $probe = @{ Requests = $null }
    Get-CFInvalidationList -DistributionId $Small.Id -EndpointUrl $url | & { process { if ($null -eq $probe.Requests) { $probe.Requests = @(Get-LocalRequestLog -Server $server).Count } } }
    $requestsAtFirstObject = $probe.Requests

    # --- Requests for the first five ----------------------------------------------------------------
    Clear-LocalRequestLog -Server $server
    $null = Get-CFInvalidationList -DistributionId $Small.Id -EndpointUrl $url | Select-Object -First 5
    $selectFirstRequests = (Get-TrafficSummary).Requests
    $firstParameterRequests = $null
    if ((Get-Command Get-CFInvalidationList).Parameters.ContainsKey('First')) {
        Clear-LocalRequestLog -Server $server
        $null = Get-CFInvalidationList -DistributionId $Small.Id -EndpointUrl $url -First 5
        $firstParameterRequests = (Get-TrafficSummary).Requests
    }
}
finally {
    Stop-LocalCloudFront -Server $server
    Set-EnvironmentVariables $savedEnvironment
    Remove-Item -Recurse -Force $emptyDir -ErrorAction SilentlyContinue
}
$loadAtEnd = Get-LoadAverage

# ---------------------------------------------------------------------------------------------------
# Report

$coldMedian = (Get-Stat $cold).Median
$floor = if ($floorCurl) { $floorCurl } else { $floorDotnet }
$floorName = if ($floorCurl) { 'curl' } else { '.NET HttpClient (curl not installed)' }
$memoryGrowth = (Get-Stat $memory[1]).Median - (Get-Stat $memory[0]).Median

function Format-Row($contestant, [string] $Unit, [string] $Ratios) {
    $stat = Get-Stat $contestant
    $traffic = if ($contestant.ContainsKey('Traffic') -and $Unit -eq 'ms') { $contestant.Traffic } else { $null }
    '| {0} | {1} | {2} {6} | {3} {6} | {4} | {5} |' -f $contestant.Name, $contestant.Samples.Count, (Format-Number $stat.Min), (Format-Number $stat.Median),
        $(if ($traffic) { "$($traffic.Requests) / $($traffic.Connections)" } else { '' }), $Ratios, $Unit
}

$rows = [Collections.Generic.List[string]]::new()
$rows.Add('| measurement | n | min | median | requests / connections | ratio (medians) |')
$rows.Add('|---|---|---|---|---|---|')
$rows.Add((Format-Row $warm 'ms' ''))
$rows.Add((Format-Row $warmNoProgress 'ms' (Format-Comparison 'warm ÷ this' $warm $warmNoProgress)))
if ($floorCurl) { $rows.Add((Format-Row $floorCurl 'ms' (Format-Comparison 'warm ÷ floor' $warm $floorCurl))) }
$rows.Add((Format-Row $floorDotnet 'ms' (Format-Comparison 'warm ÷ this' $warm $floorDotnet)))
foreach ($peer in $peers) {
    $rows.Add((Format-Row $peer 'ms' "$(Format-Comparison 'warm ÷ this' $warm $peer); $(Format-Comparison 'cold ÷ this' $cold $peer)"))
}
$rows.Add((Format-Row $cold 'ms' ''))
$rows.Add("| ours, cold, minus the bare pwsh start (medians): Import-Module, first request, listing | | | $(Format-Number ($coldMedian - (Get-Stat $bare).Median)) ms | | |")
$rows.Add((Format-Row $bare 'ms' ''))
$rows.Add((Format-Row $import 'ms' (Format-Comparison 'this ÷ bare start' $import $bare)))
$rows.Add((Format-Row $memory[0] 'MB' ''))
$rows.Add((Format-Row $memory[1] 'MB' "growth for $($Large.Count / $Small.Count)× the items = **$(Format-Number $memoryGrowth) MB**"))
$firstStat = @{ Samples = $firstObject; Name = "time to first object (listing $($Small.Count))" }
$wholeStat = @{ Samples = $wholeListing; Name = 'time for the whole listing, same runs' }
$rows.Add((Format-Row $firstStat 'ms' "first ÷ whole = $(Format-Ratio ((Get-Median $firstObject.ToArray()) / (Get-Median $wholeListing.ToArray())))"))
$rows.Add((Format-Row $wholeStat 'ms' ''))
$rows.Add("| requests sent when the first object reached the pipeline | 1 | $requestsAtFirstObject | | | |")
$rows.Add("| requests for ``… \| Select-Object -First 5`` | 1 | $selectFirstRequests | | | |")
$rows.Add("| requests for ``-First 5`` | 1 | $(if ($null -ne $firstParameterRequests) { $firstParameterRequests } else { 'not available yet (-First arrives with issue 4)' }) | | | |")

# Against every installed awscli, the least favourable ratio counts (medians and minimums each).
function Get-WorstRatioVsAwsCli($Ours) {
    $ratios = @($peers | Where-Object { $_.ContainsKey('Cli') } | ForEach-Object { Get-Ratio $Ours $_ })
    if (-not $ratios) { return $null }
    @{ Median = ($ratios.Median | Measure-Object -Maximum).Maximum; Min = ($ratios.Min | Measure-Object -Maximum).Maximum }
}
$importRatio = Get-Ratio $import $bare
# A time target is judged on the ratio of medians and on that of minimums; when they disagree, noise
# decides, and the verdict says so rather than claim either.
function Format-Verdict($Target) {
    if ($null -eq $Target.Met) { 'not measured' }
    elseif ($Target.ContainsKey('MetOnMins') -and $Target.Met -ne $Target.MetOnMins) { '**borderline**: medians and minimums disagree' }
    elseif ($Target.Met) { 'met' } else { '**NOT MET**' }
}
function Complete-RatioTarget([hashtable] $Target, $Ratio, [double] $Limit) {
    if ($null -eq $Ratio) { return $Target + @{ Measured = 'no awscli'; Met = $null } }
    $Target + @{ Measured = Format-RatioPair $Ratio; Met = $Ratio.Median -le $Limit; MetOnMins = $Ratio.Min -le $Limit }
}
$targets = @(
    Complete-RatioTarget -Ratio (Get-Ratio $warm $floor) -Limit 1.5 -Target @{ Target = "warm ≤ 1.5× the floor ($floorName)"
       Why = ('The floor sends bare GETs. Each of our requests goes through AWSSDK.Core''s pipeline: its own request metrics, measured by hand here, put SigV4 signing at about 0.2 ms and its HTTP layer at about 0.4 ms per request, against about 0.13 ms for a bare HttpClient GET; reading a page of 100 items now takes about 0.1-0.3 ms (it took about 1.4 ms through the SDK''s XML context). ' +
              'PowerShell then writes the 10,000 objects one by one. The lister already reads one page ahead from the second page on (page N is written while page N+1 is on the wire), but here the endpoint and the client share 2 cores, so the wait it hides is CPU, not network: it helps little in this bench and most over a real network. ' +
              'What would close the rest: less work per request inside AWSSDK.Core''s pipeline (a signer that reuses its derived key, no per-request metrics objects), which means replacing SDK handlers we rely on for retries and credentials; not worth it against a 0.04x-of-awscli listing.') }
    Complete-RatioTarget -Ratio (Get-WorstRatioVsAwsCli $warm) -Limit 0.3 -Target @{ Target = 'warm ≤ 0.3× awscli (least favourable over the installed versions)'
       Why = 'awscli pays a Python start and botocore''s per-request model work; a warm pwsh pays neither.' }
    Complete-RatioTarget -Ratio (Get-WorstRatioVsAwsCli $cold) -Limit 1 -Target @{ Target = 'cold ≤ awscli cold (least favourable over the installed versions)'
       Why = ('A cold run is mostly pwsh''s own start (bare row; see the Machine section for whether this pwsh is precompiled) plus JIT-compiling the module and AWSSDK.Core on the first request. ' +
              'Measured by hand on this machine: ReadyToRun images of CloudFrontInvalidations.dll and AWSSDK.Core.dll (crossgen2 through a net10.0 linux-x64 publish) cut the methods JIT-compiled by the first request from about 1,550 to 500-700 and its time from 340-680 ms to 260-310 ms. ' +
              'Shipping that needs per-platform builds of both DLLs and an IL copy for Windows PowerShell 5.1 (which cannot load a platform-specific ReadyToRun image), so it waits for the module layout of the AssemblyLoadContext work (issue 4).') }
    Complete-RatioTarget -Ratio $importRatio -Limit 1.4 -Target @{ Target = 'Import-Module adds ≤ 40% to bare pwsh start (pwsh + import ÷ bare ≤ 1.4)'
       Why = ('Measured by hand inside a fresh pwsh, Import-Module itself takes about 130-150 ms: about 25 ms to load the loader, about 100 ms to load the cmdlet assembly into its own load context while PowerShell reflects over its types (which loads AWSSDK.Core, since the client derives from its AmazonServiceClient), about 25 ms for the format file. ' +
              'The rest of the gap to a bare start is pwsh JIT-compiling its own module-import code paths (a built-in module import adds about 10% here). What would close it: ReadyToRun images (see the cold row), and a cmdlet-only assembly that reaches the client through an interface, so import does not load AWSSDK.Core.') }
    @{ Target = "peak memory for $($Large.Count) within 20 MB of $($Small.Count)"; Measured = "$(Format-Number $memoryGrowth) MB"; Met = $memoryGrowth -le 20
       Why = 'Items are written as each page arrives and nothing keeps them; growth would mean something buffers the listing.' }
    @{ Target = 'first object before the second request'; Measured = "$requestsAtFirstObject request(s) sent"; Met = $requestsAtFirstObject -eq 1
       Why = 'Each page is written before the next request is sent.' }
    @{ Target = '`-First 5` = one request'; Measured = if ($null -ne $firstParameterRequests) { "$firstParameterRequests request(s)" } else { 'not available yet' }; Met = if ($null -ne $firstParameterRequests) { $firstParameterRequests -eq 1 } else { $null }
       Why = '`-First` (SupportsPaging) arrives with issue 4; until then `| Select-Object -First 5` stops the listing after one request (row above).' }
)

$machine = Get-MachineDescription
$report = [Collections.Generic.List[string]]::new()
$report.Add('# Benchmark results')
$report.Add('')
$report.Add("Produced by ``bench/Invoke-Benchmark.ps1`` ($(if ($Quick) { 'QUICK smoke run: tiny data, one round, numbers meaningless' } else { 'full run' })) on $([DateTime]::UtcNow.ToString('yyyy-MM-dd HH:mm', [cultureinfo]::InvariantCulture)) UTC. " +
    "Local endpoint on 127.0.0.1 (tests/LocalCloudFront), $PageSize items per page, so $pages requests per listing of $($Small.Count). " +
    "Rounds are interleaved; a ratio divides medians of the same run (verdicts use these), with the ratio of minimums, which noise cannot inflate, beside it. " +
    "Times in ms are wall-clock, process start included for every ``new process`` row.")
$report.Add('')
$report.AddRange($rows)
$report.Add('')
$report.Add('## Targets')
$report.Add('')
$report.Add('| target | measured | verdict |')
$report.Add('|---|---|---|')
foreach ($target in $targets) { $report.Add("| $($target.Target) | $($target.Measured) | $(Format-Verdict $target) |") }
$unmet = @($targets | Where-Object { $_.Met -eq $false -or ($_.ContainsKey('MetOnMins') -and $_.MetOnMins -eq $false) })
if ($unmet) {
    $report.Add('')
    $report.Add('Why the unmet and borderline targets are not clearly met, and what would close them:')
    $report.Add('')
    foreach ($target in $unmet) { $report.Add("- **$($target.Target)**: $($target.Why)") }
}
$report.Add('')
$report.Add("Assemblies ``Import-Module`` loads into a bare pwsh: $(if ($loadedAtImport) { $loadedAtImport } else { 'none' }).")
$report.Add('')
$report.Add('## Machine')
$report.Add('')
foreach ($key in $machine.Keys) { $report.Add("- ${key}: $($machine[$key])") }
$report.Add("- Load average (1/5/15 min) at start: $loadAtStart; at end: $loadAtEnd — the machine is shared with other builds and tests, so absolute times are noisy and only same-run ratios are targets.")

$text = $report -join [Environment]::NewLine
Set-Content -LiteralPath $OutputPath -Value $text -Encoding utf8NoBOM
Write-Host $text
Write-Host "`nWritten to $OutputPath"
