using System.Reflection;

namespace Strata.Packaging.Tests.Api;

/// <summary>
/// Type names as C# writes them, fully qualified (<c>System.Threading.Tasks.Task&lt;Strata.Planning.StatusReport&gt;</c>),
/// with keywords for the built-in types and <c>?</c> where the nullable annotations say so.
/// </summary>
internal static class ApiTypeNames
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
        [typeof(char)] = "char", [typeof(byte)] = "byte", [typeof(sbyte)] = "sbyte", [typeof(short)] = "short",
        [typeof(ushort)] = "ushort", [typeof(int)] = "int", [typeof(uint)] = "uint", [typeof(long)] = "long",
        [typeof(ulong)] = "ulong", [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal",
        [typeof(nint)] = "nint", [typeof(nuint)] = "nuint",
    };

    /// <summary>
    /// The name of <paramref name="type"/>; with <paramref name="nullability"/>, reference types the annotations
    /// allow to be null get a <c>?</c> (<paramref name="write"/> picks the write state: parameters that are not out).
    /// </summary>
    public static string Format(Type type, NullabilityInfo? nullability = null, bool write = false)
    {
        if (type.IsByRef || type.IsPointer)
        {
            var element = Format(type.GetElementType()!, nullability?.ElementType ?? nullability, write);
            return type.IsPointer ? element + "*" : element;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Format(underlying, nullability?.GenericTypeArguments.FirstOrDefault(), write) + "?";
        }

        var name = type.IsArray
            ? Format(type.GetElementType()!, nullability?.ElementType, write) + "[" + new string(',', type.GetArrayRank() - 1) + "]"
            : Named(type, nullability, write);
        var state = nullability is null ? NullabilityState.Unknown : write ? nullability.WriteState : nullability.ReadState;
        return state == NullabilityState.Nullable && !type.IsValueType ? name + "?" : name;
    }

    /// <summary>A type's declaration name: qualified, with its generic parameters (<c>Strata.Box&lt;T&gt;</c>).</summary>
    public static string Declaration(Type type)
    {
        var name = Qualified(type);
        var own = OwnGenericArguments(type);
        return own.Length == 0 ? name : $"{name}<{string.Join(", ", own.Select(a => a.Name))}>";
    }

    /// <summary>The type's own name without namespace, enclosing types or generic arity (a constructor's name).</summary>
    public static string SimpleName(Type type)
    {
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? type.Name : type.Name[..tick];
    }

    private static string Named(Type type, NullabilityInfo? nullability, bool write)
    {
        if (Keywords.TryGetValue(type, out var keyword))
        {
            return keyword;
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        if (!type.IsGenericType)
        {
            return Qualified(type);
        }

        var arguments = type.GetGenericArguments();
        var infos = nullability?.GenericTypeArguments;
        var formatted = arguments.Select((a, i) => Format(a, infos is not null && i < infos.Length ? infos[i] : null, write));
        return $"{Qualified(type)}<{string.Join(", ", formatted)}>";
    }

    /// <summary>Namespace and enclosing types, without generic arity suffixes.</summary>
    private static string Qualified(Type type)
    {
        var name = SimpleName(type);
        if (type.IsNested)
        {
            return Qualified(type.DeclaringType!) + "." + name;
        }

        return string.IsNullOrEmpty(type.Namespace) ? name : type.Namespace + "." + name;
    }

    /// <summary>The generic parameters a nested type declares itself (not those of its enclosing types).</summary>
    private static Type[] OwnGenericArguments(Type type)
    {
        var all = type.GetGenericArguments();
        var inherited = type.IsNested ? type.DeclaringType!.GetGenericArguments().Length : 0;
        return all[inherited..];
    }
}
