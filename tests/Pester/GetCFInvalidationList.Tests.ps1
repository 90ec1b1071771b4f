# The cmdlet's listing behaviour, in real pwsh, against the local endpoint on 127.0.0.1.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    $script:server = Start-LocalCloudFront -Distribution @(
        @{ id = 'EEMPTY'; count = 0 }
        @{ id = 'EONEPAGE'; count = 100; pageCap = 100 }
        @{ id = 'EMANY'; count = 2500; pageCap = 100; inProgress = 3 }
        @{ id = 'ESMALL'; count = 12; pageCap = 5; inProgress = 2 }
    )
    $script:endpoint = $script:server.Url
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}


Describe 'Get-CFInvalidationList' {
    BeforeEach {
        Clear-LocalRequestLog -Server $script:server
    }

    Describe 'Get-CFInvalidationList listing' {
        It 'writes nothing and makes one request for a distribution with no invalidations' {
            $items = @(Get-CFInvalidationList -DistributionId EEMPTY -EndpointUrl $endpoint)
            $items.Count | Should -Be 0
            (Get-RequestLog EEMPTY).Count | Should -Be 1
        }

        It 'lists exactly one full page with one request' {
            $items = @(Get-CFInvalidationList EONEPAGE -EndpointUrl $endpoint)
            $items.Count | Should -Be 100
            (Get-RequestLog EONEPAGE).Count | Should -Be 1
        }

        It 'pages through 2,500 invalidations with no loss, duplicate or reorder' {
            $items = @(Get-CFInvalidationList -DistributionId EMANY -EndpointUrl $endpoint)

            $items.Count | Should -Be 2500
            @($items.Id | Sort-Object -Unique).Count | Should -Be 2500
            $times = [DateTimeOffset[]] $items.CreateTime
            for ($i = 1; $i -lt $times.Count; $i++) { if ($times[$i] -gt $times[$i - 1]) { throw "out of order at $i" } }

            $requests = @(Get-RequestLog EMANY)
            $requests.Count | Should -Be 25
            $requests[0].marker | Should -BeNullOrEmpty
            for ($page = 1; $page -lt 25; $page++) { $requests[$page].marker | Should -Be $items[$page * 100 - 1].Id }
        }

        It 'writes Id, CreateTime (a DateTimeOffset, the service''s instant in the local zone), Status and DistributionId' {
            $first = Get-CFInvalidationList EMANY -EndpointUrl $endpoint -NoAutoIteration | Select-Object -First 1
            $first.Id | Should -BeOfType [string]
            $first.Id | Should -MatchExactly '^I[0-9A-Z]{13}$'
            $first.CreateTime | Should -BeOfType [DateTimeOffset]
            $first.CreateTime.Offset | Should -Be ([TimeZoneInfo]::Local.GetUtcOffset($first.CreateTime.UtcDateTime))
            $first.CreateTime.UtcDateTime | Should -Be ([datetime]::new(2026, 11, 1, 0, 0, 0, [DateTimeKind]::Utc))
            $first.Status | Should -Be 'InProgress'
            $first.DistributionId | Should -Be 'EMANY'
        }

        It '-MaxItem sets the page size sent as MaxItems' {
            $items = @(Get-CFInvalidationList ESMALL -MaxItem 3 -EndpointUrl $endpoint)
            $items.Count | Should -Be 12
            $requests = @(Get-RequestLog ESMALL)
            $requests.Count | Should -Be 4
            $requests.maxItems | Should -Be @('3', '3', '3', '3')
        }

        It 'accepts the AWS.Tools alias MaxItems' {
            @(Get-CFInvalidationList ESMALL -MaxItems 4 -EndpointUrl $endpoint).Count | Should -Be 12
            (Get-RequestLog ESMALL).maxItems | Should -Be @('4', '4', '4')
        }

        It '-NoAutoIteration makes exactly one request' {
            $items = @(Get-CFInvalidationList EMANY -NoAutoIteration -EndpointUrl $endpoint)
            $items.Count | Should -Be 100
            (Get-RequestLog EMANY).Count | Should -Be 1
        }

        It '-Marker starts after that invalidation and, as in AWS.Tools, returns one page' {
            $all = @(Get-CFInvalidationList ESMALL -EndpointUrl $endpoint)
            Clear-LocalRequestLog -Server $server

            $page = @(Get-CFInvalidationList ESMALL -Marker $all[6].Id -EndpointUrl $endpoint)

            $page.Id | Should -Be $all[7..11].Id
            $requests = @(Get-RequestLog ESMALL)
            $requests.Count | Should -Be 1
            $requests[0].marker | Should -Be $all[6].Id
        }

        It '-Marker with -NoAutoIteration:$false lists everything after the marker' {
            $all = @(Get-CFInvalidationList ESMALL -EndpointUrl $endpoint)
            $rest = @(Get-CFInvalidationList ESMALL -Marker $all[1].Id -NoAutoIteration:$false -EndpointUrl $endpoint)
            $rest.Id | Should -Be $all[2..11].Id
        }

        It 'writes the first object before the second request is sent' {
            $script:requestsAtFirstItem = $null
            Get-CFInvalidationList EMANY -EndpointUrl $endpoint | ForEach-Object {
                if ($null -eq $script:requestsAtFirstItem) { $script:requestsAtFirstItem = (Get-RequestLog EMANY).Count }
            }
            $script:requestsAtFirstItem | Should -Be 1
        }

        It 'Select-Object -First 3 makes exactly one request' {
            $items = @(Get-CFInvalidationList EMANY -EndpointUrl $endpoint | Select-Object -First 3)
            $items.Count | Should -Be 3
            (Get-RequestLog EMANY).Count | Should -Be 1
        }

        It 'filters with Where-Object on Status' {
            $inProgress = @(Get-CFInvalidationList EMANY -EndpointUrl $endpoint | Where-Object Status -eq 'InProgress')
            $inProgress.Count | Should -Be 3
            $inProgress.Id | Should -Be (Get-CFInvalidationList EMANY -EndpointUrl $endpoint -NoAutoIteration | Select-Object -First 3).Id
        }
    }

    Describe 'Get-CFInvalidationList pipeline input' {
        It 'lists several distributions given by value, in order' {
            $items = @('ESMALL', 'EONEPAGE' | Get-CFInvalidationList -EndpointUrl $endpoint)
            $items.Count | Should -Be 112
            ($items.DistributionId | Select-Object -Unique) | Should -Be @('ESMALL', 'EONEPAGE')
        }

        It 'binds objects with an Id property (alias) and with a DistributionId property' {
            $byId = @([pscustomobject]@{ Id = 'ESMALL' }, [pscustomobject]@{ Id = 'EEMPTY' } | Get-CFInvalidationList -EndpointUrl $endpoint)
            $byName = @([pscustomobject]@{ DistributionId = 'ESMALL' } | Get-CFInvalidationList -EndpointUrl $endpoint)
            $byId.Count | Should -Be 12
            $byName.Count | Should -Be 12
            (Get-RequestLog EEMPTY).Count | Should -Be 1
        }
    }

    Describe 'Get-CFInvalidationList connections' {
        It 'sends every page of every pipeline input over one kept-alive connection when listing one at a time' {
            $items = @('ESMALL', 'EMANY' | Get-CFInvalidationList -EndpointUrl $endpoint -ThrottleLimit 1)

            $items.Count | Should -Be 2512
            $requests = @(Get-RequestLog)
            $requests.Count | Should -Be 28  # 3 pages of 5 and 25 pages of 100
            @($requests.connectionId | Sort-Object -Unique).Count | Should -Be 1
        }
    }

    Describe 'Get-CFInvalidationList signing' {
        It 'signs with the environment credentials for us-east-1/cloudfront even when AWS_REGION says otherwise' {
            $env:AWS_REGION = 'eu-west-3'
            try { Get-CFInvalidationList EEMPTY -EndpointUrl $endpoint } finally { Remove-Item env:AWS_REGION }
            $request = (Get-RequestLog EEMPTY)[0]
            $request.accessKeyId | Should -Be 'AKIDPESTERTEST0001'
            $request.credentialRegion | Should -Be 'us-east-1'
            $request.credentialService | Should -Be 'cloudfront'
        }

        It 'reads the endpoint from AWS_ENDPOINT_URL_CLOUDFRONT like every AWS SDK' {
            $env:AWS_ENDPOINT_URL_CLOUDFRONT = $endpoint
            try { @(Get-CFInvalidationList ESMALL).Count | Should -Be 12 } finally { Remove-Item env:AWS_ENDPOINT_URL_CLOUDFRONT }
            (Get-RequestLog ESMALL)[0].credentialRegion | Should -Be 'us-east-1'
        }
    }

    Describe 'Get-CFInvalidationList errors (foundation)' {
        It 'reports an unknown distribution as NoSuchDistribution and goes on with the next input' {
            $items = @('ENOSUCH', 'ESMALL' | Get-CFInvalidationList -EndpointUrl $endpoint -ErrorVariable failures -ErrorAction SilentlyContinue)
            $items.Count | Should -Be 12
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be 'NoSuchDistribution,CloudFrontInvalidations.Commands.GetCFInvalidationListCommand'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be 'ENOSUCH'
        }
    }
}
