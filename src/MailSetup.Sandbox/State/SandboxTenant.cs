namespace MailSetup.Sandbox.State;

/// <summary>
/// The live sandbox tenant: one <see cref="TenantState"/> behind a lock, saved after every change
/// when a store is given. Endpoints read and change it only through <see cref="Read{T}"/> and
/// <see cref="Change{T}"/>, so each request sees and leaves a consistent tenant. With a store, other
/// processes may work on the same tenant (a CLI run beside the UI or <c>sandbox serve</c>): a change
/// holds the store's lock, starts from what is saved, and saves; a read sees the latest save.
/// </summary>
public sealed class SandboxTenant
{
    private readonly object _gate = new();
    private readonly SandboxStateStore? _store;
    private TenantState _state;
    private StateStamp _saved;
    private long _revision = -1;

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
        new(TenantSeed.Create(options ?? new TenantSeedOptions(), clock.GetUtcNow()), clock, store);

    /// <summary>The tenant saved in the store, or a newly seeded one saved there.</summary>
    /// <exception cref="SandboxStateException">The saved file cannot be used.</exception>
    public static SandboxTenant LoadOrSeed(SandboxStateStore store, TimeProvider clock, TenantSeedOptions? options = null)
    {
        using var held = store.Lock();
        var state = store.Load() ?? TenantSeed.Create(options ?? new TenantSeedOptions(), clock.GetUtcNow());
        var tenant = new SandboxTenant(state, clock, store);
        tenant._saved = store.Save(state);
        held.Saved();
        tenant._revision = held.Revision;
        return tenant;
    }

    public T Read<T>(Func<TenantState, T> read)
    {
        lock (_gate)
        {
            Refresh();
            return read(_state);
        }
    }

    /// <summary>Runs a change and saves the tenant. A change that throws is not saved (and should change nothing first).</summary>
    public T Change<T>(Func<TenantState, T> change)
    {
        lock (_gate)
        {
            if (_store is null) return change(_state);
            using var held = _store.Lock();
            // The save count, not the file's time, says whether another process saved: two saves can
            // share a timestamp and a length.
            if (held.Revision != _revision && _store.Load() is { } saved) _state = saved;
            var result = change(_state);
            _saved = _store.Save(_state);
            held.Saved();
            _revision = held.Revision;
            return result;
        }
    }

    public void Change(Action<TenantState> change) => Change(s => { change(s); return 0; });

    /// <summary>For reads: takes up what another process saved since, as far as the file's time and size tell.</summary>
    private void Refresh()
    {
        if (_store is null || _store.Stamp() == _saved) return;
        if (_store.Load() is { } saved) _state = saved;
        _saved = _store.Stamp();
    }
}
