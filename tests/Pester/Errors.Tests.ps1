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

        It 'advice names only this module''s own help and commands' {
            Get-CFInvalidationList EDENIED -EndpointUrl $endpoint -ErrorVariable denied -ErrorAction SilentlyContinue
            Get-CFInvalidationList ENOSUCH -EndpointUrl $endpoint -ErrorVariable missing -ErrorAction SilentlyContinue

            $denied[0].ErrorDetails.RecommendedAction | Should -Match 'Get-Help about_CloudFrontInvalidations lists the minimal IAM policy'
            $missing[0].ErrorDetails.RecommendedAction | Should -Match 'Get-CFInvalidationList -DistributionId <Tab>'
            foreach ($record in $denied[0], $missing[0]) {
                $record.ErrorDetails.RecommendedAction | Should -Not -Match 'README|Get-CFDistributionList|\baws '
            }
            # What the advice points at is there: the about topic holds each command's minimal IAM actions.
            $about = Get-Help about_CloudFrontInvalidations | Out-String
            $about | Should -Match 'Minimal IAM policy'
            foreach ($action in 'ListInvalidations', 'GetInvalidation', 'ListDistributions', 'ListInvalidationsForDistributionTenant', 'GetInvalidationForDistributionTenant') {
                $about | Should -Match "cloudfront:$action\b"
            }
        }

        It 'a lower-case distribution id that does not exist is told that ids are upper case' {
            Get-CFInvalidationList enosuch -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue
            Get-CFInvalidation -DistributionId eNoSuch -Id I2J0I21PCUYOIK -EndpointUrl $endpoint -ErrorVariable getFailures -ErrorAction SilentlyContinue
            Get-CFInvalidationList ENOSUCH -EndpointUrl $endpoint -ErrorVariable upperFailures -ErrorAction SilentlyContinue

            $failures[0].FullyQualifiedErrorId | Should -Be "NoSuchDistribution,$commandName"
            $failures[0].ErrorDetails.Message | Should -BeLike "*Distribution ids are upper case: try 'ENOSUCH'."
            $getFailures[0].FullyQualifiedErrorId | Should -BeLike 'NoSuchDistribution,*'
            $getFailures[0].ErrorDetails.Message | Should -BeLike "*Distribution ids are upper case: try 'ENOSUCH'."
            $upperFailures[0].ErrorDetails.Message | Should -Not -Match 'upper case'
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
                'ENOSUCH', 'ESMALL' | Get-CFInvalidationList -EndpointUrl $endpoint -ErrorAction Stop -ThrottleLimit 1 | ForEach-Object { $items += $_ }
            }
            catch [CloudFrontInvalidations.CloudFront.NoSuchDistributionException] {
                $caught = $_
            }

            $caught | Should -Not -BeNullOrEmpty
            $caught.Exception | Should -BeOfType [CloudFrontInvalidations.CloudFront.NoSuchDistributionException]
            $caught.Exception.ErrorCode | Should -Be 'NoSuchDistribution'
            $caught.FullyQualifiedErrorId | Should -Be "NoSuchDistribution,$commandName"
            $items.Count | Should -Be 0
            @(Get-RequestLog).distributionId | Should -Be @('ENOSUCH') -Because 'listed one at a time, nothing after the failure starts'
        }
    }

    Context 'credentials' {
        It '<Id> (<ErrorId>) is an AuthenticationError that says how to provide credentials and stops the command' -ForEach @(
            @{ Id = 'ESIG'; ErrorId = 'SignatureDoesNotMatch' }
            @{ Id = 'ETOKENID'; ErrorId = 'InvalidClientTokenId' }
            @{ Id = 'EEXPIRED'; ErrorId = 'ExpiredToken' }
        ) {
            $caught = $null
            try { $Id, 'ESMALL' | Get-CFInvalidationList -EndpointUrl $endpoint -ThrottleLimit 1 } catch { $caught = $_ }

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
            $caught.ErrorDetails.Message | Should -Match '^Listing invalidations failed: No AWS credentials were found: no credential parameter, nothing stored by Set-AWSCredential'
            $caught.ErrorDetails.RecommendedAction | Should -Match 'set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY'
            $caught.ErrorDetails.RecommendedAction | Should -Match 'Get-Help about_CloudFrontInvalidations lists every source in order'
            $caught.ErrorDetails.Message | Should -Not -Match 'Get-Help|-ProfileName, -Credential' -Because 'the recommendation says how, the message what was searched'
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
            @{ Name = '254 characters'; Value = 'E' * 254 }
            @{ Name = '129 letters, longer than an id may be'; Value = 'E' * 129 }
            @{ Name = 'a domain name with an empty label'; Value = 'www..example.com' }
        ) {
            $caught = $null
            try { Get-CFInvalidationList -DistributionId $Value -EndpointUrl $endpoint } catch { $caught = $_ }

            $caught.FullyQualifiedErrorId | Should -BeLike "ParameterArgumentValidationError*,$commandName"
            $caught.CategoryInfo.Category | Should -Be 'InvalidData'
            @(Get-RequestLog).Count | Should -Be 0
        }

        It '-EndpointUrl <Value> (<Name>) is refused at binding as an InvalidArgument, saying what it takes' -ForEach @(
            @{ Name = 'no scheme'; Value = '127.0.0.1:4566'; Why = "'127.0.0.1:4566' is not an absolute URL" }
            @{ Name = 'host and port, no scheme'; Value = 'localhost:4566'; Why = "'localhost:4566' is not an absolute URL" }
            @{ Name = 'ftp'; Value = 'ftp://127.0.0.1/'; Why = "'ftp://127.0.0.1/' is not an http or https URL (its scheme is ftp)" }
            @{ Name = 'relative'; Value = '/2020-05-31'; Why = "'/2020-05-31' is not an absolute URL" }
            @{ Name = 'empty'; Value = ''; Why = 'it is empty' }
        ) {
            $commands = @((Get-Command -Module CloudFrontInvalidations).Name)
            $commands.Count | Should -BeGreaterOrEqual 3
            foreach ($name in $commands) {
                $caught = $null
                try { & $name -EndpointUrl $Value } catch { $caught = $_ }

                $caught.FullyQualifiedErrorId | Should -BeLike 'CannotConvertArgument*,*' -Because $name
                $caught.CategoryInfo.Category | Should -Be 'InvalidArgument' -Because $name
                $caught.Exception.ParameterName | Should -Be 'EndpointUrl' -Because $name
                $caught.Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape($Why))*" -Because $name
                $caught.Exception.Message | Should -Match '-EndpointUrl takes an absolute http or https URL, such as https://cloudfront\.amazonaws\.com or http://127\.0\.0\.1:4566'
            }
            @(Get-RequestLog).Count | Should -Be 0
        }

        It '-EndpointUrl with user information (<Value>) is refused before any request, and its password is in no output' -ForEach @(
            @{ Value = 'http://AKIAEXAMPLE:hunter2secret@127.0.0.1:9/' }
            @{ Value = 'user:hunter2secret@127.0.0.1:4566' }
        ) {
            $calls = @{
                'Get-CFInvalidationList'  = @{ DistributionId = 'E1' }
                'Get-CFInvalidation'      = @{ DistributionId = 'E1'; Id = 'I1' }
                'Wait-CFInvalidation'     = @{ DistributionId = 'E1'; Id = 'I1' }
                'New-CFInvalidation'      = @{ DistributionId = 'E1'; Path = '/a'; Force = $true }
                'Get-CFInvalidationUsage' = @{ DistributionId = 'E1' }
            }
            @((Get-Command -Module CloudFrontInvalidations).Name | Sort-Object) | Should -Be @($calls.Keys | Sort-Object)
            foreach ($name in $calls.Keys) {
                $arguments = $calls[$name]
                $caught = $null
                try { & $name @arguments -EndpointUrl $Value -ErrorAction Stop } catch { $caught = $_ }

                $caught.FullyQualifiedErrorId | Should -BeLike 'InvalidParameter,*' -Because $name
                $caught.CategoryInfo.Category | Should -Be 'InvalidArgument' -Because $name
                $caught.Exception.Message | Should -BeLike "*'***@127.0.0.1*-EndpointUrl takes an absolute http or https URL*" -Because $name
                ($caught | Out-String) + $caught.Exception.Message + "$($caught.TargetObject)" | Should -Not -Match 'hunter2secret' -Because $name
            }
            @(Get-RequestLog).Count | Should -Be 0
        }

        It '-EndpointUrl takes a string or a [uri], as AWS.Tools does, and the URL reaches the requests' {
            [string]$url = $endpoint
            @(Get-CFInvalidationList ESMALL -EndpointUrl $url).Count | Should -Be 12
            @(Get-CFInvalidationList ESMALL -EndpointUrl ([uri]$url)).Count | Should -Be 12 -Because 'AWS.Tools'' string parameter takes a [uri] too'
            (Get-Command Get-CFInvalidationList).Parameters.EndpointUrl.ParameterType | Should -Be ([CloudFrontInvalidations.Session.EndpointUrl])
        }

        It 'an https -EndpointUrl for an endpoint that speaks plain HTTP says so in words' {
            $env:AWS_MAX_ATTEMPTS = '1'
            Get-CFInvalidationList ESMALL -EndpointUrl ($endpoint -replace '^http:', 'https:') -ErrorVariable failures -ErrorAction SilentlyContinue

            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be "ConnectionFailed,$commandName"
            $failures[0].CategoryInfo.Category | Should -Be 'ConnectionError'
            $failures[0].ErrorDetails.Message | Should -Match 'the TLS connection could not be established .*An endpoint that speaks plain HTTP needs an http:// URL, not https://\.'
            $failures[0].ErrorDetails.Message | Should -Not -Match 'see inner exception'
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
            # ETHROTTLE's throttling is retried until admitted: it lists, with no error.
            $Error.Count | Should -BeGreaterOrEqual 7
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

    Context 'answers that are not from CloudFront, and bodies that cannot be read' {
        # A throwaway HTTP endpoint on 127.0.0.1 that gives each distribution id one canned answer, so the
        # bodies a proxy or gateway sends (empty, HTML, JSON) reach the module exactly as sent.
        BeforeAll {
            $page = '<?xml version="1.0"?><InvalidationList xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Marker></Marker><MaxItems>100</MaxItems><IsTruncated>{0}</IsTruncated><Quantity>1</Quantity><Items><InvalidationSummary><Id>I1CANNED</Id><CreateTime>2026-11-27T21:07:39Z</CreateTime><Status>Completed</Status></InvalidationSummary></Items></InvalidationList>'
            $script:canned = @{
                EEMPTY403 = @{ Status = 403; ContentType = $null; Body = '' }
                EHTML502  = @{ Status = 502; ContentType = 'text/html'; Body = '<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body></html>' }
                EJSON400  = @{ Status = 400; ContentType = 'application/json'; Body = '{"message":"Bad request"}' }
                EJSON429  = @{ Status = 429; ContentType = 'application/json'; Body = '{"message":"Too Many Requests"}' }
                EBADBOOL  = @{ Status = 200; ContentType = 'text/xml'; Body = $page -f 'yes' }
            }
            $script:cannedRequests = [Collections.Concurrent.ConcurrentQueue[string]]::new()
            $probe = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
            $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
            $script:cannedListener = [Net.HttpListener]::new()
            $script:cannedListener.Prefixes.Add("http://127.0.0.1:$port/")
            $script:cannedListener.Start()
            $script:cannedUrl = "http://127.0.0.1:$port"
            $script:cannedShell = [powershell]::Create()
            $null = $script:cannedShell.AddScript({
                    param($listener, $answers, $requests)
                    while ($listener.IsListening) {
                        try { $context = $listener.GetContext() } catch { break }
                        $id = ($context.Request.Url.AbsolutePath -split '/')[3]
                        $requests.Enqueue($id)
                        $answer = $answers[$id]
                        $bytes = [Text.Encoding]::UTF8.GetBytes($answer.Body)
                        $context.Response.StatusCode = $answer.Status
                        if ($answer.ContentType) { $context.Response.ContentType = $answer.ContentType }
                        $context.Response.ContentLength64 = $bytes.Length
                        $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
                        $context.Response.Close()
                    }
                }).AddArgument($script:cannedListener).AddArgument($script:canned).AddArgument($script:cannedRequests)
            $script:cannedRun = $script:cannedShell.BeginInvoke()

            # -Debug in a [powershell] of its own: its Debug stream is captured instead of prompting a host.
            $sessionState = [initialsessionstate]::CreateDefault()
            $sessionState.ImportPSModule($script:ModulePath)
            $script:cannedCaller = [powershell]::Create($sessionState)
            function Invoke-Canned([string] $Id) {
                $script:cannedRequests.Clear()
                $script:cannedCaller.Commands.Clear()
                $script:cannedCaller.Streams.ClearStreams()
                $null = $script:cannedCaller.AddScript("Get-CFInvalidationList $Id -EndpointUrl '$script:cannedUrl' -Debug").Invoke()
                [pscustomobject]@{
                    Errors   = @($script:cannedCaller.Streams.Error)
                    Debug    = @($script:cannedCaller.Streams.Debug | ForEach-Object Message)
                    Requests = $script:cannedRequests.Count
                }
            }
        }
        AfterAll {
            $script:cannedCaller.Dispose()
            $script:cannedListener.Close()
            $null = $script:cannedShell.EndInvoke($script:cannedRun)
            $script:cannedShell.Dispose()
        }

        It '<Id> is <ErrorId> (<Category>): the message says the status and that the body is no AWS error' -ForEach @(
            @{ Id = 'EEMPTY403'; ErrorId = 'HttpForbidden'; Category = 'PermissionDenied'; Status = 'Forbidden'; Says = 'HTTP 403 (Forbidden) with an empty body' }
            @{ Id = 'EHTML502'; ErrorId = 'HttpBadGateway'; Category = 'ConnectionError'; Status = 'BadGateway'; Says = 'HTTP 502 (Bad Gateway) with a body that is not an AWS error document (text/html)' }
            @{ Id = 'EJSON400'; ErrorId = 'HttpError'; Category = 'InvalidResult'; Status = 'BadRequest'; Says = 'HTTP 400 (Bad Request) with a body that is not an AWS error document (application/json)' }
            @{ Id = 'EJSON429'; ErrorId = 'HttpTooManyRequests'; Category = 'LimitsExceeded'; Status = 429; Says = 'HTTP 429 (Too Many Requests) with a body that is not an AWS error document (application/json)' }
        ) {
            $env:AWS_MAX_ATTEMPTS = '1'

            $run = Invoke-Canned $Id

            $run.Errors.Count | Should -Be 1
            $record = $run.Errors[0]
            $record.FullyQualifiedErrorId | Should -Be "$ErrorId,$commandName"
            $record.CategoryInfo.Category | Should -Be $Category
            $record.Exception | Should -BeOfType [CloudFrontInvalidations.CloudFront.NonAwsErrorResponseException]
            $record.Exception.StatusCode | Should -Be $Status
            $record.Exception.ErrorCode | Should -BeNullOrEmpty
            $record.TargetObject | Should -Be $Id
            $record.ErrorDetails.Message | Should -BeLike "Listing invalidations of distribution '$Id' failed: The endpoint answered $Says*"
            $record.ErrorDetails.Message | Should -Not -Match 'inner exception|nginx|Bad request"'
            $run.Requests | Should -Be 1
            $run.Debug | Should -HaveCount 1
            $run.Debug[0] | Should -BeLike "ListInvalidations $Id attempt 1 failed after * ms: $Says"
        }

        It 'a 502 proxy page is retried like a CloudFront 5xx, each attempt logged with its reason' {
            $env:AWS_MAX_ATTEMPTS = '2'

            $run = Invoke-Canned EHTML502

            $run.Requests | Should -Be 2
            $run.Errors[0].FullyQualifiedErrorId | Should -Be "HttpBadGateway,$commandName"
            $run.Debug | Should -HaveCount 2
            $run.Debug[1] | Should -BeLike 'ListInvalidations EHTML502 attempt 2 failed after * ms: HTTP 502 (Bad Gateway) with a body that is not an AWS error document (text/html)'
        }

        It 'an unreadable boolean is UnreadableResponse naming the element and its text, retried by the SDK and logged each time' {
            $env:AWS_MAX_ATTEMPTS = '2'

            $run = Invoke-Canned EBADBOOL

            $run.Requests | Should -Be 2 -Because 'the SDK takes an unreadable 200 for a body damaged in transit'
            $run.Errors.Count | Should -Be 1
            $record = $run.Errors[0]
            $record.FullyQualifiedErrorId | Should -Be "UnreadableResponse,$commandName"
            $record.CategoryInfo.Category | Should -Be 'InvalidResult'
            $record.Exception.GetType().FullName | Should -Be 'Amazon.Runtime.AmazonUnmarshallingException'
            $record.Exception.InnerException.ElementName | Should -Be 'IsTruncated'
            $record.Exception.InnerException.Text | Should -Be 'yes'
            $record.ErrorDetails.Message | Should -Be "Listing invalidations of distribution 'EBADBOOL' failed: HTTP 200 (OK) with a body that could not be read: IsTruncated: 'yes' is not a boolean."
            $run.Debug | Should -HaveCount 2
            $run.Debug | ForEach-Object { $_ | Should -Match "^ListInvalidations EBADBOOL attempt [12] failed after \d+ ms: HTTP 200 \(OK\) with a body that could not be read: IsTruncated: 'yes' is not a boolean\.$" }
        }
    }
}
