# The root module: loads the cmdlets with the module's own AWS SDK (dependencies/), so that another module's
# AWSSDK.Core in the same session (AWS.Tools) and ours never replace each other.
# PowerShell 7: a load context of the module's own (CloudFrontInvalidations.Loader.dll).
# Windows PowerShell: the dependencies are loaded first from dependencies/, then the cmdlets beside them.
if ($PSEdition -eq 'Core') {
    $isReload = [bool]('CloudFrontInvalidations.Loader.ModuleLoadContext' -as [type])
    # LoadFrom, not Add-Type: Add-Type spends a quarter of a second initialising its compiler support.
    if (-not $isReload) { [Reflection.Assembly]::LoadFrom("$PSScriptRoot/CloudFrontInvalidations.Loader.dll") | Out-Null }
    # The same assemblies precompiled for this platform (ReadyToRun, staged by build.ps1 where it can): a cold
    # start JIT-compiles less. They keep their IL, but Windows PowerShell refuses them, hence a folder of their own.
    $assemblyFolder = Join-Path $PSScriptRoot "ReadyToRun/$([Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier)"
    if (-not (Test-Path -LiteralPath $assemblyFolder)) { $assemblyFolder = $PSScriptRoot }
    $cmdletAssembly = [CloudFrontInvalidations.Loader.ModuleLoadContext]::LoadCmdletAssembly($assemblyFolder)
}
else {
    $isReload = $false
    Get-ChildItem "$PSScriptRoot/dependencies" -Filter *.dll | ForEach-Object { [Reflection.Assembly]::LoadFrom($_.FullName) } | Out-Null
    $cmdletAssembly = [Reflection.Assembly]::LoadFrom("$PSScriptRoot/CloudFrontInvalidations.dll")
}
$cmdletModule = Import-Module -Assembly $cmdletAssembly -PassThru
if ($isReload) {
    # Import-Module -Force: PowerShell reuses its cached module for an assembly it already imported and does not
    # hand its cmdlets to this module again (PowerShell/PowerShell#20710), so add them as exports here.
    $addExportedCmdlet = [Management.Automation.PSModuleInfo].GetMethod('AddExportedCmdlet', [Reflection.BindingFlags]'Instance, NonPublic')
    foreach ($cmdlet in $cmdletModule.ExportedCmdlets.Values) { $addExportedCmdlet.Invoke($ExecutionContext.SessionState.Module, @(, $cmdlet)) }
}
Export-ModuleMember -Cmdlet Get-CFInvalidation, Get-CFInvalidationList, Wait-CFInvalidation
