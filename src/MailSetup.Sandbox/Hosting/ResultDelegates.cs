using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// Turns a handler that answers with an <see cref="IResult"/> into a plain <see cref="RequestDelegate"/>.
/// The sandbox maps only RequestDelegates: a minimal-API delegate with parameters goes through
/// ASP.NET Core's RequestDelegateFactory, which builds and compiles an expression tree per endpoint,
/// memory and start-up time the terminal UI (which hosts the sandbox in-process) should not pay.
/// </summary>
internal static class ResultDelegates
{
    public static RequestDelegate From(Func<HttpContext, IResult> handler) =>
        context => handler(context).ExecuteAsync(context);

    public static RequestDelegate From(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context)).ExecuteAsync(context);
}
