using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Ids;
using NotionPS.Operations.Files;

namespace NotionPS.Rows
{
    /// <summary>
    /// A files cell as a property value: each item an external URL (kept as given; one the user gives with a user name or
    /// password in it is refused, <see cref="CellUrls"/>), an upload (a
    /// <see cref="NotionFileUpload"/>) or a local file (a FileInfo, or text naming one under -LocalFileRoot). Text is split as a files cell's text
    /// is (see <see cref="CellText"/>). What needs the network (uploads, checks, copies) is left in
    /// <see cref="FileCellWriting.Pending"/> for the caller to finish before sending the row.
    /// </summary>
    internal static class FileCells
    {
        /// <param name="source">Where the value came from: what is checked in it, and whether its text may name a local file.</param>
        /// <param name="writing">How local files are found and where pending items go; null where files cannot be uploaded (every item must then be an http(s) URL, an upload or in Notion's shape; other text the user gives is NotionLocalFileNotAllowed).</param>
        public static JsonArray Write(string column, object? value, RowSource source, FileCellWriting? writing)
        {
            var items = new JsonArray();
            foreach (var item in CellText.Urls(value))
            {
                items.Add(Item(column, item, source, writing?.ResolvePath, writing?.Pending));
            }

            return items;
        }

        private static JsonNode Item(string column, object item, RowSource source, Func<string, string>? resolvePath, ICollection<PendingFile>? pending)
        {
            switch (item)
            {
                case NotionFileUpload upload:
                    var attached = new JsonObject { ["name"] = upload.Name, ["type"] = "file_upload", ["file_upload"] = new JsonObject { ["id"] = upload.Id } };
                    return Pending(column, PendingFileKind.CheckUpload, attached, upload.Id, pending, upload);
                case FileInfo file:
                    return Pending(column, PendingFileKind.Upload, new JsonObject(), file.FullName, pending, file);
                case DirectoryInfo folder:
                    throw new RowValueException(column, "files", folder.FullName, "a folder is not a file; pipe its files (Get-ChildItem -File) or name each one.");
                default:
                    var text = CellUrls.Checked(column, ItemText(item).Trim(), source);
                    if (WebUrls.IsWebUrl(text))
                    {
                        var external = ExternalFile(text);
                        return source == RowSource.NotionRow ? Pending(column, PendingFileKind.CopyIfHosted, external, text, pending, item) : external;
                    }

                    if (source != RowSource.Given)
                    {
                        // In a row read from Notion or a backup, text is a link as Notion held it, never a local file: the data
                        // may come from anyone, and must not choose a file to upload (a backup's saved files come as files).
                        return ExternalFile(text);
                    }

                    if (resolvePath == null)
                    {
                        // Notion would refuse it as a URL ("Invalid file url"); say why here, before any request.
                        throw new NotionFileException(NotionErrorIds.NotionLocalFileNotAllowed,
                            $"Column '{ServerText.Visible(column)}': '{WebUrls.Shown(text)}' is not an http(s) URL, and this command does not upload files "
                            + "(Sync-NotionDatabaseRow and New-NotionPage -Property send a files cell's text as links). Give http(s) URLs here, "
                            + "or add the files with Add-NotionDatabaseRow or Set-NotionDatabaseRow -LocalFileRoot <folder>.");
                    }

                    return Pending(column, PendingFileKind.Upload, new JsonObject(), InColumn(column, () => resolvePath(text)), pending, item);
            }
        }

        private static JsonObject Pending(string column, PendingFileKind kind, JsonObject item, string source, ICollection<PendingFile>? pending, object given)
        {
            if (pending == null)
            {
                if (kind != PendingFileKind.Upload)
                {
                    return item;
                }

                throw new RowValueException(column, "files", given, "a file can be uploaded and attached only when a row is written; compare files columns by URL.");
            }

            pending.Add(new PendingFile(column, kind, item, source, kind == PendingFileKind.Upload ? Checked(column, source) : null));
            return item;
        }

        /// <summary>A local file to upload, checked once, here: -WhatIf lists it and the upload sends it as checked.</summary>
        private static LocalFile Checked(string column, string path)
        {
            return InColumn(column, () => LocalFile.Check(path, null, null));
        }

        /// <summary>A local file's failure, its message starting with the column, as every files-cell error does.</summary>
        private static T InColumn<T>(string column, Func<T> step)
        {
            try
            {
                return step();
            }
            catch (NotionFileException ex)
            {
                throw new NotionFileException(ex.ErrorId, $"Column '{ServerText.Visible(column)}': {ex.Message}", ex);
            }
        }

        /// <summary>The text of an item that is no file object; a hashtable or other object has none, and is not a file either.</summary>
        private static string ItemText(object item)
        {
            try
            {
                return PlainValues.Text(item);
            }
            catch (FormatException)
            {
                throw new FormatException(
                    "a hashtable or object is not a file. Give each file as an http(s) URL, a file object (Get-Item <path>) or what Send-NotionFile returns, or, where the command uploads local files, a path under -LocalFileRoot.");
            }
        }

        private static JsonObject ExternalFile(string url)
        {
            var path = url.Split('?', '#')[0];
            var name = path.Substring(path.LastIndexOf('/') + 1);
            return new JsonObject
            {
                ["name"] = name.Length == 0 ? url : Uri.UnescapeDataString(name),
                ["type"] = "external",
                ["external"] = new JsonObject { ["url"] = url },
            };
        }
    }
}
