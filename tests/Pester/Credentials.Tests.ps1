# Credentials, region and the common AWS.Tools parameters, against the local endpoint (with its fake STS
# and SSO). Only temporary files and environment variables: never the user's ~/.aws. Each test asserts
# which access key signed the CloudFront requests, from the endpoint's log.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:server = Start-LocalCloudFront -Distribution @{ id = 'ECRED'; count = 7; pageCap = 5 }
    $script:endpoint = $script:server.Url

    $script:credentials = @'
[default]
aws_access_key_id = AKIDDEFAULTPROFILE
aws_secret_access_key = default-secret
[named]
aws_access_key_id = AKIDNAMEDPROFILE
aws_secret_access_key = named-secret
[fromenv]
aws_access_key_id = AKIDAWSPROFILE
aws_secret_access_key = fromenv-secret
[temporary]
aws_access_key_id = ASIATEMPORARYPROFILE
aws_secret_access_key = temporary-secret
aws_session_token = temporary-token
[base]
aws_access_key_id = AKIDROLESOURCE
aws_secret_access_key = base-secret
'@
    $script:config = @'
[profile named]
region = eu-west-3
[profile deployer]
role_arn = arn:aws:iam::123456789012:role/Deployer
source_profile = base
[profile sso]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
sso_account_id = 123456789012
sso_role_name = ReadOnly
'@
    # Another location, for -ProfileLocation.
    $script:otherCredentialsFile = Join-Path $TestDrive 'other-credentials'
    Set-Content $otherCredentialsFile "[elsewhere]`naws_access_key_id = AKIDPROFILELOCATION`naws_secret_access_key = elsewhere-secret`n"

    # Into the files common.ps1 set up (AWSSDK.Core reads AWS_SHARED_CREDENTIALS_FILE/AWS_CONFIG_FILE once per
    # process); Reset-TestAwsEnvironment empties them again.
    function Use-ProfileFiles {
        Set-Content $env:AWS_SHARED_CREDENTIALS_FILE $script:credentials
        Set-Content $env:AWS_CONFIG_FILE $script:config
    }
    # The module's AWSSDK.Core lives in the module's own load context, beside CloudFrontInvalidations.dll, which
    # PowerShell type names do not reach.
    function New-ModuleAwsCredentials([string] $TypeName, [object[]] $Arguments) {
        $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'CloudFrontInvalidations' }
        $context = [Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine)
        [Activator]::CreateInstance($context.LoadFromAssemblyName([Reflection.AssemblyName] 'AWSSDK.Core').GetType("Amazon.Runtime.$TypeName"), $Arguments)
    }
    function Remove-EnvironmentKeys { Remove-Item env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY -ErrorAction SilentlyContinue }
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'Get-CFInvalidationList credentials' {
    BeforeEach {
        Reset-TestAwsEnvironment
        Clear-LocalRequestLog -Server $script:server
    }
    AfterEach {
        Reset-TestAwsEnvironment
    }

    Context 'precedence' {
        It 'signs with -AccessKey/-SecretKey over -Credential, -ProfileName and the environment' {
            Use-ProfileFiles
            $other = New-ModuleAwsCredentials BasicAWSCredentials 'AKIDCREDENTIALOBJECT', 'x'
            @(Get-CFInvalidationList ECRED -EndpointUrl $endpoint -AccessKey AKIDEXPLICIT -SecretKey s -Credential $other -ProfileName named).Count | Should -Be 7
            Get-SigningKey ECRED | Should -Be 'AKIDEXPLICIT'
            (Get-RequestLog ECRED)[0].securityTokenPresent | Should -BeFalse
        }

        It 'sends -SessionToken with the keys, under the AWS.Tools aliases AK, SK and ST' {
            Get-CFInvalidationList ECRED -EndpointUrl $endpoint -AK ASIAEXPLICIT -SK s -ST token -NoAutoIteration | Out-Null
            (Get-RequestLog ECRED)[0].accessKeyId | Should -Be 'ASIAEXPLICIT'
            (Get-RequestLog ECRED)[0].securityTokenPresent | Should -BeTrue
        }

        It 'signs with -Credential over -ProfileName' {
            Use-ProfileFiles
            $credential = New-ModuleAwsCredentials SessionAWSCredentials 'ASIACREDENTIALOBJECT', 'x', 'token'
            Get-CFInvalidationList ECRED -EndpointUrl $endpoint -Credential $credential -ProfileName named | Out-Null
            Get-SigningKey ECRED | Should -Be 'ASIACREDENTIALOBJECT'
            (Get-RequestLog ECRED)[0].securityTokenPresent | Should -BeTrue
        }

        It 'signs with -ProfileName (alias StoredCredentials) over the environment keys' {
            Use-ProfileFiles
            Get-CFInvalidationList ECRED -EndpointUrl $endpoint -ProfileName named | Out-Null
            Get-CFInvalidationList ECRED -EndpointUrl $endpoint -StoredCredentials named | Out-Null
            Get-SigningKey ECRED | Should -Be 'AKIDNAMEDPROFILE'
        }

        It 'signs with the environment keys over AWS_PROFILE' {
            Use-ProfileFiles
            $env:AWS_PROFILE = 'fromenv'
            Get-CFInvalidationList ECRED -EndpointUrl $endpoint | Out-Null
            Get-SigningKey ECRED | Should -Be 'AKIDPESTERTEST0001'
        }

        It 'signs with AWS_PROFILE over the default profile' {
            Use-ProfileFiles
            Remove-EnvironmentKeys
            $env:AWS_PROFILE = 'fromenv'
            Get-CFInvalidationList ECRED -EndpointUrl $endpoint | Out-Null
            Get-SigningKey ECRED | Should -Be 'AKIDAWSPROFILE'
        }

        It 'signs with the default profile when nothing else is given' {
            Use-ProfileFiles
            Remove-EnvironmentKeys
            Get-CFInvalidationList ECRED -EndpointUrl $endpoint | Out-Null
            Get-SigningKey ECRED | Should -Be 'AKIDDEFAULTPROFILE'
        }

        It 'reads -ProfileName from -ProfileLocation (alias ProfilesLocation) instead of the shared files' {
            Use-ProfileFiles
            Get-CFInvalidationList ECRED -EndpointUrl $endpoint -ProfileName elsewhere -ProfileLocation $otherCredentialsFile | Out-Null
            Get-CFInvalidationList ECRED -EndpointUrl $endpoint -ProfileName elsewhere -ProfilesLocation $otherCredentialsFile | Out-Null
            Get-SigningKey ECRED | Should -Be 'AKIDPROFILELOCATION'
        }

        It 'sends the session token of a profile that has one' {
            Use-ProfileFiles
            Get-CFInvalidationList ECRED -EndpointUrl $endpoint -ProfileName temporary -NoAutoIteration | Out-Null
            (Get-RequestLog ECRED)[0].accessKeyId | Should -Be 'ASIATEMPORARYPROFILE'
            (Get-RequestLog ECRED)[0].securityTokenPresent | Should -BeTrue
        }
    }

    Context 'profiles resolved through STS and SSO' {
        It 'assumes the role of a role_arn + source_profile profile (signed by the source) and signs with its credentials' {
            Use-ProfileFiles
            $env:AWS_ENDPOINT_URL_STS = $endpoint
            try { @(Get-CFInvalidationList ECRED -EndpointUrl $endpoint -ProfileName deployer).Count | Should -Be 7 }
            finally { Remove-Item env:AWS_ENDPOINT_URL_STS }

            $sts = @(Get-RequestLog -Operation AssumeRole)
            $sts.Count | Should -Be 1
            $sts[0].accessKeyId | Should -Be 'AKIDROLESOURCE'
            Get-SigningKey ECRED | Should -Be 'ASIAROLEDEPLOYER'
            (Get-RequestLog ECRED).securityTokenPresent | Should -Not -Contain $false
        }

        It 'gets role credentials for an SSO profile with a cached token from the SSO portal' {
            Use-ProfileFiles
            $ssoHome = Join-Path $TestDrive 'home'
            $cache = New-Item -ItemType Directory -Force (Join-Path $ssoHome '.aws/sso/cache')
            $startUrl = 'https://example.awsapps.com/start'
            $cacheKey = [Convert]::ToHexString([Security.Cryptography.SHA1]::HashData([Text.Encoding]::UTF8.GetBytes($startUrl))).ToLowerInvariant()
            @{ accessToken = 'cached-sso-token'; expiresAt = [DateTime]::UtcNow.AddHours(1).ToString('yyyy-MM-ddTHH:mm:ssZ'); region = 'us-east-1'; startUrl = $startUrl } |
                ConvertTo-Json | Set-Content (Join-Path $cache "$cacheKey.json")
            $savedHome = $env:HOME
            $env:HOME = $ssoHome
            $env:AWS_ENDPOINT_URL_SSO = $endpoint
            try { @(Get-CFInvalidationList ECRED -EndpointUrl $endpoint -ProfileName sso).Count | Should -Be 7 }
            finally { $env:HOME = $savedHome; Remove-Item env:AWS_ENDPOINT_URL_SSO }

            $portal = @(Get-RequestLog -Operation GetRoleCredentials)
            $portal.Count | Should -Be 1
            $portal[0].query | Should -Match 'role_name=ReadOnly'
            $portal[0].query | Should -Match 'account_id=123456789012'
            Get-SigningKey ECRED | Should -Be 'ASIASSOREADONLY'
        }
    }

    Context 'failures: one terminating error, no request' {
        It 'reports a missing -ProfileName once as ProfileNotFound, whatever the pipeline input' {
            Use-ProfileFiles
            $failure = { 'ECRED', 'ECRED', 'ECRED' | Get-CFInvalidationList -EndpointUrl $endpoint -ProfileName nosuch } |
                Should -Throw -ErrorId 'ProfileNotFound,CloudFrontInvalidations.Commands.GetCFInvalidationListCommand' -PassThru
            $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $failure.Exception.Message | Should -Match "'nosuch'"
            Get-RequestLog ECRED | Should -BeNullOrEmpty
        }

        It 'reports a missing AWS_PROFILE as ProfileNotFound' {
            Use-ProfileFiles
            Remove-EnvironmentKeys
            $env:AWS_PROFILE = 'gone'
            { Get-CFInvalidationList ECRED -EndpointUrl $endpoint } |
                Should -Throw -ErrorId 'ProfileNotFound,CloudFrontInvalidations.Commands.GetCFInvalidationListCommand'
        }

        It 'rejects -AccessKey without -SecretKey and a -Credential that is not AWSCredentials as InvalidParameter' {
            $invalid = 'InvalidParameter,CloudFrontInvalidations.Commands.GetCFInvalidationListCommand'
            { Get-CFInvalidationList ECRED -EndpointUrl $endpoint -AccessKey AKIDONLY } | Should -Throw -ErrorId $invalid
            $failure = { Get-CFInvalidationList ECRED -EndpointUrl $endpoint -Credential 'not credentials' } | Should -Throw -ErrorId $invalid -PassThru
            $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
            $failure.Exception.Message | Should -Match '-Credential expects an Amazon.Runtime.AWSCredentials'
            Get-RequestLog ECRED | Should -BeNullOrEmpty
        }

        It 'says how to configure credentials, quickly, when there are none anywhere' {
            Remove-EnvironmentKeys
            $elapsed = Measure-Command {
                $script:failure = { Get-CFInvalidationList ECRED -EndpointUrl $endpoint } | Should -Throw -PassThru `
                    -ErrorId 'CredentialsNotFound,CloudFrontInvalidations.Commands.GetCFInvalidationListCommand'
            }
            $failure.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $failure.Exception.Message | Should -Match 'AWS_ACCESS_KEY_ID'
            $failure.Exception.Message | Should -Match 'AWS_PROFILE'
            $failure.ErrorDetails.RecommendedAction | Should -Match 'Get-Help about_CloudFrontInvalidations'
            $elapsed.TotalSeconds | Should -BeLessThan 5
            Get-RequestLog ECRED | Should -BeNullOrEmpty
        }

        It 'fails within 5 s off EC2 when the instance metadata service is not disabled (fresh process)' {
            # Measured on the dev machine: about 1 s (AWSSDK.Core's IMDS probe gives up quickly when nothing answers).
            $result = Invoke-FreshPwsh -Environment @{
                AWS_ACCESS_KEY_ID = ''; AWS_SECRET_ACCESS_KEY = ''; AWS_EC2_METADATA_DISABLED = ''; AWS_PROFILE = ''
                AWS_SHARED_CREDENTIALS_FILE = (Join-Path $TestDrive 'none'); AWS_CONFIG_FILE = (Join-Path $TestDrive 'none')
            } -Script @"
`$watch = [Diagnostics.Stopwatch]::StartNew()
try { Get-CFInvalidationList ECRED -EndpointUrl '$endpoint' } catch { `$_.FullyQualifiedErrorId }
'SECONDS=' + `$watch.Elapsed.TotalSeconds
"@
            $result.Output | Should -Contain 'CredentialsNotFound,CloudFrontInvalidations.Commands.GetCFInvalidationListCommand'
            $seconds = [double](($result.Output | Where-Object { $_ -like 'SECONDS=*' }) -replace '^SECONDS=')
            Write-Host "    no-credentials failure with the IMDS probe enabled took $([Math]::Round($seconds, 2)) s"
            $seconds | Should -BeLessThan 5
        }
    }

    Context 'region' {
        It 'uses us-east-1 when no region is configured anywhere, and signs for it' {
            $env:AWS_ENDPOINT_URL_CLOUDFRONT = $endpoint
            try { $verbose = Get-CFInvalidationList ECRED -NoAutoIteration -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] } }
            finally { Remove-Item env:AWS_ENDPOINT_URL_CLOUDFRONT }
            "$verbose" | Should -Match 'Region us-east-1;'
            (Get-RequestLog ECRED)[0].credentialRegion | Should -Be 'us-east-1'
        }

        It 'takes the region of the profile in use, and still signs for us-east-1/cloudfront' {
            Use-ProfileFiles
            $verbose = Get-CFInvalidationList ECRED -EndpointUrl $endpoint -ProfileName named -NoAutoIteration -Verbose 4>&1 |
                Where-Object { $_ -is [Management.Automation.VerboseRecord] }
            "$verbose" | Should -Match 'Region eu-west-3;'
            (Get-RequestLog ECRED)[0].credentialRegion | Should -Be 'us-east-1'
            (Get-RequestLog ECRED)[0].credentialService | Should -Be 'cloudfront'
        }
    }
}

