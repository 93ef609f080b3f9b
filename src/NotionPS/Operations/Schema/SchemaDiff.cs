using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using NotionPS.Client;

namespace NotionPS.Operations.Schema
{
    /// <summary>
    /// The changes that turn a data source's schema into the one asked for. A column is found by its ID, then (the
    /// title column by its type, the others) by name; a setting left null in the request is left as it is, and
    /// columns and options missing from the request are removed only when asked.
    /// </summary>
    internal sealed class SchemaDiff
    {
        private static readonly string[] OptionTypes = { "select", "multi_select", "status" };

        private readonly NotionDatabaseSchema current;
        private readonly bool removeMissing;
        private readonly string apiVersion;
        private readonly List<SchemaChange> changes = new List<SchemaChange>();
        private readonly List<NotionSchemaColumn> relationsToCheck = new List<NotionSchemaColumn>();

        private SchemaDiff(NotionDatabaseSchema current, bool removeMissing, string apiVersion)
        {
            this.current = current;
            this.removeMissing = removeMissing;
            this.apiVersion = apiVersion;
        }

        public IReadOnlyList<SchemaChange> Changes => changes;

        /// <summary>Relation columns added or pointed elsewhere: their targets must be checked before anything is sent.</summary>
        public IReadOnlyList<NotionSchemaColumn> RelationsToCheck => relationsToCheck;

        /// <exception cref="SchemaException">The requested schema is not one a data source can have, or Notion's API cannot make the change.</exception>
        public static SchemaDiff Compare(NotionDatabaseSchema current, IReadOnlyList<NotionSchemaColumn> desired, bool removeMissing, string apiVersion)
        {
            CheckColumns(desired);
            var diff = new SchemaDiff(current, removeMissing, apiVersion);
            diff.Build(desired);
            return diff;
        }

        /// <summary>Columns a data source can have: unique names and at most one title column.</summary>
        public static void CheckColumns(IReadOnlyList<NotionSchemaColumn> columns)
        {
            var titles = columns.Where(column => column.Type == "title").ToList();
            if (titles.Count > 1)
            {
                throw SchemaException.SecondTitle(titles.Select(column => column.Name));
            }

            CheckUnique(columns.Select(column => column.Name));
        }

        private static void CheckUnique(IEnumerable<string> names)
        {
            if (names.GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1) is { } duplicate)
            {
                throw SchemaException.DuplicateColumn(duplicate.Key);
            }
        }

        private void Build(IReadOnlyList<NotionSchemaColumn> desired)
        {
            var matches = Match(desired);
            foreach (var column in desired)
            {
                if (matches.TryGetValue(column, out var existing))
                {
                    Compare(existing, column);
                }
                else
                {
                    Add(column);
                }
            }

            var missing = current.Columns.Where(column => !matches.ContainsValue(column)).ToList();
            if (removeMissing)
            {
                foreach (var column in missing)
                {
                    Remove(column);
                }
            }
            else
            {
                CheckUnique(desired.Select(column => column.Name).Concat(missing.Select(column => column.Name)));
            }
        }

        /// <summary>Each requested column's current column, if it has one: by ID first, then the title by type and the rest by name.</summary>
        private Dictionary<NotionSchemaColumn, NotionSchemaColumn> Match(IReadOnlyList<NotionSchemaColumn> desired)
        {
            var matches = new Dictionary<NotionSchemaColumn, NotionSchemaColumn>();
            var unmatched = current.Columns.ToList();
            foreach (var column in desired.Where(column => column.Id != null))
            {
                var existing = unmatched.FirstOrDefault(candidate => candidate.Id == column.Id && (candidate.Type == "title") == (column.Type == "title"));
                if (existing != null)
                {
                    matches[column] = existing;
                    unmatched.Remove(existing);
                }
            }

            foreach (var column in desired.Where(column => !matches.ContainsKey(column)))
            {
                var existing = column.Type == "title"
                    ? unmatched.FirstOrDefault(candidate => candidate.Type == "title")
                    : unmatched.FirstOrDefault(candidate => candidate.Name == column.Name);
                if (existing != null)
                {
                    matches[column] = existing;
                    unmatched.Remove(existing);
                }
            }

            return matches;
        }

