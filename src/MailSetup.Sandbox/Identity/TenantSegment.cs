using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Identity;

/// <summary>
/// The <c>{tenant}</c> of a token endpoint address: the tenant id, one of its verified domains, or
/// <c>common</c>/<c>organizations</c> (which only multi-tenant apps may use, as in Entra).
/// </summary>
internal sealed record TenantSegment(string Value, bool IsMultiTenantAlias)
{
    public static TenantSegment Resolve(TenantState state, string value)
    {
        if (value.Equals("common", StringComparison.OrdinalIgnoreCase) || value.Equals("organizations", StringComparison.OrdinalIgnoreCase))
            return new(value, true);
        if (value.Equals(state.TenantId, StringComparison.OrdinalIgnoreCase) ||
            state.Domains.Any(d => d.Equals(value, StringComparison.OrdinalIgnoreCase)))
            return new(value, false);
        throw EntraErrors.TenantNotFound(value);
    }
}
