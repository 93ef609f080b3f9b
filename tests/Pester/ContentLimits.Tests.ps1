param([string] $Configuration = 'Debug')

# Page content at the depths Notion allows, and inputs Notion would refuse, refused first with NotionPS's own ids.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    $teamHome = '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8'
    # Unpaced: a deep page takes one request a level to build.
    Connect-NotionIntegration -Token (ConvertTo-SecureString -String $Demo.FullAccessToken -AsPlainText -Force) -BaseUri $Emulator.BaseUri -RequestsPerSecond 0 | Out-Null

    function New-DeepPage([int] $Levels) {
        # One toggle appended inside the last, as a user nests them in Notion's editor.
        $page = New-NotionPage -ParentId $teamHome -Title "Deep $Levels"
        $id = $page.PageId
        foreach ($level in 1..$Levels) {
            $toggle = @{ type = 'toggle'; toggle = @{ rich_text = @(@{ type = 'text'; text = @{ content = "level $level" } }) } }
            $id = (Invoke-NotionApi "v1/blocks/$id/children" -Method Patch -Body @{ children = @($toggle) }).results[0].id
        }
        $page
    }
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'Get-NotionPageContent on deep pages' {
    It 'reads a page nested 40 levels deep between two other pages' {
        $first = New-NotionPage -ParentId $teamHome -Title 'First' -Markdown 'first'
        $deep = New-DeepPage 40
        $last = New-NotionPage -ParentId $teamHome -Title 'Last' -Markdown 'last'

        $read = @($first, $deep, $last | Get-NotionPageContent)

        $read.Count | Should -Be 3
        $read[0] | Should -BeExactly "first`n"
        $read[1] | Should -Match ("`t" * 39 + '<summary>level 40</summary>')
        $read[2] | Should -BeExactly "last`n"
    }
}

Describe 'Inputs Notion would refuse' {
    It 'refuses under -WhatIf the Markdown the real run refuses' {
        $tooDeep = ('- ' * 30) + 'x'

        { Set-NotionPageContent -PageId $teamHome -Markdown $tooDeep -WhatIf -ErrorAction Stop } |
            Should -Throw -ErrorId 'MarkdownNestingTooDeep,NotionPS.Cmdlets.SetNotionPageContentCommand'
        { New-NotionPage -ParentId $teamHome -Title 'Never' -Markdown $tooDeep -WhatIf -ErrorAction Stop } |
            Should -Throw -ErrorId 'MarkdownNestingTooDeep,NotionPS.Cmdlets.NewNotionPageCommand'
    }

    It 'refuses a title longer than Notion takes' {
        { New-NotionPage -ParentId $teamHome -Title ('t' * 300000) -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionRowValueInvalid,NotionPS.Cmdlets.NewNotionPageCommand'
    }

    It 'refuses a -Sort item that is neither a column name nor a sort: <Name>' -ForEach @(
        @{ Name = 'null'; Sort = @($null) }
        @{ Name = 'a script block'; Sort = @({ $_.Name }) }
    ) {
        { Get-NotionDatabaseRow -DatabaseId $Demo.TasksId -Sort $Sort -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionSortInvalid,NotionPS.Cmdlets.GetNotionDatabaseRowCommand'
    }

    It 'reports a Save-NotionFile -Column that names no files column, listing the files columns' {
        $expenses = New-NotionDatabase -ParentId $teamHome -Title 'Expenses' -Property @{ Name = 'title'; Receipt = 'files' }
        $receipt = Join-Path $TestDrive 'receipt.txt'
        Set-Content -Path $receipt -Value 'Taxi'
        $row = @{ Name = 'Taxi'; Receipt = $receipt } | Add-NotionDatabaseRow -DatabaseId $expenses.DatabaseId -LocalFileRoot $TestDrive

        $saved = $row | Save-NotionFile -Destination (Join-Path $TestDrive 'saved') -Column Reciept -ErrorVariable failures -ErrorAction SilentlyContinue

        $saved | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be 'NotionFilesColumnNotFound,NotionPS.Cmdlets.SaveNotionFileCommand'
        $failures[0].Exception.Message | Should -Match "no files column named 'Reciept'\. Its files columns: 'Receipt'\."
    }
}