        private void Add(NotionSchemaColumn column)
        {
            if (column.Type == "title")
            {
                throw SchemaException.SecondTitle(new[] { column.Name, current.Columns.First(existing => existing.Type == "title").Name });
            }

            var configuration = SchemaJson.Configuration(column, apiVersion);
            CheckRelation(column);
            changes.Add(new SchemaChange($"Add column '{column.Name}' ({column.Type})", patch => patch.Properties[column.Name] = configuration.DeepClone(), column.Type == "rollup"));
        }

        private void Remove(NotionSchemaColumn column)
        {
            if (column.Type == "title")
            {
                throw SchemaException.TitleRemoved(column.Name, column.Id!);
            }

            changes.Add(new SchemaChange($"Remove column '{column.Name}' and its values", patch => patch.Remove(column.Id!)));
        }

        private void Compare(NotionSchemaColumn existing, NotionSchemaColumn column)
        {
            var key = existing.Id!;
            if (existing.Name != column.Name)
            {
                changes.Add(new SchemaChange($"Rename column '{existing.Name}' to '{column.Name}'", patch => patch.Column(key)["name"] = column.Name));
            }

            if (existing.Type != column.Type)
            {
                ChangeType(existing, column);
                return;
            }

            if (OptionTypes.Contains(column.Type) && column.Options != null)
            {
                CompareOptions(existing, column);
            }

            if (ChangedSetting(existing, column) is var (setting, detail))
            {
                var merged = Merged(existing, column);
                var configuration = SchemaJson.Configuration(merged, apiVersion)[column.Type]!;
                if (column.Type == "relation")
                {
                    CheckRelation(merged);
                }

                changes.Add(new SchemaChange($"Change the {setting} of column '{column.Name}' {detail}", patch => patch.Column(key)[column.Type] = configuration.DeepClone(), column.Type == "rollup"));
            }
        }

        private void ChangeType(NotionSchemaColumn existing, NotionSchemaColumn column)
        {
            if (existing.Type == "title")
            {
                throw SchemaException.Unsupported(
                    $"Column '{ServerText.Visible(existing.Name)}' is the title column, which Notion keeps as type title; '{ServerText.Visible(column.Name)}' cannot become {column.Type}.");
            }

            var configuration = SchemaJson.Configuration(column, apiVersion)[column.Type]!;
            CheckRelation(column);
            changes.Add(new SchemaChange(
                $"Change the type of column '{column.Name}' from {existing.Type} to {column.Type} (Notion converts its values through their text)",
                patch => patch.Column(existing.Id!)[column.Type] = configuration.DeepClone(),
                column.Type == "rollup"));
        }

        private void CompareOptions(NotionSchemaColumn existing, NotionSchemaColumn column)
        {
            var unmatched = (existing.Options ?? new NotionSchemaOption[0]).ToList();
            var pairs = new List<(NotionSchemaOption Wanted, NotionSchemaOption? Existing)>();
            foreach (var option in column.Options!)
            {
                var match = unmatched.FirstOrDefault(candidate => option.Id != null && candidate.Id == option.Id)
                    ?? unmatched.FirstOrDefault(candidate => candidate.Name == option.Name);
                unmatched.Remove(match!);
                pairs.Add((option, match));
            }

            foreach (var (wanted, match) in pairs)
            {
                // Names are checked here, as the change is planned, so -WhatIf refuses what the real run would.
                if (match == null)
                {
                    var added = SchemaJson.NewOption(column.Name, wanted);
                    changes.Add(new SchemaChange($"Add option '{wanted.Name}' to column '{column.Name}'", patch => patch.Options(existing).Add(added.DeepClone())));
                    continue;
                }

                if (match.Name != wanted.Name)
                {
                    var name = SchemaJson.CheckedOptionName(column.Name, wanted.Name);
                    changes.Add(new SchemaChange($"Rename option '{match.Name}' of column '{column.Name}' to '{wanted.Name}'",
                        patch => SchemaPatch.Option(patch.Options(existing), match.Id!)["name"] = name));
                }

                if (wanted.Color != null && match.Color != wanted.Color)
                {
                    changes.Add(new SchemaChange($"Change the color of option '{wanted.Name}' of column '{column.Name}' from {match.Color} to {wanted.Color}",
                        patch => SchemaPatch.Option(patch.Options(existing), match.Id!)["color"] = wanted.Color));
                }
            }

            foreach (var option in removeMissing ? unmatched : new List<NotionSchemaOption>())
            {
                if (column.Type == "status")
                {
                    throw SchemaException.Unsupported(
                        $"Option '{ServerText.Visible(option.Name)}' of status column '{ServerText.Visible(column.Name)}' would be removed, but Notion's API cannot remove a status option.");
                }

                changes.Add(new SchemaChange($"Remove option '{option.Name}' from column '{column.Name}' (its cells become empty)",
                    patch => patch.Options(existing).Remove(SchemaPatch.Option(patch.Options(existing), option.Id!))));
            }
        }

