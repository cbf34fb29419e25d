using System.Reflection;

namespace Strata.Codegen.Tests.Support;

/// <summary>Reflection over a compiled generated assembly: its row and insert records and static helpers, by the names the generator gives.</summary>
internal sealed class Generated(Assembly assembly, string ns)
{
    public Assembly Assembly { get; } = assembly;

    public Type Type(string name) => Assembly.GetType(ns + "." + name, throwOnError: true)!;

    /// <summary>An insert record with the given property values (init setters are set through reflection, as serializers do).</summary>
    public object NewInsert(string table, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var type = Type(table + "Insert");
        var insert = Activator.CreateInstance(type)!;
        foreach (var (property, value) in properties)
        {
            var info = type.GetProperty(property) ?? throw new InvalidOperationException($"{type.Name} has no property {property}");
            info.SetValue(insert, value);
        }

        return insert;
    }

    /// <summary>The columns and values the insert record's generated <c>Values()</c> returns.</summary>
    public static IReadOnlyList<KeyValuePair<string, object?>> Values(object insert) =>
        (IReadOnlyList<KeyValuePair<string, object?>>)insert.GetType().GetMethod("Values")!.Invoke(insert, null)!;

    /// <summary>Calls the generated static <c>Row.Read(DbDataReader)</c>.</summary>
    public object Read(string table, System.Data.Common.DbDataReader reader) =>
        Type(table + "Row").GetMethod("Read", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [reader])!;

    public static object? Property(object row, string property) => row.GetType().GetProperty(property)!.GetValue(row);

    public object Enum(string type, string member) => System.Enum.Parse(Type(type), member);

    public Array EnumArray(string type, params string[] members)
    {
        var array = Array.CreateInstance(Type(type), members.Length);
        for (var i = 0; i < members.Length; i++)
        {
            array.SetValue(Enum(type, members[i]), i);
        }

        return array;
    }

    public object? Invoke(string type, string method, params object?[] arguments) =>
        Type(type).GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments);
}
