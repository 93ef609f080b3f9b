param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    $invalidUrlId = 'InvalidNotionUrl,NotionPS.Cmdlets.GetNotionDatabaseIdCommand'
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'Get-NotionDatabaseId' {
    Context 'Offline (no connection needed)' {
        BeforeAll {
            Disconnect-NotionIntegration
        }

        It 'finds the database and view IDs in a copied link' {
            $id = Get-NotionDatabaseId $Demo.TasksUrl

            $id | Should -BeOfType ([NotionPS.NotionDatabaseId])
            $id.DatabaseId | Should -Be $Demo.TasksId
            $id.ViewId | Should -Be 'aaaabbbb-cccc-dddd-eeee-ffff00001111'
            $id.Url | Should -Be $Demo.TasksUrl
            "$id" | Should -Be $Demo.TasksId
        }

        It 'takes several links by position, by value and as a [guid]' {
            (Get-NotionDatabaseId $Demo.TasksUrl, $Demo.PrivateNotesUrl).DatabaseId | Should -Be @($Demo.TasksId, $Demo.PrivateNotesId)
            ($Demo.TasksUrl, $Demo.PrivateNotesUrl | Get-NotionDatabaseId).DatabaseId | Should -Be @($Demo.TasksId, $Demo.PrivateNotesId)
            ([guid]$Demo.TasksId | Get-NotionDatabaseId).DatabaseId | Should -Be $Demo.TasksId
        }

        It 'binds the <_> property from the pipeline' -ForEach 'Url', 'Link', 'Href', 'Id', 'DatabaseId' {
            ([pscustomobject]@{ $_ = $Demo.TasksUrl } | Get-NotionDatabaseId).DatabaseId | Should -Be $Demo.TasksId
        }

        It 'writes one InvalidNotionUrl error per bad input and carries on' {
            $ids = $Demo.TasksUrl, 'bad', $Demo.PrivateNotesUrl | Get-NotionDatabaseId -ErrorVariable bad -ErrorAction SilentlyContinue

            $ids.DatabaseId | Should -Be @($Demo.TasksId, $Demo.PrivateNotesId)
            $bad.Count | Should -Be 1
            $bad[0].FullyQualifiedErrorId | Should -Be $invalidUrlId
            $bad[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $bad[0].TargetObject | Should -Be 'bad'
        }

        It 'reads an ID written in the Guid format <_>' -ForEach 'N', 'D', 'B', 'P', 'X' {
            (Get-NotionDatabaseId ([guid]$Demo.TasksId).ToString($_).ToUpperInvariant()).DatabaseId | Should -Be $Demo.TasksId
        }

        It 'unwraps an ID in 600 KB of quotes' {
            $quotes = '"' * 300000

            (Get-NotionDatabaseId ($quotes + $Demo.TasksId + $quotes)).DatabaseId | Should -Be $Demo.TasksId
        }

        It 'refuses text with two IDs as unclear' {
            { Get-NotionDatabaseId "$($Demo.TasksId) $($Demo.PrivateNotesId)" -ErrorAction Stop } |
                Should -Throw -ErrorId $invalidUrlId -ExpectedMessage '*holds 2 IDs*'
        }

        It 'says a view ID alone is not the database ID' {
            { Get-NotionDatabaseId 'https://www.notion.so/acme?v=aaaabbbbccccddddeeeeffff00001111' -ErrorAction Stop } |
                Should -Throw -ErrorId $invalidUrlId -ExpectedMessage '*view ID (after ?v=), not the database ID*'
        }

        It 'treats <Name> as an input without an ID' -ForEach @(
            @{ Name = 'an empty string'; Value = '' }
            @{ Name = '$null'; Value = $null }
        ) {
            { $Value | Get-NotionDatabaseId -ErrorAction Stop } | Should -Throw -ErrorId $invalidUrlId -ExpectedMessage 'No URL or ID was given.*'
        }

        It 'needs a connection only for -Resolve' {
            { Get-NotionDatabaseId $Demo.TasksUrl -Resolve } | Should -Throw -ErrorId 'NotionNotConnected,NotionPS.Cmdlets.GetNotionDatabaseIdCommand'
        }
    }

    Context '-Resolve against the emulator' {
        BeforeAll {
            Connect-Demo | Out-Null
        }

        It 'adds the title and the data sources' {
            $projects = Get-NotionDatabaseId $Demo.ProjectsId -Resolve

            $projects.Title | Should -Be 'Projects'
            $projects.DataSources.Name | Should -Be @('Active', 'Archive')
            $projects.DataSources.DataSourceId | Should -Be @('6f708192-a3b4-4ec5-93a4-b5c6d7e8f9a0', '708192a3-b4c5-4fd6-a4b5-c6d7e8f9a0b1')
            $projects.DataSources[0].DatabaseId | Should -Be $Demo.ProjectsId
        }

        It 'says how to share a database the integration cannot see' {
            $thrown = { Get-NotionDatabaseId $Demo.PrivateNotesUrl -Resolve -ErrorAction Stop } |
                Should -Throw -ErrorId 'NotionObjectNotFound,NotionPS.Cmdlets.GetNotionDatabaseIdCommand' -PassThru

            $thrown.CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $thrown.TargetObject | Should -Be $Demo.PrivateNotesUrl
            $thrown.ErrorDetails.RecommendedAction | Should -BeLike '*Add connections*"NotionPS Demo"*'
        }

        It 'says when the ID is a page, not a database' {
            { Get-NotionDatabaseId $Demo.MeetingNotesId -Resolve -ErrorAction Stop } |
                Should -Throw -ErrorId 'NotionIdIsAPage,NotionPS.Cmdlets.GetNotionDatabaseIdCommand'
        }
    }

    Context 'Output' {
        It 'declares NotionDatabaseId' {
            (Get-Command Get-NotionDatabaseId).OutputType.Name | Should -Be 'NotionPS.NotionDatabaseId'
        }

        It 'shows IDs as a table' {
            $view = (Get-FormatData -TypeName NotionPS.NotionDatabaseId).FormatViewDefinition | Select-Object -First 1

            $view.Control.Rows[0].Columns.DisplayEntry.Value -join ', ' | Should -Be 'DatabaseId, Title'
        }
    }
}
