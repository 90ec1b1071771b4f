#!/usr/bin/env pwsh
<#
.SYNOPSIS
    A one-off experiment about the host rather than the module: how much of a cold Get-CFInvalidationList is
    pwsh's own start and JIT, and what precompiling pwsh or changing the runtime's JIT settings would change.
.DESCRIPTION
    Not part of `build.ps1 Bench`, whose standing measurements compare the module with its peers. Run by hand
    after `dotnet pwsh ./build.ps1 Build LocalCloudFront`; it prints its tables and writes no results file.
    On the local endpoint, listing -Count invalidations, rounds interleaved:
    - pwsh alone: a new pwsh piping as many objects into Measure-Object, with no module and no request. No
      module can start and list below it; the cold listing's time above it is what the module adds.
    - pwsh precompiled: a copy of this pwsh (out/bench/pwsh-precompiled) whose assemblies that a cold listing
      loads are precompiled with crossgen2, as PowerShell's release packages ship theirs, when this pwsh is
      the dotnet tool's IL-only copy: bare start, Import-Module, cold listing and pwsh alone again.
    - the cold start phase by phase (bench/ColdBreakdown.ps1): by default, with DOTNET_TieredPGO=0, with pwsh
      precompiled, and with DOTNET_ReadyToRun=0 (nothing precompiled, .NET and pwsh included).
.PARAMETER ModulePath
    The staged module folder (out/CloudFrontInvalidations).
.EXAMPLE
    dotnet pwsh bench/experiments/HostStartup.ps1 -ModulePath out/CloudFrontInvalidations
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [ValidateRange(1, 1000000)] [int] $Count = 10000,
    [ValidateRange(1, 50)] [int] $Rounds = 5
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$Manifest = (Resolve-Path -LiteralPath (Join-Path $ModulePath 'CloudFrontInvalidations.psd1')).Path
Import-Module (Join-Path $RepoRoot 'bench/Measure.psm1') -Force
Import-Module (Join-Path $RepoRoot 'bench/Report.psm1') -Force
Import-Module (Join-Path $RepoRoot 'tests/LocalCloudFront/LocalCloudFront.psm1') -Force

