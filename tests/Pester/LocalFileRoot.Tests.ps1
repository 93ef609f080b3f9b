param([string] $Configuration = 'Debug')

# Markdown names local files to upload only under -LocalFileRoot (audit2 findings 1 and 4), in real pwsh: a page
# another user wrote, copied with the documented Get-NotionPageContent | New-NotionPage, and a docs folder (a git
# checkout, say) whose Markdown names symbolic links to the user's secrets.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestEnvironment.ps1') -Configuration $Configuration
    Connect-Demo | Out-Null
    $teamHome = '4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8'

    # The stand-in for the user's secrets, outside every folder given as -LocalFileRoot.
    $work = Join-Path ([IO.Path]::GetTempPath()) "notionps-pester-localfileroot-$PID"
    $victim = New-Item -ItemType Directory -Path (Join-Path $work 'home/.docker') -Force
    $registry = Join-Path $victim 'config.json'
    Set-Content -LiteralPath $registry -Value '{"auths":{"registry.corp":{"auth":"c2VjcmV0LXJlZ2lzdHJ5"}}}' -NoNewline
    $key = Join-Path $work 'home/id_rsa'
    Set-Content -LiteralPath $key -Value '-----BEGIN OPENSSH PRIVATE KEY-----' -NoNewline

    function Get-UploadCount {
        # Every file upload the emulator holds for the demo integration, each page of the list read.
        $count = 0
        $cursor = $null
        do {
            $page = Invoke-NotionApi -Path ('v1/file_uploads?page_size=100' + $(if ($cursor) { "&start_cursor=$cursor" }))
            $count += @($page.results).Count
            $cursor = if ($page.has_more) { $page.next_cursor }
        } while ($cursor)
        $count
    }

    function New-LinkBlock([string] $Type, [string] $Text, [string] $Url) {
        @{ object = 'block'; type = $Type; $Type = @{ rich_text = @(@{ type = 'text'; text = @{ content = $Text; link = @{ url = $Url } } }) } }
    }
}

AfterAll {
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
    Stop-TestEnvironment
}

