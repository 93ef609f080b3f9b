using System;
using System.Linq;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// -Icon and -Cover of New-NotionPage and Set-NotionPage, checked once before any page: text is an emoji, a link or
    /// a path taken from the current location (PowerShell's, so drives such as TestDrive: work), a file object its file,
    /// an upload itself. What can never work stops the command with its own error id.
    /// </summary>
    internal static class PageVisualParameters
    {
        /// <summary>What writes -Icon and -Cover into each page's request; stops the command when either can never work.</summary>
        public static PageVisualWriter Writer(NotionAsyncCmdlet cmdlet, NotionClient client, INotionLog log, NotionPageVisualBind? icon, NotionPageVisualBind? cover, bool removeIcon = false, bool removeCover = false)
        {
            var (iconVisual, coverVisual) = (Checked(cmdlet, "Icon", icon, PageVisual.Icon), Checked(cmdlet, "Cover", cover, PageVisual.Cover));
            return new PageVisualWriter(client, log, iconVisual, coverVisual, removeIcon, removeCover);
        }

        private static PageVisual? Checked(NotionAsyncCmdlet cmdlet, string parameterName, NotionPageVisualBind? bind, string place)
        {
            try
            {
                return Resolve(cmdlet, parameterName, bind, place);
            }
            catch (NotionException ex)
            {
                cmdlet.ThrowTerminatingError(NotionErrorRecords.From(ex, bind?.Input));
                return null;
            }
        }

        /// <summary>The icon or cover to set, or null when the parameter was not given.</summary>
        /// <exception cref="NotionException">The value can never be a page icon or cover.</exception>
        private static PageVisual? Resolve(PSCmdlet cmdlet, string parameterName, NotionPageVisualBind? bind, string place)
        {
            if (!cmdlet.MyInvocation.BoundParameters.ContainsKey(parameterName))
            {
                return null;
            }

            if (bind?.Upload != null)
            {
                return PageVisual.FromUpload(bind.Upload, place);
            }

            if (bind?.Path != null)
            {
                return PageVisual.FromFile(bind.Path, place);
            }

            if (bind?.Input != null && bind.Text == null)
            {
                throw new PageVisualException(NotionErrorIds.NotionPageVisualInvalid,
                    $"An object of type {PipeBindInput.TypeName(bind.Input)} cannot be a page {place}. Give -{parameterName} an emoji (icon only), an http(s) URL, a path or file (Get-Item), or what Send-NotionFile returns.");
            }

            var text = bind?.Text ?? string.Empty;
            var drives = cmdlet.SessionState.Drive;
            return PageVisual.FromText(text, place, name => drives.GetAll().Any(drive => string.Equals(drive.Name, name, StringComparison.OrdinalIgnoreCase)))
                ?? PageVisual.FromFile(LocalPaths.FileSystemPath(cmdlet, text), place);
        }
    }
}
