# Smoke test of bench/Invoke-Benchmark.ps1 on a tiny dataset, so the benchmark cannot rot unnoticed.
# Nothing here asserts a time: speed and memory are proven by the full `build.ps1 Bench` run. The peers (every
# AWS CLI, boto3, curl) are whatever this machine has, found as the bench finds them: the rows expected are those
# the run can write with them, and what it says in place of a missing one.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Import-Module "$script:RepoRoot/bench/Measure.psm1" -Function Find-AwsCli, Find-Boto3 -Force
    $script:clis = @(Find-AwsCli)
    $script:boto3 = Find-Boto3
    $script:curl = Get-Command curl -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    Write-Host "    peers here: $(if ($clis) { ($clis | ForEach-Object { "awscli $($_.Version)" }) -join ', ' } else { 'no AWS CLI' }); $(if ($boto3) { "boto3 $($boto3.Version)" } else { 'no boto3' }); $(if ($curl) { 'curl' } else { 'no curl' })"
}

Describe 'bench/Invoke-Benchmark.ps1 -Quick' {
    It 'runs every measurement and writes the table, the targets and the machine to the results file' {
        $results = Join-Path $TestDrive 'results.md'
        $pwsh = @(Get-PwshCommandLine)
        $pwshArguments = @($pwsh | Select-Object -Skip 1)
        $output = & $pwsh[0] @pwshArguments -NoProfile -NonInteractive -File "$script:RepoRoot/bench/Invoke-Benchmark.ps1" `
            -ModulePath (Split-Path $script:ModulePath) -Quick -OutputPath $results 2>&1

        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
        $text = Get-Content -Raw $results
        foreach ($expected in @(
                '| measurement | n | min | median | requests / connections | ratio (medians) |'
                '**ours, warm**', 'floor (.NET)', '**ours, cold**', 'bare start', 'this ÷ bare start',
                'peak working set, new pwsh listing 300', 'peak working set, new pwsh listing 1000',
                'peak working set, new pwsh listing 1000 into Measure-Object, GC gen0 budget fixed at 16 MB', 'GC gen0 budget fixed (what the module keeps)',
                'time to first object', 'requests for `… \| Select-Object -First 5` | 1 | 1 |', 'requests for `-First 5` | 1 | 1 |'
                '## Targets', 'warm ≤ 1.5× the floor', 'cold ≤ 1.20× awscli v1 cold', 'cold ≤ 1.00× awscli v2 cold', 'Import-Module adds ≤ 40%'
                'first object before the second request | 1 request(s) sent | met'
                '## Cold start: where the time goes', '| default |'
                "| pwsh's own start: process start → first script line | **", '| `Import-Module` | **', '| first GET from a bare `HttpClient`'
                '| first page through `Get-CFInvalidationList -MaxItem 100 -NoAutoIteration`', '| then the whole listing', '| sum of the phases | **'
                '## Machine', 'CPUs (nproc)', 'Load average'
                '## Account scale: "invalidations created in the last 24 hours, across the account"', '| **ours**: `Get-CFInvalidationList -AllDistributions -CreatedAfter $since`, -ThrottleLimit 4 | 3 |'
                '| ours <= 1.5x the ideal |', "| one distribution's whole listing <= 1.1x")) {
            $text | Should -BeLikeExactly "*$([WildcardPattern]::Escape($expected))*"
        }
        # The peers found here, and for each one missing what the report says instead.
        $v1 = @($clis | Where-Object Major -EQ 1)
        $expectedPeers = @(
            foreach ($cli in $clis) { "| awscli $($cli.Version), new process", "- awscli $($cli.Version): $($cli.Path)" }
            foreach ($major in 1, 2) { if (-not @($clis | Where-Object Major -EQ $major)) { "no awscli v$major installed" } }
            if ($v1) { "Headroom (medians): 1.2 × awscli $($v1[0].Version)" } else { 'No awscli v1 installed: no headroom to compute.' }
            if ($boto3) { "| boto3 $($boto3.Version) paginator summing the items, new process", "boto3 $($boto3.Version) in one process: list_distributions" }
            else { '| ours >= 20x faster than the boto3 script | boto3 not installed | not measured |' }
            if ($curl) { '| floor: the same GETs from one curl process', 'warm ≤ 1.5× the floor (curl)' } else { 'warm ≤ 1.5× the floor (.NET HttpClient (curl not installed))' })
        foreach ($expected in $expectedPeers) {
            $text | Should -BeLikeExactly "*$([WildcardPattern]::Escape($expected))*"
        }
        if (-not $boto3) { $text | Should -Not -Match '\| boto3 \d' -Because 'no boto3 row without boto3' }
        # Experiments about the host (pwsh precompiled, pwsh alone, JIT settings) are bench/experiments', not rows here.
        $text | Should -Not -Match '(?m)^\| (\*\*)?(ours, cold, )?pwsh (precompiled|alone)|DOTNET_TieredPGO|DOTNET_ReadyToRun'
        # The account scenario's early stop: exactly the pages that hold the window (1 ListDistributions + 3 x 4).
        $text | Should -Match '\| \*\*ours\*\*: [^|]+\| 3 \| [\d,]+ ms \| 13 \| [1-4] \|'
        # Each breakdown cell is a measured phase: wall ms, then the methods JIT-compiled in it.
        $breakdownRows = @($text -split '\r?\n' | Where-Object { $_.StartsWith("| pwsh's own start") -or $_.StartsWith('| `Import-Module` |') -or $_.StartsWith('| first page through') })
        $breakdownRows.Count | Should -Be 3
        foreach ($row in $breakdownRows) { $row | Should -Match '^\|[^|]+(\| \*\*[\d,.]+\*\* ms, [\d,.]+ methods, [\d,.]+ ms JIT )+\|$' }
        ($output -join "`n") | Should -Match ([regex]::Escape('| **ours, warm**: `(Get-CFInvalidationList … \| Measure-Object).Count`, 300 items')) -Because 'the table is printed too'
    }
}
