using System.Net;
using System.Net.Sockets;

namespace MailSetup.Testing.Dovecot;

/// <summary>The ports of one private Dovecot, all offsets from one free base so parallel instances do not collide.</summary>
public sealed record DovecotPorts(int Base)
{
    public int Imap => Base + 143;
    public int Imaps => Base + 993;
    public int Pop3 => Base + 110;
    public int Pop3s => Base + 995;
    public int Submission => Base + 587;
    public int Submissions => Base + 465;
    public int Relay => Base + 25;

    public IReadOnlyList<int> Listening => [Imap, Imaps, Pop3, Pop3s, Submission, Submissions];

    /// <summary>Finds a base whose every port is free on 127.0.0.1.</summary>
    public static DovecotPorts FindFree()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var candidate = new DovecotPorts(Random.Shared.Next(200, 590) * 100);
            if (((int[])[.. candidate.Listening, candidate.Relay]).All(IsFree)) return candidate;
        }
        throw new InvalidOperationException("No free port base for Dovecot found.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
