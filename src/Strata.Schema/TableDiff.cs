namespace Strata.Schema;

/// <summary>The table pass of a comparison: created, dropped and altered (or rebuilt) tables and their columns.</summary>
internal static class TableDiff
{
    public static void Run(DiffState state)
    {
        var renderer = state.Renderer;
        foreach (var table in state.From.Tables.Where(t => state.To.Table(t.Name) is null))
        {
            state.DroppedTables.Add(table.Name);
            state.Replaced.Add(table.Name);
            state.Changes.Add(Phase.DropTables, table.Name.ToString(), new SchemaChange($"drop table {table.Name}", [renderer.DropTable(table)])
            {
                Destructive = $"drops table {table.Name} and all its rows",
            }, DropOrdering(state, table));
        }

        foreach (var table in state.To.Tables.Where(t => state.From.Table(t.Name) is null))
        {
            var statements = renderer.CreateTable(table, state.InlineConstraints(state.To, table.Name));
            state.Changes.Add(Phase.Tables, "1|" + table.Name, new SchemaChange($"create table {table.Name}", statements), ChangeOrdering.Of(table, drop: false));
        }

        foreach (var before in state.From.Tables)
        {
            if (state.To.Table(before.Name) is { } after)
            {
                Alter(state, new TableChange(before, after)
                {
                    FromConstraints = state.InlineConstraints(state.From, before.Name),
                    ToConstraints = state.InlineConstraints(state.To, after.Name),
                });
            }
        }
    }

    private static void Alter(DiffState state, TableChange change)
    {
        var name = change.To.Name;
        var dropped = change.Dropped;
        var changed = change.Changed;
        if (dropped.Count == 0 && changed.Count == 0 && change.Added.Count == 0 && !change.ConstraintsChanged && !change.TableSettingsChanged)
        {
            return;
        }

        var renderer = state.Renderer;
        var key = "1|" + name + "|";
        var ordering = new ChangeOrdering(false, [name], change.To.DependsOn);
        if (renderer.NeedsRebuild(change))
        {
            var reasons = dropped.Select(c => DroppedColumn(name, c)).Concat(changed.Select(p => Narrowing(renderer, name, p.Before, p.After)).OfType<string>()).ToList();
            state.Rebuilt.Add(name);
            state.Replaced.Add(name);
            state.Changes.Add(Phase.Tables, key, new SchemaChange($"rebuild table {name}", renderer.RebuildTable(change))
            {
                Destructive = reasons.Count > 0 ? string.Join("; ", reasons) : null,
                OutsideTransaction = true,
            }, ordering);
            return;
        }

        foreach (var column in dropped)
        {
            state.Replaced.Add(name);
            state.Changes.Add(Phase.Tables, key + "0|" + column.Name, new SchemaChange($"drop column {name}.{column.Name}", [renderer.DropColumn(name, column)])
            {
                Destructive = DroppedColumn(name, column),
            }, ordering);
        }

        foreach (var (before, after) in changed)
        {
            if (before.Type != after.Type || before.Generated != after.Generated)
            {
                state.Replaced.Add(name);
            }

            state.Changes.Add(Phase.Tables, key + "1|" + after.Name, new SchemaChange($"alter column {name}.{after.Name}", renderer.AlterColumn(name, before, after))
            {
                Destructive = Narrowing(renderer, name, before, after),
            }, ordering);
        }

        foreach (var column in change.Added)
        {
            state.Changes.Add(Phase.Tables, key + "2|" + column.Name, new SchemaChange($"add column {name}.{column.Name}", renderer.AddColumn(name, column)), ordering);
        }

        if (change.TableSettingsChanged)
        {
            state.Changes.Add(Phase.Tables, key + "3", new SchemaChange($"alter table {name}", renderer.AlterTable(change.From, change.To)), ordering);
        }
    }

    private static string DroppedColumn(QualifiedName table, ColumnDefinition column) => $"drops column {table}.{column.Name} and its data";

    private static string? Narrowing(IDdlRenderer renderer, QualifiedName table, ColumnDefinition before, ColumnDefinition after)
    {
        if (before.Generated is null && after.Generated is not null)
        {
            return $"column {table}.{after.Name} becomes generated: its stored values are replaced";
        }

        return before.Type == after.Type || renderer.IsWidening(before.Type, after.Type)
            ? null
            : $"narrowing type change of {table}.{after.Name} from {before.Type} to {after.Type} may lose data or fail";
    }

    /// <summary>
    /// Dropping a table also drops its triggers, policies, rules, indexes and constraints (their own drops are left
    /// out), so the table's drop must run before the drops of what those need too, e.g. a trigger's function.
    /// </summary>
    private static ChangeOrdering DropOrdering(DiffState state, TableDefinition table)
    {
        var own = ChangeOrdering.Of(table, drop: true);
        var implied = state.From.Objects.Where(o => o.Table == table.Name && o.Kind is not (ObjectKind.SequenceOwner or ObjectKind.ForeignKey)).SelectMany(o => o.DependsOn);
        return own with { Requires = [.. own.Requires, .. implied.Where(d => d != table.Name)] };
    }
}
