using System.Reflection;

namespace MailSetup.Testing;

/// <summary>
/// The one test naming style: a [Fact] or [Theory] is named as a sentence with underscores
/// (<c>Reset_deletes_the_saved_tenant_and_says_so</c>), not in PascalCase.
/// </summary>
public static class TestNames
{
    /// <summary>The tests in <paramref name="assembly"/> whose names have no underscore, as Type.Method.</summary>
    public static IReadOnlyList<string> WithoutUnderscore(Assembly assembly) =>
        assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static
                | BindingFlags.DeclaredOnly))
            .Where(IsTest)
            .Where(m => !m.Name.Contains('_', StringComparison.Ordinal))
            .Select(m => $"{m.DeclaringType?.Name}.{m.Name}")
            .Order(StringComparer.Ordinal)
            .ToList();

    // By name, so this helper needs only xunit.assert: [Theory] derives from [Fact].
    private static bool IsTest(MethodInfo method) =>
        method.GetCustomAttributesData().Any(a => DerivesFromFact(a.AttributeType));

    private static bool DerivesFromFact(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.FullName == "Xunit.FactAttribute") return true;
        }
        return false;
    }
}
