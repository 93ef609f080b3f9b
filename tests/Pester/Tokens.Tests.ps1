param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'Token kinds' {
    AfterEach {
        Disconnect-NotionIntegration
    }

    It 'tells <Token> is <Kind> from Notion''s answer' -ForEach @(
        @{ Token = 'demo-token-full-access'; Kind = 'InternalConnection'; User = $null }
        @{ Token = 'demo-token-pat-ada'; Kind = 'PersonalAccessToken'; User = 'ada@acme.example' }
    ) {
        $connection = Connect-Demo -Token $Token

        $connection.TokenKind | Should -Be $Kind
        $connection.TokenKind | Should -BeOfType ([NotionPS.NotionTokenKind])
        $connection.UserEmail | Should -Be $User
        (Get-NotionConnection | Out-String) | Should -Match $Kind
    }

    It 'never tells a personal access token to add connections' {
        Connect-Demo -Token 'demo-token-pat-ada' | Out-Null

        $result = Test-NotionDatabaseAccess -DatabaseId $Demo.PrivateNotesId

        $result.Status | Should -Be 'NotShared'
        $result.TokenKind | Should -Be 'PersonalAccessToken'
        $result.Message | Should -Match 'Ask the owner of the database'
        $result.Message | Should -Not -Match 'Add connections'
    }

    It 'reports CanInsert False with the reason for a person who can only view' {
        Connect-Demo -Token 'demo-token-pat-grace' | Out-Null

        $result = Test-NotionDatabaseAccess -DatabaseId $Demo.TasksId -IncludeWrite -Confirm:$false

        $result.CanRead | Should -BeTrue
        $result.CanInsert | Should -BeFalse
        $result.Status | Should -Be 'MissingPermission'
        $result.Message | Should -Match 'Can edit'
    }
}

Describe 'Rate settings' {
    AfterEach {
        Disconnect-NotionIntegration
    }

    It 'takes a budget per minute and a longest retry wait' {
        $connection = Connect-NotionIntegration -Token (ConvertTo-SecureString $Demo.FullAccessToken -AsPlainText -Force) -BaseUri $Emulator.BaseUri -RequestsPerMinute 180 -MaximumRetryWait 300

        $connection.RequestsPerMinute | Should -Be 180
        $connection.MaximumRetryWait | Should -Be ([timespan]::FromSeconds(300))
    }

    It 'refuses -<Name> <Value> at binding' -ForEach @(
        @{ Name = 'RequestsPerMinute'; Value = 0 }
        @{ Name = 'RateLimitBurst'; Value = 0 }
        @{ Name = 'MaximumRetryWait'; Value = -1 }
    ) {
        $parameters = @{ Token = (ConvertTo-SecureString x -AsPlainText -Force); $Name = $Value }
        { Connect-NotionIntegration @parameters } | Should -Throw -ErrorId 'ParameterArgumentValidationError,NotionPS.Cmdlets.ConnectNotionIntegrationCommand'
    }
}
