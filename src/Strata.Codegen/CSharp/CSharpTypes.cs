using Strata.Codegen.Model;

namespace Strata.Codegen;

/// <summary>Writes the C# of the user types: enums with their database labels, composite types as records.</summary>
internal static class CSharpTypes
{
    public static void Write(CodeWriter w, UserTypeModel type, CSharpContext ctx, ISet<string> usings)
    {
        var name = ctx.Names[type.Name];
        var about = $"{(type.Kind == UserTypeKind.Enum ? "Enum" : "Composite type")} <c>{Literals.Xml(type.Name.ToString())}</c>.";
        w.Summary(type.Comment is null ? about : Literals.Xml(type.Comment) + "\n" + about);
        usings.Add("NpgsqlTypes");
        if (type.Kind == UserTypeKind.Enum)
        {
            WriteEnum(w, type, name);
        }
        else
        {
            WriteComposite(w, type, name, ctx, usings);
        }
    }

    private static void WriteEnum(CodeWriter w, UserTypeModel type, string name)
    {
        w.Open($"public enum {name}");
        var members = new HashSet<string>(StringComparer.Ordinal) { name };
        for (var i = 0; i < type.Labels.Count; i++)
        {
            var label = type.Labels[i];
            var member = Identifiers.Pascal(label);
            for (var n = 2; !members.Add(member); n++)
            {
                member = Identifiers.Pascal(label) + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            w.Summary($"Label <c>{Literals.Xml(label)}</c>.");
            w.Line($"[PgName({Literals.CSharpString(label)})]");
            w.Line(member + ",");
            if (i < type.Labels.Count - 1)
            {
                w.Line();
            }
        }

        w.Close();
    }

    private static void WriteComposite(CodeWriter w, UserTypeModel type, string name, CSharpContext ctx, ISet<string> usings)
    {
        w.Open($"public sealed partial record {name}");
        var properties = ctx.PropertyNames(type.Attributes, name);
        for (var i = 0; i < type.Attributes.Count; i++)
        {
            var attribute = type.Attributes[i];
            var about = $"Attribute <c>{Literals.Xml(attribute.Name)}</c> ({Literals.Xml(attribute.DbType)}).";
            w.Summary(attribute.Comment is null ? about : Literals.Xml(attribute.Comment) + "\n" + about);
            w.Line($"[PgName({Literals.CSharpString(attribute.Name)})]");
            w.Line($"public {ctx.Types.CSharp(type.Name, attribute).Render(usings, ctx.Taken)}? {properties[i]} {{ get; init; }}");
            if (i < type.Attributes.Count - 1)
            {
                w.Line();
            }
        }

        w.Close();
    }
}
