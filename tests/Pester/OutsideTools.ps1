# Dot-sourced by the tests that use a tool from outside the repository (the AWS CLI, moto_server). Each such test
# asks whether the tool here can do what it needs and, when not, skips itself with the reason
# (Set-ItResult -Skipped -Because), so that any subset and any version of the tools gives a passing run whose
# summary counts the skips.

$script:OutsideToolAnswers = @{}

# Why `aws cloudfront <Operation>` cannot run here (no AWS CLI, or one too old to know the operation), or $null.
# --generate-cli-skeleton answers from the CLI's own service model, without a request, in v1 and v2 alike.
function Get-AwsCliSkipReason([Parameter(Mandatory)][string] $Operation) {
    if ($script:OutsideToolAnswers.ContainsKey("aws $Operation")) { return $script:OutsideToolAnswers["aws $Operation"] }
    $reason = $null
    if (-not (Get-Command aws -CommandType Application -ErrorAction SilentlyContinue)) { $reason = 'no AWS CLI (aws) on PATH' }
    else {
        $null = & aws cloudfront $Operation --generate-cli-skeleton 2>&1
        $exitCode = $LASTEXITCODE
        if ($exitCode -ne 0) {
            $version = try { "$(& aws --version 2>&1)".Trim() } catch { 'version unknown' }
            $reason = "the AWS CLI on PATH ($version) cannot run 'aws cloudfront $Operation' (exit code $exitCode)"
        }
    }
    $script:OutsideToolAnswers["aws $Operation"] = $reason
    $reason
}

# Why moto_server cannot be started here (missing, or a shim whose Python lacks moto), or $null.
function Get-MotoSkipReason {
    if ($script:OutsideToolAnswers.ContainsKey('moto_server')) { return $script:OutsideToolAnswers['moto_server'] }
    $reason = $null
    if (-not (Get-Command moto_server -CommandType Application -ErrorAction SilentlyContinue)) { $reason = 'no moto_server on PATH' }
    else {
        $null = & moto_server --help 2>&1
        if ($LASTEXITCODE -ne 0) { $reason = "moto_server on PATH does not run (moto_server --help exit code $LASTEXITCODE)" }
    }
    $script:OutsideToolAnswers['moto_server'] = $reason
    $reason
}
