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
}