Describe 'Copying a page another user wrote' {
    BeforeAll {
        # Written through the plain API, as another user's client would: blocks that are one link each, to a Notion
        # page the way Notion stores such links (/<page id>). Notion refuses a link that is a path (the last test), so
        # that is the one link shape from another user that has no scheme.
        $pageLink = '/' + $teamHome.Replace('-', '')
        $source = New-NotionPage -ParentId $teamHome -Title 'Shared notes (written by someone else)'
        $null = Invoke-NotionApi -Method PATCH -Path "v1/blocks/$($source.PageId)/children" -Body @{ children = @(
                New-LinkBlock paragraph 'Design doc' $pageLink
                New-LinkBlock bulleted_list_item 'See also' $pageLink
                New-LinkBlock quote 'Key' $pageLink
            ) }
        $address = "https://www.notion.so/$($teamHome.Replace('-', ''))"
        $expectedLinks = @("paragraph:$address", "bulleted_list_item:$address", "quote:$address")
        function Get-Links($PageId) {
            Get-NotionPageContent -PageId $PageId -AsBlocks | ForEach-Object { '{0}:{1}' -f $_.type, $_.($_.type).rich_text[0].text.link.url }
        }
    }

    It 'reads the links back as links: Notion''s page link as its notion.so address' {
        $markdown = Get-NotionPageContent -PageId $source

        $markdown | Should -Be "[Design doc]($address)`n`n- [See also]($address)`n`n> [Key]($address)`n"
    }

    It 'copies with Get-NotionPageContent | New-NotionPage, keeping the links and uploading nothing' {
        $before = Get-UploadCount

        $copy = Get-NotionPageContent -PageId $source | New-NotionPage -ParentId $teamHome -Title 'My copy' -ErrorAction Stop

        Get-Links $copy | Should -Be $expectedLinks
        Get-UploadCount | Should -Be $before
    }

    It 'copies with Set-NotionPageContent -Markdown (Get-NotionPageContent), even under -LocalFileRoot /, uploading nothing' {
        $before = Get-UploadCount
        $target = New-NotionPage -ParentId $teamHome -Title 'Another copy'

        Set-NotionPageContent -PageId $target -Markdown (Get-NotionPageContent -PageId $source) -LocalFileRoot / -ErrorAction Stop

        Get-Links $target | Should -Be $expectedLinks
        Get-UploadCount | Should -Be $before
    }

    It 'refuses the same Markdown written as file lines by hand, without -LocalFileRoot, and creates nothing' {
        $before = Get-UploadCount

        $page = New-NotionPage -ParentId $teamHome -Title 'Never created' -Markdown "[Registry settings]($registry)" -ErrorVariable failed -ErrorAction SilentlyContinue

        $page | Should -BeNullOrEmpty
        $failed.FullyQualifiedErrorId | Should -Be 'NotionLocalFileNotAllowed,NotionPS.Cmdlets.NewNotionPageCommand'
        $failed.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failed[0].ToString() | Should -BeLike "Markdown line 1 names the local file '$registry'*Add -LocalFileRoot <folder>*"
        Get-UploadCount | Should -Be $before
    }

    It 'cannot be given a link that is a path by another user: Notion refuses it' {
        $page = New-NotionPage -ParentId $teamHome -Title 'Path link'

        { Invoke-NotionApi -Method PATCH -Path "v1/blocks/$($page.PageId)/children" -Body @{ children = @(New-LinkBlock paragraph 'Registry settings' $registry) } -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotionValidationError*'
    }
}

Describe 'Publishing a docs folder whose Markdown names symbolic links' -Skip:($IsWindows) {
    BeforeAll {
        # As a git checkout holds them: diagram.png and notes.txt are symbolic links to the user's secrets.
        $docs = New-Item -ItemType Directory -Path (Join-Path $work 'repo/docs') -Force
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $docs 'diagram.png') -Target $registry
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $docs 'notes.txt') -Target $key
        [IO.File]::WriteAllBytes((Join-Path $docs 'real.png'), [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='))
        Set-Content -LiteralPath (Join-Path $docs 'README.md') -Value "# Architecture`n`n![diagram](./diagram.png)`n`n[notes](./notes.txt)"
    }

    It 'is refused without -LocalFileRoot: Get-Content README.md -Raw | New-NotionPage' {
        $before = Get-UploadCount
        Push-Location -LiteralPath $docs
        try {
            $page = Get-Content ./README.md -Raw | New-NotionPage -ParentId $teamHome -Title 'Architecture' -ErrorVariable failed -ErrorAction SilentlyContinue
        }
        finally {
            Pop-Location
        }

        $page | Should -BeNullOrEmpty
        $failed.FullyQualifiedErrorId | Should -Be 'NotionLocalFileNotAllowed,NotionPS.Cmdlets.NewNotionPageCommand'
        $failed[0].ToString() | Should -BeLike "Markdown line 3 names the local file './diagram.png'*"
        Get-UploadCount | Should -Be $before
    }

    It 'is refused under -LocalFileRoot too, naming the link, and -WhatIf refuses it the same way' {
        $before = Get-UploadCount

        $page = Get-Content (Join-Path $docs 'README.md') -Raw | New-NotionPage -ParentId $teamHome -Title 'Architecture' -LocalFileRoot $docs -ErrorVariable failed -ErrorAction SilentlyContinue
        $null = Get-Content (Join-Path $docs 'README.md') -Raw | New-NotionPage -ParentId $teamHome -Title 'Architecture' -LocalFileRoot $docs -WhatIf -ErrorVariable dryRun -ErrorAction SilentlyContinue

        $page | Should -BeNullOrEmpty
        $failed.FullyQualifiedErrorId | Should -Be 'NotionLocalFileOutsideRoot,NotionPS.Cmdlets.NewNotionPageCommand'
        $failed.CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failed[0].ToString() | Should -BeLike "Markdown line 3: './diagram.png' goes through '$(Join-Path $docs 'diagram.png')', a symbolic link*"
        $dryRun.FullyQualifiedErrorId | Should -Be 'NotionLocalFileOutsideRoot,NotionPS.Cmdlets.NewNotionPageCommand'
        Get-UploadCount | Should -Be $before
    }

    It 'uploads a real file of the folder under -LocalFileRoot, whatever the current location' {
        $before = Get-UploadCount

        $page = New-NotionPage -ParentId $teamHome -Title 'Real diagram' -Markdown '![diagram](real.png)' -LocalFileRoot $docs -ErrorAction Stop

        (Get-NotionPageContent -PageId $page -AsBlocks).image.type | Should -Be 'file'
        Get-UploadCount | Should -Be ($before + 1)
    }
}
