# Times in any zone: what the cmdlets write compares as an instant with a local DateTime (Where-Object selects
# what -CreatedAfter selects), is written as ISO 8601 with its offset by the CSV cmdlets and the views alike, and is
# still a time an AWS.Tools script can compare and format. Each zone runs in its own pwsh, started with TZ set.

BeforeDiscovery {
    # Eastern time (a whole-hour offset, -04:00 on these dates) and India (+05:30, a half-hour offset).
    $script:zones = @(
        @{ Zone = 'America/New_York'; Offset = '-04:00' }
        @{ Zone = 'Asia/Kolkata'; Offset = '+05:30' }
    )
}

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    # 20 batches, the newest at 2026-11-01T00:00Z and one every 7 minutes before it (LocalCloudFront's clock).
    $script:server = Start-LocalCloudFront -Distribution @(@{ id = 'ETIMEZONE0001'; count = 20 }) -Tenant @(@{ id = 'dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB'; count = 3 })

    # Runs $Script in a pwsh whose local zone is $Zone; the script's last output is JSON, returned as an object.
    function Invoke-InZone([string] $Zone, [string] $Script) {
        $prelude = "`$ErrorActionPreference = 'Stop'; `$endpoint = '$($script:server.Url)'; "
        $run = Invoke-FreshPwsh -Script ($prelude + $Script) -Environment @{ TZ = $Zone }
        if ($run.ExitCode -ne 0) { throw "pwsh with TZ=$Zone failed: $($run.Error) $($run.Output -join "`n")" }
        ($run.Output -join "`n") | ConvertFrom-Json -DateKind String
    }
}

AfterAll {
    Stop-LocalCloudFront -Server $script:server
}

Describe 'Times in the <Zone> time zone' -ForEach $script:zones {
    BeforeAll {
        $script:result = Invoke-InZone $Zone @'
$items = @(Get-CFInvalidationList ETIMEZONE0001 -EndpointUrl $endpoint)
# 23:00Z on October 31st as the local DateTime a runbook computes (Local kind) and as one typed in (Unspecified).
$local = [datetime]::new(2026, 10, 31, 23, 0, 0, [DateTimeKind]::Utc).ToLocalTime()
$typed = [datetime]::SpecifyKind($local, [DateTimeKind]::Unspecified)
$got = @($items | Get-CFInvalidation -EndpointUrl $endpoint)
$table = @(($items | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() })
$plain = @(($items | Format-Table Id, CreateTime | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() })
[pscustomobject]@{
    LocalZone = [TimeZoneInfo]::Local.Id
    CreatedAfterIds = @(Get-CFInvalidationList ETIMEZONE0001 -EndpointUrl $endpoint -CreatedAfter $local).Id
    WhereLocalIds = @($items | Where-Object CreateTime -ge $local).Id
    WhereTypedIds = @($items | Where-Object CreateTime -ge $typed).Id
    CreatedAfterTypedIds = @(Get-CFInvalidationList ETIMEZONE0001 -EndpointUrl $endpoint -CreatedAfter $typed).Id
    WhereUtcIds = @($items | Where-Object CreateTime -ge $local.ToUniversalTime()).Id
    ScriptBlockIds = @($items | Where-Object { $_.CreateTime -ge $local }).Id
    Type = $items[0].CreateTime.GetType().FullName
    UtcTicks = @($items.CreateTime | ForEach-Object { $_.UtcDateTime.Ticks })
    Formatted = $items[0].CreateTime.ToString('yyyy-MM-dd HH:mm')
    IsBeforeNow = $items[0].CreateTime -lt (Get-Date)
    ListCsv = @($items | ConvertTo-Csv | ConvertFrom-Csv).CreateTime
    GetCsv = @($got | ConvertTo-Csv | ConvertFrom-Csv).CreateTime
    GetUtcTicks = @($got.CreateTime | ForEach-Object { $_.UtcDateTime.Ticks })
    TableRow = $table[2]
    PlainRow = $plain[2]
    ListView = ($items[0] | Format-List | Out-String)
    GetTable = @(($got | Out-String -Width 120) -split "`r?`n" | Where-Object { $_.Trim() })[2]
} | ConvertTo-Json -Depth 3
'@
        # What the listing holds: batch k was created 7k minutes before 2026-11-01T00:00Z.
        $script:expectedTicks = @(0..19 | ForEach-Object { [datetime]::new(2026, 11, 1, 0, 0, 0, [DateTimeKind]::Utc).AddMinutes(-7 * $_).Ticks })
    }

    It 'runs in that zone' {
        $result.LocalZone | Should -Be $Zone
    }

    It 'selects with Where-Object CreateTime -ge a local DateTime exactly what -CreatedAfter selects' {
        # 00:00Z down to 23:04Z: the batches created at or after 23:00Z (k = 0..8).
        $result.CreatedAfterIds.Count | Should -Be 9
        $result.WhereLocalIds | Should -Be $result.CreatedAfterIds
        $result.WhereTypedIds | Should -Be $result.CreatedAfterTypedIds
        $result.WhereTypedIds | Should -Be $result.CreatedAfterIds
        $result.WhereUtcIds | Should -Be $result.CreatedAfterIds
        $result.ScriptBlockIds | Should -Be $result.CreatedAfterIds
    }

    It 'writes CreateTime as a DateTimeOffset in the local zone holding the service''s instant' {
        $result.Type | Should -Be 'System.DateTimeOffset'
        $result.UtcTicks | Should -Be $expectedTicks
        $result.GetUtcTicks | Should -Be $expectedTicks
        # An AWS.Tools script's ToString(format) and comparison with Get-Date still work, in local time.
        $expectedLocal = [TimeZoneInfo]::ConvertTimeFromUtc([datetime]::new(2026, 11, 1, 0, 0, 0, [DateTimeKind]::Utc), [TimeZoneInfo]::FindSystemTimeZoneById($Zone))
        $result.Formatted | Should -Be $expectedLocal.ToString('yyyy-MM-dd HH:mm')
        $result.IsBeforeNow | Should -BeTrue
    }

    It 'exports CreateTime with ConvertTo-Csv as an ISO 8601 instant with the zone''s offset, from the list and from Get-CFInvalidation' {
        foreach ($cells in $result.ListCsv, $result.GetCsv) {
            $cells.Count | Should -Be 20
            $cells | ForEach-Object { $_ | Should -Match "^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$([regex]::Escape($Offset))$" }
            @($cells | ForEach-Object { [DateTimeOffset]::Parse($_, [cultureinfo]::InvariantCulture).UtcTicks }) | Should -Be $expectedTicks
        }
    }

    It 'shows the same CreateTime text in the default table, the list view, the get view and a plain Format-Table' {
        $text = $result.ListCsv[0]
        $result.TableRow | Should -Match "\s$([regex]::Escape($text))\s*$"
        $result.PlainRow | Should -Match "\s$([regex]::Escape($text))\s*$"
        $result.ListView | Should -Match "CreateTime\s*: $([regex]::Escape($text))"
        $result.GetTable | Should -Match "\s$([regex]::Escape($text))\s"
    }
}
