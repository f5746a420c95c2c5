namespace MailSetup.Sandbox.State;

/// <summary>
/// The live sandbox tenant: one <see cref="TenantState"/> behind a lock, saved after every change
/// when a store is given. Endpoints read and change it only through <see cref="Read{T}"/> and
/// <see cref="Change{T}"/>, so each request sees and leaves a consistent tenant.
/// </summary>
public sealed class SandboxTenant
{
    private readonly object _gate = new();
    private readonly TenantState _state;
    private readonly SandboxStateStore? _store;

    public SandboxTenant(TenantState state, TimeProvider clock, SandboxStateStore? store = null)
    {
        _state = state;
        _store = store;
        Clock = clock;
    }

    public TimeProvider Clock { get; }

    public string TenantId => _state.TenantId;
    public string DefaultDomain => _state.DefaultDomain;

    /// <summary>A fresh seeded tenant in memory (tests, and the first run).</summary>
    public static SandboxTenant CreateSeeded(TimeProvider clock, TenantSeedOptions? options = null, SandboxStateStore? store = null) =>
        new(TenantSeed.Create(options ?? new TenantSeedOptions()), clock, store);

    /// <summary>The tenant saved in the store, or a newly seeded one saved there.</summary>
    public static SandboxTenant LoadOrSeed(SandboxStateStore store, TimeProvider clock, TenantSeedOptions? options = null)
    {
        var state = store.Load() ?? TenantSeed.Create(options ?? new TenantSeedOptions());
        var tenant = new SandboxTenant(state, clock, store);
        tenant.Save();
        return tenant;
    }

    public T Read<T>(Func<TenantState, T> read)
    {
        lock (_gate) return read(_state);
    }

    /// <summary>Runs a change and saves the tenant. A change that throws is not saved (and should change nothing first).</summary>
    public T Change<T>(Func<TenantState, T> change)
    {
        lock (_gate)
        {
            var result = change(_state);
            Save();
            return result;
        }
    }

    public void Change(Action<TenantState> change) => Change(s => { change(s); return 0; });

    private void Save()
    {
        lock (_gate) _store?.Save(_state);
    }
}
