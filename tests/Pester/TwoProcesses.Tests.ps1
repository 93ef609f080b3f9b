param([string] $Configuration = 'Debug')

# Two runbooks with one token at the same time: each pwsh process paces only its own requests, so together they
# ask for twice the token's limit at first. Notion's 429s must be waited out and retried in each process, each
# process's pace lowered by them (adaptive pacing), and no row lost with the default retry count.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration

    function Set-RateLimit([double] $RequestsPerSecond) {
        $limits = @{ requestsPerSecond = $RequestsPerSecond; burst = 1; retryAfterSeconds = 1; requestsPerMinute = 0; workspaceRequestsPerWindow = 0 }
        Invoke-RestMethod -Method Put -Uri "$($Emulator.BaseUri)__emulator/rate-limit" -ContentType 'application/json' -Body ($limits | ConvertTo-Json) | Out-Null
    }

    function Get-RateLimited([string] $Name) {
        $stats = Invoke-RestMethod -Uri "$($Emulator.BaseUri)__emulator/stats"
        ($stats.integrations.PSObject.Properties.Value | Where-Object name -EQ $Name).rateLimited
    }

    function Start-RowWriter([string] $Name, [string] $Tag, [string] $Folder) {
        $pwsh = Get-ChildPwshCommand
        $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh.Path)
        foreach ($argument in @($pwsh.Arguments) + @('-NoProfile', '-NonInteractive', '-File', (Join-Path $PSScriptRoot 'TwoProcesses.Writer.ps1'),
                '-Manifest', (Join-Path $RepositoryRoot 'out/NotionPS/NotionPS.psd1'), '-BaseUri', $Emulator.BaseUri, '-Token', $Demo.FullAccessToken,
                '-DatabaseId', $Demo.TasksId, '-Tag', $Tag, '-Name', $Name, '-Folder', $Folder)) {
            $start.ArgumentList.Add($argument)
        }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($start)
        # Read both streams as they come, so that neither fills its pipe and stalls the child.
        [pscustomobject]@{ Process = $process; Output = $process.StandardOutput.ReadToEndAsync(); Errors = $process.StandardError.ReadToEndAsync() }
    }

    function Wait-ForFile([string] $Path) {
        $deadline = [DateTime]::UtcNow.AddMinutes(2)
        while (-not (Test-Path -LiteralPath $Path)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "No '$Path' after two minutes." }
            Start-Sleep -Milliseconds 50
        }
    }
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'Two processes writing rows with one token' {
    It 'adds every row of both with the default retries, the 429s their sum draws lowering each one''s pace' {
        Set-RateLimit 3
        $tag = "TwoProcesses $([guid]::NewGuid().ToString('N').Substring(0, 8))"
        $writers = @()
        try {
            $writers = 'first', 'second' | ForEach-Object { Start-RowWriter -Name $_ -Tag $tag -Folder $TestDrive }
            # Both connected before either writes, so their requests overlap whatever each process's start-up costs.
            'first', 'second' | ForEach-Object { Wait-ForFile (Join-Path $TestDrive "$_.ready") }
            New-Item -Path (Join-Path $TestDrive 'go') -ItemType File | Out-Null
            foreach ($writer in $writers) {
                $writer.Process.WaitForExit(180000) | Should -BeTrue
            }

            foreach ($writer in $writers) {
                $writer.Errors.Result | Should -BeNullOrEmpty
                $writer.Process.ExitCode | Should -Be 0
                $writer.Output.Result | Should -Match 'added 12 rows'
            }
            Get-RateLimited 'NotionPS Demo' | Should -BeGreaterThan 0
        }
        finally {
            $writers | ForEach-Object { if (-not $_.Process.HasExited) { $_.Process.Kill() } }
            Set-RateLimit 0
        }

        Connect-Demo | Out-Null
        $names = Get-NotionDatabaseRow -DatabaseId $Demo.TasksId | Where-Object Name -Like "$tag *" | ForEach-Object Name
        $names | Should -HaveCount 24
        $names | Sort-Object -Unique | Should -HaveCount 24
    }
}
