using System.Reflection;

namespace Strata.Packaging.Tests.Api;

/// <summary>
/// A property as one line: <c>public virtual string? Name { get; init; }</c>, with indexer parameters, <c>required</c>,
/// and an accessor's own access when it is narrower than the property's (<c>protected set;</c>).
/// </summary>
internal static class ApiPropertyLines
{
    /// <summary>The line, or null when no accessor is reachable from outside the assembly.</summary>
    public static string? Describe(PropertyInfo property, NullabilityInfoContext context)
    {
        var accessors = new[] { (Name: "get", Method: property.GetMethod), (Name: IsInit(property) ? "init" : "set", Method: property.SetMethod) }
            .Where(a => a.Method is not null && ApiSignatures.Access(a.Method) is not null)
            .Select(a => (a.Name, Method: a.Method!, Access: ApiSignatures.Access(a.Method!)!))
            .ToList();
        if (accessors.Count == 0)
        {
            return null;
        }

        var access = accessors.MaxBy(a => ApiSignatures.Rank(a.Access)).Access;
        var modifiers = ApiSignatures.Modifiers(accessors[0].Method);
        var required = property.CustomAttributes.Any(a => a.AttributeType.Name == "RequiredMemberAttribute") ? "required " : "";
        var type = ApiTypeNames.Format(property.PropertyType, context.Create(property));
        var index = property.GetIndexParameters();
        var name = index.Length == 0
            ? property.Name
            : $"this[{string.Join(", ", index.Select(p => $"{ApiTypeNames.Format(p.ParameterType, context.Create(p), write: true)} {p.Name}"))}]";
        var body = string.Join(" ", accessors.Select(a => (a.Access == access ? "" : a.Access + " ") + a.Name + ";"));
        return $"{access} {required}{modifiers}{type} {name} {{ {body} }}";
    }

    private static bool IsInit(PropertyInfo property) =>
        property.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit") == true;
}
