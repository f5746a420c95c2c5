namespace MailSetup.App;

/// <summary>
/// Process exit codes. 2 means "fix the command line" (the getopt convention scripts test for);
/// 1 means the command line was fine but the work failed.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
