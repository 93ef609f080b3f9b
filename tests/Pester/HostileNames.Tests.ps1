param([string] $Configuration = 'Debug')

# Names PowerShell cannot hold as properties (psobject, PSBase..., two keys differing only in case) and text that is
# not valid UTF-16, in real pwsh: each reads, and goes back where it came from (about_NotionPS, "Names PowerShell cannot hold").
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    Connect-Demo | Out-Null

    function New-HostileDatabase {
        $database = [guid]::NewGuid().ToString()
        $dataSource = [guid]::NewGuid().ToString()
        $body = '{"id":"' + $database + '","title":"Hostile names","parent":"4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8","dataSources":[{"id":"' + $dataSource +
            '","name":"Hostile names","properties":{"Name":{"type":"title"},"name":{"type":"rich_text"},"psobject":{"type":"rich_text"},"PSBase":{"type":"number"}},' +
            '"rows":[{"properties":{"Name":"Upper","name":"lower","psobject":"kept","PSBase":1}}]}]}'
        $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.BaseUri)__emulator/databases" -Body $body -ContentType 'application/json'
        @{ DatabaseId = $database; DataSourceId = $dataSource }
    }
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'A column named like a member PowerShell reserves' {
    It 'reads as its name and " (column)", and goes through Export-Csv and Import-Csv back into Notion' {
        $database = New-HostileDatabase
        $path = Join-Path $TestDrive 'hostile.csv'

        Get-NotionDatabaseRow $database.DatabaseId | Export-Csv -Path $path
        Import-Csv $path | ForEach-Object { $_.'psobject (column)' = 'changed'; $_ } | Set-NotionDatabaseRow -ErrorAction Stop | Out-Null
        $row = Get-NotionDatabaseRow $database.DatabaseId

        (Get-Content $path -TotalCount 1) | Should -Match '"psobject \(column\)","PSBase \(column\)"'
        $row.'psobject (column)' | Should -BeExactly 'changed'
        $row.'PSBase (column)' | Should -Be 1
        $row.psobject.TypeNames[0] | Should -BeLike 'NotionPS.Row#*'
    }
}

Describe 'Two columns whose names differ only in case' {
    It 'read as Name and "name (column)", and each value goes back to its own column through Export-Csv and Import-Csv' {
        $database = New-HostileDatabase
        $path = Join-Path $TestDrive 'twins.csv'

        $row = Get-NotionDatabaseRow $database.DatabaseId
        $row | Export-Csv -Path $path
        Import-Csv $path | ForEach-Object { $_.Name = 'Upper changed'; $_.'name (column)' = 'lower changed'; $_ } | Set-NotionDatabaseRow -ErrorAction Stop | Out-Null
        $raw = Get-NotionDatabaseRow $database.DatabaseId -Raw

        $row.Name | Should -BeExactly 'Upper'
        $row.'name (column)' | Should -BeExactly 'lower'
        (Get-Content $path -TotalCount 1) | Should -Match '"Name","name \(column\)"'
        $raw.properties['Name'].title[0].plain_text | Should -BeExactly 'Upper changed'
        $raw.properties['name'].rich_text[0].plain_text | Should -BeExactly 'lower changed'
        ((Get-NotionDatabaseSchema $database.DatabaseId).Columns | Where-Object Name -CEQ 'name').RowPropertyName | Should -BeExactly 'name (column)'
    }
}

Describe 'Notion objects with keys a PSCustomObject cannot hold' {
    It 'come from Invoke-NotionApi as ordered dictionaries that ConvertTo-Json writes back unchanged' {
        $database = New-HostileDatabase

        $answer = Invoke-NotionApi "v1/data_sources/$($database.DataSourceId)"

        $answer.properties | Should -BeOfType System.Collections.Specialized.OrderedDictionary
        @($answer.properties.Keys) | Should -Be @('Name', 'name', 'psobject', 'PSBase')
        $answer.properties['name'].type | Should -BeExactly 'rich_text'
        $answer.properties['Name'].type | Should -BeExactly 'title'
        ($answer | ConvertTo-Json -Depth 10 -Compress) | Should -Match '"properties":\{"Name":\{[^}]*"type":"title".*"name":\{.*"psobject":\{.*"PSBase":\{'
    }

    It 'come from Get-NotionDatabaseRow -Raw with every value' {
        $database = New-HostileDatabase

        $raw = Get-NotionDatabaseRow $database.DatabaseId -Raw

        $raw.properties['Name'].title[0].plain_text | Should -BeExactly 'Upper'
        $raw.properties['name'].rich_text[0].plain_text | Should -BeExactly 'lower'
        $raw.properties['psobject'].rich_text[0].plain_text | Should -BeExactly 'kept'
        ($raw | Get-NotionPage).PageId | Should -Be $raw.id
    }
}

Describe 'An answer with a lone surrogate escape' {
    AfterEach {
        $null = Invoke-RestMethod -Method Delete -Uri "$($Emulator.BaseUri)__emulator/faults"
    }

    It 'reads with U+FFFD in its place' {
        $database = New-HostileDatabase
        $fault = @{ kind = 'rewrite'; method = 'POST'; path = '/v1/data_sources/*/query'; find = 'kept'; replace = 'ke\ud800pt'; share = 1 } | ConvertTo-Json
        $null = Invoke-RestMethod -Method Post -Uri "$($Emulator.BaseUri)__emulator/faults" -Body $fault -ContentType 'application/json'

        $row = Get-NotionDatabaseRow $database.DatabaseId -ErrorAction Stop

        $row.'psobject (column)' | Should -BeExactly "ke$([char]0xFFFD)pt"
    }
}
