using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Content;
using NotionPS.Ids;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>
    /// Creates a page under a page, or a row with a body in a database, with its Markdown content. The Markdown is
    /// converted before anything is sent, so Markdown NotionPS cannot take creates nothing. The create request carries
    /// as much content as one request may (Notion takes children in it as in an append); the rest is appended after
    /// the page exists, in order (see <see cref="ContentAppender"/>).
    /// </summary>
    internal sealed class PageCreator
    {
        private readonly NotionClient client;
        private readonly INotionLog log;
        private readonly PeopleByEmail? people;

        /// <param name="people">People by e-mail address, for people given that way in a row's columns; null when none may be.</param>
        public PageCreator(NotionClient client, INotionLog log, PeopleByEmail? people = null)
        {
            this.client = client;
            this.log = client.Redacting(log);
            this.people = people;
        }

        /// <param name="properties">Column values for a row (by column name, plain values as the row cmdlets take them).</param>
        /// <param name="visuals">The page's icon and cover (a local image is uploaded before the page is created); null for none.</param>
        /// <param name="blocks">The page's content, from <see cref="MarkdownToBlocks.Convert"/>: converted before anything is sent.</param>
        /// <param name="files">The local files the blocks show, checked (<see cref="Files.ContentFileUploads.Check"/>); they are uploaded before the page is created.</param>
        /// <exception cref="RowValueException">The title needs more text items than Notion takes; nothing was sent.</exception>
        /// <exception cref="PageInputException">Properties for a page parent; nothing was created.</exception>
        /// <exception cref="PageWriteException">The page was created, and writing its content stopped midway.</exception>
        /// <exception cref="NotionApiException">Notion refused the create; nothing was created.</exception>
        /// <exception cref="Files.NotionFileException">A local file the Markdown names cannot be sent; nothing was created.</exception>
        public async Task<NotionPage> CreateAsync(PageParent parentGiven, string title, IReadOnlyList<KeyValuePair<string, object?>> properties, PageVisualWriter? visuals, IReadOnlyList<ContentBlock> blocks, IReadOnlyList<Files.ContentFile> files, CancellationToken cancellationToken)
        {
            // Before the parent is looked up: a title Notion would refuse costs no request.
            var titleValue = PropertyWriter.ToPropertyValue("title", "title", title, RowSource.Given);
            var parent = await ResolveAsync(parentGiven, properties.Count > 0, cancellationToken).ConfigureAwait(false);
            await new Files.ContentFileUploads(client, log).UploadAsync(files, cancellationToken).ConfigureAwait(false);
            var body = new JsonObject
            {
                ["parent"] = parent.ToJson(client.Options.ApiVersion),
                ["properties"] = await PropertiesAsync(parent, titleValue, properties).ConfigureAwait(false),
            };
            if (visuals != null)
            {
                await visuals.AddToAsync(body, cancellationToken).ConfigureAwait(false);
            }

            // Planned after the uploads, which give file blocks their upload IDs.
            var steps = AppendPlanner.PlanNewPage(blocks, Encoding.UTF8.GetByteCount(body.ToJsonString()));
            if (steps.Count > 0)
            {
                body["children"] = steps[0].Children;
                if (log.IsVerboseEnabled)
                {
                    log.Verbose($"Creating the page with {steps[0].BlockCount} blocks (Markdown lines {PageWriteException.Ranges(steps[0].Lines, steps.SelectMany(step => step.Lines))}), request 1 of {steps.Count}.");
                }
            }

            NotionPage page;
            using (var created = await client.CreatePageAsync(body, log, cancellationToken).ConfigureAwait(false))
            {
                page = NotionPage.FromJson(created.RootElement);
            }

            if (steps.Count > 1)
            {
                await new ContentAppender(client, log).AppendAfterCreateAsync(page.PageId, steps, $"Page \"{title}\" ({page.PageId}) was created, and of its content", cancellationToken).ConfigureAwait(false);
            }

            return page;
        }

        /// <summary>The parent, and for rows the data source's columns, which the row's properties are written for.</summary>
        private async Task<ResolvedParent> ResolveAsync(PageParent parentGiven, bool forRow, CancellationToken cancellationToken)
        {
            var destination = await new PageParentResolver(client, log).ResolveAsync(parentGiven, forRow, cancellationToken).ConfigureAwait(false);
            return destination.PageId != null
                ? ResolvedParent.Page(destination.PageId)
                : ResolvedParent.Rows(destination.Schema ?? await new DataSourceResolver(client, log).ResolveAsync(destination.Rows!, cancellationToken).ConfigureAwait(false));
        }

        /// <param name="title">The title's property value (the same JSON whatever the title column is named).</param>
        private async Task<JsonObject> PropertiesAsync(ResolvedParent parent, JsonObject title, IReadOnlyList<KeyValuePair<string, object?>> properties)
        {
            if (parent.DataSource == null)
            {
                if (properties.Count > 0)
                {
                    throw PageInputException.PropertiesNeedDatabase(parent.Id);
                }

                return new JsonObject { ["title"] = title };
            }

            var columns = parent.DataSource.PropertyTypes;
            var userIdByEmail = people == null ? null : await people.LookupAsync(RowMapping.PeopleEmails(columns, properties, RowSource.Given)).ConfigureAwait(false);
            var values = RowMapping.Build(columns, properties, RowSource.Given, ignoreUnknown: false, userIdByEmail, options: parent.DataSource.PropertyOptions).Properties;
            var titleColumn = parent.DataSource.TitlePropertyName ?? "title";
            values[titleColumn] = title;
            return values;
        }
    }
}
