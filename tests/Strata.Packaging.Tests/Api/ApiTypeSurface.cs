using System.Globalization;
using System.Reflection;

namespace Strata.Packaging.Tests.Api;

/// <summary>
/// One exported type as text: a declaration line, then one indented line per member callers outside the assembly can
/// use (public and protected; constructors, fields, properties, events, methods in that order, each group sorted).
/// Compiler-generated members with unspeakable names (a record's <c>&lt;Clone&gt;$</c>) are left out: the
/// declaration line already says <c>record</c>.
/// </summary>
internal static class ApiTypeSurface
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The declaration line followed by the member lines.</summary>
    public static IReadOnlyList<string> Describe(Type type, NullabilityInfoContext context)
    {
        var lines = new List<string> { Header(type, context) };
        if (type.IsEnum)
        {
            lines.AddRange(EnumMembers(type));
            return lines;
        }

        if (typeof(Delegate).IsAssignableFrom(type.BaseType))
        {
            return lines;
        }

        var members = new List<(int Kind, string Name, string? Line)>();
        members.AddRange(type.GetConstructors(Declared).Where(c => !c.IsStatic).Select(c => Entry(0, c.Name, Constructor(c, context))));
        members.AddRange(type.GetFields(Declared).Where(f => !f.IsSpecialName).Select(f => Entry(1, f.Name, Field(f, context))));
        members.AddRange(type.GetProperties(Declared).Select(p => Entry(2, p.Name, ApiPropertyLines.Describe(p, context))));
        members.AddRange(type.GetEvents(Declared).Select(e => Entry(3, e.Name, Event(e, context))));
        members.AddRange(type.GetMethods(Declared).Where(IsOrdinaryMethod).Select(m => Entry(4, m.Name, Method(m, context))));
        lines.AddRange(members
            .Where(m => m.Line is not null && !m.Name.StartsWith('<'))
            .OrderBy(m => m.Kind)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.Line, StringComparer.Ordinal)
            .Select(m => "  " + m.Line));
        return lines;
    }

    private static (int Kind, string Name, string? Line) Entry(int kind, string name, string? line) => (kind, name, line);

    private static string Header(Type type, NullabilityInfoContext context)
    {
        var name = ApiTypeNames.Declaration(type);
        if (type.IsEnum)
        {
            return $"public enum {name} : {ApiTypeNames.Format(Enum.GetUnderlyingType(type))}";
        }

        if (typeof(Delegate).IsAssignableFrom(type.BaseType))
        {
            var invoke = type.GetMethod("Invoke")!;
            var returns = ApiTypeNames.Format(invoke.ReturnType, context.Create(invoke.ReturnParameter));
            return $"public delegate {returns} {name}({ApiSignatures.Parameters(invoke, context)})";
        }

        var bases = new List<string>();
        if (type.BaseType is { } baseType && baseType != typeof(object) && baseType != typeof(ValueType))
        {
            bases.Add(ApiTypeNames.Format(baseType));
        }

        bases.AddRange(type.GetInterfaces().Select(i => ApiTypeNames.Format(i)).Order(StringComparer.Ordinal));
        var inheritance = bases.Count == 0 ? "" : " : " + string.Join(", ", bases);
        var constraints = ApiSignatures.Constraints(type.IsGenericTypeDefinition ? type.GetGenericArguments() : []);
        return $"public {Kind(type)} {name}{inheritance}{constraints}";
    }

    private static string Kind(Type type)
    {
        if (type.IsInterface)
        {
            return "interface";
        }

        if (type.IsValueType)
        {
            var isReadOnly = type.CustomAttributes.Any(a => a.AttributeType.Name == "IsReadOnlyAttribute");
            return (isReadOnly ? "readonly " : "") + (type.IsByRefLike ? "ref " : "") + "struct";
        }

        var isRecord = type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;
        var modifiers = type.IsAbstract && type.IsSealed ? "static " : type.IsAbstract ? "abstract " : type.IsSealed ? "sealed " : "";
        return modifiers + (isRecord ? "record" : "class");
    }

    private static IEnumerable<string> EnumMembers(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (f.Name, Value: Convert.ToInt64(f.GetRawConstantValue(), CultureInfo.InvariantCulture)))
            .OrderBy(f => f.Value)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => $"  {f.Name} = {f.Value.ToString(CultureInfo.InvariantCulture)}");

    private static string? Constructor(ConstructorInfo constructor, NullabilityInfoContext context) =>
        ApiSignatures.Access(constructor) is { } access
            ? $"{access} {ApiTypeNames.SimpleName(constructor.DeclaringType!)}({ApiSignatures.Parameters(constructor, context)})"
            : null;

    private static string? Field(FieldInfo field, NullabilityInfoContext context)
    {
        if (ApiSignatures.Access(field) is not { } access)
        {
            return null;
        }

        var type = ApiTypeNames.Format(field.FieldType, context.Create(field));
        var required = field.CustomAttributes.Any(a => a.AttributeType.Name == "RequiredMemberAttribute") ? "required " : "";
        if (field.IsLiteral)
        {
            return $"{access} const {type} {field.Name} = {FormatConstant(field.GetRawConstantValue())}";
        }

        var modifiers = (field.IsStatic ? "static " : "") + (field.IsInitOnly ? "readonly " : "");
        return $"{access} {required}{modifiers}{type} {field.Name}";
    }

    private static string FormatConstant(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string? Event(EventInfo e, NullabilityInfoContext context)
    {
        var add = e.AddMethod!;
        return ApiSignatures.Access(add) is { } access
            ? $"{access} {ApiSignatures.Modifiers(add)}event {ApiTypeNames.Format(e.EventHandlerType!, context.Create(e))} {e.Name}"
            : null;
    }

    private static bool IsOrdinaryMethod(MethodInfo method) =>
        !method.IsSpecialName || method.Name.StartsWith("op_", StringComparison.Ordinal);

    private static string? Method(MethodInfo method, NullabilityInfoContext context)
    {
        if (ApiSignatures.Access(method) is not { } access)
        {
            return null;
        }

        var returns = ApiTypeNames.Format(method.ReturnType, context.Create(method.ReturnParameter));
        var generic = ApiSignatures.GenericParameters(method);
        var constraints = ApiSignatures.Constraints(method.IsGenericMethodDefinition ? method.GetGenericArguments() : []);
        return $"{access} {ApiSignatures.Modifiers(method)}{returns} {method.Name}{generic}({ApiSignatures.Parameters(method, context)}){constraints}";
    }
}