        /// <summary>The setting other than options that differs and how ("number format", "from number to dollar"), or null when they agree.</summary>
        private static (string Setting, string Detail)? ChangedSetting(NotionSchemaColumn existing, NotionSchemaColumn column)
        {
            static bool Differs(string? wanted, string? has) => wanted != null && wanted != has;
            switch (column.Type)
            {
                case "number" when Differs(column.NumberFormat, existing.NumberFormat):
                    return ("number format", $"from {existing.NumberFormat} to {column.NumberFormat}");
                case "formula" when Differs(column.Expression, existing.Expression):
                    return ("formula", $"from {existing.Expression} to {column.Expression}");
                case "relation" when (column.RelationDataSourceId != null
                        ? Differs(column.RelationDataSourceId, existing.RelationDataSourceId)
                        : Differs(column.RelationDatabaseId, existing.RelationDatabaseId))
                    || Differs(column.RelationType, existing.RelationType):
                    return ("relation", $"to {column.RelationType ?? existing.RelationType} of {column.RelationDataSourceId ?? column.RelationDatabaseId ?? existing.RelationDataSourceId ?? existing.RelationDatabaseId}");
                case "rollup" when Differs(column.RollupRelation, existing.RollupRelation) || Differs(column.RollupProperty, existing.RollupProperty)
                        || Differs(column.RollupFunction, existing.RollupFunction):
                    return ("rollup", $"to {column.RollupFunction ?? existing.RollupFunction} of '{column.RollupProperty ?? existing.RollupProperty}' through '{column.RollupRelation ?? existing.RollupRelation}'");
                case "unique_id" when Differs(column.Prefix, existing.Prefix):
                    return ("ID prefix", $"from {existing.Prefix} to {column.Prefix}");
                default:
                    return null;
            }
        }

        /// <summary>The requested settings, each one not given taken from the column as it is.</summary>
        private static NotionSchemaColumn Merged(NotionSchemaColumn existing, NotionSchemaColumn column)
        {
            var relationMoves = column.RelationDataSourceId != null || column.RelationDatabaseId != null;
            return new NotionSchemaColumn
            {
                Name = column.Name,
                Type = column.Type,
                NumberFormat = column.NumberFormat ?? existing.NumberFormat,
                Expression = column.Expression ?? existing.Expression,
                RelationDataSourceId = relationMoves ? column.RelationDataSourceId : existing.RelationDataSourceId,
                RelationDatabaseId = relationMoves ? column.RelationDatabaseId : existing.RelationDatabaseId,
                RelationType = column.RelationType ?? existing.RelationType,
                RollupRelation = column.RollupRelation ?? existing.RollupRelation,
                RollupProperty = column.RollupProperty ?? existing.RollupProperty,
                RollupFunction = column.RollupFunction ?? existing.RollupFunction,
                Prefix = column.Prefix ?? existing.Prefix,
            };
        }

        private void CheckRelation(NotionSchemaColumn column)
        {
            if (column.Type == "relation")
            {
                relationsToCheck.Add(column);
            }
        }
    }
}
