using System.Globalization;
using System.Reflection;

namespace Strata.Packaging.Tests.Api;

/// <summary>The pieces of a member line: accessibility, modifiers, parameter lists, default values, constraints.</summary>
internal static class ApiSignatures
{
    /// <summary>
    /// <c>public</c>, <c>protected</c> or <c>protected internal</c> for a member callers outside the assembly can
    /// reach; null for private, internal and private protected ones.
    /// </summary>
    public static string? Access(MethodBase method) =>
        method.IsPublic ? "public" : method.IsFamily ? "protected" : method.IsFamilyOrAssembly ? "protected internal" : null;

    /// <inheritdoc cref="Access(MethodBase)"/>
    public static string? Access(FieldInfo field) =>
        field.IsPublic ? "public" : field.IsFamily ? "protected" : field.IsFamilyOrAssembly ? "protected internal" : null;

    /// <summary>How visible an access level is, to pick a property's (its most visible accessor's).</summary>
    public static int Rank(string? access) => access switch
    {
        "public" => 3,
        "protected internal" => 2,
        "protected" => 1,
        _ => 0,
    };

    /// <summary><c>static</c>, <c>abstract</c>, <c>virtual</c>, <c>override</c> or <c>sealed override</c>, with a trailing space.</summary>
    public static string Modifiers(MethodInfo method)
    {
        var inInterface = method.DeclaringType!.IsInterface;
        if (method.IsStatic)
        {
            return method.IsAbstract ? "static abstract " : "static ";
        }

        if (inInterface)
        {
            return "";
        }

        if (method.GetBaseDefinition().DeclaringType != method.DeclaringType)
        {
            return method.IsFinal ? "sealed override " : "override ";
        }

        return method.IsAbstract ? "abstract " : method.IsVirtual && !method.IsFinal ? "virtual " : "";
    }

    /// <summary>A parameter list without parentheses, with modifiers, nullability and default values.</summary>
    public static string Parameters(MethodBase method, NullabilityInfoContext context)
    {
        var isExtension = method.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.ExtensionAttribute");
        return string.Join(", ", method.GetParameters().Select((p, i) => Parameter(p, context, isExtension && i == 0)));
    }

    /// <summary>The generic parameters of a method, <c>&lt;T&gt;</c>, or nothing.</summary>
    public static string GenericParameters(MethodInfo method) =>
        method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";

    /// <summary>The <c>where</c> clauses of the given generic parameters, each with a leading space.</summary>
    public static string Constraints(IEnumerable<Type> parameters) =>
        string.Concat(parameters.Select(Constraint).Where(c => c.Length > 0).Select(c => " " + c));

    private static string Parameter(ParameterInfo parameter, NullabilityInfoContext context, bool isThis)
    {
        var type = parameter.ParameterType;
        var prefix = isThis ? "this " : "";
        if (parameter.CustomAttributes.Any(a => a.AttributeType.Name is "ParamArrayAttribute" or "ParamCollectionAttribute"))
        {
            prefix += "params ";
        }

        if (type.IsByRef)
        {
            prefix += parameter.IsOut ? "out " : parameter.IsIn ? "in " : "ref ";
        }

        var text = $"{prefix}{ApiTypeNames.Format(type, context.Create(parameter), write: !parameter.IsOut)} {parameter.Name}";
        return parameter.HasDefaultValue ? $"{text} = {DefaultValue(parameter.DefaultValue, type)}" : text;
    }

    private static string DefaultValue(object? value, Type type)
    {
        var valueType = Nullable.GetUnderlyingType(type) ?? type;
        return value switch
        {
            null when type.IsValueType && Nullable.GetUnderlyingType(type) is null => "default",
            null => "null",
            string s => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            bool b => b ? "true" : "false",
            char c => "'" + c + "'",
            _ when valueType.IsEnum => EnumValue(valueType, value),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
    }

    private static string EnumValue(Type enumType, object value)
    {
        var typed = Enum.ToObject(enumType, value);
        var name = ApiTypeNames.Format(enumType);
        return Enum.IsDefined(enumType, typed) ? $"{name}.{typed}" : $"({name}){Convert.ToInt64(value, CultureInfo.InvariantCulture)}";
    }

    private static string Constraint(Type parameter)
    {
        var attributes = parameter.GenericParameterAttributes;
        var parts = new List<string>();
        if (attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
        {
            parts.Add("struct");
        }
        else if (attributes.HasFlag(GenericParameterAttributes.ReferenceTypeConstraint))
        {
            parts.Add("class");
        }

        parts.AddRange(parameter.GetGenericParameterConstraints()
            .Where(c => c != typeof(ValueType))
            .Select(c => ApiTypeNames.Format(c))
            .Order(StringComparer.Ordinal));
        if (attributes.HasFlag(GenericParameterAttributes.DefaultConstructorConstraint)
            && !attributes.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
        {
            parts.Add("new()");
        }

        return parts.Count == 0 ? "" : $"where {parameter.Name} : {string.Join(", ", parts)}";
    }
}