# This pwsh as PowerShell's own packages ship it (their assemblies are precompiled, ReadyToRun), when this one is
# not (the local dotnet tool's assemblies are IL only, so it JIT-compiles itself at every start). Built in $Folder:
# a copy of $PSHOME whose IL-only assemblies that a fresh pwsh running $Script loads are precompiled with the
# Crossgen2 pack that build.ps1 restores for the module's own images. Returns its command line, or $null when this
# pwsh is precompiled already or the pack is missing.
function New-PrecompiledPwsh([string] $Folder, [string] $Script) {
    if (Test-ReadyToRun ([psobject].Assembly.Location)) { return $null }
    $thisPwsh = @(Get-PwshCommand)
    $rid = [Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
    $crossgen = Join-Path $packages "microsoft.netcore.app.crossgen2.$rid/$([Environment]::Version)/tools/crossgen2"
    if (-not (Test-Path -LiteralPath $crossgen)) { return $null }
    # Started as this one is: 'dotnet pwsh.dll' (the dotnet tool) or the copy's own executable.
    $command = if ($thisPwsh.Count -gt 1) { @($thisPwsh[0], (Join-Path $Folder 'pwsh.dll')) } else { @(Join-Path $Folder (Split-Path -Leaf $thisPwsh[0])) }
    # Precompiled code is used only on the runtime it was compiled for: a copy made for another pwsh or runtime is redone.
    $stamp = Join-Path $Folder '.precompiled'
    $identity = "$PSHOME on .NET $([Environment]::Version)"
    if ((Test-Path $stamp) -and (Get-Content -Raw $stamp).Trim() -eq $identity) { return $command }

    Remove-Item -Recurse -Force $Folder -ErrorAction SilentlyContinue
    Copy-Item -Recurse $PSHOME $Folder
    $loaded = @((Invoke-FreshPwsh "$Script; [AppDomain]::CurrentDomain.GetAssemblies().Location").Output -split "`n" | Where-Object { $_.StartsWith("$PSHOME/") })
    $references = @('-r', (Join-Path ([Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()) '*.dll'), '-r', (Join-Path $PSHOME '*.dll'))
    foreach ($assembly in @($loaded | Where-Object { -not (Test-ReadyToRun $_) })) {
        $null = Invoke-TimedProcess (@($crossgen, $assembly, '-o', (Join-Path $Folder (Split-Path -Leaf $assembly)), '--targetos', ($rid -split '-')[0],
                '--targetarch', ($rid -split '-')[1], '-O') + $references)
    }
    Set-Content -LiteralPath $stamp -Value $identity
    $command
}

# A contestant that runs $Script in a new process of $Pwsh; with $Expected, the count it must print.
function New-PwshContestant([string] $Name, [string[]] $Pwsh, [string] $Script, $Expected = $null) {
    @{ Name = $Name; Pwsh = $Pwsh; Script = $Script; Expected = $Expected; Run = {
            param($self)
            $run = Invoke-FreshPwsh $self.Script -Pwsh $self.Pwsh
            if ($null -ne $self.Expected) { Assert-Count $self.Name $run.Output $self.Expected }
            $run.Milliseconds } }
}

$workDir = Join-Path ([IO.Path]::GetTempPath()) "cfi-bench-host-$PID"
Set-LocalAwsEnvironment $workDir
$distributionId = 'EHOSTSTARTUP'
$server = Start-LocalCloudFront -Distribution @(@{ id = $distributionId; count = $Count; pageCap = 100 })
try {
    $listing = "Import-Module '$Manifest'; (Get-CFInvalidationList -DistributionId $distributionId -EndpointUrl $($server.Url) | Measure-Object).Count"
    $alone = "([int[]]::new($Count) | Measure-Object).Count"
    $pwshes = @(@{ Label = 'pwsh'; Command = @(Get-PwshCommand) })
    $precompiled = New-PrecompiledPwsh (Join-Path $RepoRoot 'out/bench/pwsh-precompiled') $listing
    if ($precompiled) { $pwshes += @{ Label = 'pwsh precompiled'; Command = $precompiled } }
    else { Write-Host 'No precompiled pwsh: this pwsh is precompiled already, or the Crossgen2 pack is missing (build.ps1 Build restores it).' }

    $contestants = foreach ($pwsh in $pwshes) {
        New-PwshContestant "$($pwsh.Label): bare start (``-c 1``)" $pwsh.Command '1'
        New-PwshContestant "$($pwsh.Label): ``Import-Module``" $pwsh.Command "Import-Module '$Manifest'"
        New-PwshContestant "$($pwsh.Label): cold listing of $Count" $pwsh.Command $listing $Count
        New-PwshContestant "$($pwsh.Label) alone: ``$($alone -replace '\|', '\|')``, no module, no request" $pwsh.Command $alone $Count
    }
    Measure-Contestants @($contestants) $Rounds $server

    $variants = @(
        @{ Name = 'default'; Manifest = $Manifest; Environment = @{} }
        @{ Name = '`DOTNET_TieredPGO=0`'; Manifest = $Manifest; Environment = @{ DOTNET_TieredPGO = '0' } })
    if ($precompiled) { $variants += @{ Name = 'pwsh precompiled'; Manifest = $Manifest; Environment = @{}; Pwsh = $precompiled } }
    $variants += @{ Name = '`DOTNET_ReadyToRun=0` (nothing precompiled, .NET and pwsh included)'; Manifest = $Manifest; Environment = @{ DOTNET_ReadyToRun = '0' } }
    $breakdown = @(Measure-ColdBreakdown $variants $Rounds $server.Url $distributionId $Count)
}
finally {
    Stop-LocalCloudFront -Server $server
    Remove-Item -Recurse -Force $workDir -ErrorAction SilentlyContinue
}

$table = @('| measurement (new process each) | n | min | median | requests / connections | |', '|---|---|---|---|---|---|')
$table += foreach ($contestant in $contestants) { Format-Row $contestant 'ms' '' }
$table += ''
$table += Get-BreakdownTable $breakdown
$table -join [Environment]::NewLine
