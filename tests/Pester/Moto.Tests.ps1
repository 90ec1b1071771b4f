# Integration with an independent emulator: moto_server, driven by the real AWS CLI. Skipped, with the reason
# shown, unless moto_server runs here and the AWS CLI has the operations the test uses.

Describe 'Get-CFInvalidationList against moto_server' {
    BeforeAll {
        . "$PSScriptRoot/common.ps1"
        $script:moto = $null
        $script:skipReason = @(Get-MotoSkipReason) + @('create-distribution', 'create-invalidation', 'list-invalidations' |
                ForEach-Object { Get-AwsCliSkipReason $_ }) | Where-Object { $_ } | Select-Object -First 1
        if ($script:skipReason) { return }

        $port = Get-UnusedLoopbackPort
        $script:motoUrl = "http://127.0.0.1:$port"
        $script:moto = Start-Process moto_server -ArgumentList '-H', '127.0.0.1', '-p', $port -PassThru `
            -RedirectStandardOutput (Join-Path $TestDrive 'moto.out') -RedirectStandardError (Join-Path $TestDrive 'moto.err')
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while ($true) {
            try { Invoke-WebRequest "$motoUrl/moto-api/" -NoProxy -TimeoutSec 2 | Out-Null; break }
            catch { if ([DateTime]::UtcNow -gt $deadline) { throw "moto_server did not start: $_" }; Start-Sleep -Milliseconds 200 }
        }

        function Invoke-Aws {
            $output = & aws --endpoint-url $motoUrl --region us-east-1 --output json @args
            if ($LASTEXITCODE -ne 0) { throw "aws $args failed" }
            $output | ConvertFrom-Json
        }

        $config = @{
            CallerReference = "pester-$PID"; Comment = 'moto'; Enabled = $true
            Origins = @{ Quantity = 1; Items = @(@{ Id = 'o1'; DomainName = 'example.com'
                CustomOriginConfig = @{ HTTPPort = 80; HTTPSPort = 443; OriginProtocolPolicy = 'https-only' } }) }
            DefaultCacheBehavior = @{ TargetOriginId = 'o1'; ViewerProtocolPolicy = 'allow-all'; MinTTL = 0
                ForwardedValues = @{ QueryString = $false; Cookies = @{ Forward = 'none' } } }
        }
        $configFile = Join-Path $TestDrive 'distribution.json'
        $config | ConvertTo-Json -Depth 10 | Set-Content $configFile
        $script:distributionId = (Invoke-Aws cloudfront create-distribution --distribution-config "file://$configFile").Distribution.Id
        foreach ($path in '/index.html', '/css/*', '/img/logo.png', '/*') {
            Invoke-Aws cloudfront create-invalidation --distribution-id $distributionId --paths $path | Out-Null
        }
    }

    AfterAll {
        if ($script:moto) { Stop-Process -Id $script:moto.Id -Force -ErrorAction SilentlyContinue }
    }

    It 'lists the same invalidations (Ids and Status, same order) as aws cloudfront list-invalidations' {
        if ($script:skipReason) { Set-ItResult -Skipped -Because $script:skipReason }
        $expected = (Invoke-Aws cloudfront list-invalidations --distribution-id $distributionId).InvalidationList.Items

        $ours = @(Get-CFInvalidationList -DistributionId $distributionId -EndpointUrl $motoUrl)

        $expected.Count | Should -Be 4
        $ours.Id | Should -Be $expected.Id
        $ours.Status | Should -Be $expected.Status
        $ours.DistributionId | Select-Object -Unique | Should -Be $distributionId
    }
}
