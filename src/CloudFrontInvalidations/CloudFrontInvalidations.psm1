# The root module: loads the cmdlets with the module's own AWS SDK (dependencies/), so that another module's
# AWSSDK.Core in the same session (AWS.Tools) and ours never replace each other.
# PowerShell 7: a load context of the module's own (CloudFrontInvalidations.Loader.dll).
# Windows PowerShell: the dependencies are loaded first from dependencies/, then the cmdlets beside them.
if ($PSEdition -eq 'Core') {
    Add-Type -Path "$PSScriptRoot/CloudFrontInvalidations.Loader.dll"
    $cmdletAssembly = [CloudFrontInvalidations.Loader.ModuleLoadContext]::LoadCmdletAssembly($PSScriptRoot)
}
else {
    Get-ChildItem "$PSScriptRoot/dependencies" -Filter *.dll | ForEach-Object { [Reflection.Assembly]::LoadFrom($_.FullName) } | Out-Null
    $cmdletAssembly = [Reflection.Assembly]::LoadFrom("$PSScriptRoot/CloudFrontInvalidations.dll")
}
Import-Module -Assembly $cmdletAssembly
Export-ModuleMember -Cmdlet Get-CFInvalidationList
