param([string] $Configuration = 'Debug')

# Rows are made through one shape per data source (issue 19); in real pwsh, where the display set is registered
# with Update-TypeData, each must still behave as a plain PSCustomObject. $plain holds the same property names
# and values as PowerShell's own PSCustomObjects, to compare with.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    Connect-Demo | Out-Null
    $tasks = $Demo.TasksId
    $rows = @(Get-NotionDatabaseRow $tasks -Sort Name)
    $plain = @($rows | ForEach-Object {
            $copy = [ordered]@{}
            foreach ($property in $_.PSObject.Properties) { $copy[$property.Name] = $property.Value }
            [pscustomobject]$copy
        })
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'A row read by Get-NotionDatabaseRow' {
    It 'shows its columns at the prompt, not its IDs' {
        $shown = $rows[0] | Out-String -Width 400

        $shown | Should -Match 'Name'
        $shown | Should -Match ([regex]::Escape($rows[0].Name))
        $shown | Should -Not -Match 'PageId'
        $shown | Should -Not -Match 'DataSourceId'
    }

    It 'goes through Export-Csv as a plain object does' {
        $path = Join-Path $TestDrive 'rows.csv'
        $plainPath = Join-Path $TestDrive 'plain.csv'

        $rows | Export-Csv -Path $path
        $plain | Export-Csv -Path $plainPath

        Get-Content $path -Raw | Should -BeExactly (Get-Content $plainPath -Raw)
        (Import-Csv $path | Select-Object -First 1).PSObject.Properties.Name | Should -Be $rows[0].PSObject.Properties.Name
        (Import-Csv $path).Count | Should -Be $rows.Count
    }

    It 'goes through ConvertTo-Json as a plain object does' {
        $json = $rows | ConvertTo-Json -Depth 4

        $json | Should -BeExactly ($plain | ConvertTo-Json -Depth 4)
        ($json | ConvertFrom-Json)[0].Name | Should -Be $rows[0].Name
    }

    It 'gives Select-Object its columns' {
        $picked = $rows | Select-Object Name, Estimate

        $picked[0].PSObject.Properties.Name | Should -Be @('Name', 'Estimate')
        ($rows | Select-Object -ExpandProperty Name) | Should -Be $plain.Name
    }

    It 'filters in Where-Object by column, in both forms' {
        $done = $rows | Where-Object Done
        $high = $rows | Where-Object { $_.Priority -eq 'High' -and $_.Estimate -gt 1 }

        $done.Name | Should -Be ($plain | Where-Object Done).Name
        $high.Name | Should -Be ($plain | Where-Object { $_.Priority -eq 'High' -and $_.Estimate -gt 1 }).Name
        @($done).Count | Should -BeGreaterThan 0
    }

    It 'groups in Group-Object by column' {
        $groups = $rows | Group-Object Status | ForEach-Object { "$($_.Name)=$($_.Count)" }

        $groups | Should -Be ($plain | Group-Object Status | ForEach-Object { "$($_.Name)=$($_.Count)" })
        @($groups).Count | Should -BeGreaterThan 1
    }

    It 'shows the chosen columns in Format-Table' {
        $table = $rows | Format-Table Name, Status, Due | Out-String -Width 300

        $table | Should -BeExactly ($plain | Format-Table Name, Status, Due | Out-String -Width 300)
        $table | Should -Match ([regex]::Escape($rows[-1].Name))
    }

    It 'is written back by Set-NotionDatabaseRow and copied by Add-NotionDatabaseRow' {
        $row = $rows | Where-Object Name -EQ 'Write the quick-start guide'
        $row.Estimate = 11

        $row | Set-NotionDatabaseRow | Out-Null
        $copy = $row | Select-Object Name, Priority, Tags, Due | Add-NotionDatabaseRow $tasks

        (Get-NotionDatabaseRow $tasks -Where @{ Name = 'Write the quick-start guide' } | Where-Object PageId -EQ $row.PageId).Estimate | Should -Be 11
        $copy.PageId | Should -Not -Be $row.PageId
        $copy.Tags | Should -Be $row.Tags
        $copy.Due.ToString() | Should -Be $row.Due.ToString()
    }

    It 'keeps a date written as ISO text when it is assigned from another row or from Get-Date' {
        $row = $rows | Where-Object { $null -ne $_.Due } | Select-Object -First 1
        $copy = $row.PSObject.Copy()
        $copy.Due = $row.Due
        $copy.Estimate = Get-Date '2026-04-05T06:07:08Z'

        $csv = Invoke-InCulture 'de-DE' { $copy | ConvertTo-Csv | ConvertFrom-Csv }

        $csv.Due | Should -Be $row.Due.ToString()
        $csv.Estimate | Should -Match '^2026-04-05T'
        $copy.Due -is [datetime] | Should -BeTrue
    }

    It 'travels to a job or a remote session with its people and date ranges as objects (serialization depth 2)' {
        $row = $rows | Where-Object { $_.Owner.Count -gt 0 } | Select-Object -First 1
        $plainRow = $plain[[array]::IndexOf($rows, $row)]

        $sent = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($row))
        $sentPlain = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($plainRow))

        $sent.Owner[0].Email | Should -Not -BeNullOrEmpty
        $sent.Owner[0].Email | Should -Be $sentPlain.Owner[0].Email
        $sent.Name | Should -Be $row.Name
    }

    It 'cannot lose a property with PSObject.Properties.Remove (a type''s property), which Select-Object -ExcludeProperty does' {
        $row = $rows[0]

        $row.PSObject.Properties.Remove('Url')
        $trimmed = $row | Select-Object -Property * -ExcludeProperty Url

        $row.PSObject.Properties.Name | Should -Contain 'Url'
        $trimmed.PSObject.Properties.Name | Should -Not -Contain 'Url'
        $trimmed.Name | Should -Be $row.Name
    }
}
