using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests;

public sealed class TestNamingTests
{
    [Fact]
    public void Every_test_in_this_project_is_named_as_a_sentence_with_underscores() =>
        Assert.Empty(TestNames.WithoutUnderscore(typeof(TestNamingTests).Assembly));
}
