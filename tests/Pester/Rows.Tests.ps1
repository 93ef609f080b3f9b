param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    Connect-Demo | Out-Null
    $tasks = $Demo.TasksId
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'Find-NotionDatabase and Get-NotionDatabase' {
    It 'finds only the databases shared with the integration' {
        $titles = (Find-NotionDatabase).Title

        $titles | Should -Contain 'Tasks'
        $titles | Should -Contain 'Projects'
        $titles | Should -Not -Contain 'Private Notes'
    }

    It 'pipes a found database into Get-NotionDatabase, which lists the columns' {
        $database = Find-NotionDatabase -Title Tasks | Get-NotionDatabase

        $database | Should -BeOfType ([NotionPS.NotionDatabase])
        $columns = $database.DataSources[0].Properties
        ($columns | Where-Object Name -EQ 'Priority').Type | Should -Be 'select'
        ($columns | Where-Object Name -EQ 'Priority').Options | Should -Contain 'High'
    }

    It 'lists both data sources of Projects' {
        (Get-NotionDatabase $Demo.ProjectsId).DataSources.Name | Should -Be @('Active', 'Archive')
    }

    It 'writes NotionObjectNotFound for a database that is not shared' {
        { Get-NotionDatabase $Demo.PrivateNotesId -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionObjectNotFound,NotionPS.Cmdlets.GetNotionDatabaseCommand'
    }
}

Describe 'Get-NotionDatabaseRow' {
    It 'outputs rows with plain values, typed NotionPS.Row' {
        $row = Get-NotionDatabaseRow $tasks -Where @{ Name = 'Write the quick-start guide' }

        $row.PSObject.TypeNames[0] | Should -Be "NotionPS.Row#$($row.DataSourceId)"
        $row.PSObject.TypeNames[1] | Should -Be 'NotionPS.Row'
        $row.PageId | Should -Be 'e1000000-0000-4000-8000-000000000001'
        $row.DatabaseId | Should -Be $tasks
        $row.Status | Should -Be 'In progress'
        $row.Tags | Should -Contain 'docs'
        $row.Done | Should -BeOfType ([bool])
    }

    It 'gives list cells the array behaviour about_NotionPS documents' {
        $row = Get-NotionDatabaseRow $tasks -Where @{ Name = 'Write the quick-start guide' }

        $row.Tags.Length | Should -Be $row.Tags.Count
        $row.Tags.Length | Should -BeGreaterThan 0
        $row.Tags -contains 'docs' | Should -BeTrue
        "$($row.Tags)" | Should -Be ($row.Tags -join ' ')
        $row.Tags.ToString() | Should -Be ($row.Tags -join '; ')
    }

    It 'shows the columns at the prompt, not the IDs, by type data for its data source' {
        $row = Get-NotionDatabaseRow $tasks -First 1

        $shown = $row.PSStandardMembers.DefaultDisplayPropertySet.ReferencedPropertyNames
        $shown | Should -Contain 'Name'
        $shown | Should -Not -Contain 'PageId'
        (Get-TypeData -TypeName "NotionPS.Row#$($row.DataSourceId)").DefaultDisplayPropertySet.ReferencedProperties | Should -Contain 'Name'
        ($row | Out-String) | Should -Not -Match 'PageId'
    }

    It 'pages with -Skip and -First' {
        $all = (Get-NotionDatabaseRow $tasks).PageId

        (Get-NotionDatabaseRow $tasks -Skip 2 -First 3).PageId | Should -Be $all[2..4]
    }

    It 'filters the same with -Filter in Notion''s shape and with -Where' {
        $byFilter = (Get-NotionDatabaseRow $tasks -Filter @{ property = 'Priority'; select = @{ equals = 'High' } }).PageId
        $byWhere = (Get-NotionDatabaseRow $tasks -Where @{ priority = 'High' }).PageId

        $byFilter | Should -Not -BeNullOrEmpty
        $byWhere | Should -Be $byFilter
    }

    It 'takes the database from Find-NotionDatabase by property name' {
        (Find-NotionDatabase -Title Tasks | Get-NotionDatabaseRow -First 1).DatabaseId | Should -Be $tasks
    }

    It 'asks for -DataSourceId when the database has several' {
        $thrown = { Get-NotionDatabaseRow $Demo.ProjectsId -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionDatabaseHasSeveralDataSources,NotionPS.Cmdlets.GetNotionDatabaseRowCommand' -PassThru
        $thrown.ErrorDetails.Message | Should -BeLike '*-DataSourceId*'

        (Get-NotionDatabaseRow -DataSourceId 6f708192-a3b4-4ec5-93a4-b5c6d7e8f9a0).DataSourceId | Should -Not -Contain '708192a3-b4c5-4fd6-a4b5-c6d7e8f9a0b1'
    }

    It 'has the sets ByDataSource (default) and ByDatabase' {
        $command = Get-Command Get-NotionDatabaseRow
        $command.DefaultParameterSet | Should -Be 'ByDataSource'
        $command.ParameterSets.Name | Should -Contain 'ByDatabase'
    }
}

Describe 'Add-, Set- and Remove-NotionDatabaseRow' {
    It 'adds a row from a hashtable and outputs it' {
        $row = Add-NotionDatabaseRow $tasks -InputObject @{ Name = 'Pester: add'; Priority = 'Low'; Estimate = 2; Done = $false }

        $row.Name | Should -Be 'Pester: add'
        $row.Priority | Should -Be 'Low'
        $row.Estimate | Should -Be 2
        $row.PageId | Should -Not -BeNullOrEmpty
    }

    It 'writes NotionRowValueInvalid for a bad row and adds the others' {
        $added = @{ Name = 'Pester: good 1' }, @{ Name = 'Pester: bad'; Estimate = 'lots' }, @{ Name = 'Pester: good 2' } |
            Add-NotionDatabaseRow $tasks -ErrorVariable bad -ErrorAction SilentlyContinue

        $added.Name | Should -Be @('Pester: good 1', 'Pester: good 2')
        $bad.Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -Be 'NotionRowValueInvalid,NotionPS.Cmdlets.AddNotionDatabaseRowCommand'
        $bad[0].TargetObject.Name | Should -Be 'Pester: bad'
    }

    It 'refuses a property that names no column, unless told to ignore it' {
        { Add-NotionDatabaseRow $tasks -InputObject @{ Name = 'Pester: unknown'; Colour = 'red' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionUnknownColumn,NotionPS.Cmdlets.AddNotionDatabaseRowCommand'
        (Add-NotionDatabaseRow $tasks -InputObject @{ Name = 'Pester: unknown'; Colour = 'red' } -IgnoreUnknownProperty).Name | Should -Be 'Pester: unknown'
    }

    It 'updates instead of adding with -MatchOn, so a rerun adds nothing' {
        $before = @(Get-NotionDatabaseRow $tasks).Count

        @{ Name = 'Renew domain'; Estimate = 7 }, @{ Name = 'Pester: match' } | Add-NotionDatabaseRow $tasks -MatchOn Name | Out-Null
        @{ Name = 'Renew domain'; Estimate = 7 }, @{ Name = 'Pester: match' } | Add-NotionDatabaseRow $tasks -MatchOn Name | Out-Null

        @(Get-NotionDatabaseRow $tasks).Count | Should -Be ($before + 1)
        (Get-NotionDatabaseRow $tasks -Where @{ Name = 'Renew domain' }).Estimate | Should -Be 7
    }

    It 'adds nothing with -WhatIf' {
        Add-NotionDatabaseRow $tasks -InputObject @{ Name = 'Pester: what if' } -WhatIf

        Get-NotionDatabaseRow $tasks -Where @{ Name = 'Pester: what if' } | Should -BeNullOrEmpty
    }

    It 'sets the same -Property on every piped row' {
        Add-NotionDatabaseRow $tasks -InputObject @{ Name = 'Pester: set' } | Out-Null

        $changed = Get-NotionDatabaseRow $tasks -Where @{ Name = 'Pester: set' } | Set-NotionDatabaseRow -Property @{ Status = 'Done'; Done = $true } -PassThru

        $changed.Status | Should -Be 'Done'
        (Get-NotionDatabaseRow $tasks -Where @{ Name = 'Pester: set' }).Done | Should -BeTrue
    }

    It 'writes back edited rows' {
        $row = Add-NotionDatabaseRow $tasks -InputObject @{ Name = 'Pester: edit'; Estimate = 1 }
        $row.Estimate = 5

        $row | Set-NotionDatabaseRow

        (Get-NotionDatabaseRow $tasks -Where @{ Name = 'Pester: edit' }).Estimate | Should -Be 5
    }

    It 'trashes piped rows, but not with -WhatIf' {
        Add-NotionDatabaseRow $tasks -InputObject @{ Name = 'Pester: remove' } | Out-Null

        Get-NotionDatabaseRow $tasks -Where @{ Name = 'Pester: remove' } | Remove-NotionDatabaseRow -WhatIf
        Get-NotionDatabaseRow $tasks -Where @{ Name = 'Pester: remove' } | Should -Not -BeNullOrEmpty

        Get-NotionDatabaseRow $tasks -Where @{ Name = 'Pester: remove' } | Remove-NotionDatabaseRow -Confirm:$false
        Get-NotionDatabaseRow $tasks -Where @{ Name = 'Pester: remove' } | Should -BeNullOrEmpty
    }

    It 'asks before trashing' {
        (Get-Command Remove-NotionDatabaseRow).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact |
            Should -Be 'High'
    }
}

Describe 'Invoke-NotionApi' {
    It 'calls any endpoint and returns objects' {
        $me = Invoke-NotionApi v1/users/me

        $me.type | Should -Be 'bot'
        $me.name | Should -Be 'NotionPS Demo'
    }

    It 'sends the token only to the connection''s address' {
        { Invoke-NotionApi https://elsewhere.example/v1/users/me } | Should -Throw -ErrorId 'NotionForeignUrl,NotionPS.Cmdlets.InvokeNotionApiCommand'
    }

    It 'refuses <_>, which resolves to another address, before sending anything' -ForEach '\/127.0.0.2:7806/v1/users', '/\/127.0.0.2:7806/v1/users', 'file:///etc/passwd', 'mailto:someone@example.com' {
        { Invoke-NotionApi -Method POST -Path $_ -Body @{} -Confirm:$false } | Should -Throw -ErrorId 'NotionForeignUrl,NotionPS.Cmdlets.InvokeNotionApiCommand'
    }

    It 'refuses a path that is <Shown> before sending anything' -ForEach @(
        @{ Path = ' '; Shown = 'only a space' }
        @{ Path = "v1/users/me`r`nX-Injected: 1"; Shown = 'broken by a line break' }
    ) {
        { Invoke-NotionApi -Path $Path } | Should -Throw -ErrorId 'NotionInvalidPath,NotionPS.Cmdlets.InvokeNotionApiCommand'
    }

    It 'takes a path without the spaces around it, as Invoke-RestMethod takes -Uri' {
        (Invoke-NotionApi ' v1/users/me ').type | Should -Be 'bot'
    }

    It 'refuses a body that is not JSON' {
        { Invoke-NotionApi -Method POST -Path v1/search -Body '{ not json' } | Should -Throw -ErrorId 'NotionInvalidBody,NotionPS.Cmdlets.InvokeNotionApiCommand'
    }

    It 'sends nothing but GET with -WhatIf' {
        Invoke-NotionApi -Method PATCH -Path "v1/pages/e1000000-0000-4000-8000-000000000002" -Body @{ in_trash = $true } -WhatIf

        (Invoke-NotionApi "v1/pages/e1000000-0000-4000-8000-000000000002").in_trash | Should -BeFalse
    }
}
