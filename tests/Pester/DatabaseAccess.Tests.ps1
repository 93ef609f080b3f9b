param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'Test-NotionDatabaseAccess' {
    BeforeAll {
        $fullAccess = Connect-Demo
        $readOnly = Connect-Demo -Token $Demo.ReadOnlyToken
        Connect-Demo | Out-Null
    }

    Context 'Reading' {
        It 'finds <Name> <Status>' -ForEach @(
            @{ Name = 'Tasks (shared through its parent page)'; Id = '1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6'; Status = 'Accessible' }
            @{ Name = 'Projects (shared directly)'; Id = '5e6f7081-92a3-4db4-92f3-a4b5c6d7e8f9'; Status = 'Accessible' }
            @{ Name = 'Private Notes (shared with nobody)'; Id = '3c4d5e6f-7081-4b92-a0d1-e2f3a4b5c6d7'; Status = 'NotShared' }
            @{ Name = 'the linked view of Private Notes'; Id = '8192a3b4-c5d6-4e07-b5c6-d7e8f9a0b1c2'; Status = 'NoAccessibleDataSource' }
            @{ Name = 'Meeting Notes (a page)'; Id = '92a3b4c5-d6e7-4f18-86d7-e8f9a0b1c2d3'; Status = 'NotADatabase' }
        ) {
            $result = Test-NotionDatabaseAccess -DatabaseId $Id

            $result | Should -BeOfType ([NotionPS.NotionDatabaseAccess])
            $result.Status | Should -Be $Status
            $result.DatabaseId | Should -Be $Id
            $result.Integration | Should -Be 'NotionPS Demo'
            $result.CanInsert | Should -BeNullOrEmpty
        }

        It 'reads and queries an accessible database' {
            $tasks = Test-NotionDatabaseAccess $Demo.TasksUrl

            $tasks.Title | Should -Be 'Tasks'
            $tasks.CanRead | Should -BeTrue
            $tasks.CanQuery | Should -BeTrue
            $tasks.DataSources.Name | Should -Be 'Tasks'
        }

        It 'gives the clicks that share a database that is not shared' {
            $notes = Test-NotionDatabaseAccess $Demo.PrivateNotesUrl

            $notes.CanRead | Should -BeFalse
            $notes.Message | Should -BeLike '*click •••*Add connections*"NotionPS Demo"*'
        }

        It 'takes the output of Get-NotionDatabaseId by property name' {
            $results = $Demo.TasksUrl, $Demo.PrivateNotesUrl | Get-NotionDatabaseId | Test-NotionDatabaseAccess

            $results.Status | Should -Be @('Accessible', 'NotShared')
        }

        It 'writes InvalidNotionUrl for a bad input and tests the rest' {
            $results = 'bad', $Demo.TasksId | Test-NotionDatabaseAccess -ErrorVariable bad -ErrorAction SilentlyContinue

            $results.Status | Should -Be 'Accessible'
            $bad[0].FullyQualifiedErrorId | Should -Be 'InvalidNotionUrl,NotionPS.Cmdlets.TestNotionDatabaseAccessCommand'
        }

        It 'outputs only $true or $false with -Quiet' {
            Test-NotionDatabaseAccess $Demo.TasksId -Quiet | Should -BeTrue
            Test-NotionDatabaseAccess $Demo.PrivateNotesId -Quiet | Should -BeFalse
        }

        It 'uses the connection given with -Connection' {
            (Test-NotionDatabaseAccess $Demo.TasksId -Connection $readOnly).Integration | Should -Be 'Read-only Reporter'
        }
    }

    Context 'Writing (-IncludeWrite)' {
        It 'adds a row and trashes it when the integration may' {
            $result = Test-NotionDatabaseAccess $Demo.TasksId -IncludeWrite -Connection $fullAccess -Confirm:$false

            $result.Status | Should -Be 'Accessible'
            $result.CanInsert | Should -BeTrue
            $result.CanUpdate | Should -BeTrue
        }

        It 'names the missing capability of a read-only integration' {
            $result = Test-NotionDatabaseAccess $Demo.TasksId -IncludeWrite -Connection $readOnly -Confirm:$false

            $result.Status | Should -Be 'MissingCapability'
            $result.CanRead | Should -BeTrue
            $result.CanInsert | Should -BeFalse
            $result.Message | Should -BeLike '*Insert content*'
            Test-NotionDatabaseAccess $Demo.TasksId -IncludeWrite -Connection $readOnly -Quiet -Confirm:$false | Should -BeFalse
        }

        It 'only reads with -WhatIf' {
            $result = Test-NotionDatabaseAccess $Demo.TasksId -IncludeWrite -Connection $readOnly -WhatIf

            $result.Status | Should -Be 'Accessible'
            $result.CanInsert | Should -BeNullOrEmpty
        }
    }

    Context 'Not connected' {
        It 'stops with NotionNotConnected' {
            Disconnect-NotionIntegration

            { Test-NotionDatabaseAccess $Demo.TasksId } | Should -Throw -ErrorId 'NotionNotConnected,NotionPS.Cmdlets.TestNotionDatabaseAccessCommand'
        }
    }

    Context 'Output' {
        It 'declares NotionDatabaseAccess and, for -Quiet, Boolean' {
            (Get-Command Test-NotionDatabaseAccess).OutputType.Name | Should -Be @('NotionPS.NotionDatabaseAccess', 'System.Boolean')
        }

        It 'shows one wrapped table row per database, with what to do' {
            $view = (Get-FormatData -TypeName NotionPS.NotionDatabaseAccess).FormatViewDefinition | Select-Object -First 1
            $view.Control.Headers.Label -join ', ' | Should -Be 'Title, Status, Read, Insert, Update, Message'

            $shown = Test-NotionDatabaseAccess $Demo.TasksId, $Demo.PrivateNotesId -Connection $fullAccess | Out-String -Width 200
            $shown | Should -BeLike '*Tasks*Accessible*'
            $shown | Should -BeLike '*NotShared*Add connections*'
        }

        It 'reads as the title and status' {
            "$(Test-NotionDatabaseAccess $Demo.TasksId -Connection $fullAccess)" | Should -Be 'Tasks: Accessible'
        }
    }
}
