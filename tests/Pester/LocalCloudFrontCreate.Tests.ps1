# Checks what the local endpoint serves for CreateInvalidation and its tenant form: the wire format (with the real
# AWS CLI), the invalidation created moving from InProgress to Completed in lists and gets, CallerReference
# idempotency, the in-progress limits, CloudFront's errors and the fault that carries a request out and loses its answer.
# Needs the server built: dotnet build tests/LocalCloudFront/LocalCloudFront.csproj -c Release -o out/LocalCloudFront

BeforeAll {
    Import-Module "$PSScriptRoot/../LocalCloudFront/LocalCloudFront.psm1" -Force
    . "$PSScriptRoot/AwsCli.ps1"
    $script:server = Start-LocalCloudFront -Distribution @(@{ id = 'ECREATE'; count = 3 }) -Tenant @(@{ id = 'dt_create'; count = 1 })

    # One request: status, Location, raw body and, when it parses, the XML.
    function Invoke-CloudFront([string] $Path, [string] $Method = 'Get', [string] $Body) {
        $request = @{ Uri = "$($script:server.Url)/2020-05-31/$Path"; Method = $Method; NoProxy = $true; SkipHttpErrorCheck = $true }
        if ($PSBoundParameters.ContainsKey('Body')) { $request.Body = [Text.Encoding]::UTF8.GetBytes($Body); $request.ContentType = 'text/xml' }
        $response = Invoke-WebRequest @request
        [pscustomobject]@{
            Status   = [int] $response.StatusCode
            Location = if ($response.Headers.ContainsKey('Location')) { "$($response.Headers['Location'])" } else { '' }
            Body     = "$($response.Content)"
            Xml      = $(try { [xml] $response.Content } catch { $null })
        }
    }

    function New-Batch([string[]] $Path, [string] $CallerReference, [int] $Quantity = $Path.Count) {
        $items = ($Path | ForEach-Object { "<Path>$([Security.SecurityElement]::Escape($_))</Path>" }) -join ''
        "<?xml version=`"1.0`" encoding=`"UTF-8`"?><InvalidationBatch xmlns=`"http://cloudfront.amazonaws.com/doc/2020-05-31/`">" +
        "<Paths><Quantity>$Quantity</Quantity><Items>$items</Items></Paths><CallerReference>$CallerReference</CallerReference></InvalidationBatch>"
    }

    function New-Invalidation([string] $Owner = 'distribution/ECREATE', [string[]] $Path, [string] $CallerReference) {
        Invoke-CloudFront "$Owner/invalidation" -Method Post -Body (New-Batch $Path $CallerReference)
    }

    function Set-Creation([hashtable] $Creation, [hashtable] $Fault = @{}) {
        Set-LocalDistribution -Server $script:server -Id ECREATE -Count 3 -Creation $Creation -Fault $Fault
        Clear-LocalRequestLog -Server $script:server
    }
}

