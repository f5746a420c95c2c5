#!/usr/bin/env bash
# Every test: the whole suite on the build, then the tests that start the program (tmux end to end,
# sandbox serve, the CLI as a process) again on the jump-host publish (self-contained, trimmed,
# partly ReadyToRun), so the build admins copy is the one that was tested.
set -euo pipefail
cd "$(dirname "$0")"
# PowerShell 7.6.10 from the tool manifest (.config/dotnet-tools.json): the generated scripts are run with it.
dotnet tool restore
dotnet test MailSetupTui.sln
dotnet publish src/MailSetupTui -p:PublishProfile=linux-x64 --nologo -v quiet
MAILSETUP_TEST_BINARY="$PWD/src/MailSetupTui/bin/publish/linux-x64/mailsetup" \
  dotnet test tests/MailSetupTui.Tests --no-build --filter "Program=built"
