# Dot-sourced by every *.Tests.ps1 in BeforeAll: imports the built module and the local endpoint's
# helpers, isolates the AWS environment so no test ever reads the user's real ~/.aws, and defines the
# helpers the test files share (each with one meaning, defined here only).
$script:RepoRoot = (Resolve-Path "$PSScriptRoot/../..").Path
$script:ModulePath = Join-Path $script:RepoRoot 'out/CloudFrontInvalidations/CloudFrontInvalidations.psd1'
if (-not (Test-Path $script:ModulePath)) { throw "Build the module first: dotnet pwsh ./build.ps1 Build" }

Import-Module $script:ModulePath -Force
Import-Module (Join-Path $script:RepoRoot 'tests/LocalCloudFront/LocalCloudFront.psm1') -Force
. "$PSScriptRoot/OutsideTools.ps1"

$script:TestCredentialsDir = Join-Path ([IO.Path]::GetTempPath()) "cfi-tests-$PID"
New-Item -ItemType Directory -Force $script:TestCredentialsDir | Out-Null

function Reset-TestAwsEnvironment {
    # Known keys, no real profile files, no instance metadata wait.
    foreach ($name in 'AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION',
        'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_CLOUDFRONT', 'AWS_RETRY_MODE', 'AWS_MAX_ATTEMPTS') {
        Remove-Item "env:$name" -ErrorAction SilentlyContinue
    }
    $env:AWS_ACCESS_KEY_ID = 'AKIDPESTERTEST0001'
    $env:AWS_SECRET_ACCESS_KEY = 'pester-secret-key-never-printed'
    # Empty files, not missing ones: AWSSDK.Core falls back to ~/.aws when these name no file, and it reads
    # the variables once per process, so tests that need profiles write into these very files.
    $env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $script:TestCredentialsDir 'credentials'
    $env:AWS_CONFIG_FILE = Join-Path $script:TestCredentialsDir 'config'
    Set-Content $env:AWS_SHARED_CREDENTIALS_FILE, $env:AWS_CONFIG_FILE -Value ''
    $env:AWS_EC2_METADATA_DISABLED = 'true'
}
Reset-TestAwsEnvironment

# The command line of a fresh pwsh like this one (the local dotnet tool runs as 'dotnet pwsh.dll').
function Get-PwshCommandLine {
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') { @($process, (Join-Path $PSHOME 'pwsh.dll')) }
    else { @($process) }
}

# Runs a script in a new pwsh process with the built module imported (unless -NoImport); returns its output lines.
function Invoke-FreshPwsh {
    param([Parameter(Mandatory)][string] $Script, [hashtable] $Environment = @{}, [switch] $NoImport)
    $commandLine = Get-PwshCommandLine
    $startInfo = [Diagnostics.ProcessStartInfo]::new($commandLine[0])
    $import = if ($NoImport) { '' } else { "Import-Module '$script:ModulePath'; " }
    foreach ($argument in @($commandLine | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-Command', "$import$Script")) {
        $startInfo.ArgumentList.Add($argument)
    }
    foreach ($key in $Environment.Keys) { $startInfo.Environment[$key] = $Environment[$key] }
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $startInfo.UseShellExecute = $false
    $process = [Diagnostics.Process]::Start($startInfo)
    $stderr = $process.StandardError.ReadToEndAsync()
    $stdout = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout -split "`r?`n"; Error = $stderr.Result }
}

# A loopback port that nothing listens on (free when this returns).
function Get-UnusedLoopbackPort {
    $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
    $listener.Start()
    try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
}

# ---- the local endpoint's request log (the file's endpoint is $script:server unless -Server says) ----

# The requests the endpoint logged, in arrival order: all, or those of one distribution (the first
# positional argument) or tenant, and of the operations named as the log names them: ListDistributions,
# ListInvalidations, GetInvalidation, ListInvalidationsForDistributionTenant,
# GetInvalidationForDistributionTenant, and AssumeRole, GetRoleCredentials of the fake STS and SSO.
# Written one by one, as any command: @() around the call counts them.
function Get-RequestLog {
    param(
        [Parameter(Position = 0)] [string] $DistributionId,
        [string[]] $Operation,
        [string] $TenantId,
        [psobject] $Server = $script:server
    )
    Get-LocalRequestLog -Server $Server -DistributionId $DistributionId -TenantId $TenantId -Operation $Operation
}

# The distinct access key ids that signed a distribution's requests.
function Get-SigningKey {
    param([string] $DistributionId, [psobject] $Server = $script:server)
    Get-RequestLog -DistributionId $DistributionId -Server $Server | ForEach-Object accessKeyId | Select-Object -Unique
}

# An aborted request is logged when the server notices the abort, which can come after the client's retry:
# reads the log until it stops growing (2 s at most).
function Wait-SettledRequestLog {
    param([string] $DistributionId, [psobject] $Server = $script:server)
    $requests = @(Get-RequestLog -DistributionId $DistributionId -Server $Server)
    for ($i = 0; $i -lt 20; $i++) {
        Start-Sleep -Milliseconds 100
        $again = @(Get-RequestLog -DistributionId $DistributionId -Server $Server)
        if ($again.Count -eq $requests.Count) { break }
        $requests = $again
    }
    $requests
}

# ---- listings against injected faults (the file's endpoint is $script:server) ----

# A distribution of 12 invalidations, 5 a page (3 pages), with the given faults (which also resets the fault counters).
function Set-FaultyDistribution([string] $Id, [hashtable] $Fault) {
    Set-LocalDistribution -Server $script:server -Id $Id -Count 12 -PageCap 5 -Fault $Fault
}

# The fault-free listing of a distribution, to compare with; leaves the request log empty.
function Get-ExpectedIds([string] $Id) {
    Set-FaultyDistribution $Id @{}
    (Get-CFInvalidationList $Id -EndpointUrl $script:server.Url).Id
    Clear-LocalRequestLog -Server $script:server
}

# Lists a distribution without stopping at a failure: what was written, the errors, and the requests made.
function Invoke-Listing([string] $Id, [hashtable] $Parameters = @{}) {
    $failures = $null
    $items = @(Get-CFInvalidationList $Id -EndpointUrl $script:server.Url @Parameters -ErrorVariable failures -ErrorAction SilentlyContinue)
    [pscustomobject]@{ Items = $items; Errors = @($failures); Requests = @(Wait-SettledRequestLog $Id) }
}
