# Smoke test of bench/Invoke-Benchmark.ps1 on a tiny dataset, so the benchmark cannot rot unnoticed.
# Nothing here asserts a time: speed and memory are proven by the full `build.ps1 Bench` run.

BeforeAll {
    . "$PSScriptRoot/common.ps1"
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
                'time to first object', 'requests for `… \| Select-Object -First 5` | 1 | 1 |', 'requests for `-First 5`'
                '## Targets', 'warm ≤ 1.5× the floor', 'cold ≤ awscli cold', 'first object before the second request | 1 request(s) sent | met'
                '## Machine', 'CPUs (nproc)', 'Load average')) {
            $text | Should -BeLikeExactly "*$([WildcardPattern]::Escape($expected))*"
        }
        ($output -join "`n") | Should -Match ([regex]::Escape('| **ours, warm**: `Get-CFInvalidationList`, 300 items')) -Because 'the table is printed too'
    }
}
