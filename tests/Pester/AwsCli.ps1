# Dot-sourced in BeforeAll by the files that check the local endpoint against the real AWS CLI (the endpoint is
# $script:server).
# The real AWS CLI against the endpoint, with dummy keys and no profile files; JSON output parsed.
function Invoke-AwsCli {
    $environment = @{
        AWS_ACCESS_KEY_ID = 'AKIDLOCALAWSCLI'; AWS_SECRET_ACCESS_KEY = 'local-aws-cli-secret'; AWS_DEFAULT_REGION = 'us-east-1'
        AWS_CONFIG_FILE = '/nonexistent/config'; AWS_SHARED_CREDENTIALS_FILE = '/nonexistent/credentials'
        AWS_EC2_METADATA_DISABLED = 'true'; PYTHONUTF8 = '1'; AWS_MAX_ATTEMPTS = '1'
    }
    $saved = @{}
    foreach ($name in $environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
    $encoding = [Console]::OutputEncoding
    try {
        [Console]::OutputEncoding = [Text.UTF8Encoding]::new($false)
        $errorFile = New-TemporaryFile
        $output = & aws cloudfront @args --endpoint-url $script:server.Url --output json 2> $errorFile.FullName
        [pscustomobject]@{
            ExitCode = $LASTEXITCODE
            Result   = if ($LASTEXITCODE -eq 0) { ($output -join "`n") | ConvertFrom-Json } else { $null }
            Error    = Get-Content -Raw $errorFile.FullName
        }
    }
    finally {
        [Console]::OutputEncoding = $encoding
        Remove-Item $errorFile -ErrorAction SilentlyContinue
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}
