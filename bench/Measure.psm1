# The benchmark's measuring half: runs contestants and probes and returns their samples as objects; knows
# nothing of tables or targets (Report.psm1 turns the results into bench/results.md).
Set-StrictMode -Version Latest

$script:ProcessTimeoutMs = 300000
# The local dotnet tool runs pwsh as 'dotnet pwsh.dll'; an installed pwsh is its own executable.
$script:PwshCommand = if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { @([Environment]::ProcessPath, (Join-Path $PSHOME 'pwsh.dll')) } else { @([Environment]::ProcessPath) }

function Get-PwshCommand { $script:PwshCommand }

# Starts a process (with extra environment variables), drains its output, and returns { Milliseconds; Output };
# fails on a non-zero exit.
function Invoke-TimedProcess([string[]] $CommandLine, [hashtable] $Environment = @{}) {
    $startInfo = [Diagnostics.ProcessStartInfo]::new($CommandLine[0])
    foreach ($argument in @($CommandLine | Select-Object -Skip 1)) { $startInfo.ArgumentList.Add($argument) }
    foreach ($name in $Environment.Keys) { $startInfo.Environment[$name] = $Environment[$name] }
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.UseShellExecute = $false
    $stopwatch = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($startInfo)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($script:ProcessTimeoutMs)) {
        $process.Kill($true)
        throw "Timed out after $($script:ProcessTimeoutMs / 1000) s: $($CommandLine -join ' ')"
    }
    $process.WaitForExit()
    $stopwatch.Stop()
    if ($process.ExitCode -ne 0) { throw "Exit code $($process.ExitCode): $($CommandLine -join ' ')`n$($stderr.Result)" }
    [pscustomobject]@{ Milliseconds = $stopwatch.Elapsed.TotalMilliseconds; Output = $stdout.Result.Trim() }
}

# -Pwsh: another pwsh's command line; by default the one running this.
function Invoke-FreshPwsh([string] $Script, [hashtable] $Environment = @{}, [string[]] $Pwsh = $script:PwshCommand) {
    Invoke-TimedProcess ($Pwsh + @('-NoProfile', '-NonInteractive', '-Command', $Script)) $Environment
}

# For a bench script run as a process of its own: the local endpoint's fake keys, no profile files, nothing from
# the user's AWS environment. $WorkDir holds the empty config and credentials files; the caller removes it.
function Set-LocalAwsEnvironment([string] $WorkDir) {
    New-Item -ItemType Directory -Force $WorkDir | Out-Null
    foreach ($name in 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_CLOUDFRONT', 'AWS_MAX_ATTEMPTS', 'AWS_RETRY_MODE') {
        Remove-Item "env:$name" -ErrorAction SilentlyContinue
    }
    $env:AWS_ACCESS_KEY_ID = 'AKIDLOCALBENCH'; $env:AWS_SECRET_ACCESS_KEY = 'local-bench-secret'
    $env:AWS_REGION = 'us-east-1'; $env:AWS_DEFAULT_REGION = 'us-east-1'; $env:AWS_EC2_METADATA_DISABLED = 'true'
    $env:AWS_CONFIG_FILE = Join-Path $WorkDir 'config'; $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $WorkDir 'credentials'
    Set-Content $env:AWS_CONFIG_FILE, $env:AWS_SHARED_CREDENTIALS_FILE -Value ''
}

function Assert-Count([string] $What, $Actual, [int] $Expected) {
    if ("$Actual" -ne "$Expected") { throw "$What listed '$Actual' invalidations, expected $Expected." }
}

# Runs each contestant once per round, interleaved, so a noisy machine shifts every contestant alike. A
# contestant is a hashtable with Name and Run (a block given the contestant itself, returning one sample);
# it gets Samples, and Traffic (requests and connections the endpoint saw during its first run). The endpoint's
# request log is cleared and read around that first run only, so that no admin request precedes a later round's run.
function Measure-Contestants([hashtable[]] $Contestants, [int] $Rounds, [psobject] $Server) {
    foreach ($contestant in $Contestants) { $contestant.Samples = [Collections.Generic.List[double]]::new() }
    for ($round = 1; $round -le $Rounds; $round++) {
        foreach ($contestant in $Contestants) {
            Write-Host "  round $round/${Rounds}: $($contestant.Name)"
            if ($round -eq 1) { Clear-LocalRequestLog -Server $Server }
            $contestant.Samples.Add((& $contestant.Run $contestant))
            if ($round -eq 1) {
                $requests = @(Get-LocalRequestLog -Server $Server)
                $contestant.Traffic = [pscustomobject]@{ Requests = $requests.Count; Connections = @($requests | ForEach-Object connectionId | Sort-Object -Unique).Count }
            }
        }
    }
}

