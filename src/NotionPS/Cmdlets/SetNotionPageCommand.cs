using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Changes pages' (and rows') title, icon and cover, one request per page. A local image is uploaded once and
    /// attached to every page; a failure on one page is written as its error and the others go on.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "NotionPage", SupportsShouldProcess = true, HelpUri = HelpUriBase + "Set-NotionPage.md")]
    [OutputType(typeof(NotionPage))]
    public sealed class SetNotionPageCommand : NotionPageActionCmdlet
    {
        private PageUpdater? updater;
        private string action = string.Empty;
        private bool uploads;

        /// <summary>The new title (for a row, its title column).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Title { get; set; }

        /// <summary>The new icon: an emoji, an http(s) URL, a local image file (path or Get-Item), or what Send-NotionFile returns.</summary>
        [Parameter]
        public NotionPageVisualBind? Icon { get; set; }

        /// <summary>The new cover: an http(s) URL, a local image file (path or Get-Item), or what Send-NotionFile returns.</summary>
        [Parameter]
        public NotionPageVisualBind? Cover { get; set; }

        /// <summary>Removes the icon.</summary>
        [Parameter]
        public SwitchParameter RemoveIcon { get; set; }

        /// <summary>Removes the cover.</summary>
        [Parameter]
        public SwitchParameter RemoveCover { get; set; }

        /// <summary>Writes each changed page to the output.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override string Action => action;

        private protected override bool WritesPage => PassThru;

        // Uploading a local image takes Insert content as well.
        private protected override string Capability => uploads ? PageRemedies.UpdateAndInsertContent : PageRemedies.UpdateContent;

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            var bound = MyInvocation.BoundParameters;
            foreach (var (set, remove) in new[] { (nameof(Icon), nameof(RemoveIcon)), (nameof(Cover), nameof(RemoveCover)) })
            {
                if (bound.ContainsKey(set) && bound.ContainsKey(remove) && ((SwitchParameter)bound[remove]).IsPresent)
                {
                    Stop(NotionErrorIds.NotionPageVisualConflict, $"-{set} sets the page's {set.ToLowerInvariant()} and -{remove} removes it: give one of them.", ((NotionPageVisualBind?)bound[set])?.Input);
                }
            }

            var changes = new List<string>();
            if (Title != null)
            {
                changes.Add($"title to \"{ServerText.VisibleShort(Title)}\"");
            }

            AddChange(changes, nameof(Icon), Icon, RemoveIcon);
            AddChange(changes, nameof(Cover), Cover, RemoveCover);
            if (changes.Count == 0)
            {
                Stop(NotionErrorIds.NotionPageNothingToSet, "Nothing to change: give -Title, -Icon, -Cover, -RemoveIcon or -RemoveCover.", null);
            }

            action = "Set " + string.Join(", ", changes);
            var visuals = PageVisualParameters.Writer(this, Icon, Cover, RemoveIcon, RemoveCover);
            uploads = visuals.Uploads;
            updater = new PageUpdater(Client, Log, visuals);
        }

        private protected override string MayBeDone => "may hold the change";

        private protected override Task<NotionPage> ChangeAsync(string pageId, Action<bool> sending, CancellationToken cancellationToken) => updater!.UpdateAsync(pageId, Title, cancellationToken, sending);

        private void AddChange(List<string> changes, string name, NotionPageVisualBind? value, bool remove)
        {
            if (MyInvocation.BoundParameters.ContainsKey(name))
            {
                changes.Add($"{name.ToLowerInvariant()} to {ServerText.VisibleShort(value?.ToString() ?? string.Empty)}");
            }
            else if (remove)
            {
                changes.Add($"remove {name.ToLowerInvariant()}");
            }
        }

        private void Stop(string errorId, string message, object? target) =>
            ThrowTerminatingError(NotionErrorRecords.From(new PageVisualException(errorId, message), target));
    }
}
