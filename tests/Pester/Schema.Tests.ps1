param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    Connect-Demo | Out-Null
    $teamHome = '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8'

    function Get-SchemaShape {
        # One line per column, in name order: name, type and its settings, options by name and color (IDs left out).
        # A column added in the test has only the settings it needs: a missing one reads as empty (build.ps1 runs strict).
        param([Parameter(Mandatory)] $Schema)

        $Schema.Columns | Sort-Object Name | ForEach-Object {
            $column = $_
            $setting = { param($name) $property = $column.PSObject.Properties[$name]; if ($property) { $property.Value } }
            $options = @(foreach ($option in (& $setting Options)) { "$($option.Name)/$($option.Color)" }) -join ','
            '{0}|{1}|{2}|{3}|{4}|{5}|{6}' -f $column.Name, $column.Type, $options,
                (& $setting NumberFormat), (& $setting Expression), (& $setting RelationDataSourceId), (& $setting RollupFunction)
        }
    }

    function New-PesterDatabase {
        New-NotionDatabase -ParentId $teamHome -Title "Pester $(New-Guid)" -Property ([ordered]@{
                Item  = 'title'
                Notes = 'text'
                Kind  = @{ Type = 'select'; Options = 'Tool (red)', 'Part (blue)' }
                Cost  = @{ Type = 'number'; NumberFormat = 'euro' }
            })
    }
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'Schema as code' {
    It 'round trips a schema through a JSON file: WhatIf prints exactly the three changes, and Get then equals the changed schema' {
        $database = New-PesterDatabase
        $file = Join-Path $TestDrive 'schema.json'
        Get-NotionDatabaseSchema -DatabaseId $database | ConvertTo-Json -Depth 5 | Set-Content -Path $file
        $schema = Get-Content -Path $file -Raw | ConvertFrom-Json
        $schema.Columns += [pscustomobject]@{ Name = 'Owner'; Type = 'people' }
        ($schema.Columns | Where-Object Name -EQ 'Notes').Name = 'Details'
        $kind = $schema.Columns | Where-Object Name -EQ 'Kind'
        $kind.Options += [pscustomobject]@{ Name = 'Kit'; Color = 'green' }

        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript | Out-Null
        $schema | Set-NotionDatabaseSchema -WhatIf
        Stop-Transcript | Out-Null
        $schema | Set-NotionDatabaseSchema -Confirm:$false
        $after = Get-NotionDatabaseSchema -DatabaseId $database

        $whatIf = @(Select-String -Path $transcript -Pattern '^What if: ' | ForEach-Object { $_.Line -replace ' on target .*$' })
        $whatIf | Should -Be @(
            'What if: Performing the operation "Rename column ''Notes'' to ''Details''"'
            'What if: Performing the operation "Add option ''Kit'' to column ''Kind''"'
            'What if: Performing the operation "Add column ''Owner'' (people)"')
        Get-SchemaShape $after | Should -Be (Get-SchemaShape $schema)
        ($after.Columns | Where-Object Name -EQ 'Details').Id | Should -Be ($schema.Columns | Where-Object Name -EQ 'Details').Id
    }

    It 'reads a schema back from Export-Clixml at its default depth as the same schema: nothing to change' {
        $database = New-PesterDatabase
        $file = Join-Path $TestDrive 'schema.xml'
        Get-NotionDatabaseSchema -DatabaseId $database | Export-Clixml -Path $file

        $verbose = Import-Clixml -Path $file | Set-NotionDatabaseSchema -Confirm:$false -Verbose 4>&1

        $verbose.Message | Should -Not -Match '^PATCH '
        $verbose.Message | Should -Contain ("The data source '{0}' ({1}) already has this schema: nothing to change." -f $database.Title, $database.DataSources[0].DataSourceId)
    }

    It 'creates a database from an existing database''s schema with an equal schema' {
        $tasks = Get-NotionDatabaseSchema -DatabaseId $Demo.TasksId

        $copy = $tasks | New-NotionDatabase -ParentId $teamHome -Title 'Tasks copy'

        $copy | Should -BeOfType ([NotionPS.NotionDatabase])
        Get-SchemaShape (Get-NotionDatabaseSchema -DatabaseId $copy) | Should -Be (Get-SchemaShape $tasks)
    }

    It 'removes a column only with -RemoveMissing' {
        $database = New-PesterDatabase
        $schema = Get-NotionDatabaseSchema -DatabaseId $database
        $schema.Columns = @($schema.Columns | Where-Object Name -NE 'Cost')

        $schema | Set-NotionDatabaseSchema -Confirm:$false
        (Get-NotionDatabaseSchema -DatabaseId $database).Columns.Name | Should -Contain 'Cost'
        $schema | Set-NotionDatabaseSchema -RemoveMissing -Confirm:$false
        (Get-NotionDatabaseSchema -DatabaseId $database).Columns.Name | Should -Not -Contain 'Cost'
    }

    It 'refuses an unknown type with NotionSchemaUnknownType and creates nothing' {
        { New-NotionDatabase -ParentId $teamHome -Title 'Never' -Property @{ Size = 'numbr' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionSchemaUnknownType,NotionPS.Cmdlets.NewNotionDatabaseCommand'
        Find-NotionDatabase -Title 'Never' | Should -BeNullOrEmpty
    }

    It 'refuses to remove the title column with NotionSchemaTitleRemoved' {
        $database = New-PesterDatabase
        $schema = Get-NotionDatabaseSchema -DatabaseId $database
        $schema.Columns = @($schema.Columns | Where-Object Type -NE 'title')

        { $schema | Set-NotionDatabaseSchema -RemoveMissing -Confirm:$false -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionSchemaTitleRemoved,NotionPS.Cmdlets.SetNotionDatabaseSchemaCommand'
    }
}