# AWS.Tools is not installable here: its session variables are reproduced with their exact shapes, in a fresh pwsh
# that has another AWSSDK.Core loaded as AWS.Tools would. $StoredAWSRegion is a region's system name;
# $StoredAWSCredentials an Amazon.PowerShell.Common.AWSPSCredentials holding, in internal properties, the credentials
# Set-AWSCredential resolved (from -ProfileName through that SDK's profile chain, or from keys) and their name.
Describe 'AWS.Tools shell defaults (Set-AWSCredential, Set-DefaultAWSRegion, Initialize-AWSDefaultConfiguration)' {
    BeforeAll {
        $script:otherSdk = Join-Path $RepoRoot 'out/nuget/awssdk.core/4.0.3.3/lib/net8.0/AWSSDK.Core.dll'
        if (-not (Test-Path $otherSdk)) { throw "Restore tests/TestTools first (build.ps1 Test does): $otherSdk is missing." }
        $script:shellCredentialsFile = Join-Path $TestDrive 'shell-credentials'
        Set-Content $shellCredentialsFile "[prod]`naws_access_key_id = AKIDSHELLPRODPROFILE`naws_secret_access_key = prod-secret`n[named]`naws_access_key_id = AKIDNAMEDPROFILE`naws_secret_access_key = named-secret`n"
        # AWS.Tools' own class, member for member (Common/CredentialsArguments.cs), compiled against the other SDK.
        $script:awsTools = @'
$other = [Reflection.Assembly]::LoadFrom('OTHER_SDK')
Add-Type -IgnoreWarnings -ReferencedAssemblies $other.Location -TypeDefinition @"
namespace Amazon.PowerShell.Common
{
    public enum CredentialsSource { Strings, Profile, CredentialsObject, Session, Environment, Container, InstanceProfile, Unknown }
    public class AWSPSCredentials
    {
        internal AWSPSCredentials(Amazon.Runtime.AWSCredentials credentials, string name, CredentialsSource source) { Credentials = credentials; Name = name; Source = source; }
        private AWSPSCredentials() { }
        internal Amazon.Runtime.AWSCredentials Credentials { get; private set; }
        internal string Name { get; private set; }
        internal CredentialsSource Source { get; private set; }
        public override string ToString() { return Name; }
    }
}
"@
function New-StoredCredentials($Credentials, [string] $Name, [string] $Source) {
    [Activator]::CreateInstance([Amazon.PowerShell.Common.AWSPSCredentials], [Reflection.BindingFlags] 'NonPublic, Instance', $null,
        @($Credentials, $Name, [Amazon.PowerShell.Common.CredentialsSource] $Source), $null)
}
# Set-AWSCredential -ProfileName: the profile resolved by AWS.Tools' SDK, stored under its name.
function Set-AWSCredential([string] $ProfileName, [string] $AccessKey, [string] $SecretKey) {
    $global:StoredAWSCredentials = if ($ProfileName) {
        $chain = [Activator]::CreateInstance($other.GetType('Amazon.Runtime.CredentialManagement.CredentialProfileStoreChain'))
        $profile = $null
        if (-not $chain.TryGetProfile($ProfileName, [ref] $profile)) { throw "no profile $ProfileName" }
        New-StoredCredentials ($other.GetType('Amazon.Runtime.CredentialManagement.AWSCredentialsFactory')::GetAWSCredentials($profile, $chain)) $ProfileName Profile
    }
    else { New-StoredCredentials ([Activator]::CreateInstance($other.GetType('Amazon.Runtime.BasicAWSCredentials'), @($AccessKey, $SecretKey))) 'Supplied Key Parameters' Strings }
}
function Set-DefaultAWSRegion([string] $Region) { $global:StoredAWSRegion = $Region }
function Show-Session([string] $Case, [scriptblock] $Command) {
    $verbose = @(& $Command -Verbose 4>&1 | Where-Object { $_ -is [Management.Automation.VerboseRecord] })
    "$Case|$($verbose[0])"
}
'@ -replace 'OTHER_SDK', $otherSdk
        # One fresh pwsh, one request per case, in this order.
        function Invoke-ShellSession([string] $Script) {
            $result = Invoke-FreshPwsh -Environment @{
                AWS_ACCESS_KEY_ID = 'AKIDENVIRONMENT'; AWS_SECRET_ACCESS_KEY = 'x'; AWS_REGION = 'eu-west-1'; AWS_EC2_METADATA_DISABLED = 'true'
                AWS_SHARED_CREDENTIALS_FILE = $shellCredentialsFile; AWS_CONFIG_FILE = (Join-Path $TestDrive 'no-config')
            } -Script ($awsTools + "`n" + $Script)
            if ($result.ExitCode -ne 0 -or $result.Error) { throw "fresh pwsh failed ($($result.ExitCode)): $($result.Error)" }
            $lines = @{}
            foreach ($line in $result.Output | Where-Object { $_ -like '*|*' }) { $case, $verbose = $line -split '\|', 2; $lines[$case] = $verbose }
            $lines
        }
    }

    BeforeEach {
        Clear-LocalRequestLog -Server $script:server
    }

    It 'signs with the session''s credentials over the environment, after every credential parameter, and -Verbose says where they came from' {
        $verbose = Invoke-ShellSession @"
`$url = '$endpoint'
Set-AWSCredential -ProfileName prod
Show-Session profile { Get-CFInvalidationList ECRED -EndpointUrl `$url -NoAutoIteration @args }
Show-Session keys { Get-CFInvalidationList ECRED -EndpointUrl `$url -NoAutoIteration -AccessKey AKIDEXPLICIT -SecretKey s @args }
Show-Session profileName { Get-CFInvalidationList ECRED -EndpointUrl `$url -NoAutoIteration -ProfileName named @args }
Show-Session get { Get-CFInvalidation ECRED (Get-CFInvalidationList ECRED -EndpointUrl `$url -First 1).Id -EndpointUrl `$url @args }
Set-AWSCredential -AccessKey AKIDSHELLKEYS -SecretKey s
Show-Session storedKeys { Get-CFInvalidationList ECRED -EndpointUrl `$url -NoAutoIteration @args }
& { `$StoredAWSCredentials = New-StoredCredentials ([Activator]::CreateInstance(`$other.GetType('Amazon.Runtime.BasicAWSCredentials'), @('AKIDSHELLLOCALSCOPE', 's'))) 'Supplied Key Parameters' Strings
    Show-Session localScope { Get-CFInvalidationList ECRED -EndpointUrl `$url -NoAutoIteration @args } }
`$global:StoredAWSCredentials = 'prod'
Show-Session otherShape { Get-CFInvalidationList ECRED -EndpointUrl `$url -NoAutoIteration @args }
`$global:StoredAWSCredentials = `$null
Show-Session cleared { Get-CFInvalidationList ECRED -EndpointUrl `$url -NoAutoIteration @args }
"@
        @(Get-RequestLog ECRED).accessKeyId | Should -Be @(
            'AKIDSHELLPRODPROFILE', 'AKIDEXPLICIT', 'AKIDNAMEDPROFILE', 'AKIDSHELLPRODPROFILE', 'AKIDSHELLPRODPROFILE',
            'AKIDSHELLKEYS', 'AKIDSHELLLOCALSCOPE', 'AKIDENVIRONMENT', 'AKIDENVIRONMENT')
        $verbose.profile | Should -Match ([regex]::Escape("credentials from `$StoredAWSCredentials ('prod'), set in this session by Set-AWSCredential or Initialize-AWSDefaultConfiguration."))
        $verbose.get | Should -Match ([regex]::Escape("`$StoredAWSCredentials ('prod')"))
        $verbose.keys | Should -Match 'credentials from -AccessKey/-SecretKey\.'
        $verbose.profileName | Should -Match "credentials from profile 'named' \(-ProfileName\)\."
        $verbose.storedKeys | Should -Match ([regex]::Escape("`$StoredAWSCredentials ('Supplied Key Parameters')"))
        $verbose.cleared | Should -Match 'credentials from the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables\.'
    }

    It 'takes the session''s region after -Region and before AWS_REGION' {
        $verbose = Invoke-ShellSession @"
`$url = '$endpoint'
Set-DefaultAWSRegion sa-east-1
Show-Session stored { Get-CFInvalidationList ECRED -EndpointUrl `$url -NoAutoIteration @args }
Show-Session parameter { Get-CFInvalidationList ECRED -EndpointUrl `$url -NoAutoIteration -Region ap-south-1 @args }
`$global:StoredAWSRegion = `$null
Show-Session cleared { Get-CFInvalidationList ECRED -EndpointUrl `$url -NoAutoIteration @args }
"@
        $verbose.stored | Should -Match '^Region sa-east-1;'
        $verbose.parameter | Should -Match '^Region ap-south-1;'
        $verbose.cleared | Should -Match '^Region eu-west-1;'
        # CloudFront is global: whatever the region, the requests are signed for us-east-1.
        @(Get-RequestLog ECRED).credentialRegion | Select-Object -Unique | Should -Be 'us-east-1'
    }
}
