param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'Error objects never carry the token' {
    BeforeEach {
        Connect-Demo | Out-Null
    }

    AfterEach {
        Disconnect-NotionIntegration
    }

    It 'leaves an input quoting the token redacted in $Error[0] and in a catch block' {
        $text = "see $($Demo.FullAccessToken)"

        Get-NotionDatabaseRow -DatabaseId $text -ErrorAction SilentlyContinue
        $written = $Error[0]
        try { Get-NotionDatabaseRow -DatabaseId $text -ErrorAction Stop } catch { $caught = $_ }

        foreach ($record in $written, $caught) {
            $record.FullyQualifiedErrorId | Should -BeLike 'InvalidNotionUrl,*'
            $record.Exception.Message | Should -Match "'see \*\*\*'"
            $record.Exception.Message | Should -Not -Match $Demo.FullAccessToken
            "$($record.TargetObject)" | Should -Be 'see ***'
            ($record | Out-String) | Should -Not -Match $Demo.FullAccessToken
        }
    }

    It 'leaves a path carrying the token redacted in the exception, its path and the target' {
        Invoke-NotionApi -Path "v1/blocks/$($Demo.FullAccessToken)/children" -ErrorAction SilentlyContinue

        $Error[0].FullyQualifiedErrorId | Should -BeLike 'NotionValidationError,*'
        $Error[0].Exception.Path | Should -Be 'v1/blocks/***/children'
        $Error[0].Exception.Message | Should -Not -Match $Demo.FullAccessToken
        $Error[0].Exception.ApiMessage | Should -Not -Match $Demo.FullAccessToken
        "$($Error[0].TargetObject)" | Should -Not -Match $Demo.FullAccessToken
    }

    It 'leaves a checkpoint path carrying the token redacted in the exception''s Path and in what Get-Error shows' {
        $directory = Join-Path ([IO.Path]::GetTempPath()) "checkpoint-$($Demo.FullAccessToken)-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path $directory
        try {
            $checkpoint = Join-Path $directory 'cp.json'
            Set-Content -LiteralPath $checkpoint -Value 'not a time'

            try { Get-NotionDatabaseRow -DatabaseId $Demo.TasksId -Checkpoint $checkpoint } catch { $caught = $_ }

            $caught.FullyQualifiedErrorId | Should -BeLike 'NotionCheckpointInvalid,*'
            $caught.Exception.Path | Should -Be $checkpoint.Replace($Demo.FullAccessToken, '***')
            ($caught | Get-Error | Out-String -Width 4096) | Should -Not -Match $Demo.FullAccessToken
        }
        finally {
            Remove-Item -LiteralPath $directory -Recurse -Force
        }
    }

    It 'leaves no token inside the target a script reads into' {
        Invoke-NotionApi -Method Post -Path v1/pages -Body @{ x = @{ y = "see $($Demo.FullAccessToken)" }; n = [double]::NaN } -ErrorAction SilentlyContinue

        $Error[0].FullyQualifiedErrorId | Should -BeLike 'NotionNumberNotFinite,*'
        # Whatever the target became, nothing nested in it holds the token (a string has no .x under strict mode).
        ($Error[0].TargetObject | ConvertTo-Json -Depth 5 -Compress) | Should -Not -Match $Demo.FullAccessToken
        ($Error[0] | Get-Error | Out-String -Width 4096) | Should -Not -Match $Demo.FullAccessToken
    }
}
