using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Strata.Codegen.Model;

namespace Strata.Codegen;

/// <summary>A stable hash of the model code is generated from: relations, columns, keys, types and comments, in their sorted order.</summary>
internal static class SchemaHash
{
    public static string Of(CodegenModel model)
    {
        var text = new StringBuilder();
        foreach (var relation in model.Relations)
        {
            text.Append(CultureInfo.InvariantCulture, $"R\u001f{relation.Kind}\u001f{relation.Name}\u001f{relation.Comment}\n");
            foreach (var c in relation.Columns)
            {
                text.Append(CultureInfo.InvariantCulture, $"C\u001f{c.Name}\u001f{c.DbType}\u001f{c.Nullable}\u001f{c.HasDefault}\u001f{c.GeneratedAlways}\u001f{c.Comment}\n");
            }

            text.Append("P\u001f").AppendJoin('\u001e', relation.PrimaryKey).Append('\n');
            foreach (var key in relation.UniqueKeys)
            {
                text.Append("U\u001f").AppendJoin('\u001e', key).Append('\n');
            }

            foreach (var key in relation.ForeignKeys)
            {
                text.Append(CultureInfo.InvariantCulture, $"F\u001f{key.Name}\u001f{string.Join('\u001e', key.Columns)}\u001f{key.Target}\u001f{string.Join('\u001e', key.TargetColumns)}\n");
            }
        }

        foreach (var type in model.Types)
        {
            text.Append(CultureInfo.InvariantCulture, $"T\u001f{type.Kind}\u001f{type.Name}\u001f{type.BaseType}\u001f{type.NotNull}\u001f{string.Join('\u001e', type.Labels)}\u001f{type.Comment}\n");
            foreach (var a in type.Attributes)
            {
                text.Append(CultureInfo.InvariantCulture, $"A\u001f{a.Name}\u001f{a.DbType}\u001f{a.Comment}\n");
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
