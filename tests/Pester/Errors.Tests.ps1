# Typed ErrorRecords: what each failure reports, non-terminating vs terminating, bad input rejected
# before any request, markers sent encoded, and no secret in any stream.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:server = Start-LocalCloudFront -Distribution @(
        @{ id = 'ESMALL'; count = 12; pageCap = 5 }
        @{ id = 'EDENIED'; count = 3; faults = @{ errorCode = 'AccessDenied' } }
        @{ id = 'EBADARG'; count = 3; faults = @{ errorCode = 'InvalidArgument' } }
        @{ id = 'ESIG'; count = 3; faults = @{ errorCode = 'SignatureDoesNotMatch' } }
        @{ id = 'ETOKENID'; count = 3; faults = @{ errorCode = 'InvalidClientTokenId' } }
        @{ id = 'EEXPIRED'; count = 3; faults = @{ errorCode = 'ExpiredToken' } }
    )
    $script:endpoint = $script:server.Url
    $script:commandName = 'CloudFrontInvalidations.Commands.GetCFInvalidationListCommand'
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'Get-CFInvalidationList errors' {
    BeforeEach {
        Clear-LocalRequestLog -Server $script:server
    }
    AfterEach {
        Reset-TestAwsEnvironment
    }

    Context 'service errors' {
        It '<Id> is <ErrorId> (<Category>, <Type>) with the typed exception, target and request id' -ForEach @(
            @{ Id = 'ENOSUCH'; ErrorId = 'NoSuchDistribution'; Category = 'ObjectNotFound'; Type = 'CloudFrontInvalidations.CloudFront.NoSuchDistributionException'; Status = 'NotFound' }
            @{ Id = 'EDENIED'; ErrorId = 'AccessDenied'; Category = 'PermissionDenied'; Type = 'CloudFrontInvalidations.CloudFront.AccessDeniedException'; Status = 'Forbidden' }
            @{ Id = 'EBADARG'; ErrorId = 'InvalidArgument'; Category = 'InvalidArgument'; Type = 'CloudFrontInvalidations.CloudFront.InvalidArgumentException'; Status = 'BadRequest' }
        ) {
            Get-CFInvalidationList $Id -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue

            $failures.Count | Should -Be 1
            $record = $failures[0]
            $record.FullyQualifiedErrorId | Should -Be "$ErrorId,$commandName"
            $record.CategoryInfo.Category | Should -Be $Category
            $record.Exception.GetType().FullName | Should -Be $Type
            $record.Exception.ErrorCode | Should -Be $ErrorId
            $record.Exception.StatusCode | Should -Be $Status
            $record.Exception.RequestId | Should -Not -BeNullOrEmpty
            $record.TargetObject | Should -Be $Id
            $record.ErrorDetails.Message | Should -BeLike "*AWS request id: $($record.Exception.RequestId).*"
            $record.ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            @(Get-RequestLog).Count | Should -Be 1
        }

        It 'is non-terminating: the next input is listed and $? is false' {
            $items = @('EDENIED', 'ESMALL' | Get-CFInvalidationList -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue)
            $succeeded = $?

            $succeeded | Should -BeFalse
            $items.Count | Should -Be 12
            $failures.Count | Should -Be 1
            $failures[0].TargetObject | Should -Be 'EDENIED'
        }

        It '-ErrorAction Stop makes it terminating, caught by its typed exception' {
            $caught = $null
            $items = @()
            try {
                'ENOSUCH', 'ESMALL' | Get-CFInvalidationList -EndpointUrl $endpoint -ErrorAction Stop | ForEach-Object { $items += $_ }
            }
            catch [CloudFrontInvalidations.CloudFront.NoSuchDistributionException] {
                $caught = $_
            }

            $caught | Should -Not -BeNullOrEmpty
            $caught.Exception | Should -BeOfType [CloudFrontInvalidations.CloudFront.NoSuchDistributionException]
            $caught.Exception.ErrorCode | Should -Be 'NoSuchDistribution'
            $caught.FullyQualifiedErrorId | Should -Be "NoSuchDistribution,$commandName"
            $items.Count | Should -Be 0
            @(Get-RequestLog).distributionId | Should -Be @('ENOSUCH')
        }
    }

    Context 'credentials' {
        It '<Id> (<ErrorId>) is an AuthenticationError that says how to provide credentials and stops the command' -ForEach @(
            @{ Id = 'ESIG'; ErrorId = 'SignatureDoesNotMatch' }
            @{ Id = 'ETOKENID'; ErrorId = 'InvalidClientTokenId' }
            @{ Id = 'EEXPIRED'; ErrorId = 'ExpiredToken' }
        ) {
            $caught = $null
            try { $Id, 'ESMALL' | Get-CFInvalidationList -EndpointUrl $endpoint } catch { $caught = $_ }

            $caught.FullyQualifiedErrorId | Should -Be "$ErrorId,$commandName"
            $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $caught.Exception | Should -BeOfType [CloudFrontInvalidations.CloudFront.CredentialsRejectedException]
            $caught.Exception.ErrorCode | Should -Be $ErrorId
            $caught.TargetObject | Should -Be $Id
            $caught.ErrorDetails.RecommendedAction | Should -Match 'AWS_ACCESS_KEY_ID'
            @(Get-RequestLog).distributionId | Should -Be @($Id)
        }

        It 'no credentials anywhere is reported once, before any request, and stops the command' {
            Remove-Item env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY
            $caught = $null
            $Error.Clear() # a count difference stalls once $Error holds $MaximumErrorCount records
            try { 'ESMALL', 'EDENIED' | Get-CFInvalidationList -EndpointUrl $endpoint } catch { $caught = $_ }

            $caught.FullyQualifiedErrorId | Should -Be "CredentialsNotFound,$commandName"
            $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $caught.Exception | Should -BeOfType [CloudFrontInvalidations.CloudFront.CredentialsUnavailableException]
            # AWSSDK.Core lives in the module's own load context, out of reach of PowerShell type literals: compare names.
            $caught.Exception.InnerException.GetType().FullName | Should -Be 'Amazon.Runtime.AmazonClientException'
            $caught.ErrorDetails.Message | Should -Match 'No AWS credentials were found\. Provide credentials as for the AWS CLI: AWS_ACCESS_KEY_ID'
            $Error.Count | Should -Be 1
            @(Get-RequestLog).Count | Should -Be 0
        }

        It 'a named profile that does not exist is ProfileNotFound, reported once' {
            $env:AWS_PROFILE = 'no-such-profile'
            Remove-Item env:AWS_ACCESS_KEY_ID, env:AWS_SECRET_ACCESS_KEY
            $caught = $null
            try { 'ESMALL', 'EDENIED' | Get-CFInvalidationList -EndpointUrl $endpoint } catch { $caught = $_ }

            $caught.FullyQualifiedErrorId | Should -Be "ProfileNotFound,$commandName"
            $caught.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $caught.Exception.GetType().FullName | Should -Be 'Amazon.Runtime.CredentialManagement.ProfileNotFoundException'
            $caught.ErrorDetails.Message | Should -Match 'no-such-profile'
            @(Get-RequestLog).Count | Should -Be 0
        }
    }

    Context 'bad input is rejected before any request' {
        It 'distribution id <Name> is a parameter binding error' -ForEach @(
            @{ Name = 'empty'; Value = '' }
            @{ Name = 'whitespace'; Value = '   ' }
            @{ Name = 'path traversal'; Value = '../x' }
            @{ Name = 'query injection'; Value = 'E1?Marker=x' }
            @{ Name = 'with a space'; Value = 'E1 2' }
            @{ Name = 'unicode'; Value = 'E1é' }
            @{ Name = 'trailing newline'; Value = "E1`n" }
            @{ Name = '129 characters'; Value = 'E' * 129 }
        ) {
            $caught = $null
            try { Get-CFInvalidationList -DistributionId $Value -EndpointUrl $endpoint } catch { $caught = $_ }

            $caught.FullyQualifiedErrorId | Should -BeLike "ParameterArgumentValidationError*,$commandName"
            $caught.CategoryInfo.Category | Should -Be 'InvalidData'
            @(Get-RequestLog).Count | Should -Be 0
        }

        It 'a bad id from the pipeline fails alone; the next input is listed' {
            $items = @('../x', 'ESMALL' | Get-CFInvalidationList -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue)

            $items.Count | Should -Be 12
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike "ParameterArgumentValidationError*,$commandName"
            @(Get-RequestLog).distributionId | Select-Object -Unique | Should -Be @('ESMALL')
        }

        It '-MaxItem <Value> is a parameter binding error' -ForEach @(
            @{ Value = '0' }, @{ Value = '-1' }, @{ Value = 'ten' }, @{ Value = '1001' }
        ) {
            $caught = $null
            try { Get-CFInvalidationList ESMALL -MaxItem $Value -EndpointUrl $endpoint } catch { $caught = $_ }

            $caught.Exception | Should -BeOfType [System.Management.Automation.ParameterBindingException]
            @(Get-RequestLog).Count | Should -Be 0
        }

        It 'a marker is sent URL-encoded whatever it contains' {
            $marker = 'I1 & x=y/z+%é日本'
            Get-CFInvalidationList ESMALL -Marker $marker -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue

            $logged = Get-RequestLog
            $logged.Count | Should -Be 1
            $logged[0].path | Should -Be '/2020-05-31/distribution/ESMALL/invalidation'
            $logged[0].marker | Should -BeExactly $marker
            $failures[0].FullyQualifiedErrorId | Should -Be "InvalidArgument,$commandName"
        }
    }

    Context 'secrets' {
        It 'neither the secret key nor the session token appears in any stream, error or ErrorDetails' {
            $secret = $env:AWS_SECRET_ACCESS_KEY
            $env:AWS_SESSION_TOKEN = 'pester-session-token-never-printed'
            $env:AWS_MAX_ATTEMPTS = '1'
            Set-LocalDistribution -Server $server -Id ETHROTTLE -Count 3 -Fault @{ throttleFirst = 1 }
            Set-LocalDistribution -Server $server -Id ECUT -Count 3 -Fault @{ malformedOnceAtRequest = 1 }
            Set-LocalDistribution -Server $server -Id EPART -Count 12 -PageCap 5 -Fault @{ errorCode = 'AccessDenied'; errorAtRequest = 2 }
            $Error.Clear()

            $output = foreach ($id in 'ESMALL', 'ENOSUCH', 'EDENIED', 'EBADARG', 'ETHROTTLE', 'ECUT', 'EPART', 'ESIG', 'EEXPIRED') {
                try { Get-CFInvalidationList $id -EndpointUrl $endpoint -Verbose -Debug -ErrorAction Continue *>&1 } catch { $_ }
            }

            $logged = Get-RequestLog
            $logged.Count | Should -BeGreaterOrEqual 9
            $logged | ForEach-Object { $_.securityTokenPresent | Should -BeTrue }
            $Error.Count | Should -BeGreaterOrEqual 8
            $text = (@($output) + @($Error) | ForEach-Object {
                    $_ | Out-String
                    if ($_ -is [System.Management.Automation.ErrorRecord]) {
                        $_.ErrorDetails.Message; $_.ErrorDetails.RecommendedAction; $_.Exception.ToString()
                    }
                }) -join "`n"
            $text | Should -Not -BeNullOrEmpty
            $text.Contains($secret) | Should -BeFalse
            $text.Contains($env:AWS_SESSION_TOKEN) | Should -BeFalse
        }
    }
}
