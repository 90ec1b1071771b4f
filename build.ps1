#!/usr/bin/env pwsh
<#
.SYNOPSIS
    The one entry point: Build, Help, LocalCloudFront, Package, Test, Demo, Bench (and Clean).
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Help', 'LocalCloudFront', 'Package', 'Test', 'Demo', 'Bench', 'Clean')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleName = 'CloudFrontInvalidations'
$ModuleOut = Join-Path $Out $ModuleName
$ManifestPath = Join-Path $Root "$ModuleName.psd1"
# The version lives in the manifest alone; the assembly takes it from there.
$ModuleVersion = (Import-PowerShellDataFile $ManifestPath).ModuleVersion
$PesterVersion = '5.7.1'

# Runs a native command and stops the build when it fails (plain $args: no parameter binding).
function Invoke-Native {
    $command, $arguments = $args
    & $command @arguments
    if ($LASTEXITCODE -ne 0) { throw "$command $($arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

# ReadyToRun/<rid>/: dependencies/ again, with CloudFrontInvalidations.dll and AWSSDK.Core precompiled for this
# platform and for pwsh's runtime, which the loader uses on PowerShell 7 on that platform, so a cold pwsh JIT-compiles
# about half as much for its first request (bench/results.md). The IL copies stay for every other platform and for
# Windows PowerShell, which refuses an image precompiled for .NET. Only where the SDK can restore the Crossgen2 pack,
# and only on linux-x64, the one platform measured so far.
function Add-ReadyToRunImages([string] $ModuleFolder) {
    $rid = [Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier
    if ($rid -ne 'linux-x64') { Write-Host "No ReadyToRun images: built for linux-x64 only, this is $rid"; return }
    $project = "$Root/src/ReadyToRun/ReadyToRun.csproj"
    $properties = "-p:PowerShellTargetFramework=net$([Environment]::Version.Major).0", "-p:ModuleFolder=$ModuleFolder", "-p:PowerShellHome=$PSHOME"
    & dotnet restore $project -r $rid -nologo -v quiet @properties
    if ($LASTEXITCODE -ne 0) { Write-Warning "No ReadyToRun images: the Crossgen2 pack for $rid could not be restored; the module runs from IL."; return }
    # Compiled afresh every time: MSBuild skips an image newer than its input, and a package's DLL keeps its packing date, so
    # a changed dependency (another SDK version) could otherwise leave an image of the old one in place.
    $compiled = "$Out/obj/ReadyToRun/$rid"
    $intermediate = "$Out/obj/ReadyToRun-intermediate/$rid/"
    Remove-Item -Recurse -Force $compiled, $intermediate -ErrorAction SilentlyContinue
    Invoke-Native dotnet publish $project -c Release -r $rid --no-restore -nologo -v quiet -o $compiled "-p:IntermediateOutputPath=$intermediate" @properties
    $target = "$ModuleFolder/ReadyToRun/$rid"
    New-Item -ItemType Directory -Force $target | Out-Null
    Copy-Item "$ModuleFolder/dependencies/*" -Destination $target
    Copy-Item "$compiled/AWSSDK.Core.dll", "$compiled/$ModuleName.dll" -Destination $target
}

$Tasks = [ordered]@{}
function Add-Task([string] $Name, [string[]] $DependsOn, [scriptblock] $Action) {
    $Tasks[$Name] = @{ DependsOn = $DependsOn; Action = $Action }
}

Add-Task Clean @() {
    Remove-Item -Recurse -Force $Out -ErrorAction SilentlyContinue
}

Add-Task Help @() {
    $converter = Join-Path $Root 'docs/ConvertTo-MamlHelp.ps1'
    if (Test-Path $converter) { & $converter -DocsPath "$Root/docs/en-US" -OutputPath "$Root/en-US" }
}

# Help first: the MAML it writes ships in the module.
Add-Task Build @('Help') {
    foreach ($project in "$ModuleName.Commands", "$ModuleName.Loader") {
        Invoke-Native dotnet build "$Root/src/$project/$project.csproj" -c $Configuration -nologo -v quiet "-p:Version=$ModuleVersion" -o "$Out/bin/$project"
    }

    # Layout: beside the manifest, what PowerShell loads itself (the loader, the cmdlets, the format file); every
    # other DLL in dependencies/, out of PowerShell's reach, for the loader (src/$ModuleName.Loader).
    Remove-Item -Recurse -Force $ModuleOut -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Force "$ModuleOut/dependencies" | Out-Null
    $rootAssemblies = "$ModuleName.Commands.dll", "$ModuleName.Loader.dll"
    Get-ChildItem "$Out/bin/$ModuleName.Commands" -Filter *.dll |
        Where-Object Name -NotIn (@('System.Management.Automation.dll') + $rootAssemblies) |
        Copy-Item -Destination "$ModuleOut/dependencies"
    Copy-Item "$Out/bin/$ModuleName.Commands/$ModuleName.Commands.dll", "$Out/bin/$ModuleName.Loader/$ModuleName.Loader.dll" -Destination $ModuleOut
    Copy-Item $ManifestPath, "$Root/src/$ModuleName/$ModuleName.format.ps1xml", "$Root/src/$ModuleName/$ModuleName.types.ps1xml" -Destination $ModuleOut
    if (Test-Path "$Root/en-US") { Copy-Item -Recurse "$Root/en-US" -Destination $ModuleOut }
    Add-ReadyToRunImages $ModuleOut
    Test-ModuleManifest (Join-Path $ModuleOut "$ModuleName.psd1") | Out-Null
    Write-Host "Module staged at $ModuleOut (version $ModuleVersion)"
}

# The local CloudFront-compatible endpoint that Demo, the tests and the benchmark run against.
Add-Task LocalCloudFront @() {
    Invoke-Native dotnet build "$Root/tests/LocalCloudFront/LocalCloudFront.csproj" -c $Configuration -nologo -v quiet -o "$Out/LocalCloudFront"
}

# What PowerShell users install: the staged module as a .nupkg in a local file repository (out/repository).
Add-Task Package @('Build') {
    $repository = Join-Path $Out 'repository'
    Remove-Item -Recurse -Force $repository -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Force $repository | Out-Null
    # Publish-PSResource only publishes to a registered repository: register one under a name of its own
    # for the publish only, so the user's repository list ends as it began.
    $repositoryName = "$ModuleName-build-$([guid]::NewGuid().ToString('N'))"
    Register-PSResourceRepository -Name $repositoryName -Uri $repository -Trusted
    try { Publish-PSResource -Path $ModuleOut -Repository $repositoryName }
    finally { Unregister-PSResourceRepository -Name $repositoryName }
    Write-Host "Package written to $(Join-Path $repository "$ModuleName.$ModuleVersion.nupkg")"
}

Add-Task Test @('Build', 'LocalCloudFront', 'Package') {
    $results = Join-Path $Out 'test-results'
    Remove-Item -Recurse -Force $results -ErrorAction SilentlyContinue
    New-Item -ItemType Directory -Force $results | Out-Null

    # xunit: the plain C# layers.
    & dotnet test "$Root/tests/$ModuleName.Tests/$ModuleName.Tests.csproj" -c $Configuration -nologo `
        --logger "trx;LogFileName=xunit.trx" --results-directory $results
    $xunitExit = $LASTEXITCODE
    $trx = Join-Path $results 'xunit.trx'
    $trxRun = if (Test-Path $trx) { ([xml](Get-Content -Raw $trx)).TestRun } else { $null }
    $xunitPassed = if ($trxRun) { [int]$trxRun.ResultSummary.Counters.passed } else { 0 }
    $xunitFailed = if ($trxRun) { [int]$trxRun.ResultSummary.Counters.failed } else { 1 }
    # A skipped test is a result with outcome NotExecuted; the trx counters leave it out (notExecuted stays 0).
    $xunitSkipped = if ($trxRun) { @($trxRun.SelectNodes("//*[local-name()='UnitTestResult'][@outcome='NotExecuted']")).Count } else { 0 }
    if ($xunitExit -ne 0 -and $xunitFailed -eq 0) { $xunitFailed = 1 }  # a build or runner failure counts

    # Pester: the cmdlet in a real pwsh against real HTTP endpoints on 127.0.0.1.
    Invoke-Native dotnet restore "$Root/tests/TestTools/TestTools.csproj" --packages "$Out/nuget" -v quiet
    Import-Module (Join-Path $Out "nuget/pester/$PesterVersion/tools/Pester.psd1") -RequiredVersion $PesterVersion
    $config = New-PesterConfiguration
    $config.Run.Path = "$Root/tests/Pester"
    $config.Run.PassThru = $true
    $config.Output.Verbosity = if ($env:CI) { 'Normal' } else { 'Detailed' }
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputPath = "$results/pester.xml"
    $pesterRun = Invoke-Pester -Configuration $config
    $pesterPassed = $pesterRun.PassedCount
    $pesterFailed = $pesterRun.FailedCount + $pesterRun.FailedBlocksCount + $pesterRun.FailedContainersCount
    # Neither passed nor failed: -Skip, Set-ItResult -Skipped/-Inconclusive, and tests of a block that failed
    # (NotRun; the block's failure is counted above).
    $pesterSkipped = $pesterRun.SkippedCount + $pesterRun.InconclusiveCount + $pesterRun.NotRunCount
    # Each skip with its reason (Set-ItResult -Because), also where the output is not Detailed (CI).
    foreach ($test in $pesterRun.Skipped) { Write-Host "Pester skipped: $($test.ExpandedPath): $($test.ErrorRecord)" }

    Write-Host "xunit: $xunitPassed passed, $xunitFailed failed, $xunitSkipped skipped; Pester: $pesterPassed passed, $pesterFailed failed, $pesterSkipped skipped"
    $script:TestTotals = [pscustomobject]@{
        Passed  = $xunitPassed + $pesterPassed
        Failed  = $xunitFailed + $pesterFailed
        Skipped = $xunitSkipped + $pesterSkipped
    }
    if ($script:TestTotals.Passed -eq 0) { $script:TestTotals.Failed = [Math]::Max($script:TestTotals.Failed, 1) }
}

Add-Task Demo @('Build', 'LocalCloudFront') {
    & (Join-Path $Root 'tests/LocalCloudFront/Demo.ps1') -ModulePath $ModuleOut
}

Add-Task Bench @('Build', 'LocalCloudFront') {
    & (Join-Path $Root 'bench/Invoke-Benchmark.ps1') -ModulePath $ModuleOut
}

$done = @{}
function Invoke-Task([string] $Name) {
    if ($done[$Name]) { return }
    foreach ($dependency in $Tasks[$Name].DependsOn) { Invoke-Task $dependency }
    Write-Host "== $Name" -ForegroundColor Cyan
    & $Tasks[$Name].Action
    $done[$Name] = $true
}

$script:TestTotals = $null
foreach ($name in $Task) { Invoke-Task $name }

# The tests' closing line is the very last line printed, whatever ran after Test.
if ($script:TestTotals) {
    Write-Host "$($script:TestTotals.Passed) passed, $($script:TestTotals.Failed) failed, $($script:TestTotals.Skipped) skipped"
    if ($script:TestTotals.Failed -gt 0) { exit 1 }
}
