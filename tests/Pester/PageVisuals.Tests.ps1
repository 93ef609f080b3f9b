param([string] $Configuration = 'Debug')

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    $teamHome = '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8'
    $coverUrl = 'https://images.example.com/cover.jpg'

    # A 1x1 PNG, and a text file that is not an image.
    $logo = Join-Path $TestDrive 'logo.png'
    [IO.File]::WriteAllBytes($logo, [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='))
    Set-Content -LiteralPath (Join-Path $TestDrive 'notes.txt') -Value 'not an image'

    function Get-StoredPage([string] $PageId) {
        Invoke-NotionApi -Method GET -Path "v1/pages/$PageId"
    }
}

AfterAll {
    Stop-TestEnvironment
}

Describe 'Page icons and covers under <_>' -ForEach '2022-06-28', '2025-09-03', '2026-03-11' {
    BeforeAll {
        Connect-NotionIntegration -Token (ConvertTo-SecureString -String $Demo.FullAccessToken -AsPlainText -Force) -BaseUri $Emulator.BaseUri -ApiVersion $_ | Out-Null
    }

    It 'creates a page with an emoji icon and a cover URL, both on the output' {
        $page = New-NotionPage -ParentId $teamHome -Title 'Launch' -Icon '🚀' -Cover $coverUrl

        $page.Icon | Should -BeExactly '🚀'
        $page.Cover | Should -BeExactly $coverUrl
        (Get-StoredPage $page.PageId).icon.type | Should -Be 'emoji'
    }

    It 'sets a local image from a TestDrive path and a Get-Item file, and removes them' {
        $page = New-NotionPage -ParentId $teamHome -Title 'Local images'

        $set = $page | Set-NotionPage -Icon 'TestDrive:\logo.png' -Cover (Get-Item -LiteralPath $logo) -PassThru
        $stored = Get-StoredPage $page.PageId
        $removed = $page | Set-NotionPage -RemoveIcon -RemoveCover -PassThru

        $set.Icon | Should -Match '/logo\.png'
        $stored.icon.type, $stored.cover.type | Should -Be 'file', 'file'
        $removed.Icon | Should -BeNullOrEmpty
        $removed.Cover | Should -BeNullOrEmpty
    }

    It 'attaches what Send-NotionFile returns and renames the page in the same request' {
        $page = New-NotionPage -ParentId $teamHome -Title 'Before'
        $upload = Send-NotionFile -LiteralPath $logo

        $changed = Set-NotionPage -PageId $page.Url -Title 'After' -Icon $upload -PassThru

        $changed.Title | Should -Be 'After'
        $changed.Icon | Should -Match '/logo\.png'
    }
}

Describe 'Set-NotionPage on piped pages' {
    BeforeAll {
        Connect-Demo | Out-Null
    }

    It 'changes rows, pages and IDs, and a bad one is its own error' {
        $row = Get-NotionDatabaseRow -DatabaseId $Demo.TasksId -First 1
        $page = New-NotionPage -ParentId $teamHome -Title 'Piped'

        $changed = $row, 'not a page', $page, $page.PageId | Set-NotionPage -Icon '✅' -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

        $changed.Count | Should -Be 3
        $changed.Icon | Should -Be '✅', '✅', '✅'
        $failures.FullyQualifiedErrorId | Should -Be 'InvalidNotionUrl,NotionPS.Cmdlets.SetNotionPageCommand'
    }

    It 'writes nothing without -PassThru and changes nothing with -WhatIf' {
        $page = New-NotionPage -ParentId $teamHome -Title 'Quiet'

        Set-NotionPage -PageId $page -Icon '🌙' | Should -BeNullOrEmpty
        Set-NotionPage -PageId $page -Icon $logo -WhatIf

        (Get-StoredPage $page.PageId).icon.emoji | Should -Be '🌙'
    }
}

Describe 'A bad icon or cover stops the command before anything is sent' {
    BeforeAll {
        Connect-Demo | Out-Null
        $page = New-NotionPage -ParentId $teamHome -Title 'Untouched'
    }

    It '<Case> is <ErrorId>' -ForEach @(
        @{ Case = 'an empty string'; Icon = ''; ErrorId = 'NotionPageVisualEmpty' }
        @{ Case = 'a line break'; Icon = "logo`n.png"; ErrorId = 'NotionPageVisualControlCharacter' }
        @{ Case = 'a file: URL'; Icon = 'file:///etc/passwd'; ErrorId = 'NotionPageVisualUrlRefused' }
        @{ Case = 'a javascript: URL'; Icon = 'javascript:alert(1)'; ErrorId = 'NotionPageVisualUrlRefused' }
        @{ Case = 'a missing file'; Icon = 'TestDrive:\missing.png'; ErrorId = 'NotionFileNotFound' }
        @{ Case = 'a text file'; Icon = 'TestDrive:\notes.txt'; ErrorId = 'NotionPageVisualNotImage' }
        @{ Case = 'a folder'; Icon = 'TestDrive:\'; ErrorId = 'NotionPageVisualNotAFile' }
        @{ Case = 'a hashtable'; Icon = @{ emoji = '🚀' }; ErrorId = 'NotionPageVisualInvalid' }
    ) {
        $failure = { $page | Set-NotionPage -Title 'Changed' -Icon $Icon } | Should -Throw -PassThru

        $failure.FullyQualifiedErrorId | Should -Be "$ErrorId,NotionPS.Cmdlets.SetNotionPageCommand"
        $failure.CategoryInfo.Category | Should -Not -Be 'NotSpecified'
        (Get-StoredPage $page.PageId).properties.title.title[0].plain_text | Should -Be 'Untouched'
    }

    It 'refuses a symbolic link' -Skip:($PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows) {
        $link = Join-Path $TestDrive 'link.png'
        New-Item -ItemType SymbolicLink -Path $link -Target $logo | Out-Null

        { New-NotionPage -ParentId $teamHome -Title 'Never' -Icon $link } | Should -Throw -ErrorId 'NotionPageVisualNotAFile,NotionPS.Cmdlets.NewNotionPageCommand'
    }

    It 'sets a custom emoji by its :name:, and the Icon read back sets the same emoji' {
        $page = New-NotionPage -ParentId $teamHome -Title 'Custom emoji' -Icon ':acme-rocket:'
        $copy = New-NotionPage -ParentId $teamHome -Title 'Same emoji' -Icon (Get-NotionPage -PageId $page.PageId).Icon

        $page.Icon | Should -BeExactly ':acme-rocket:'
        (Get-StoredPage $copy.PageId).icon.custom_emoji.id | Should -Be 'ce0e0000-0000-4000-8000-000000000001'
        { New-NotionPage -ParentId $teamHome -Title 'Never' -Icon ':no-such-emoji:' } | Should -Throw -ErrorId 'NotionCustomEmojiNotFound,NotionPS.Cmdlets.NewNotionPageCommand'
        { New-NotionPage -ParentId $teamHome -Title 'Never' -Cover ':acme-rocket:' } | Should -Throw -ErrorId 'NotionPageCoverEmoji,NotionPS.Cmdlets.NewNotionPageCommand'
    }

    It 'reads :name: as a custom emoji even beside a file of that name, which ./:name: reaches (no image: it ends in a colon)' -Skip:($PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows) {
        Copy-Item -LiteralPath $logo -Destination (Join-Path $TestDrive ':logo:')
        Push-Location -LiteralPath $TestDrive
        try {
            { New-NotionPage -ParentId $teamHome -Title 'Never' -Icon ':logo:' } | Should -Throw -ErrorId 'NotionCustomEmojiNotFound,NotionPS.Cmdlets.NewNotionPageCommand'
            { New-NotionPage -ParentId $teamHome -Title 'Never' -Icon './:logo:' } | Should -Throw -ErrorId 'NotionPageVisualNotImage,NotionPS.Cmdlets.NewNotionPageCommand'
        }
        finally {
            Pop-Location
        }
    }

    It 'refuses an emoji cover, an icon set and removed at once, and nothing to set' {
        { New-NotionPage -ParentId $teamHome -Title 'Never' -Cover '🚀' } | Should -Throw -ErrorId 'NotionPageCoverEmoji,NotionPS.Cmdlets.NewNotionPageCommand'
        { $page | Set-NotionPage -Icon '🚀' -RemoveIcon } | Should -Throw -ErrorId 'NotionPageVisualConflict,NotionPS.Cmdlets.SetNotionPageCommand'
        { $page | Set-NotionPage } | Should -Throw -ErrorId 'NotionPageNothingToSet,NotionPS.Cmdlets.SetNotionPageCommand'
    }
}