# The cold start phase by phase (bench/ColdBreakdown.ps1) in a fresh pwsh per round and per variant (a
# module folder, environment variables such as DOTNET_ReadyToRun=0, optionally another Pwsh command line),
# interleaved like the contestants.
# Returns per variant { Name; Rounds = list of phase arrays }.
function Measure-ColdBreakdown([hashtable[]] $Variants, [int] $Rounds, [string] $EndpointUrl, [string] $DistributionId, [int] $ExpectedCount) {
    $script = Join-Path $PSScriptRoot 'ColdBreakdown.ps1'
    $results = foreach ($variant in $Variants) { @{ Name = $variant.Name; Variant = $variant; Rounds = [Collections.Generic.List[object]]::new() } }
    for ($round = 1; $round -le $Rounds; $round++) {
        foreach ($result in $results) {
            Write-Host "  round $round/${Rounds}: cold breakdown, $($result.Name)"
            $pwsh = if ($result.Variant.ContainsKey('Pwsh')) { $result.Variant.Pwsh } else { $script:PwshCommand }
            $run = Invoke-TimedProcess ($pwsh + @('-NoProfile', '-NonInteractive', '-File', $script, '-Manifest', $result.Variant.Manifest,
                    '-EndpointUrl', $EndpointUrl, '-DistributionId', $DistributionId, '-ExpectedCount', $ExpectedCount)) $result.Variant.Environment
            $result.Rounds.Add(@(($run.Output -split "`n")[-1] | ConvertFrom-Json))
        }
    }
    $results
}

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
        [pscustomobject]@{ Path = $path; Version = $Matches[1]; Major = [int]($Matches[1] -split '\.')[0]; Description = ($version -split "`n")[0] }
    }
}

function Find-Boto3 {
    if (-not (Get-Command python3 -ErrorAction SilentlyContinue)) { return $null }
    try { $lines = (Invoke-TimedProcess @('python3', '-c', 'import sys, boto3; print(sys.executable); print(boto3.__version__)')).Output -split "`n" }
    catch { return $null }
    [pscustomobject]@{ Python = $lines[0].Trim(); Version = $lines[1].Trim() }
}

function Test-ReadyToRun([string] $AssemblyPath) {
    $stream = [IO.File]::OpenRead($AssemblyPath)
    try { [Reflection.PortableExecutable.PEReader]::new($stream).PEHeaders.CorHeader.ManagedNativeHeaderDirectory.Size -gt 0 }
    finally { $stream.Dispose() }
}

function Get-LoadAverage { if (Test-Path /proc/loadavg) { ((Get-Content /proc/loadavg) -split ' ')[0..2] -join ' ' } else { 'n/a' } }

function Get-MachineDescription([string] $Curl) {
    $os = if (Test-Path /etc/os-release) { (Get-Content /etc/os-release | Where-Object { $_ -like 'PRETTY_NAME=*' }) -replace '^PRETTY_NAME="?|"$' } else { [Runtime.InteropServices.RuntimeInformation]::OSDescription }
    $memory = if (Test-Path /proc/meminfo) { '{0:N1} GiB' -f ([double]((Get-Content /proc/meminfo -TotalCount 1) -replace '\D') / 1MB) } else { 'unknown' }
    $dotnetSdk = try { (Invoke-TimedProcess @('dotnet', '--version')).Output } catch { 'unknown' }
    [ordered]@{
        'CPUs (nproc)' = [Environment]::ProcessorCount
        'Memory'       = $memory
        'OS'           = "$os, kernel $([Environment]::OSVersion.Version)"
        '.NET'         = "SDK $dotnetSdk, runtime $([Environment]::Version)"
        'PowerShell'   = "$($PSVersionTable.PSVersion) ($($script:PwshCommand -join ' ')); its System.Management.Automation.dll is $(if (Test-ReadyToRun ([psobject].Assembly.Location)) { 'precompiled (ReadyToRun)' } else { 'NOT precompiled (no ReadyToRun): this pwsh JIT-compiles itself at every start, so its bare start is slower than an installed pwsh''s' })"
        'curl'         = if ($Curl) { ((& $Curl --version) | Select-Object -First 1) } else { 'not installed' }
    }
}

Export-ModuleMember -Function Get-PwshCommand, Invoke-TimedProcess, Invoke-FreshPwsh, Set-LocalAwsEnvironment, Assert-Count, Measure-Contestants, Measure-ColdBreakdown,
    Find-AwsCli, Find-Boto3, Test-ReadyToRun, Get-LoadAverage, Get-MachineDescription