BeforeDiscovery {
    $script:hasAwsCli = [bool] (Get-Command aws -ErrorAction SilentlyContinue)
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'CreateInvalidation' {
    BeforeEach { Set-Creation @{ completeAfterMs = 1500 } }

    It 'answers 201 with Location and the Invalidation, the paths exactly as received' {
        $answer = New-Invalidation -Path '/index.html', '/a%20b/*', '/caf%C3%A9' -CallerReference 'ref-1'

        $answer.Status | Should -Be 201
        $invalidation = $answer.Xml.Invalidation
        $invalidation.Status | Should -Be 'InProgress'
        $answer.Location | Should -Be "$($script:server.Url)/2020-05-31/distribution/ECREATE/invalidation/$($invalidation.Id)"
        @($invalidation.InvalidationBatch.Paths.Items.Path) | Should -Be @('/index.html', '/a%20b/*', '/caf%C3%A9')
        $invalidation.InvalidationBatch.CallerReference | Should -Be 'ref-1'
        ([datetime] $invalidation.CreateTime).ToUniversalTime() | Should -BeGreaterThan ([datetime]::UtcNow.AddMinutes(-1))
        (Get-LocalRequestLog -Server $script:server -Operation CreateInvalidation).distributionId | Should -Be 'ECREATE'
    }

    It 'lists the new invalidation first and moves it from InProgress to Completed after completeAfterMs' {
        $id = (New-Invalidation -Path '/x' -CallerReference 'ref-2').Xml.Invalidation.Id

        $list = (Invoke-CloudFront 'distribution/ECREATE/invalidation').Xml.InvalidationList
        $list.Quantity | Should -Be '4'
        $list.Items.InvalidationSummary[0].Id | Should -Be $id
        $list.Items.InvalidationSummary[0].Status | Should -Be 'InProgress'
        (Invoke-CloudFront "distribution/ECREATE/invalidation/$id").Xml.Invalidation.Status | Should -Be 'InProgress'
        Start-Sleep -Milliseconds 2000
        (Invoke-CloudFront "distribution/ECREATE/invalidation/$id").Xml.Invalidation.Status | Should -Be 'Completed'
        (Invoke-CloudFront 'distribution/ECREATE/invalidation?MaxItems=1').Xml.InvalidationList.Items.InvalidationSummary.Status | Should -Be 'Completed'
    }

    It 'answers a caller reference used again with the same paths with the earlier invalidation, and refuses it with other paths' {
        $first = New-Invalidation -Path '/a', '/b' -CallerReference 'ref-3'
        $again = New-Invalidation -Path '/a', '/b' -CallerReference 'ref-3'
        $other = New-Invalidation -Path '/a', '/c' -CallerReference 'ref-3'

        $again.Status | Should -Be 201
        $again.Xml.Invalidation.Id | Should -Be $first.Xml.Invalidation.Id
        $other.Status | Should -Be 400
        $other.Xml.ErrorResponse.Error.Code | Should -Be 'InvalidArgument'
        $other.Xml.ErrorResponse.Error.Message | Should -Match 'caller reference that was already used'
        (Invoke-CloudFront 'distribution/ECREATE/invalidation').Xml.InvalidationList.Quantity | Should -Be '4'
    }

    It 'refuses a batch that would take the wildcards or file paths in progress past the limits, until enough complete' {
        Set-Creation @{ maxWildcardsInProgress = 2; maxPathsInProgress = 3; completeAfterMs = 1500 }

        (New-Invalidation -Path '/a/*', '/b/*', '/f1' -CallerReference 'w1').Status | Should -Be 201
        $wildcard = New-Invalidation -Path '/c/*' -CallerReference 'w2'
        $files = New-Invalidation -Path '/f2', '/f3', '#tag' -CallerReference 'f2'
        $fits = New-Invalidation -Path '/f2', '/f3' -CallerReference 'f3'

        $wildcard.Status | Should -Be 400
        $wildcard.Xml.ErrorResponse.Error.Code | Should -Be 'TooManyInvalidationsInProgress'
        $wildcard.Xml.ErrorResponse.Error.Message | Should -Match 'wildcard'
        $files.Xml.ErrorResponse.Error.Code | Should -Be 'TooManyInvalidationsInProgress'
        $fits.Status | Should -Be 201
        Start-Sleep -Milliseconds 2000
        (New-Invalidation -Path '/c/*' -CallerReference 'w2').Status | Should -Be 201
    }

    It 'answers CloudFront''s errors for bodies it refuses, creating nothing' -ForEach @(
        @{ Body = ''; Status = 400; Code = 'MissingBody' }
        @{ Body = '<InvalidationBatch><Paths>'; Status = 400; Code = 'InvalidArgument' }
        @{ Body = '<InvalidationBatch><Paths><Quantity>2</Quantity><Items><Path>/a</Path></Items></Paths><CallerReference>q</CallerReference></InvalidationBatch>'; Status = 400; Code = 'InconsistentQuantities' }
        @{ Body = '<InvalidationBatch><Paths><Quantity>1</Quantity><Items><Path>a</Path></Items></Paths><CallerReference>q</CallerReference></InvalidationBatch>'; Status = 400; Code = 'InvalidArgument' }
        @{ Body = '<InvalidationBatch><Paths><Quantity>1</Quantity><Items><Path>/a</Path></Items></Paths></InvalidationBatch>'; Status = 400; Code = 'InvalidArgument' }
        @{ Body = 'TOO-LARGE'; Status = 413; Code = 'BatchTooLarge' }
    ) {
        $sent = if ($Body -eq 'TOO-LARGE') { New-Batch -Path (1..3001 | ForEach-Object { "/p$_" }) -CallerReference 'big' } else { $Body }

        $answer = Invoke-CloudFront 'distribution/ECREATE/invalidation' -Method Post -Body $sent

        $answer.Status | Should -Be $Status
        $answer.Xml.ErrorResponse.Error.Code | Should -Be $Code
        (Invoke-CloudFront 'distribution/ECREATE/invalidation').Xml.InvalidationList.Quantity | Should -Be '3'
    }

    It 'answers an unknown distribution 404 NoSuchDistribution and an unknown tenant 404 EntityNotFound' {
        (New-Invalidation -Owner 'distribution/ENOSUCH' -Path '/a' -CallerReference 'r').Xml.ErrorResponse.Error.Code | Should -Be 'NoSuchDistribution'
        $tenant = New-Invalidation -Owner 'distribution-tenant/dt_nosuch' -Path '/a' -CallerReference 'r'
        $tenant.Status | Should -Be 404
        $tenant.Xml.ErrorResponse.Error.Code | Should -Be 'EntityNotFound'
    }

    It 'applies error faults before the request is carried out (AccessDenied creates nothing)' {
        Set-Creation @{} -Fault @{ operations = 'create'; errorCode = 'AccessDenied' }

        $answer = New-Invalidation -Path '/a' -CallerReference 'denied'

        $answer.Status | Should -Be 403
        $answer.Xml.ErrorResponse.Error.Code | Should -Be 'AccessDenied'
        (Invoke-CloudFront 'distribution/ECREATE/invalidation').Xml.InvalidationList.Quantity | Should -Be '3'
    }

    It 'with loseAnswerFirst carries the request out and loses the answer (<by>); the same reference then answers that invalidation' -ForEach @(
        @{ By = 'serverError' }
        @{ By = 'reset' }
    ) {
        Set-Creation @{ loseAnswerFirst = 1; loseAnswerBy = $By }

        $lost = try { New-Invalidation -Path '/lost' -CallerReference 'lost-1' } catch { $_ }
        $retry = New-Invalidation -Path '/lost' -CallerReference 'lost-1'

        if ($By -eq 'serverError') { $lost.Status | Should -Be 500 } else { $lost | Should -BeOfType [System.Management.Automation.ErrorRecord] }
        $retry.Status | Should -Be 201
        $list = (Invoke-CloudFront 'distribution/ECREATE/invalidation').Xml.InvalidationList
        $list.Quantity | Should -Be '4'
        $list.Items.InvalidationSummary[0].Id | Should -Be $retry.Xml.Invalidation.Id
        @(Get-LocalRequestLog -Server $script:server -Operation CreateInvalidation).fault | Should -Be @("loseAnswer:$By", $null)
    }

    It 'serves the tenant form the same way' {
        $answer = New-Invalidation -Owner 'distribution-tenant/dt_create' -Path '/t' -CallerReference 'tenant-1'

        $answer.Status | Should -Be 201
        $answer.Location | Should -BeLike '*/2020-05-31/distribution-tenant/dt_create/invalidation/I*'
        (Get-LocalRequestLog -Server $script:server -Operation CreateInvalidationForDistributionTenant).tenantId | Should -Be 'dt_create'
        (Invoke-CloudFront "distribution-tenant/dt_create/invalidation/$($answer.Xml.Invalidation.Id)").Xml.Invalidation.InvalidationBatch.CallerReference | Should -Be 'tenant-1'
    }
}

Describe 'CreateInvalidation with the AWS CLI' -Skip:(-not $script:hasAwsCli) {
    BeforeEach { Set-Creation @{} }

    It 'is read by botocore as CloudFront''s answer, in both forms' {
        $cli = Invoke-AwsCli create-invalidation --distribution-id ECREATE --invalidation-batch 'Paths={Quantity=2,Items=[/index.html,/img/*]},CallerReference=cli-1'
        $tenant = Invoke-AwsCli create-invalidation-for-distribution-tenant --id dt_create --invalidation-batch 'Paths={Quantity=1,Items=[/t]},CallerReference=cli-2'

        $cli.Error | Should -BeNullOrEmpty
        $cli.ExitCode | Should -Be 0
        $cli.Result.Location | Should -BeLike '*/distribution/ECREATE/invalidation/I*'
        $cli.Result.Invalidation.Status | Should -Be 'InProgress'
        @($cli.Result.Invalidation.InvalidationBatch.Paths.Items) | Should -Be @('/index.html', '/img/*')
        $tenant.ExitCode | Should -Be 0
        $tenant.Result.Invalidation.InvalidationBatch.CallerReference | Should -Be 'cli-2'
    }

    It 'answers TooManyInvalidationsInProgress as botocore expects it' {
        Set-Creation @{ maxWildcardsInProgress = 0 }

        $cli = Invoke-AwsCli create-invalidation --distribution-id ECREATE --invalidation-batch 'Paths={Quantity=1,Items=[/img/*]},CallerReference=cli-3'

        $cli.ExitCode | Should -Not -Be 0
        $cli.Error | Should -Match 'TooManyInvalidationsInProgress'
    }
}
