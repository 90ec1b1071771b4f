# The package `build.ps1 Package` publishes (out/repository), as a PowerShell user gets it: registered as a
# repository, installed by name with Install-PSResource, imported by name in a new pwsh, listing from the
# local endpoint. PSResourceGet keeps its repository list and CurrentUser modules under the user's home:
# the pwsh processes that install and import get a home of their own in TestDrive, so nothing reaches the
# real ones. Those folders follow HOME/XDG_DATA_HOME on Linux and macOS only, hence the skip on Windows.

BeforeDiscovery {
    $script:homeIsMovable = -not $IsWindows
}

Describe 'The published package' -Skip:(-not $homeIsMovable) {
    BeforeAll {
        . "$PSScriptRoot/common.ps1"
        $script:version = (Import-PowerShellDataFile $ModulePath).ModuleVersion
        $script:repository = Join-Path $RepoRoot 'out/repository'
        if (-not (Test-Path (Join-Path $repository "CloudFrontInvalidations.$version.nupkg"))) {
            throw "Publish the package first: dotnet pwsh ./build.ps1 Package"
        }
        $script:server = Start-LocalCloudFront -Distribution @{ id = 'EPACKAGED'; count = 7; pageCap = 5 }

        $isolatedHome = Join-Path $TestDrive 'home'
        $dataHome = Join-Path $isolatedHome '.local/share'
        New-Item -ItemType Directory -Force $dataHome | Out-Null
        $script:userModules = Join-Path $dataHome 'powershell/Modules'
        $script:isolated = @{ HOME = $isolatedHome; XDG_DATA_HOME = $dataHome; XDG_CONFIG_HOME = Join-Path $isolatedHome '.config'
            XDG_CACHE_HOME = Join-Path $isolatedHome '.cache' }

        # This user's own state, to show it unchanged afterwards.
        $script:realRepositories = @(Get-PSResourceRepository).Name
        $script:realInstalls = @(Get-InstalledPSResource CloudFrontInvalidations -ErrorAction SilentlyContinue | ForEach-Object InstalledLocation)

        $install = Invoke-FreshPwsh -NoImport -Environment $isolated -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name CloudFrontInvalidationsLocal -Uri '$repository' -Trusted
`$found = Find-PSResource CloudFrontInvalidations -Repository CloudFrontInvalidationsLocal
`$installed = Install-PSResource CloudFrontInvalidations -Repository CloudFrontInvalidationsLocal -PassThru
`$version = @{ Name = 'Version'; Expression = { `$_.Version.ToString() } }
[pscustomobject]@{
    Found = `$found | Select-Object Name, `$version, Description, Author, Tags, LicenseUri, ReleaseNotes, ProjectUri
    Installed = `$installed | Select-Object Name, `$version, InstalledLocation
    RepositoryFile = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet/PSResourceRepository.xml'
} | ConvertTo-Json -Depth 4 -Compress
"@
        if ($install.ExitCode -ne 0) { throw "install failed ($($install.ExitCode)): $($install.Error)" }
        $script:installResult = ($install.Output -join "`n") | ConvertFrom-Json
    }

    AfterAll {
        Stop-LocalCloudFront -Server $script:server
    }

    It 'carries the manifest data a gallery shows' {
        $manifest = Import-PowerShellDataFile $ModulePath
        $found = $installResult.Found

        $found.Name | Should -Be 'CloudFrontInvalidations'
        $found.Version | Should -Be $version
        $found.Description | Should -Be $manifest.Description
        $found.Author | Should -Be $manifest.Author
        $found.LicenseUri | Should -Be $manifest.PrivateData.PSData.LicenseUri
        $found.ReleaseNotes | Should -Be $manifest.PrivateData.PSData.ReleaseNotes
        foreach ($tag in $manifest.PrivateData.PSData.Tags) { $found.Tags | Should -Contain $tag }
        $found.ProjectUri | Should -BeNullOrEmpty
    }

    It 'installs by name from the registered local repository into the CurrentUser module path' {
        $installResult.Installed.Name | Should -Be 'CloudFrontInvalidations'
        $installResult.Installed.Version | Should -Be $version
        $installResult.Installed.InstalledLocation | Should -Be $userModules
        Join-Path $userModules "CloudFrontInvalidations/$version/CloudFrontInvalidations.psd1" | Should -Exist
        Join-Path $userModules "CloudFrontInvalidations/$version/dependencies/AWSSDK.Core.dll" | Should -Exist
    }

    It 'imports by name in a new pwsh whose PSModulePath is that folder, and lists from the local endpoint' {
        $environment = $isolated + @{ PSModulePath = $userModules }
        $run = Invoke-FreshPwsh -NoImport -Environment $environment -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module CloudFrontInvalidations
(Get-Module CloudFrontInvalidations).ModuleBase
@(Get-CFInvalidationList EPACKAGED -EndpointUrl '$($server.Url)').Count
"@

        $run.Error | Should -BeNullOrEmpty
        $run.ExitCode | Should -Be 0
        $run.Output[0] | Should -Be (Join-Path $userModules "CloudFrontInvalidations/$version")
        $run.Output[1] | Should -Be '7'
        Get-SigningKey EPACKAGED | Should -Be $env:AWS_ACCESS_KEY_ID
    }

    It 'leaves this user''s repository list and installed modules as they were' {
        $installResult.RepositoryFile | Should -BeLike "$TestDrive*"
        $installResult.RepositoryFile | Should -Exist
        @(Get-PSResourceRepository).Name | Should -Be $realRepositories
        @(Get-InstalledPSResource CloudFrontInvalidations -ErrorAction SilentlyContinue | ForEach-Object InstalledLocation) | Should -Be $realInstalls
    }
}
