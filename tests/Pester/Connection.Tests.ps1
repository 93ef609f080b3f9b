param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'Connect-NotionIntegration' {
    AfterEach {
        Disconnect-NotionIntegration
    }

    Context 'Parameter sets' {
        It 'has the sets <Name>' -ForEach @(
            @{ Name = 'Environment'; Mandatory = @() }
            @{ Name = 'Token'; Mandatory = @('Token') }
            @{ Name = 'Credential'; Mandatory = @('Credential') }
        ) {
            $set = (Get-Command Connect-NotionIntegration).ParameterSets | Where-Object Name -EQ $Name
            ($set.Parameters | Where-Object IsMandatory | ForEach-Object Name) -join ', ' | Should -Be ($Mandatory -join ', ')
        }

        It 'reads NOTION_TOKEN by default' {
            (Get-Command Connect-NotionIntegration).DefaultParameterSet | Should -Be 'Environment'
        }

        It 'refuses -RequestsPerSecond <_> at binding' -ForEach '0.0000001', '-1', '1001' {
            { Connect-NotionIntegration -Token (ConvertTo-SecureString x -AsPlainText -Force) -RequestsPerSecond ([double]$_) } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,NotionPS.Cmdlets.ConnectNotionIntegrationCommand'
        }

        It 'refuses a base URI with a user name and password without showing them' {
            $withUserInfo = 'http://alice:hunter2@127.0.0.1:1/'
            $thrown = { Connect-NotionIntegration -Token (ConvertTo-SecureString x -AsPlainText -Force) -BaseUri $withUserInfo } |
                Should -Throw -ErrorId 'InvalidBaseUri,NotionPS.Cmdlets.ConnectNotionIntegrationCommand' -PassThru
            ($thrown | Out-String) | Should -Not -Match 'hunter2'
        }

        It 'accepts only the API versions it knows' {
            { Connect-NotionIntegration -Token (ConvertTo-SecureString x -AsPlainText -Force) -ApiVersion 2021-05-13 } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,NotionPS.Cmdlets.ConnectNotionIntegrationCommand'
        }
    }

    Context 'With a token' {
        It 'drops the line break a token file ends with' {
            $fromFile = ConvertTo-SecureString ($Demo.FullAccessToken + "`n") -AsPlainText -Force

            (Connect-NotionIntegration -Token $fromFile -BaseUri $Emulator.BaseUri).BotName | Should -Be 'NotionPS Demo'
        }

        It 'refuses a token with a line break inside without showing it' {
            $injecting = ConvertTo-SecureString ($Demo.FullAccessToken + "`r`nX-Injected: 1") -AsPlainText -Force

            $thrown = { Connect-NotionIntegration -Token $injecting -BaseUri $Emulator.BaseUri } |
                Should -Throw -ErrorId 'InvalidNotionToken,NotionPS.Cmdlets.ConnectNotionIntegrationCommand' -PassThru
            ($thrown | Out-String) | Should -Not -Match $Demo.FullAccessToken
        }

        It 'outputs the connection and makes it current' {
            $connection = Connect-Demo

            $connection | Should -BeOfType ([NotionPS.NotionConnection])
            $connection.BotName | Should -Be 'NotionPS Demo'
            $connection.WorkspaceName | Should -Be 'Acme Demo'
            $connection.BotId | Should -Be 'b0b0b0b0-0000-4000-8000-000000000001'
            $connection.ApiVersion | Should -Be '2026-03-11'
            $connection.BaseUri | Should -Be $Emulator.BaseUri
            Get-NotionConnection | Should -Be $connection
        }

        It 'takes the token as the password of a credential' {
            $credential = [pscredential]::new('ignored', (ConvertTo-SecureString $Demo.ReadOnlyToken -AsPlainText -Force))

            (Connect-NotionIntegration -Credential $credential -BaseUri $Emulator.BaseUri).BotName | Should -Be 'Read-only Reporter'
        }

        It 'refuses a token Notion does not know, and keeps no connection' {
            { Connect-Demo -Token 'not-a-demo-token' } | Should -Throw -ErrorId 'NotionUnauthorized,NotionPS.Cmdlets.ConnectNotionIntegrationCommand'
            Get-NotionConnection | Should -BeNullOrEmpty
        }

        It 'refuses an empty token' {
            { Connect-NotionIntegration -Token ([securestring]::new()) -BaseUri $Emulator.BaseUri } |
                Should -Throw -ErrorId 'EmptyNotionToken,NotionPS.Cmdlets.ConnectNotionIntegrationCommand'
        }

        It 'refuses plain http to another machine, which would send the token unencrypted' {
            { Connect-NotionIntegration -Token (ConvertTo-SecureString $Demo.FullAccessToken -AsPlainText -Force) -BaseUri 'http://example.com/' } |
                Should -Throw -ErrorId 'InvalidBaseUri,NotionPS.Cmdlets.ConnectNotionIntegrationCommand'
        }

        It 'never writes the token to any stream' {
            $token = ConvertTo-SecureString $Demo.FullAccessToken -AsPlainText -Force
            $all = Connect-NotionIntegration -Token $token -BaseUri $Emulator.BaseUri -Verbose -Debug *>&1 | Out-String

            $all | Should -Not -BeLike "*$($Demo.FullAccessToken)*"
        }
    }

    Context 'With NOTION_TOKEN' {
        BeforeEach {
            $savedToken = $env:NOTION_TOKEN
        }

        AfterEach {
            $env:NOTION_TOKEN = $savedToken
        }

        It 'connects with the token in NOTION_TOKEN' {
            $env:NOTION_TOKEN = $Demo.FullAccessToken

            (Connect-NotionIntegration -BaseUri $Emulator.BaseUri).BotName | Should -Be 'NotionPS Demo'
        }

        It 'says how to connect when NOTION_TOKEN is not set' {
            $env:NOTION_TOKEN = $null

            { Connect-NotionIntegration -BaseUri $Emulator.BaseUri } | Should -Throw -ErrorId 'NotionTokenNotFound,NotionPS.Cmdlets.ConnectNotionIntegrationCommand'
        }
    }

    Context 'Output' {
        It 'declares NotionConnection' {
            (Get-Command Connect-NotionIntegration).OutputType.Name | Should -Be 'NotionPS.NotionConnection'
        }

        It 'shows a connection as a table of the kind of token, the workspace, the person and the bot, within 80 columns' {
            $view = (Get-FormatData -TypeName NotionPS.NotionConnection).FormatViewDefinition | Select-Object -First 1

            $view.Control | Should -BeOfType ([System.Management.Automation.TableControl])
            $view.Control.Headers.Label -join ', ' | Should -Be 'TokenKind, WorkspaceName, User, BotName'
        }
    }
}

Describe 'Get-NotionConnection' {
    It 'outputs nothing when not connected' {
        Disconnect-NotionIntegration

        Get-NotionConnection | Should -BeNullOrEmpty
    }

    It 'outputs the connection the last Connect-NotionIntegration made' {
        Connect-Demo -Token $Demo.ReadOnlyToken | Out-Null

        (Get-NotionConnection).BotName | Should -Be 'Read-only Reporter'
    }
}

Describe 'Disconnect-NotionIntegration' {
    It 'forgets the current connection' {
        Connect-Demo | Out-Null

        Disconnect-NotionIntegration

        Get-NotionConnection | Should -BeNullOrEmpty
    }

    It 'is not an error when not connected' {
        Disconnect-NotionIntegration

        { Disconnect-NotionIntegration -ErrorAction Stop } | Should -Not -Throw
    }

    It 'leaves kept connections usable with -Connection' {
        $kept = Connect-Demo
        Disconnect-NotionIntegration

        (Test-NotionDatabaseAccess -DatabaseId $Demo.TasksId -Connection $kept).Status | Should -Be 'Accessible'
    }
}
