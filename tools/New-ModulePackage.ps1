<#
.SYNOPSIS
    Packs a staged PowerShell module folder as a .nupkg that Publish-PSResource and Install-PSResource accept.

.DESCRIPTION
    Writes <Name>.<Version>.nupkg with the module's files at the package root, as PowerShellGet and
    PSResourceGet lay out a module package: a <Name>.nuspec generated from the module manifest (id,
    version and prerelease label, authors, description, links, tags including PSModule and one
    PSCmdlet_/PSCommand_ tag per exported cmdlet) and the OPC parts NuGet expects.

    It uses only the engine's core cmdlets and .NET, so the tests run it in a hosted engine too.
    Returns the package file.

.EXAMPLE
    ./tools/New-ModulePackage.ps1 -ModulePath ./out/NotionPS -DestinationPath ./out/packages
#>
[CmdletBinding()]
[OutputType([System.IO.FileInfo])]
param(
    # The staged module folder, holding <Name>.psd1.
    [Parameter(Mandatory)]
    [string] $ModulePath,

    # Where to write the package; created when missing.
    [Parameter(Mandatory)]
    [string] $DestinationPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$ModulePath = [System.IO.Path]::GetFullPath($ModulePath)
$DestinationPath = [System.IO.Path]::GetFullPath($DestinationPath)
$name = [System.IO.Path]::GetFileName($ModulePath.TrimEnd([System.IO.Path]::DirectorySeparatorChar, [System.IO.Path]::AltDirectorySeparatorChar))
$manifest = Test-ModuleManifest -Path ([System.IO.Path]::Combine($ModulePath, "$name.psd1"))
$psData = $manifest.PrivateData.PSData

$version = $manifest.Version.ToString()
if ($psData.ContainsKey('Prerelease') -and $psData.Prerelease) {
    $version = "$version-$($psData.Prerelease)"
}

# Sort-Object and Join-Path are not core cmdlets; .NET sorts and joins here instead.
[string[]] $cmdlets = @($manifest.ExportedCmdlets.Keys)
[System.Array]::Sort($cmdlets, [System.StringComparer]::Ordinal)
$tags = @('PSModule') + @($manifest.Tags) + @($cmdlets | ForEach-Object { "PSCmdlet_$_"; "PSCommand_$_" })
if ($cmdlets.Count -gt 0) {
    $tags += 'PSIncludes_Cmdlet'
}

$nuspecNamespace = 'http://schemas.microsoft.com/packaging/2011/08/nuspec.xsd'
$nuspec = [System.Xml.XmlDocument]::new()
$null = $nuspec.AppendChild($nuspec.CreateXmlDeclaration('1.0', 'utf-8', $null))
$package = $nuspec.AppendChild($nuspec.CreateElement('package', $nuspecNamespace))
$metadata = $package.AppendChild($nuspec.CreateElement('metadata', $nuspecNamespace))
$fields = [ordered]@{
    id                       = $name
    version                  = $version
    authors                  = $manifest.Author
    owners                   = $manifest.CompanyName
    requireLicenseAcceptance = 'false'
    licenseUrl               = $manifest.LicenseUri
    projectUrl               = $manifest.ProjectUri
    description              = $manifest.Description
    copyright                = $manifest.Copyright
    tags                     = ($tags | Where-Object { $_ } | ForEach-Object { $_ -replace '\s', '' }) -join ' '
}
foreach ($field in $fields.GetEnumerator() | Where-Object { $_.Value }) {
    $element = $metadata.AppendChild($nuspec.CreateElement($field.Key, $nuspecNamespace))
    $element.InnerText = [string]$field.Value
}

$dependencies = $metadata.AppendChild($nuspec.CreateElement('dependencies', $nuspecNamespace))
foreach ($required in $manifest.RequiredModules) {
    $dependency = $dependencies.AppendChild($nuspec.CreateElement('dependency', $nuspecNamespace))
    $dependency.SetAttribute('id', $required.Name)
    if ($required.Version) {
        $dependency.SetAttribute('version', $required.Version.ToString())
    }
}

$null = [System.IO.Directory]::CreateDirectory($DestinationPath)
$packagePath = [System.IO.Path]::Combine($DestinationPath, "$name.$version.nupkg")
if ([System.IO.File]::Exists($packagePath)) {
    [System.IO.File]::Delete($packagePath)
}

function Add-Entry([System.IO.Compression.ZipArchive] $Archive, [string] $EntryName, [byte[]] $Content) {
    $stream = $Archive.CreateEntry($EntryName, [System.IO.Compression.CompressionLevel]::Optimal).Open()
    try { $stream.Write($Content, 0, $Content.Length) } finally { $stream.Dispose() }
}

$utf8 = [System.Text.UTF8Encoding]::new($false)
$files = [System.IO.Directory]::GetFiles($ModulePath, '*', [System.IO.SearchOption]::AllDirectories)
[System.Array]::Sort($files, [System.StringComparer]::Ordinal)
$extensions = [System.Collections.Generic.SortedSet[string]]::new([System.StringComparer]::OrdinalIgnoreCase)
$null = $extensions.Add('nuspec')
foreach ($file in $files) {
    $extension = [System.IO.Path]::GetExtension($file).TrimStart('.')
    if ($extension) {
        $null = $extensions.Add($extension)
    }
}

$contentTypes = '<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />' +
    (($extensions | Where-Object { $_ -ne 'rels' } | ForEach-Object { "<Default Extension=`"$_`" ContentType=`"application/octet`" />" }) -join '') +
    '</Types>'
$relationships = '<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    "<Relationship Type=`"http://schemas.microsoft.com/packaging/2010/07/manifest`" Target=`"/$name.nuspec`" Id=`"R0`" /></Relationships>"

# Loaded by name: Windows PowerShell and pwsh do not load the compression assembly up front.
$null = [System.Reflection.Assembly]::Load('System.IO.Compression')
$packageStream = [System.IO.File]::Create($packagePath)
$archive = [System.IO.Compression.ZipArchive]::new($packageStream, [System.IO.Compression.ZipArchiveMode]::Create)
try {
    Add-Entry $archive '[Content_Types].xml' $utf8.GetBytes($contentTypes)
    Add-Entry $archive '_rels/.rels' $utf8.GetBytes($relationships)
    Add-Entry $archive "$name.nuspec" $utf8.GetBytes($nuspec.OuterXml)
    foreach ($file in $files) {
        $entryName = [System.IO.Path]::GetRelativePath($ModulePath, $file).Replace('\', '/')
        Add-Entry $archive $entryName ([System.IO.File]::ReadAllBytes($file))
    }
}
finally {
    $archive.Dispose()
    $packageStream.Dispose()
}

[System.IO.FileInfo]::new($packagePath)
