# The staged module folder is what ships: its manifest must be complete and explicit.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:staged = Split-Path $ModulePath
    $script:manifest = Import-PowerShellDataFile $ModulePath
}

Describe 'CloudFrontInvalidations manifest' {
    It 'passes Test-ModuleManifest on the staged module' {
        $info = Test-ModuleManifest $ModulePath
        $info.Name | Should -Be 'CloudFrontInvalidations'
        $info.Version | Should -Be ([version] (Import-PowerShellDataFile "$RepoRoot/CloudFrontInvalidations.psd1").ModuleVersion)
    }

    It 'is the repository-root manifest, unchanged' {
        (Get-FileHash $ModulePath).Hash | Should -Be (Get-FileHash "$RepoRoot/CloudFrontInvalidations.psd1").Hash
    }

    It 'exports exactly the cmdlets, by name, and nothing else' {
        $manifest.CmdletsToExport | Should -Be @('Get-CFInvalidation', 'Get-CFInvalidationList', 'Get-CFInvalidationUsage', 'New-CFInvalidation', 'Wait-CFInvalidation')
        foreach ($key in 'FunctionsToExport', 'VariablesToExport', 'AliasesToExport') {
            , $manifest[$key] | Should -BeOfType [object[]]
            $manifest[$key].Count | Should -Be 0 -Because "$key must be an explicit empty list"
        }
        (Get-Command -Module CloudFrontInvalidations).Name | Sort-Object | Should -Be @('Get-CFInvalidation', 'Get-CFInvalidationList', 'Get-CFInvalidationUsage', 'New-CFInvalidation', 'Wait-CFInvalidation')
    }

    It 'declares editions, PowerShell version and gallery metadata' {
        $manifest.CompatiblePSEditions | Should -Be @('Core', 'Desktop')
        $manifest.PowerShellVersion | Should -Not -BeNullOrEmpty
        $manifest.PrivateData.PSData.Tags | Should -Contain 'CloudFront'
        $manifest.PrivateData.PSData.ReleaseNotes | Should -Not -BeNullOrEmpty
        $manifest.Description | Should -Not -BeNullOrEmpty
        $manifest.Author | Should -Not -BeNullOrEmpty
    }

    It 'says what this version ships: every cmdlet in the release notes and in the CHANGELOG section of this version' {
        $version = [regex]::Escape("$($manifest.ModuleVersion)")
        $manifest.PrivateData.PSData.ReleaseNotes | Should -Match "^$version\b"
        $section = [regex]::Match((Get-Content -Raw "$RepoRoot/CHANGELOG.md"), ('(?ms)^## ' + $version + '\s*$(.*?)(?=^## |\z)')).Groups[1].Value
        $section | Should -Not -BeNullOrEmpty
        foreach ($name in $manifest.CmdletsToExport) {
            $manifest.PrivateData.PSData.ReleaseNotes | Should -Match "\b$name\b"
            $section | Should -Match "``$name``"
        }
    }

    It 'names the license the LICENSE file holds (Apache 2.0), and no project home until there is one' {
        $manifest.PrivateData.PSData.LicenseUri | Should -Be 'https://www.apache.org/licenses/LICENSE-2.0'
        $manifest.Copyright | Should -Match 'Apache-2\.0'
        (Get-Content -Raw "$RepoRoot/LICENSE") | Should -Match '^\s*Apache License\s+Version 2\.0, January 2004'
        $manifest.PrivateData.PSData.Keys | Should -Not -Contain 'ProjectUri'
    }

    It 'ships the format file and the AWS SDK runtime it needs' {
        Test-Path (Join-Path $staged 'CloudFrontInvalidations.format.ps1xml') | Should -BeTrue
        Get-ChildItem $staged -Recurse -Filter 'AWSSDK.Core.dll' | Should -Not -BeNullOrEmpty
    }

    It 'imports as compiled code alone, its engine in the module''s load context, its public types still nameable' {
        $result = Invoke-FreshPwsh -Script @'
(Get-Module CloudFrontInvalidations).ModuleType
[Runtime.Loader.AssemblyLoadContext]::GetLoadContext([CloudFrontInvalidations.CloudFront.InvalidationSummary].Assembly).GetType().Name
[CloudFrontInvalidations.CloudFront.NoSuchDistributionException].BaseType.FullName
Split-Path ([CloudFrontInvalidations.CloudFront.InvalidationSummary].Assembly.Location)
Split-Path ([CloudFrontInvalidations.CloudFront.NoSuchDistributionException].BaseType.BaseType.Assembly.Location)
'@
        $result.Error | Should -BeNullOrEmpty
        $result.Output[0..2] | Should -Be @('Binary', 'ModuleLoadContext', 'CloudFrontInvalidations.CloudFront.CloudFrontServiceException')
        # The engine and its AWSSDK.Core from one folder: the precompiled images for this platform where Build staged them.
        $readyToRun = Join-Path $staged "ReadyToRun/$([Runtime.InteropServices.RuntimeInformation]::RuntimeIdentifier)"
        $expectedFolder = if (Test-Path $readyToRun) { $readyToRun } else { Join-Path $staged 'dependencies' }
        $result.Output[3..4] | Should -Be @($expectedFolder, $expectedFolder)
    }

    It 'declares its output type' {
        (Get-Command Get-CFInvalidationList).OutputType.Name | Should -Be 'CloudFrontInvalidations.CloudFront.InvalidationSummary'
        foreach ($name in 'Get-CFInvalidation', 'New-CFInvalidation', 'Wait-CFInvalidation') {
            (Get-Command $name).OutputType.Name | Sort-Object -Unique | Should -Be @(
                'CloudFrontInvalidations.CloudFront.DistributionInvalidation', 'CloudFrontInvalidations.CloudFront.DistributionTenantInvalidation')
        }
        (Get-Command Get-CFInvalidationUsage).OutputType.Name | Sort-Object | Should -Be @(
            'CloudFrontInvalidations.Usage.InvalidationUsage', 'CloudFrontInvalidations.Usage.UsageSummary')
    }
}
