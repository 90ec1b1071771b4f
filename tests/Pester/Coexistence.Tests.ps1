# Another AWSSDK.Core 4.x (as AWS.Tools would bring) in the same session, in both load orders. Fresh pwsh
# processes: an assembly once loaded stays loaded.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:server = Start-LocalCloudFront -Distribution @{ id = 'ECOEXIST'; count = 7; pageCap = 5 }
    $script:otherSdk = Join-Path $RepoRoot 'out/nuget/awssdk.core/4.0.3.3/lib/net8.0/AWSSDK.Core.dll'
    if (-not (Test-Path $otherSdk)) { throw "Restore tests/TestTools first (build.ps1 Test does): $otherSdk is missing." }
    $script:environment = @{ AWS_ACCESS_KEY_ID = 'AKIDCOEXIST'; AWS_SECRET_ACCESS_KEY = 'x'; AWS_EC2_METADATA_DISABLED = 'true'
        AWS_SHARED_CREDENTIALS_FILE = $env:AWS_SHARED_CREDENTIALS_FILE; AWS_CONFIG_FILE = $env:AWS_CONFIG_FILE }
    # Runs in a fresh process; -LoadOtherSdkFirst loads the other AWSSDK.Core before our module.
    function Invoke-Coexisting([string] $Script, [switch] $LoadOtherSdkFirst) {
        $loadOther = "`$other = [Reflection.Assembly]::LoadFrom('$otherSdk'); "
        $import = "Import-Module '$ModulePath'; "
        $prelude = if ($LoadOtherSdkFirst) { $loadOther + $import } else { $import + $loadOther }
        $result = Invoke-FreshPwsh -NoImport -Environment $environment -Script ($prelude + $Script)
        if ($result.ExitCode -ne 0 -or $result.Error) { throw "fresh pwsh failed ($($result.ExitCode)): $($result.Error)" }
        $result.Output
    }
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'Get-CFInvalidationList beside another AWSSDK.Core' {
    BeforeEach {
        Clear-LocalRequestLog -Server $script:server
    }

    It 'lists when another AWSSDK.Core was loaded first, and both copies stay loaded' {
        $output = Invoke-Coexisting -LoadOtherSdkFirst -Script @"
@(Get-CFInvalidationList ECOEXIST -EndpointUrl '$($server.Url)').Count
@([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AWSSDK.Core' }).Count
"@
        $output[0] | Should -Be '7'
        $output[1] | Should -Be '2'
        Get-SigningKey ECOEXIST | Should -Be 'AKIDCOEXIST'
    }

    It 'leaves the other AWSSDK.Core usable when ours was loaded first' {
        $output = Invoke-Coexisting -Script @"
@(Get-CFInvalidationList ECOEXIST -EndpointUrl '$($server.Url)').Count
`$credentials = [Activator]::CreateInstance(`$other.GetType('Amazon.Runtime.BasicAWSCredentials'), @('AKIDOTHER', 's'))
`$credentials.GetCredentials().AccessKey
`$other.GetType('Amazon.RegionEndpoint').GetField('USEast1').GetValue(`$null).SystemName
"@
        $output[0..2] | Should -Be @('7', 'AKIDOTHER', 'us-east-1')
    }

    It 'signs with a -Credential object made by the other AWSSDK.Core' {
        $output = Invoke-Coexisting -LoadOtherSdkFirst -Script @"
`$credentials = [Activator]::CreateInstance(`$other.GetType('Amazon.Runtime.SessionAWSCredentials'), @('ASIAFOREIGN', 's', 'token'))
@(Get-CFInvalidationList ECOEXIST -EndpointUrl '$($server.Url)' -Credential `$credentials).Count
"@
        $output[0] | Should -Be '7'
        Get-SigningKey ECOEXIST | Should -Be 'ASIAFOREIGN'
        (Get-RequestLog ECOEXIST).securityTokenPresent | Should -Not -Contain $false
    }
}
