using Microsoft.AspNetCore.TestHost;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// Makes TestServer's handler behave like a socket for clients: a request body can be sent again
/// (retry handlers resend the same request; TestServer would read the consumed stream as empty),
/// and an aborted request fails as a reset connection does on Kestrel (HttpRequestException over
/// IOException), not as a cancellation the caller never asked for.
/// </summary>
internal sealed class InMemoryClientHandler(TestServer server) : DelegatingHandler(server.CreateHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is { } content && content is not ByteArrayContent)
        {
            var bytes = await content.ReadAsByteArrayAsync(cancellationToken);
            var replayable = new ByteArrayContent(bytes);
            foreach (var header in content.Headers) replayable.Headers.TryAddWithoutValidation(header.Key, header.Value);
            request.Content = replayable;
        }
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (OperationCanceledException aborted) when (!cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException("The sandbox closed the connection without an answer.", new IOException(aborted.Message, aborted));
        }
    }
}
