using Microsoft.Graph;
using Microsoft.Graph.Applications.Item.RemovePassword;
using Microsoft.Kiota.Abstractions;

namespace MailSetup.Core.Execution;

/// <summary>Removes a client secret by its keyId (<c>removePassword</c>), built from the ids a journal recorded, never from text read back.</summary>
public static class SecretRemoval
{
    /// <returns>True when it was removed, false when it was gone already.</returns>
    public static async Task<bool> RemoveAsync(GraphServiceClient graph, string appObjectId, string keyId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(appObjectId, out var app) || !Guid.TryParse(keyId, out var key))
            throw new StepFailedException($"the journal's secret record is not usable (app '{appObjectId}', keyId '{keyId}')");
        try
        {
            await graph.Applications[app.ToString()].RemovePassword.PostAsync(new RemovePasswordPostRequestBody { KeyId = key },
                cancellationToken: cancellationToken);
            return true;
        }
        catch (ApiException e) when (e.ResponseStatusCode == 404)
        {
            return false;
        }
    }
}
